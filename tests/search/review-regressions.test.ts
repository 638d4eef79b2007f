// Regression tests for defects found in review of the first search implementation, each named
// after what broke.
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/analyse/analyzer.js';
import { parseCliArgs } from '../../src/cli/args.js';
import { parseQuery } from '../../src/search/query.js';
import { realIndex, realSearcher } from '../helpers.js';

const searcher = realSearcher();
const entries = realIndex().entries;
const groups = (q: string) => parseQuery(q).groups.map((g) => g.map((t) => t.text));
const run = (q: string) => searcher.search({ query: parseQuery(q), limit: 1000, offset: 0 });

describe('query parsing regressions', () => {
  it('a repeated term before | no longer turns the first AND group into an OR', () => {
    expect(groups('碳达峰 碳达峰 | 氢能')).toEqual([['碳达峰'], ['碳达峰', '氢能']]);
    expect(run('碳达峰 碳达峰 | 氢能').total).toBe(entries.filter((e) => e.text.includes('碳达峰')).length);
  });

  it('an OR survives a term that normalises to nothing', () => {
    expect(groups('碳达峰 | \u200b 氢能')).toEqual([['碳达峰', '氢能']]);
  });

  it('queries are NFKC-folded per character like documents, so decomposed accents still match', () => {
    expect(groups('cafe\u0301')).toEqual([[normalizeText('cafe\u0301')]]);
    expect(groups('\u1100\u1161')).toEqual([[normalizeText('\u1100\u1161')]]);
  });

  it('Han characters beyond the BMP count as Chinese for export spacing, in documents and queries', () => {
    expect(normalizeText('𠀀 2025')).toBe('𠀀2025');
    expect(normalizeText('2025 𠀀')).toBe('2025𠀀');
    expect(groups('𠀀 2025')).toEqual([['𠀀2025']]);
  });

  it('"45 %" normalises the same in documents and queries', () => {
    expect(normalizeText('排放降低 45 % 以上')).toBe('排放降低45%以上');
    expect(groups('45 %')).toEqual([['45%']]);
  });
});

describe('zero-result help regressions', () => {
  it('a Chinese word and a number joined by export spacing get a split suggestion', () => {
    const r = run('加氢站 2025');
    expect(r.total).toBe(0);
    const both = entries.filter((e) => e.text.includes('加氢站') && e.text.includes('2025')).length;
    expect(both).toBeGreaterThan(0);
    expect(r.split).toEqual({ query: '"加氢站" "2025"', count: both });
    expect(run('"加氢站" "2025"').total).toBe(both);
  });

  it('an exclusion that empties the result is offered for removal', () => {
    const r = run('加氢站 -氢');
    expect(r.total).toBe(0);
    expect(r.withoutExclusion).toEqual([{ exclusion: 0, query: '加氢站', count: run('加氢站').total }]);
  });
});

describe('CLI argument regressions', () => {
  it('a NOT term is query text, not an unknown option', () => {
    expect(parseCliArgs(['氢', '-加氢站', '--limit', '1'])).toEqual({ query: ['氢', '-加氢站'], json: false, help: false, values: { limit: ['1'] }, flags: new Set() });
    expect(parseCliArgs(['--json', '--doc=a', '--doc', 'b', '--', '--limit'])).toEqual({ query: ['--limit'], json: true, help: false, values: { doc: ['a', 'b'] }, flags: new Set() });
  });

  it('a value option without its value is PARAM_INVALID', () => {
    expect(() => parseCliArgs(['碳', '--limit'])).toThrow(expect.objectContaining({ code: 'PARAM_INVALID' }));
  });
});
