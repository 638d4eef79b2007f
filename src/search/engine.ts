// Executing a parsed query: the clauses holding each term (term-lookup.ts), combined by AND,
// OR and NOT (match.ts, set-ops.ts), filtered and counted by facet (facet-columns.ts,
// facets.ts), ranked (rank.ts), and, when nothing matched, the hints of the zero-result page
// (suggestions.ts). Every request is metered against the query budget (budget.ts) as it goes.
import { decodeRelated } from '../index/related.js';
import { normOf, type IndexedClause, type SearchIndex } from '../index/search-index.js';
import type { Library } from '../library/library.js';
import { budgetFor, type QueryBudget } from './budget.js';
import { clauseFacetTable } from './facet-columns.js';
import type { Flags } from './facets.js';
import { matchAll } from './match.js';
import type { ParsedQuery } from './query.js';
import { matchesOf, rankHits, type Match } from './rank.js';
import { createSetOps } from './set-ops.js';
import { displayRanges, type Range } from './snippet.js';
import { noHints, zeroResultHints } from './suggestions.js';
import { containing, lookupFor } from './term-lookup.js';
import { DIMENSIONS, FILTER_KEY, type Dimension, type Filters, type SearchOutcome, type SearchRequest } from './types.js';

export interface Searcher {
  search(request: SearchRequest): SearchOutcome;
  /** Ids of the clauses a query matches under filters, in corpus order: the set without ranking. */
  matching(query: ParsedQuery, filters?: Filters): string[];
  /** Matches of the query's positive terms in one clause, in normalised offsets. */
  matchesIn(clauseId: string, query: ParsedQuery): Match[];
  /** Where the query's positive terms are in one clause's display text (the reader's marks). */
  highlights(clauseId: string, query: ParsedQuery): Range[];
  /** Where the words that tag a clause with a theme are in its display text. */
  themeHighlights(clauseId: string, theme: string): Range[];
  entry(clauseId: string): IndexedClause | undefined;
  /** The precomputed most similar clauses in other documents. */
  related(clauseId: string): { clause: IndexedClause['clause']; score: number; theme: string | null }[];
}

/** `budget` defaults to QUERY_BUDGET (config.ts) scaled to the library's size; tests pass small ones. */
export function createSearcher(library: Library, index: SearchIndex, options: { budget?: QueryBudget } = {}): Searcher {
  const { entries } = index;
  const budget = options.budget ?? budgetFor(entries.length);
  const table = clauseFacetTable(library, index);
  const sets = createSetOps(entries.length);
  /** Filter flags per dimension, or null where a dimension is not filtered. */
  const flagsOf = (filters: Filters | undefined): Flags<Dimension> => table.flagsOf((dim) => filters?.[FILTER_KEY[dim]]);
  const { failMask, failsOf, facetsOf } = table;
  const entryOf = (clauseId: string): IndexedClause | undefined => {
    const n = index.byId.get(clauseId);
    return n === undefined ? undefined : entries[n];
  };

  return {
    search(request) {
      const { query } = request;
      const lookup = lookupFor(query, budget);
      const flags = flagsOf(request.filters);
      const filtered = DIMENSIONS.some((dim) => flags[dim] !== null);
      const countKept = (list: Int32Array) => {
        if (!filtered) return list.length;
        let count = 0;
        for (let m = 0; m < list.length; m++) if (failMask(flags, list[m] as number) === 0) count++;
        return count;
      };
      const matched = matchAll(query, { index, sets, lookup });
      const failMasks = failsOf(matched, flags);
      const kept = failMasks ? matched.filter((_, m) => failMasks[m] === 0) : matched;
      const termClasses = (term: string) => {
        const list = lookup.memo.get(term);
        const counts = lookup.classes.get(term);
        return list && counts ? { list, counts } : undefined;
      };
      const hits = rankHits({ entries, numbers: kept, query, take: request.offset + request.limit, cost: lookup.cost, termClasses }).slice(request.offset);
      const termCounts = query.groups.flat().map((term) => ({ term, count: countKept(containing(index, term.text, lookup)) }));
      const count = (q: ParsedQuery, skip: { group?: number; exclusion?: number }) => countKept(matchAll(q, { index, sets, lookup, skip }));
      const hints = kept.length === 0 ? zeroResultHints(query, { count, themes: library.enrichment.taxonomy.themes }) : noHints();
      return { total: kept.length, unfiltered: matched.length, hits, facets: facetsOf(matched, failMasks), termCounts, ...hints };
    },
    matching(query, filters) {
      const flags = flagsOf(filters);
      const matched = matchAll(query, { index, sets, lookup: lookupFor(query, budget) });
      const failMasks = failsOf(matched, flags);
      const ids: string[] = [];
      matched.forEach((n, m) => {
        if (!failMasks || failMasks[m] === 0) ids.push((entries[n] as IndexedClause).clause.id);
      });
      return ids;
    },
    matchesIn(clauseId, query) {
      const entry = entryOf(clauseId);
      return entry ? matchesOf(entry, query, budget.maxMatchesPerTerm) : [];
    },
    highlights(clauseId, query) {
      const entry = entryOf(clauseId);
      const matches = entry ? matchesOf(entry, query, budget.maxMatchesPerTerm) : [];
      return entry && matches.length > 0 ? displayRanges(normOf(entry), matches) : [];
    },
    themeHighlights(clauseId, theme) {
      const entry = entryOf(clauseId);
      if (!entry) return [];
      const match = library.enrichment.themesOf(clauseId).find((m) => m.theme === theme);
      return displayRanges(
        normOf(entry),
        (match?.spans ?? []).map(([from, to]) => ({ from, to, term: 0, whole: false })),
      );
    },
    entry: entryOf,
    related(clauseId) {
      const n = index.byId.get(clauseId);
      return (n === undefined ? [] : decodeRelated(index.related[n] ?? '')).map((r) => ({ clause: (entries[r.n] as IndexedClause).clause, score: r.score, theme: r.theme ?? null }));
    },
  };
}
