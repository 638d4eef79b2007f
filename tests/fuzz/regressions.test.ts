// Bugs the fuzz suites found, each pinned by its (shrunk) counterexample.
import { describe, expect, it } from 'vitest';
import { normalize, normalizeText } from '../../src/analyse/analyzer.js';
import { buildLibrary } from '../../src/library/library.js';
import { ingestBytes } from '../../src/ingest/corpus.js';
import { parseQuery, queryWithout, queryWithoutExclusion, splitQuery } from '../../src/search/query.js';
import { snippetParts } from '../../src/search/snippet.js';
import { presentSearch } from '../../src/present/search-results.js';
import { realSearcher, searcherFor } from '../helpers.js';

const texts = (q: string) => {
  const parsed = parseQuery(q);
  return { groups: parsed.groups.map((g) => g.map((t) => t.text)), exclude: parsed.exclude.map((t) => t.text) };
};

describe('fuzz regressions', () => {
  it('an unclosed phrase in a suggestion query is closed, so the exclusion after it stays an exclusion', () => {
    // Was '".<script>alert(1)</script> -fi': the exclusion ran into the phrase.
    const q = parseQuery('2 -ﬁ".<script>alert(1)</script>');
    expect(queryWithout(q, 0)).toBe('".<script>alert(1)</script>" -fi');
    expect(texts(queryWithout(q, 0))).toEqual({ groups: [['.<script>alert(1)</script>']], exclude: ['fi'] });
    expect(texts(queryWithoutExclusion(parseQuery('碳 "未闭合 短语'), 0))).toEqual({ groups: [['碳'], ['未闭合短语']], exclude: [] });
  });

  it('leaving a term out between Chinese and a number does not join them by export spacing', () => {
    // Was '碳 2', which parses as the one term 碳2.
    const q = parseQuery('碳 x 2');
    expect(q.groups).toHaveLength(3);
    expect(texts(queryWithout(q, 1))).toEqual({ groups: [['碳'], ['2']], exclude: [] });
    // A duplicate dropped between them makes them neighbours too.
    const dup = parseQuery('x 碳 x 2 -y');
    expect(texts(queryWithoutExclusion(dup, 0))).toEqual({ groups: [['x'], ['碳'], ['2']], exclude: [] });
    expect(texts(queryWithout(dup, 0))).toEqual({ groups: [['碳'], ['2']], exclude: ['y'] });
  });

  it('a split suggestion over the term limit is not offered, and search on the query does not throw', () => {
    // 11 characters and 11 numbers joined by export spacing: one valid term, 22 when split.
    const raw = Array.from({ length: 11 }, (_, i) => `${'碳氢电煤油气光风水林草'[i]} ${10 + i}`).join(' ');
    const q = parseQuery(raw);
    expect(q.groups.flat()).toHaveLength(1);
    expect(splitQuery(q)).toBeNull();
    // Was an AppError QUERY_TOO_MANY_TERMS thrown from inside search (the zero-result split count).
    const outcome = realSearcher().search({ query: q, limit: 20, offset: 0 });
    expect(outcome.total).toBe(0);
    expect(outcome.split).toBeNull();
    // A short one is still offered.
    expect(splitQuery(parseQuery('加氢站 2025'))).toBe('"加氢站" "2025"');
  });

  it('a lone surrogate in a query becomes U+FFFD and never matches half of an astral character', () => {
    expect(normalizeText('\uD83D')).toBe('');
    expect(normalizeText('a\uDE00b')).toBe('ab');
    const q = parseQuery('2\uD800');
    expect(q.raw).toBe('2\uFFFD');
    const doc = ingestBytes({ name: 'astral.txt', bytes: Buffer.from('星号方案\n\n一、总则😀表情𠀀字。\n\n（一）指导思想😀。\n') });
    const library = buildLibrary({ documents: [doc], errors: [], warnings: [] });
    const searcher = searcherFor(library);
    // Was 0 hits from the index but 2 clauses holding '\uD83D' literally (half of 😀).
    const lone = parseQuery('\uD83D 😀 | 总则');
    expect(lone.groups.map((g) => g.map((t) => t.text))).toEqual([['\uFFFD'], ['😀', '总则']]);
    const outcome = searcher.search({ query: lone, limit: 10, offset: 0 });
    expect(outcome.total).toBe(0);
    expect(outcome.termCounts.map((t) => t.count)).toEqual([0, 2, 1]);
    // Was a URIError from encodeURIComponent in the reader link of every hit (a 500).
    const hits = parseQuery('😀 2\uD800 | 表情');
    const found = searcher.search({ query: hits, limit: 10, offset: 0 });
    expect(found.total).toBeGreaterThan(0);
    const view = presentSearch({ library, params: { query: hits, expansions: [], filters: { docs: [], levels: [] }, limit: 10, offset: 0 }, outcome: found });
    expect(view.hits[0]?.readerUrl).toContain(encodeURIComponent('2\uFFFD'));
  });

  it('the head of a long clause without matches does not end in half a surrogate pair', () => {
    const text = `${'碳'.repeat(149)}😀${'碳'.repeat(10)}`;
    // Was '碳…\uD83D' and then the ellipsis: the cut fell inside 😀.
    const parts = snippetParts(text, normalize(text), []);
    expect(parts[0]?.text.endsWith('😀')).toBe(true);
    expect(parts.at(-1)?.text).toBe('…');
    const exact = '碳'.repeat(150);
    expect(snippetParts(exact, normalize(exact), [])).toEqual([{ text: exact, mark: false }]);
  });

  it('a character NFKC spells with brackets inside (🉀 = 〔本〕) folds them too, so normalising twice changes nothing', () => {
    // Was '〔本〕' the first time and '(本)' the second: only a lone bracket was folded.
    expect(normalizeText('🉀')).toBe('(本)');
    expect(normalizeText(normalizeText('🉀'))).toBe('(本)');
    expect(normalize('国发🉀').starts).toEqual([0, 1, 2, 2, 2]);
  });
});
