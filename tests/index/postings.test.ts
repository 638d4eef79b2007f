// Compressed posting lists: any ascending list comes back exactly, gaps of any size included,
// the cache of decoded lists keeps within its budget while keeping the newest, and lists
// intersect exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePostings, DecodedLists, encodePostings, intersectLists } from '../../src/index/postings.js';

const ascending = fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 31 - 2 }), { maxLength: 300 }).map((list) => list.sort((a, b) => a - b));

describe('posting lists', () => {
  it('round-trip any ascending list, from clause 0 to 2^31', () => {
    fc.assert(
      fc.property(ascending, (list) => {
        expect([...decodePostings(encodePostings(list))]).toEqual(list);
      }),
      { numRuns: 500 },
    );
  });

  it('take one byte a posting for gaps under 128', () => {
    const dense = Array.from({ length: 1000 }, (_, i) => i * 3);
    expect(encodePostings(dense).length).toBe(1000);
  });

  it('refuse a list that is not strictly ascending', () => {
    expect(() => encodePostings([1, 1])).toThrow(/递增/u);
    expect(() => encodePostings([3, 2])).toThrow(/递增/u);
  });
});

describe('decoded lists', () => {
  it('drop the least recently used past the budget, never the list just added', () => {
    const cache = new DecodedLists(10);
    cache.add('a', Int32Array.of(1, 2, 3, 4));
    cache.add('b', Int32Array.of(1, 2, 3, 4));
    expect(cache.get('a')).toEqual(Int32Array.of(1, 2, 3, 4));
    cache.add('c', Int32Array.of(1, 2, 3, 4));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    cache.add('huge', Int32Array.from({ length: 50 }, (_, i) => i));
    expect(cache.get('huge')).toHaveLength(50);
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('intersecting lists', () => {
  it('equals a set intersection, for lists of any relative length (walking and galloping)', () => {
    const sorted = (xs: number[]) => Int32Array.from([...new Set(xs)].sort((x, y) => x - y));
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 400, size: 'max' }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 3 }), (raw, short) => {
        const lists = raw.map((xs, k) => sorted(k === short ? xs.slice(0, 5) : xs));
        const expected = [...(lists[0] as Int32Array)].filter((n) => lists.every((l) => l.includes(n)));
        expect([...intersectLists(lists)]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
