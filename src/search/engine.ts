// Executing a parsed query: candidates from the FlexSearch recall-token index (the rarest
// token of each term), literal verification on normalised text (so recall and precision are
// exact), ranking, facets and the per-term counts that the zero-result page needs.
import { termTokens } from '../analyse/analyzer.js';
import { levelTag, NO_LEVEL, postings, type IndexedClause, type SearchIndex } from '../index/search-index.js';
import type { Library } from '../index/library.js';
import { LEVEL_ORDER, type Level } from '../ingest/types.js';
import { parseQuery, splitQuery, type ParsedQuery, type Term } from './query.js';
import { matchesOf, rankHits, type Match, type RankedHit } from './rank.js';

export interface Filters {
  docs: string[];
  levels: string[];
  themes?: string[];
  policies?: string[];
  departments?: string[];
}

/** The facet dimensions; each has a filter list in Filters and values per clause. */
export const DIMENSIONS = ['doc', 'level', 'theme', 'policy', 'department'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const FILTER_KEY: Record<Dimension, keyof Filters> = { doc: 'docs', level: 'levels', theme: 'themes', policy: 'policies', department: 'departments' };

export interface SearchRequest {
  query: ParsedQuery;
  filters?: Filters;
  limit: number;
  offset: number;
}

export interface FacetCount {
  value: string;
  count: number;
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

/** Per clause, the facet values of one dimension as numbers into that dimension's value list. */
interface FacetColumn {
  values: string[];
  /** Clause n's values are codes[offsets[n]] … codes[offsets[n + 1] - 1]. */
  offsets: Int32Array;
  codes: Int32Array;
}

function facetColumn(values: string[], count: number, valuesOf: (n: number) => string[]): FacetColumn {
  const code = new Map(values.map((v, i) => [v, i]));
  const offsets = new Int32Array(count + 1);
  const codes: number[] = [];
  for (let n = 0; n < count; n++) {
    for (const v of valuesOf(n)) {
      const c = code.get(v);
      if (c !== undefined) codes.push(c);
    }
    offsets[n + 1] = codes.length;
  }
  return { values, offsets, codes: Int32Array.from(codes) };
}

/** A filter as flags over a dimension's codes; null when the dimension is not filtered. */
function wantedFlags(column: FacetColumn, wanted: string[] | undefined): Uint8Array | null {
  if (!wanted || wanted.length === 0) return null;
  const flags = new Uint8Array(column.values.length);
  column.values.forEach((v, i) => {
    if (wanted.includes(v)) flags[i] = 1;
  });
  return flags;
}

function hasAny(column: FacetColumn, n: number, flags: Uint8Array): boolean {
  for (let k = column.offsets[n] as number; k < (column.offsets[n + 1] as number); k++) if (flags[column.codes[k] as number] === 1) return true;
  return false;
}

export function createSearcher(library: Library, index: SearchIndex): Searcher {
  const { entries } = index;
  const enrichment = library.enrichment;
  const clauseOf = (n: number) => (entries[n] as IndexedClause).clause;
  // Facet values are looked up once here, so a query touches only integer arrays.
  const columns: Record<Dimension, FacetColumn> = {
    doc: facetColumn(library.documents.map((d) => d.id), entries.length, (n) => [clauseOf(n).docId]),
    level: facetColumn([...LEVEL_ORDER, NO_LEVEL], entries.length, (n) => [levelTag(library, clauseOf(n))]),
    theme: facetColumn(enrichment.taxonomy.themes.map((t) => t.id), entries.length, (n) => enrichment.themesOf(clauseOf(n).id).map((m) => m.theme)),
    policy: facetColumn(enrichment.policies.map((p) => p.key), entries.length, (n) => enrichment.policiesOf(clauseOf(n).id)),
    department: facetColumn(enrichment.departments, entries.length, (n) => enrichment.departmentsOf(clauseOf(n).id)),
  };
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
   */
  const containing = (term: string, memo: Map<string, readonly number[]>): readonly number[] => {
    let found = memo.get(term);
    if (found) return found;
    const tokens = termTokens(term);
    let rarest: readonly number[] | null = null;
    for (const token of tokens) {
      const list = postings(index, token);
      if (rarest === null || list.length < rarest.length) rarest = list;
      if (list.length === 0) break;
    }
    const exact = tokens.length === 1 && tokens[0] === term;
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
  const matchAll = (query: ParsedQuery, memo: Map<string, readonly number[]>, skip: { group?: number; exclusion?: number } = {}): readonly number[] => {
    const groups = query.groups
      .filter((_, i) => i !== skip.group)
      .map((g) => unionOf(g.map((t) => containing(t.text, memo))))
      .sort((a, b) => a.length - b.length);
    if (groups.length === 0) return [];
    let kept = groups[0] as readonly number[];
    for (const other of groups.slice(1)) kept = keepMarked(kept, other, true);
    query.exclude.forEach((t, i) => {
      if (i !== skip.exclusion) kept = keepMarked(kept, containing(t.text, memo), false);
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
  const flagsOf = (filters: Filters | undefined): Record<Dimension, Uint8Array | null> =>
    Object.fromEntries(DIMENSIONS.map((dim) => [dim, wantedFlags(columns[dim], filters?.[FILTER_KEY[dim]])])) as Record<Dimension, Uint8Array | null>;

  /** Bit i set when clause n fails dimension i's filter; within a dimension any selected value will do. */
  const failMask = (flags: Record<Dimension, Uint8Array | null>, n: number): number => {
    let mask = 0;
    DIMENSIONS.forEach((dim, i) => {
      const f = flags[dim];
      if (f && !hasAny(columns[dim], n, f)) mask |= 1 << i;
    });
    return mask;
  };

  /** Each matched clause's fail mask, worked out once per query (null when nothing is filtered). */
  const failsOf = (matched: readonly number[], flags: Record<Dimension, Uint8Array | null>): Int32Array | null =>
    DIMENSIONS.some((dim) => flags[dim] !== null) ? Int32Array.from(matched, (n) => failMask(flags, n)) : null;

  /** Disjunctive facets: each dimension counts as if its own filter were off. One pass. */
  const facetsOf = (matched: readonly number[], failMasks: Int32Array | null): Record<Dimension, FacetCount[]> => {
    const counts = Object.fromEntries(DIMENSIONS.map((dim) => [dim, new Int32Array(columns[dim].values.length)])) as Record<Dimension, Int32Array>;
    for (let m = 0; m < matched.length; m++) {
      const n = matched[m] as number;
      const fails = failMasks ? (failMasks[m] as number) : 0;
      // Counted in every dimension when it passes all filters, else only in the one it fails.
      if ((fails & (fails - 1)) !== 0) continue;
      for (let i = 0; i < DIMENSIONS.length; i++) {
        const dim = DIMENSIONS[i] as Dimension;
        if (fails !== 0 && fails !== 1 << i) continue;
        const { offsets, codes } = columns[dim];
        const c = counts[dim];
        for (let k = offsets[n] as number; k < (offsets[n + 1] as number); k++) c[codes[k] as number] = (c[codes[k] as number] as number) + 1;
      }
    }
    return Object.fromEntries(
      DIMENSIONS.map((dim) => [dim, columns[dim].values.flatMap((value, i) => ((counts[dim][i] as number) > 0 ? [{ value, count: counts[dim][i] as number }] : []))]),
    ) as Record<Dimension, FacetCount[]>;
  };

  return {
    search(request) {
      const memo = new Map<string, readonly number[]>();
      const { query } = request;
      const flags = flagsOf(request.filters);
      const filtered = DIMENSIONS.some((dim) => flags[dim] !== null);
      const keep = (list: readonly number[]) => (filtered ? list.filter((n) => failMask(flags, n) === 0) : list);
      const matched = matchAll(query, memo);
      const failMasks = failsOf(matched, flags);
      const kept = failMasks ? matched.filter((_, m) => failMasks[m] === 0) : matched;
      const hits = rankHits({ entries, numbers: kept, query, take: request.offset + request.limit }).slice(request.offset);
      const termCounts = query.groups.flat().map((term) => ({ term, count: keep(containing(term.text, memo)).length }));
      const none = kept.length === 0;
      const count = (q: ParsedQuery, skip: { group?: number; exclusion?: number }) => keep(matchAll(q, memo, skip)).length;
      const withoutGroup = none && query.groups.length > 1 ? query.groups.map((_, group) => ({ group, count: count(query, { group }) })) : [];
      const withoutExclusion = none ? query.exclude.map((_, exclusion) => ({ exclusion, count: count(query, { exclusion }) })) : [];
      const splitText = none ? splitQuery(query) : null;
      const split = splitText ? { query: splitText, count: count(parseQuery(splitText), {}) } : null;
      return { total: kept.length, unfiltered: matched.length, hits, facets: facetsOf(matched, failMasks), termCounts, withoutGroup, withoutExclusion, split };
    },
    matching(query, filters) {
      const flags = flagsOf(filters);
      const matched = matchAll(query, new Map());
      const failMasks = failsOf(matched, flags);
      return matched.filter((_, m) => !failMasks || failMasks[m] === 0).map((n) => (entries[n] as IndexedClause).clause.id);
    },
    matchesIn(clauseId, query) {
      const n = index.byId.get(clauseId);
      if (n === undefined) return [];
      return matchesOf(entries[n] as IndexedClause, query);
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
