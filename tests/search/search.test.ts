// Search on the real corpus: exact recall and precision (property), variant spellings, the
// page-break phrase, operators, filters, facets and ranking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/analyse/analyzer.js';
import type { SearchOutcome } from '../../src/search/types.js';
import { parseQuery } from '../../src/search/query.js';
import { MIANYANG, realIndex, realLibrary, realSearcher, SICHUAN } from '../helpers.js';

const searcher = realSearcher();
const entries = realIndex().entries;
const texts = entries.map((e) => e.text);

function run(q: string, filters = { docs: [] as string[], levels: [] as string[] }): SearchOutcome {
  return searcher.search({ query: parseQuery(q), filters, limit: 100_000, offset: 0 });
}
const ids = (q: string) =>
  run(q)
    .hits.map((h) => h.entry.clause.id)
    .sort();
const containing = (term: string) =>
  entries
    .filter((e) => e.text.includes(term))
    .map((e) => e.clause.id)
    .sort();

describe('recall and precision are exact', () => {
  it('300+ random substrings of 1–8 characters find exactly the clauses that contain them', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(), fc.integer({ min: 1, max: 8 }), (n, start, len) => {
        const chars = [...(texts[n] as string)];
        const from = start % Math.max(1, chars.length - len + 1);
        const sub = chars
          .slice(from, from + len)
          .join('')
          .trim();
        // A substring with a quote cannot be written as a phrase; it is still a literal below.
        if (sub === '' || sub.includes('"')) return;
        const result = ids(`"${sub}"`);
        expect(result, sub).toEqual(containing(normalizeText(sub)));
        expect(result.length).toBeGreaterThan(0);
        checked++;
      }),
      { numRuns: 400, seed: 20261121 },
    );
    expect(checked).toBeGreaterThanOrEqual(300);
  });

  it('random substrings typed as plain words (no quotes) give the same hits when they hold no operator', () => {
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(), fc.integer({ min: 1, max: 6 }), (n, start, len) => {
        const chars = [...(texts[n] as string)];
        const from = start % Math.max(1, chars.length - len + 1);
        const sub = chars.slice(from, from + len).join('');
        // Operators as people type them: quotes (an opening Chinese one starts a phrase), the
        // list separators ，、； and the upper-case words.
        fc.pre(!/[\s"|\-,;\u3001]/u.test(sub) && !/^[\u201c\u300c\u300e]/u.test(sub) && !['OR', 'AND', 'NOT'].includes(sub));
        expect(ids(sub)).toEqual(containing(sub));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('every clause is found by its own full text as a phrase', () => {
    for (const e of entries.filter((_, i) => i % 7 === 0)) {
      const text = e.clause.text.replace(/"/gu, ' ').slice(0, 60).trim();
      expect(ids(`"${text}"`)).toContain(e.clause.id);
    }
  });
});

describe('spelling variants give identical results', () => {
  const same = (a: string, b: string) => {
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a).length).toBeGreaterThan(0);
  };
  it('ＣＣＥＲ / CCER / ccer', () => {
    same('ＣＣＥＲ', 'CCER');
    same('ccer', 'CCER');
  });
  it('加氫站 / 加氢站', () => same('加氫站', '加氢站'));
  it('碳達峰 / 碳达峰', () => same('碳達峰', '碳达峰'));
  it('"到 2025 年" / "到2025年" / 到 2025 年 / 到2025年', () => {
    same('"到 2025 年"', '"到2025年"');
    same('到 2025 年', '到2025年');
    same('到 2025 年', '"到2025年"');
  });
  it('full-width spaces and digits: 到　２０２５　年', () => same('到　２０２５　年', '到2025年'));
  it('文号 bracket variants find each other: 国发〔2021〕23号 typed with [] () 【】 （） ［］', () => {
    for (const typed of ['国发[2021]23号', '国发(2021)23号', '国发【2021】23号', '国发（2021）23号', '国发［2021］23号', '国发〖2021〗23号']) same(typed, '国发〔2021〕23号');
    same('川府发[2022]37号', '川府发〔2022〕37号');
  });
  it('typed habits give the answers of the plain syntax: Chinese quotes, separators, operators, letter-spacing', () => {
    same('“海绵城市建设”', '"海绵城市建设"');
    same('「海绵城市」', '"海绵城市"');
    same('氢能，加氢站', '氢能 加氢站');
    same('氢能、加氢站', '氢能 加氢站');
    same('氢能 AND 加氢站', '氢能 加氢站');
    same('碳中和 NOT 碳达峰', '碳中和 -碳达峰');
    same('碳 达 峰', '碳达峰');
  });
});

describe('a phrase split across a page break in the source is found', () => {
  it('自愿减排项目储备 finds the 四川省 and the 绵阳 clause', () => {
    const docs = new Set(run('自愿减排项目储备').hits.map((h) => h.entry.clause.docId));
    expect(docs).toEqual(new Set([SICHUAN, MIANYANG]));
  });
});

describe('operators on the real corpus', () => {
  it('AND: every hit holds both terms, and every clause holding both is a hit', () => {
    const expected = entries
      .filter((e) => e.text.includes('光伏') && e.text.includes('储能'))
      .map((e) => e.clause.id)
      .sort();
    expect(ids('光伏 储能')).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(containing('光伏').length);
  });

  it('OR: the union of the two terms', () => {
    const union = [...new Set([...containing('海绵城市'), ...containing('加氢站')])].sort();
    expect(ids('海绵城市 | 加氢站')).toEqual(union);
    expect(ids('海绵城市 OR 加氢站')).toEqual(union);
  });

  it('NOT: 氢 -加氢站 drops exactly the clauses that mention 加氢站', () => {
    const expected = containing('氢').filter((id) => !containing('加氢站').includes(id));
    expect(ids('氢 -加氢站')).toEqual(expected);
    expect(expected.length).toBeLessThan(containing('氢').length);
  });

  it('phrase vs words: "绿色 低碳" as a phrase is 绿色低碳, as words it is AND', () => {
    expect(ids('"绿色 低碳"')).toEqual(containing('绿色低碳'));
    const and = entries
      .filter((e) => e.text.includes('绿色') && e.text.includes('低碳'))
      .map((e) => e.clause.id)
      .sort();
    expect(ids('绿色 低碳')).toEqual(and);
    expect(and.length).toBeGreaterThan(containing('绿色低碳').length);
  });

  it('AND with OR inside: 建筑 光伏 | 风电', () => {
    const expected = entries
      .filter((e) => e.text.includes('建筑') && (e.text.includes('光伏') || e.text.includes('风电')))
      .map((e) => e.clause.id)
      .sort();
    expect(ids('建筑 光伏 | 风电')).toEqual(expected);
  });
});

describe('filters and facets', () => {
  it('doc filter keeps only that document; the doc facet still counts the others', () => {
    const all = run('碳汇');
    const one = run('碳汇', { docs: [MIANYANG], levels: [] });
    expect(one.hits.every((h) => h.entry.clause.docId === MIANYANG)).toBe(true);
    expect(one.total).toBe(all.facets.doc.find((f) => f.value === MIANYANG)?.count);
    expect(one.facets.doc).toEqual(all.facets.doc);
  });

  it('facet counts add up to the total, per document and per level', () => {
    const r = run('能源');
    expect(r.facets.doc.reduce((n, f) => n + f.count, 0)).toBe(r.total);
    expect(r.facets.level.reduce((n, f) => n + f.count, 0)).toBe(r.total);
    expect(r.facets.level.map((f) => f.value)).toEqual(['province', 'city', 'county']);
  });

  it('level filter: county only', () => {
    const r = run('碳汇', { docs: [], levels: ['county'] });
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits.every((h) => realLibrary().getDocument(h.entry.clause.docId)?.level === 'county')).toBe(true);
  });

  it('pagination: pages are consecutive slices of one ranking', () => {
    const q = parseQuery('碳达峰');
    const whole = searcher.search({ query: q, limit: 1000, offset: 0 }).hits.map((h) => h.entry.clause.id);
    const pages = [0, 10, 20].flatMap((offset) => searcher.search({ query: q, limit: 10, offset }).hits.map((h) => h.entry.clause.id));
    expect(pages).toEqual(whole.slice(0, 30));
  });

  it('per-term counts and drop-a-term counts explain a zero result', () => {
    const r = run('加氢站 海绵城市');
    expect(r.total).toBe(0);
    expect(r.termCounts.map((t) => [t.term.text, t.count])).toEqual([
      ['加氢站', containing('加氢站').length],
      ['海绵城市', containing('海绵城市').length],
    ]);
    expect(r.withoutGroup).toEqual([
      { group: 0, query: '海绵城市', count: containing('海绵城市').length },
      { group: 1, query: '加氢站', count: containing('加氢站').length },
    ]);
  });
});

describe('ranking', () => {
  it('whole-word matches rank above matches inside a longer word, for many queries', () => {
    for (const q of ['碳汇', '光伏', '氢能', '储能', '碳达峰', '城市', '交易']) {
      const hits = run(q).hits;
      const tiers = hits.map((h) => h.wholeGroups);
      expect(tiers, q).toEqual([...tiers].sort((a, b) => b - a));
    }
  });

  it('碳汇: a clause where 碳汇 stands as a word beats one where it only appears inside a longer word', () => {
    const hits = run('碳汇').hits;
    const inWordOnly = hits.filter((h) => h.matches.every((m) => !m.whole));
    const whole = hits.filter((h) => h.matches.some((m) => m.whole));
    expect(inWordOnly.length).toBeGreaterThan(0);
    expect(whole.length).toBeGreaterThan(0);
    expect(hits.indexOf(whole.at(-1) as (typeof hits)[number])).toBeLessThan(hits.indexOf(inWordOnly[0] as (typeof hits)[number]));
  });

  it('within a tier, more matches and a match in the lead phrase score higher', () => {
    const hits = run('海绵城市').hits;
    const top = hits[0];
    expect(top?.matches.length).toBeGreaterThanOrEqual(2);
    for (const h of hits.slice(1)) if (h.wholeGroups === top?.wholeGroups) expect(h.score).toBeLessThanOrEqual(top.score);
  });

  it('ties are broken by level (province first) and reading order', () => {
    const hits = run('"到2030年"').hits;
    const order = (id: string) => realIndex().byId.get(id) as number;
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1], hits[i]];
      if (a && b && a.wholeGroups === b.wholeGroups && a.score === b.score) expect(order(a.entry.clause.id)).toBeLessThan(order(b.entry.clause.id));
    }
  });
});
