// Executing a parsed query: candidates from the FlexSearch recall-token index, literal
// verification on normalised text (so recall and precision are exact), ranking, facets and
// the per-term counts that the zero-result page needs.
import { termTokens } from '../analyse/analyzer.js';
import { levelTag, NO_LEVEL, type IndexedClause, type SearchIndex } from '../index/search-index.js';
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
  /** Matches of the query's positive terms in one clause (for the reader's highlights). */
  matchesIn(clauseId: string, query: ParsedQuery): Match[];
  entry(clauseId: string): IndexedClause | undefined;
  /** The precomputed most similar clauses in other documents. */
  related(clauseId: string): { clause: IndexedClause['clause']; score: number; theme: string | null }[];
}

export function createSearcher(library: Library, index: SearchIndex): Searcher {
  const { entries } = index;
  const levelOf = (n: number): string => levelTag(library, (entries[n] as IndexedClause).clause);

  /** Clause numbers whose normalised text contains `term`; memoised within one request. */
  const containing = (term: string, memo: Map<string, Set<number>>): Set<number> => {
    let found = memo.get(term);
    if (found) return found;
    const candidates = index.flex.search(termTokens(term).join('\n'), { index: 'tokens', limit: entries.length + 1 }) as unknown as { result: number[] }[];
    found = new Set<number>();
    for (const n of candidates[0]?.result ?? []) if ((entries[n] as IndexedClause).norm.text.includes(term)) found.add(n);
    memo.set(term, found);
    return found;
  };

  const matchAll = (query: ParsedQuery, memo: Map<string, Set<number>>, skip: { group?: number; exclusion?: number } = {}): number[] => {
    const skipGroup = skip.group ?? -1;
    const groups = query.groups
      .filter((_, i) => i !== skipGroup)
      .map((g) => union(g.map((t) => containing(t.text, memo))))
      .sort((a, b) => a.size - b.size);
    if (groups.length === 0) return [];
    const excluded = query.exclude.filter((_, i) => i !== skip.exclusion).map((t) => containing(t.text, memo));
    return [...(groups[0] as Set<number>)].filter((n) => groups.every((g) => g.has(n)) && !excluded.some((x) => x.has(n)));
  };

  const enrichment = library.enrichment;
  const valuesOf: Record<Dimension, (n: number) => string[]> = {
    doc: (n) => [(entries[n] as IndexedClause).clause.docId],
    level: (n) => [levelOf(n)],
    theme: (n) => enrichment.themesOf((entries[n] as IndexedClause).clause.id).map((m) => m.theme),
    policy: (n) => enrichment.policiesOf((entries[n] as IndexedClause).clause.id),
    department: (n) => enrichment.departmentsOf((entries[n] as IndexedClause).clause.id),
  };
  /** Within a dimension, any selected value will do; across dimensions, all must hold. */
  const passes = (filters: Filters | undefined, n: number, skip?: Dimension): boolean => {
    if (!filters) return true;
    return DIMENSIONS.every((dim) => {
      const wanted = filters[FILTER_KEY[dim]] ?? [];
      return dim === skip || wanted.length === 0 || valuesOf[dim](n).some((v) => wanted.includes(v));
    });
  };
  const order: Record<Dimension, () => string[]> = {
    doc: () => library.documents.map((d) => d.id),
    level: () => [...LEVEL_ORDER, NO_LEVEL],
    theme: () => enrichment.taxonomy.themes.map((t) => t.id),
    policy: () => enrichment.policies.map((p) => p.key),
    department: () => enrichment.departments,
  };
  /** Disjunctive facets: each dimension counts as if its own filter were off. */
  const facetsOf = (matched: number[], filters: Filters | undefined) =>
    Object.fromEntries(DIMENSIONS.map((dim) => [dim, countBy(matched.filter((n) => passes(filters, n, dim)), valuesOf[dim], order[dim]())])) as Record<Dimension, FacetCount[]>;

  return {
    search(request) {
      const memo = new Map<string, Set<number>>();
      const { query, filters } = request;
      const matched = matchAll(query, memo);
      const kept = matched.filter((n) => passes(filters, n));
      const ranked = rankHits({ entries, numbers: kept, query });
      const termCounts = query.groups.flat().map((term) => ({ term, count: [...containing(term.text, memo)].filter((n) => passes(filters, n)).length }));
      const none = kept.length === 0;
      const count = (q: ParsedQuery, skip: { group?: number; exclusion?: number }) => matchAll(q, memo, skip).filter((n) => passes(filters, n)).length;
      const withoutGroup = none && query.groups.length > 1 ? query.groups.map((_, group) => ({ group, count: count(query, { group }) })) : [];
      const withoutExclusion = none ? query.exclude.map((_, exclusion) => ({ exclusion, count: count(query, { exclusion }) })) : [];
      const splitText = none ? splitQuery(query) : null;
      const split = splitText ? { query: splitText, count: count(parseQuery(splitText), {}) } : null;
      return {
        total: kept.length,
        hits: ranked.slice(request.offset, request.offset + request.limit),
        facets: facetsOf(matched, filters),
        termCounts,
        withoutGroup,
        withoutExclusion,
        split,
      };
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

function union(sets: Set<number>[]): Set<number> {
  if (sets.length === 1) return sets[0] as Set<number>;
  const all = new Set<number>();
  for (const s of sets) for (const n of s) all.add(n);
  return all;
}

/** Counts in a fixed order (documents in library order, levels province → county), zeros left out. */
function countBy(numbers: number[], keys: (n: number) => string[], order: string[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const n of numbers) for (const key of keys(n)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return order.filter((v) => counts.has(v)).map((value) => ({ value, count: counts.get(value) as number }));
}

export function isLevel(value: string): value is Level {
  return (LEVEL_ORDER as readonly string[]).includes(value);
}
