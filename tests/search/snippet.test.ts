// Snippets and highlights: only <mark> as markup, at most three fragments, every mark on a
// real match of a query term, offsets mapped back through normalisation.
import { describe, expect, it } from 'vitest';
import { normalize, normalizeText } from '../../src/analyse/analyzer.js';
import { parseQuery } from '../../src/search/query.js';
import { matchesOf } from '../../src/search/rank.js';
import { displayRanges, markSegments, snippetHtml, snippetParts } from '../../src/search/snippet.js';
import { normOf } from '../../src/index/search-index.js';
import { realSearcher } from '../helpers.js';

const searcher = realSearcher();
const unescape = (s: string) => s.replace(/&#(\d+);/gu, (_, n: string) => String.fromCharCode(Number(n)));

describe('snippets of real hits', () => {
  for (const q of ['碳汇', '氢', 'CCER', '到 2025 年', '光伏 储能', '海绵城市 | 加氢站']) {
    it(`${q}: only <mark>, ≤3 fragments, marks are the terms`, () => {
      const parsed = parseQuery(q);
      const terms = parsed.groups.flat().map((t) => t.text);
      for (const hit of searcher.search({ query: parsed, limit: 50, offset: 0 }).hits) {
        const html = snippetHtml(hit.entry.clause.text, normOf(hit.entry), hit.matches);
        expect(html.replace(/<\/?mark>/gu, '')).not.toMatch(/[<>]/u);
        const marked = [...html.matchAll(/<mark>(.*?)<\/mark>/gu)].map((m) => normalizeText(unescape(m[1] as string)));
        expect(marked.length).toBeGreaterThan(0);
        for (const m of marked)
          expect(
            terms.some((t) => m.includes(t)),
            `${m} in ${hit.entry.clause.id}`,
          ).toBe(true);
        const fragments = snippetParts(hit.entry.clause.text, normOf(hit.entry), hit.matches).filter((p) => p.text === '…').length;
        expect(fragments).toBeLessThanOrEqual(4);
        const plain = unescape(html.replace(/<\/?mark>/gu, ''))
          .split('…')
          .filter(Boolean);
        expect(plain.length).toBeLessThanOrEqual(3);
        for (const piece of plain) expect(hit.entry.clause.text).toContain(piece);
      }
    });
  }

  it('each distinct term gets a fragment before any term gets a second one', () => {
    const parsed = parseQuery('碳汇 湿地');
    for (const hit of searcher.search({ query: parsed, limit: 20, offset: 0 }).hits) {
      const html = snippetHtml(hit.entry.clause.text, normOf(hit.entry), hit.matches);
      // Touching matches merge into one mark (湿地碳汇), so look inside the marks.
      const marked = [...html.matchAll(/<mark>(.*?)<\/mark>/gu)].map((m) => m[1]).join('|');
      expect(marked).toContain('碳汇');
      expect(marked).toContain('湿地');
    }
  });
});

describe('highlighting through normalisation', () => {
  it('a match on normalised text marks the original characters, spaces and full width included', () => {
    const display = '目标：到 2025 年，ＣＣＥＲ交易量达到4000万吨';
    const norm = normalize(display);
    const query = parseQuery('到2025年 ccer');
    const matches = matchesOf({ text: norm.text, identity: false, boundary: new Uint8Array(norm.text.length + 1), leadEnd: 0, heading: false, clause: null as never }, query);
    const ranges = displayRanges(norm, matches);
    expect(ranges.map(([a, b]) => display.slice(a, b))).toEqual(['到 2025 年', 'ＣＣＥＲ']);
    expect(
      markSegments(display, ranges)
        .filter((s) => s.mark)
        .map((s) => s.text),
    ).toEqual(['到 2025 年', 'ＣＣＥＲ']);
  });

  it('hostile text is escaped in the snippet', () => {
    const display = '<script>alert(1)</script>加氢站&"';
    const html = snippetHtml(display, normalize(display), [{ from: normalize(display).text.indexOf('加氢站'), to: normalize(display).text.indexOf('加氢站') + 3, term: 0, whole: true }]);
    expect(html).toBe('&#60;script&#62;alert(1)&#60;/script&#62;<mark>加氢站</mark>&#38;&#34;');
  });
});
