// Ranking from per-posting class counts (src/index/features.ts) must give exactly what scoring
// each hit's text gives: same scores, same whole-word groups, same order, for any query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/analyse/analyzer.js';
import { decodeClasses, encodeClasses, termClasses } from '../../src/index/features.js';
import { postingClasses, postings, type IndexedClause } from '../../src/index/search-index.js';
import { matchAll } from '../../src/search/match.js';
import { parseQuery } from '../../src/search/query.js';
import { mayOverlap, rankHits, type RankedHit } from '../../src/search/rank.js';
import { createSetOps } from '../../src/search/set-ops.js';
import { lookupFor } from '../../src/search/term-lookup.js';
import { realIndex } from '../helpers.js';

const index = realIndex();
const { entries } = index;
const view = (hits: RankedHit[]) => hits.map((h) => ({ id: h.entry.clause.id, whole: h.wholeGroups, score: h.score }));

function both(q: string, take?: number): { fast: RankedHit[]; text: RankedHit[] } {
  const query = parseQuery(q);
  const lookup = lookupFor(query);
  const numbers = matchAll(query, { index, sets: createSetOps(entries.length), lookup });
  const termClasses = (term: string) => {
    const list = lookup.memo.get(term);
    const counts = lookup.classes.get(term);
    return list && counts ? { list, counts } : undefined;
  };
  // The data the fast path needs is there and aligned, so it is the path taken (no overlap here).
  for (const t of query.groups.flat()) expect(lookup.classes.get(t.text)?.length, t.text).toBe((lookup.memo.get(t.text)?.length ?? -1) * 4);
  return { fast: rankHits({ entries, numbers, query, termClasses, take }), text: rankHits({ entries, numbers, query, take }) };
}

describe('ranking from class counts', () => {
  it.each(['碳', '的', '年', '氢能', '加氢站', '光伏 | 核聚变堆 | 风电', '光伏 | 龘龘 | 风电', '碳达峰 碳中和', '光伏 | 风电 | 水电', '"到2025年"', '能源 -天然气', 'ccer', '5g', '碳 能源', '绿色 低碳 | 减排'])(
    '%s: the same scores and order as scoring the text',
    (q) => {
      const { fast, text } = both(q);
      expect(fast.length).toBeGreaterThan(0);
      expect(view(fast)).toEqual(view(text));
    },
  );

  it.each(['碳达 | 达峰', '光伏 | 光伏发电', '风电 | 电网 | 水电', '风电 | 电网 | 核聚变堆', '碳 | 碳达峰', '新能源 | 能源 | 源', '"。" | 碳 | "(" | 、 | 2'])(
    '%s (terms that overlap): pages of 1, 7 and 20 from score bounds equals the full sort',
    (q) => {
      for (const take of [1, 7, 20]) {
        const { fast, text } = both(q, take);
        expect(fast.length).toBe(take);
        expect(view(fast)).toEqual(view(text));
      }
    },
  );

  it('regression: a two-character term no clause holds (龘龘) had no counts and sent the whole query to the slow path', () => {
    const query = parseQuery('风电 | 电网 | 龘龘');
    const lookup = lookupFor(query);
    matchAll(query, { index, sets: createSetOps(entries.length), lookup });
    expect(lookup.memo.get('龘龘')).toEqual(new Int32Array(0));
    expect(lookup.classes.get('龘龘')).toEqual(new Int32Array(0));
    const { fast, text } = both('风电 | 电网 | 龘龘', 7);
    expect(view(fast)).toEqual(view(text));
  });

  it('property: random substrings of real clauses, alone, ANDed and ORed', () => {
    const spot = fc.record({ n: fc.nat(entries.length - 1), start: fc.nat(), len: fc.integer({ min: 1, max: 5 }) });
    const pick = (s: { n: number; start: number; len: number }) => {
      const chars = [...(entries[s.n] as IndexedClause).text];
      const from = s.start % Math.max(1, chars.length - s.len + 1);
      return chars
        .slice(from, from + s.len)
        .join('')
        .trim();
    };
    fc.assert(
      fc.property(spot, spot, fc.constantFrom(' ', ' | '), (a, b, op) => {
        const [x, y] = [pick(a), pick(b)];
        fc.pre(x !== '' && y !== '' && !/["|-]/u.test(x + y));
        for (const take of [undefined, 5]) {
          const { fast, text } = both(`"${x}"${op}"${y}"`, take);
          expect(view(fast)).toEqual(view(text));
        }
      }),
      { numRuns: 150, seed: 3 },
    );
  });

  it("every token's saved counts equal a count on the text, for a sample of tokens", () => {
    const one = new Int32Array(4);
    for (const token of [...index.lists.keys()].filter((_, k) => k % 97 === 0)) {
      const list = postings(index, token);
      const counts = postingClasses(index, token) as Int32Array;
      expect(counts.length).toBe(list.length * 4);
      list.forEach((n, p) => {
        termClasses(entries[n] as IndexedClause, token, Number.MAX_SAFE_INTEGER, one);
        expect([...counts.subarray(p * 4, p * 4 + 4)], `${token} in ${n}`).toEqual([...one]);
      });
    }
  });

  it('class counts round-trip through their encoding, mixed classes included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(300), fc.nat(3), fc.nat(3), fc.nat(3)).filter((c) => c.some((x) => x > 0))), (rows) => {
        const list = rows.map((r) => Int32Array.from(r));
        const flat = decodeClasses(encodeClasses(list), list.length);
        expect([...flat]).toEqual(rows.flat());
      }),
    );
  });

  it('knows when occurrences of two terms may overlap', () => {
    expect(mayOverlap(['碳达', '达峰'])).toBe(true);
    expect(mayOverlap(['光伏', '光伏发电'])).toBe(true);
    expect(mayOverlap(['碳', '碳'])).toBe(true);
    expect(mayOverlap(['光伏', '风电', normalizeText('水电')])).toBe(false);
  });
});

describe('ranking reuses its buffers between queries', () => {
  it('a small query after a large one scores as if it ran first (buffers left dirty)', () => {
    const before = both('氢能');
    both('碳');
    both('的 | 年');
    const after = both('氢能');
    expect(view(after.fast)).toEqual(view(before.fast));
    expect(view(after.fast)).toEqual(view(after.text));
  });
});
