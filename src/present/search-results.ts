// Turns a search outcome into the API's JSON and the results page's view model; both come
// from one function so the page and /api/search always agree.
import type { Library } from '../library/library.js';
import { LEVEL_LABELS, type Level } from '../ingest/types.js';
import { DIMENSIONS, FILTER_KEY, type Dimension, type SearchOutcome } from '../search/types.js';
import type { RankedHit } from '../search/rank.js';
import { hitSnippet, toHtml, type MarkedSegment } from '../search/snippet.js';
import { toHit, type Hit } from './summaries.js';
import { urls } from './urls.js';
import { policyLabel } from './citations.js';
import { obligationLabel } from '../enrich/obligation.js';
import type { SearchParams } from '../request/search.js';

export interface SearchHit extends Hit {
  rank: number;
  score: number;
  /** Every AND group of the query matched as a whole word somewhere in the clause. */
  wholeWord: boolean;
  docTitle: string;
  jurisdiction: string | null;
  level: Level | null;
  /** The document reader at this clause, with the query's terms highlighted. */
  readerUrl: string;
}

export interface Suggestion {
  kind: 'drop-term' | 'drop-exclusion' | 'split' | 'shorter';
  query: string;
  /** What was left out, as typed; null for a split. */
  dropped: string | null;
  count: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface SearchView {
  query: string;
  total: number;
  limit: number;
  offset: number;
  hits: (SearchHit & { snippetParts: MarkedSegment[] })[];
  facets: Record<Dimension, FacetValue[]>;
  terms: { term: string; source: string; phrase: boolean; count: number }[];
  excluded: string[];
  /** For an empty result: the query with a term or an exclusion left out, or split, and what it finds. */
  suggestions: Suggestion[];
  /** For a single word with no result: the themes whose terms hold it. */
  themes: { id: string; label: string }[];
  filters: SearchParams['filters'];
  expansions: SearchParams['expansions'];
}

function presentHit(library: Library, ranked: RankedHit, options: { rank: number; query: string; groups: number }) {
  const { clause } = ranked.entry;
  const doc = library.getDocument(clause.docId);
  const parts = hitSnippet(ranked);
  return {
    ...toHit(library, clause, toHtml(parts)),
    snippetParts: parts,
    rank: options.rank,
    score: Math.round(ranked.score * 1000) / 1000,
    wholeWord: ranked.wholeGroups === options.groups,
    docTitle: doc?.title ?? clause.docId,
    jurisdiction: doc?.jurisdiction ?? null,
    level: doc?.level ?? null,
    readerUrl: urls.doc(clause.docId, { hl: options.query, anchor: clause.eId }),
  };
}

export function presentSearch(options: { library: Library; params: SearchParams; outcome: SearchOutcome }): SearchView {
  const { library, params, outcome } = options;
  const { query, filters } = params;
  return {
    query: query.raw,
    total: outcome.total,
    limit: params.limit,
    offset: params.offset,
    hits: outcome.hits.map((h, i) => presentHit(library, h, { rank: params.offset + i + 1, query: query.raw, groups: query.groups.length })),
    facets: Object.fromEntries(DIMENSIONS.map((dim) => [dim, outcome.facets[dim].map((f) => ({ ...f, label: facetLabel(library, dim, f.value), selected: (filters[FILTER_KEY[dim]] ?? []).includes(f.value) }))])) as Record<Dimension, FacetValue[]>,
    terms: outcome.termCounts.map((t) => ({ term: t.term.text, source: t.term.source, phrase: t.term.phrase, count: t.count })),
    excluded: query.exclude.map((t) => t.text),
    suggestions: suggestionsFor(params.query, outcome),
    themes: outcome.themes,
    filters,
    expansions: params.expansions,
  };
}

export function facetLabel(library: Library, dim: Dimension, value: string): string {
  if (dim === 'doc') return library.getDocument(value)?.title ?? value;
  if (dim === 'level') return LEVEL_LABELS[value as Level] ?? '未分级';
  if (dim === 'theme') return library.enrichment.taxonomy.byId.get(value)?.label ?? value;
  if (dim === 'policy') {
    const policy = library.enrichment.policy(value);
    return policy ? policyLabel(library, policy, { bare: true }) : value;
  }
  if (dim === 'issued') return `${value}年`;
  if (dim === 'obligation') return obligationLabel(value);
  return value;
}

function suggestionsFor(query: SearchParams['query'], outcome: SearchOutcome): Suggestion[] {
  const out: Suggestion[] = [];
  if (outcome.split && outcome.split.count > 0) out.push({ kind: 'split', query: outcome.split.query, dropped: null, count: outcome.split.count });
  for (const w of outcome.withoutGroup) {
    const dropped = (query.groups[w.group] ?? []).map((t) => t.source).join(' | ');
    if (w.count > 0) out.push({ kind: 'drop-term', query: w.query, dropped, count: w.count });
  }
  for (const w of outcome.withoutExclusion) {
    if (w.count > 0) out.push({ kind: 'drop-exclusion', query: w.query, dropped: query.exclude[w.exclusion]?.source ?? '', count: w.count });
  }
  for (const w of outcome.shorter) out.push({ kind: 'shorter', query: w.query, dropped: null, count: w.count });
  return out;
}

/** The API's shape: the same view, without the page-only snippet parts. */
export function searchJson(view: SearchView) {
  return { ...view, hits: view.hits.map(({ snippetParts: _parts, ...hit }) => hit) };
}
