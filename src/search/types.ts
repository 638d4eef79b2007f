// The shapes a search is asked and answers in: filters, the facet dimensions, the request and
// the outcome. Their own module, so the engine's parts and the request layer share them.
import type { FacetCount } from './facets.js';
import type { ParsedQuery, Term } from './query.js';
import type { RankedHit } from './rank.js';
import type { ZeroResultHints } from './suggestions.js';

export type { FacetCount };

export interface Filters {
  docs: string[];
  levels: string[];
  themes?: string[];
  policies?: string[];
  departments?: string[];
  /** Obligation grades (binding, strive, guiding, exploratory) or none: how binding a clause is. */
  obligations?: string[];
  /** The documents' identity (src/library/doc-facets.ts): province or 全国, issuing organ, type, status, year of issue. */
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
export const DIMENSIONS = ['doc', 'level', 'region', 'issuer', 'type', 'status', 'issued', 'theme', 'policy', 'department', 'obligation'] as const;
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
  obligation: 'obligations',
};

export interface SearchRequest {
  query: ParsedQuery;
  filters?: Filters;
  limit: number;
  offset: number;
}

/** When nothing matched, ZeroResultHints say what would (suggestions.ts); else they are empty. */
export interface SearchOutcome extends ZeroResultHints {
  total: number;
  /** Clauses the query matches with no filters (filters only narrow a query's matches). */
  unfiltered: number;
  hits: RankedHit[];
  facets: Record<Dimension, FacetCount[]>;
  /** Clauses each positive term matches on its own (filters applied). */
  termCounts: { term: Term; count: number }[];
}
