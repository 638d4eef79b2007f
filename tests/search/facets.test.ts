// Facet counting over grouped columns (a clause takes its document's values) must count exactly
// what the same values spelled out per item count, with and without filters, and the search
// facets of the bundled corpus must equal counts made by hand from the hits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { facetColumn, facetTable, groupedColumn, type FacetColumn } from '../../src/search/facets.js';
import { parseQuery } from '../../src/search/query.js';
import { realLibrary, realSearcher } from '../helpers.js';

const DIMS = ['doc', 'kind', 'tag'] as const;
type Dim = (typeof DIMS)[number];

const world = fc.record({ groups: fc.integer({ min: 1, max: 6 }), items: fc.integer({ min: 0, max: 40 }) }).chain(({ groups, items }) =>
  fc.record({
    groupOf: fc.array(fc.integer({ min: 0, max: groups - 1 }), { minLength: items, maxLength: items }),
    kinds: fc.array(fc.subarray(['甲', '乙', '丙']), { minLength: groups, maxLength: groups }),
    tags: fc.array(fc.subarray(['x', 'y']), { minLength: items, maxLength: items }),
    picked: fc.subarray([...Array(items).keys()]),
    wanted: fc.record({ doc: fc.subarray(['0', '1', '2']), kind: fc.subarray(['甲', '乙', '丙']), tag: fc.subarray(['x', 'y']) }),
  }),
);

describe('grouped facet columns', () => {
  it('count and filter exactly as the same values per item', () => {
    fc.assert(
      fc.property(world, ({ groupOf, kinds, tags, picked, wanted }) => {
        const of = Int32Array.from(groupOf);
        const docValues = kinds.map((_, g) => String(g));
        const tag = facetColumn(['x', 'y'], tags.length, (n) => tags[n] as string[]);
        const grouped: Record<Dim, FacetColumn> = {
          doc: groupedColumn(
            facetColumn(docValues, kinds.length, (g) => [String(g)]),
            of,
          ),
          kind: groupedColumn(
            facetColumn(['甲', '乙', '丙'], kinds.length, (g) => kinds[g] as string[]),
            of,
          ),
          tag,
        };
        const plain: Record<Dim, FacetColumn> = {
          doc: facetColumn(docValues, groupOf.length, (n) => [String(groupOf[n])]),
          kind: facetColumn(['甲', '乙', '丙'], groupOf.length, (n) => kinds[groupOf[n] as number] as string[]),
          tag,
        };
        const a = facetTable(DIMS, grouped);
        const b = facetTable(DIMS, plain);
        const flagsA = a.flagsOf((dim) => wanted[dim]);
        const flagsB = b.flagsOf((dim) => wanted[dim]);
        const failsA = a.failsOf(picked, flagsA);
        const failsB = b.failsOf(picked, flagsB);
        expect(failsA).toEqual(failsB);
        expect(a.facetsOf(picked, failsA)).toEqual(b.facetsOf(picked, failsB));
        expect(a.facetsOf(picked, null)).toEqual(b.facetsOf(picked, null));
      }),
      { numRuns: 300 },
    );
  });
});

describe('search facets on the bundled corpus', () => {
  it.each(['碳', '氢能', '加氢站 | 光伏'])('%s: document and level counts equal those of the hits', (q) => {
    const library = realLibrary();
    const searcher = realSearcher();
    const query = parseQuery(q);
    const ids = searcher.matching(query);
    const outcome = searcher.search({ query, limit: 1, offset: 0 });
    const byDoc = new Map<string, number>();
    const byLevel = new Map<string, number>();
    for (const id of ids) {
      const clause = library.getClause(id);
      if (!clause) throw new Error(id);
      byDoc.set(clause.docId, (byDoc.get(clause.docId) ?? 0) + 1);
      const level = library.getDocument(clause.docId)?.level ?? 'none';
      byLevel.set(level, (byLevel.get(level) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcome.facets.doc.map((f) => [f.value, f.count]))).toEqual(Object.fromEntries(byDoc));
    expect(Object.fromEntries(outcome.facets.level.map((f) => [f.value, f.count]))).toEqual(Object.fromEntries(byLevel));
  });
});
