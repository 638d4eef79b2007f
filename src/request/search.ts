// Checked requests from checked parameters: the search a URL or the CLI asks for, its filters
// resolved against the library (a filter naming a document, theme, policy, department or
// identity value the library does not have is FILTER_UNKNOWN, naming it) and its query
// expanded when asked. What search/ receives is typed; nothing raw passes this point.
import { SEARCH_DEFAULTS } from '../config.js';
import { AppError, quoteValue } from '../errors.js';
import type { Library } from '../library/library.js';
import type { DocFilters, Filters, IdentityFilters } from '../search/types.js';
import { expandQuery, type Expansion } from '../search/expand.js';
import { parseQuery, type ParsedQuery } from '../search/query.js';
import { readParams, type ParamsOf, type Raw } from './params.js';

export interface SearchParams {
  query: ParsedQuery;
  /** Theme expansions applied to the query (expand=1); empty when off. */
  expansions: Expansion[];
  filters: Filters;
  limit: number;
  offset: number;
}

/** Values a filter names must exist; an unknown one is FILTER_UNKNOWN, naming it. */
function check(name: string, values: string[] | undefined, exists: (v: string) => boolean, hint: string): string[] {
  for (const v of values ?? []) if (!exists(v)) throw new AppError('FILTER_UNKNOWN', `${name}=${quoteValue(v)}（${hint}）`);
  return values ?? [];
}

/** Region, issuer, type and status must be values some document has; a year of issue need not. */
export function identityFiltersFrom(p: Partial<Record<'region' | 'issuer' | 'type' | 'status' | 'issued', string[]>>, library: Library): Required<IdentityFilters> {
  const known = library.docFacets.values;
  return {
    regions: check('region', p.region, (v) => known.region.includes(v), '语料中没有这个地区'),
    issuers: check('issuer', p.issuer, (v) => known.issuer.includes(v), '语料中没有这个发文机关'),
    types: check('type', p.type, (v) => known.type.includes(v), '语料中没有这种文档类型'),
    statuses: check('status', p.status, (v) => known.status.includes(v), '语料中没有这种状态'),
    issued: p.issued ?? [],
  };
}

/** /docs and /compare: level and identity. */
export function docFiltersFrom(p: ParamsOf<'docs'>, library: Library): Required<DocFilters> {
  return { levels: p.level ?? [], ...identityFiltersFrom(p, library) };
}

/** The filters' values that the schema cannot know: ids, themes, policies, departments and identity values must exist. */
export function filtersFrom(p: ParamsOf<'search'>, library: Library): Filters {
  const { enrichment } = library;
  return {
    docs: check('doc', p.doc, (id) => library.getDocument(id) !== undefined, '没有这份文档'),
    ...docFiltersFrom(p, library),
    themes: check('theme', p.theme, (id) => enrichment.taxonomy.byId.has(id), '没有这个主题'),
    policies: check('policy', p.policy, (key) => enrichment.policies.some((x) => x.key === key), '语料中没有引用这份政策'),
    departments: check('department', p.department, (name) => enrichment.departments.includes(name), '语料中没有这个部门'),
    obligations: p.obligation ?? [],
  };
}

/** A search from parameters already read by readParams (search or searchPage kinds). */
export function searchFrom(p: ParamsOf<'search'>, library: Library): SearchParams {
  const parsed = parseQuery(p.q ?? '');
  const { query, expansions } = p.expand === '1' ? expandQuery(parsed, library.enrichment.taxonomy) : { query: parsed, expansions: [] };
  return { query, expansions, filters: filtersFrom(p, library), limit: p.limit ?? SEARCH_DEFAULTS.limit, offset: p.offset ?? 0 };
}

/** /api/search and the CLI: every parameter checked, unknown ones refused. */
export function searchParams(raw: Raw, library: Library): SearchParams {
  return searchFrom(readParams('search', raw, { strict: true }), library);
}
