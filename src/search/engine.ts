// Executing a parsed query: candidates from the FlexSearch recall-token index (the rarest
// token of each term), literal verification on normalised text (so recall and precision are
// exact), ranking, facets and the per-term counts that the zero-result page needs. Every
// request is metered against the query budget (budget.ts) as it goes.
import { termTokens } from '../analyse/analyzer.js';
import type { DocDimension } from '../library/doc-facets.js';
import { levelTag, NO_LEVEL, postings, type IndexedClause, type SearchIndex } from '../index/search-index.js';
import type { Library } from '../library/library.js';
import { LEVEL_ORDER } from '../ingest/types.js';
import { queryCost, type QueryBudget, type QueryCost } from './budget.js';
import { facetColumn, facetTable, type FacetColumn, type FacetCount, type Flags } from './facets.js';
import { parseQuery, splitQuery, type ParsedQuery, type Term } from './query.js';
import { matchesOf, rankHits, type Match, type RankedHit } from './rank.js';

export interface Filters {
  docs: string[];
  levels: string[];
  themes?: string[];
  policies?: string[];
  departments?: string[];
  /** The documents' identity (src/index/doc-facets.ts): province or 全国, issuing organ, type, status, year of issue. */
  regions?: string[];
  issuers?: string[];
  types?: string[];
  statuses?: string[];
  issued?: string[];
}

/** The filters a document's identity answers: /docs, /compare and /targets take these. */
export type IdentityFilters = Pick<Filters, 'regions' | 'issuers' | 'types' | 'statuses' | 'issued'>;
export type DocFilters = Pick<Filters, 'levels'> & IdentityFilters;

/** The facet dimensions; each has a filter list in Filters and values per clause. */
export const DIMENSIONS = ['doc', 'level', 'region', 'issuer', 'type', 'status', 'issued', 'theme', 'policy', 'department'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const FILTER_KEY: Record<Dimension, keyof Filters> = {
  doc: 'docs',
  level: 'levels',
  region: 'regions',
  issuer: 'issuers',
  type: 'types',
  status: 'statuses',
  issued: 'issued',
  theme: 'themes',
  policy: 'policies',
  department: 'departments',
};

export type { FacetCount };

export interface SearchRequest {
  query: ParsedQuery;
  filters?: Filters;
  limit: number;
  offset: number;
}

export interface SearchOutcome {
  total: number;
  /** Clauses the query matches with no filters (filters only narrow a query's matches). */
  unfiltered: number;
  hits: RankedHit[];
  facets: Record<Dimension, FacetCount[]>;
  /** Clauses each positive term matches on its own (filters applied). */
  termCounts: { term: Term; count: number }[];
  /** When nothing matched: results if one AND group, or one exclusion, were left out. */
  withoutGroup: { group: number; count: number }[];
  withoutExclusion: { exclusion: number; count: number }[];
  /** When nothing matched and a term was joined across export spacing: the split query's count. */
  split: { query: string; count: number } | null;
}

export interface Searcher {
  search(request: SearchRequest): SearchOutcome;
  /** Ids of the clauses a query matches under filters, in corpus order: the set without ranking. */
  matching(query: ParsedQuery, filters?: Filters): string[];
  /** Matches of the query's positive terms in one clause (for the reader's highlights). */
  matchesIn(clauseId: string, query: ParsedQuery): Match[];
  entry(clauseId: string): IndexedClause | undefined;
  /** The precomputed most similar clauses in other documents. */
  related(clauseId: string): { clause: IndexedClause['clause']; score: number; theme: string | null }[];
}

/** What one request has looked up (each term once) and what it has cost so far. */
interface Lookup {
  memo: Map<string, readonly number[]>;
  cost: QueryCost;
}

/** `budget` defaults to QUERY_BUDGET (config.ts); tests pass small ones. */
export function createSearcher(library: Library, index: SearchIndex, options: { budget?: QueryBudget } = {}): Searcher {
  const { entries } = index;
  const lookupFor = (query: ParsedQuery): Lookup => ({ memo: new Map(), cost: queryCost(query, options.budget) });
  const enrichment = library.enrichment;
  const clauseOf = (n: number) => (entries[n] as IndexedClause).clause;
  const identity = library.docFacets;
  const byDoc = (dim: DocDimension) => facetColumn(identity.values[dim], entries.length, (n) => identity.of(clauseOf(n).docId)[dim]);
  // Facet values are looked up once here, so a query touches only integer arrays.
  const columns: Record<Dimension, FacetColumn> = {
    doc: facetColumn(library.documents.map((d) => d.id), entries.length, (n) => [clauseOf(n).docId]),
    level: facetColumn([...LEVEL_ORDER, NO_LEVEL], entries.length, (n) => [levelTag(library, clauseOf(n))]),
    region: byDoc('region'),
    issuer: byDoc('issuer'),
    type: byDoc('type'),
    status: byDoc('status'),
    issued: byDoc('issued'),
    theme: facetColumn(enrichment.taxonomy.themes.map((t) => t.id), entries.length, (n) => enrichment.themesOf(clauseOf(n).id).map((m) => m.theme)),
    policy: facetColumn(enrichment.policies.map((p) => p.key), entries.length, (n) => enrichment.policiesOf(clauseOf(n).id)),
    department: facetColumn(enrichment.departments, entries.length, (n) => enrichment.departmentsOf(clauseOf(n).id)),
  };
  const table = facetTable(DIMENSIONS, columns);
  // Set operations stamp clause numbers in one shared array instead of building Sets.
  const stamps = new Uint32Array(entries.length);
  let stamp = 0;
  const nextStamp = () => {
    if (stamp === 0xffffffff) {
      stamps.fill(0);
      stamp = 0;
    }
    return ++stamp;
  };

  /**
   * Clause numbers (ascending) whose normalised text contains `term`. Candidates are the
   * postings of the term's rarest token; a one-character or two-character term is its own
   * token, so its postings are the answer, otherwise each candidate is checked literally.
   * Every list read and every clause to check counts against the budget before the work.
   */
  const containing = (term: string, { memo, cost }: Lookup): readonly number[] => {
    let found = memo.get(term);
    if (found) return found;
    const tokens = termTokens(term);
    let rarest: readonly number[] | null = null;
    for (const token of tokens) {
      const list = postings(index, token);
      cost.touch(list.length);
      if (rarest === null || list.length < rarest.length) rarest = list;
      if (list.length === 0) break;
    }
    const exact = tokens.length === 1 && tokens[0] === term;
    if (!exact && rarest !== null) cost.touch(rarest.length);
    found = exact || rarest === null ? (rarest ?? []) : rarest.filter((n) => (entries[n] as IndexedClause).text.includes(term));
    memo.set(term, found);
    return found;
  };

  const unionOf = (lists: (readonly number[])[]): readonly number[] => {
    if (lists.length === 1) return lists[0] as readonly number[];
    const s = nextStamp();
    const all: number[] = [];
    for (const list of lists) {
      for (const n of list) {
        if (stamps[n] !== s) {
          stamps[n] = s;
          all.push(n);
        }
      }
    }
    return all.sort((a, b) => a - b);
  };

  /** Ascending clause numbers matching every group and no exclusion. */
  const matchAll = (query: ParsedQuery, lookup: Lookup, skip: { group?: number; exclusion?: number } = {}): readonly number[] => {
    const groups = query.groups
      .filter((_, i) => i !== skip.group)
      .map((g) => unionOf(g.map((t) => containing(t.text, lookup))))
      .sort((a, b) => a.length - b.length);
    if (groups.length === 0) return [];
    let kept = groups[0] as readonly number[];
    for (const other of groups.slice(1)) kept = keepMarked(kept, other, true);
    query.exclude.forEach((t, i) => {
      if (i !== skip.exclusion) kept = keepMarked(kept, containing(t.text, lookup), false);
    });
    return kept;
  };

  /** The numbers of `list` that are (or, with inside = false, are not) in `other`. */
  const keepMarked = (list: readonly number[], other: readonly number[], inside: boolean): readonly number[] => {
    if (other.length === 0) return inside ? [] : list;
    const s = nextStamp();
    for (const n of other) stamps[n] = s;
    return list.filter((n) => (stamps[n] === s) === inside);
  };

  /** Filter flags per dimension, or null where a dimension is not filtered. */
  const flagsOf = (filters: Filters | undefined): Flags<Dimension> => table.flagsOf((dim) => filters?.[FILTER_KEY[dim]]);
  const { failMask, failsOf, facetsOf } = table;

  return {
    search(request) {
      const { query } = request;
      const lookup = lookupFor(query);
      const flags = flagsOf(request.filters);
      const filtered = DIMENSIONS.some((dim) => flags[dim] !== null);
      const keep = (list: readonly number[]) => (filtered ? list.filter((n) => failMask(flags, n) === 0) : list);
      const matched = matchAll(query, lookup);
      const failMasks = failsOf(matched, flags);
      const kept = failMasks ? matched.filter((_, m) => failMasks[m] === 0) : matched;
      const hits = rankHits({ entries, numbers: kept, query, take: request.offset + request.limit, cost: lookup.cost }).slice(request.offset);
      const termCounts = query.groups.flat().map((term) => ({ term, count: keep(containing(term.text, lookup)).length }));
      const none = kept.length === 0;
      const count = (q: ParsedQuery, skip: { group?: number; exclusion?: number }) => keep(matchAll(q, lookup, skip)).length;
      const withoutGroup = none && query.groups.length > 1 ? query.groups.map((_, group) => ({ group, count: count(query, { group }) })) : [];
      const withoutExclusion = none ? query.exclude.map((_, exclusion) => ({ exclusion, count: count(query, { exclusion }) })) : [];
      const splitText = none ? splitQuery(query) : null;
      const split = splitText ? { query: splitText, count: count(parseQuery(splitText), {}) } : null;
      return { total: kept.length, unfiltered: matched.length, hits, facets: facetsOf(matched, failMasks), termCounts, withoutGroup, withoutExclusion, split };
    },
    matching(query, filters) {
      const flags = flagsOf(filters);
      const matched = matchAll(query, lookupFor(query));
      const failMasks = failsOf(matched, flags);
      return matched.filter((_, m) => !failMasks || failMasks[m] === 0).map((n) => (entries[n] as IndexedClause).clause.id);
    },
    matchesIn(clauseId, query) {
      const n = index.byId.get(clauseId);
      if (n === undefined) return [];
      return matchesOf(entries[n] as IndexedClause, query, options.budget?.maxMatchesPerTerm);
    },
    entry(clauseId) {
      const n = index.byId.get(clauseId);
      return n === undefined ? undefined : entries[n];
    },
    related(clauseId) {
      const n = index.byId.get(clauseId);
      if (n === undefined) return [];
      return (entries[n] as IndexedClause).related.map((r) => ({ clause: (entries[r.n] as IndexedClause).clause, score: r.score, theme: r.theme ?? null }));
    },
  };
}
