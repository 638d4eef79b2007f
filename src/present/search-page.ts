// View model of the HTML results page: pagination, facet links that toggle filters, theme
// expansion, and the help a zero-result page gives. A bad query is shown on the page with the
// form, as a 400.
import { SEARCH_DEFAULTS } from '../config.js';
import { AppError } from '../errors.js';
import type { Library } from '../library/library.js';
import { type Searcher } from '../search/engine.js';
import { DIMENSIONS, FILTER_KEY, type Dimension, type Filters } from '../search/types.js';
import { DOC_FACETS } from '../search/documents.js';
import { readParams } from '../request/params.js';
import { searchFrom } from '../request/search.js';
import { presentSearch, type SearchView } from './search-results.js';
import { urls, type ReferenceExtension } from './urls.js';

const PAGE_SIZE = SEARCH_DEFAULTS.limit;

export interface PageState {
  q: string;
  filters: Filters;
  page?: number;
  expand?: boolean;
}

export interface SearchPage {
  status: number;
  title: string;
  q: string;
  expand: boolean;
  view: SearchView | null;
  error: AppError | null;
  page: number;
  pages: number;
  /** Results without the filters, when the filters are what left nothing. */
  unfilteredTotal: number | null;
  href: (change: Partial<PageState>) => string;
  toggle: (dim: Dimension, value: string) => string;
  compareHref: string;
  /** Every hit of the search (not one page) as RIS, BibLaTeX, CSL-JSON, a GB/T list or a workbook. */
  exportHref: (extension: ReferenceExtension | 'xlsx') => string;
}

const NO_FILTERS: Filters = { docs: [], levels: [] };

export function searchHref(state: PageState): string {
  const params = new URLSearchParams({ q: state.q });
  for (const dim of DIMENSIONS) for (const v of state.filters[FILTER_KEY[dim]] ?? []) params.append(dim, v);
  if (state.expand) params.set('expand', '1');
  if (state.page && state.page > 1) params.set('page', String(state.page));
  return urls.search(params.toString());
}

export function searchPage(options: { library: Library; searcher: Searcher; raw: Record<string, unknown> }): SearchPage {
  const { library, searcher, raw } = options;
  const q = typeof raw.q === 'string' ? raw.q : '';
  const expand = raw.expand === '1';
  let filters: Filters = NO_FILTERS;
  const href: SearchPage['href'] = (change) => searchHref({ q: change.q ?? q, filters: change.filters ?? filters, expand: change.expand ?? expand, page: change.page });
  const toggle: SearchPage['toggle'] = (dim, value) => {
    const key = FILTER_KEY[dim];
    const list = filters[key] ?? [];
    return href({ filters: { ...filters, [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] } });
  };
  const base = { q, expand, view: null, error: null, page: 1, pages: 0, unfilteredTotal: null, href, toggle, compareHref: '', exportHref: () => '' };
  if (raw.q === undefined) return { ...base, status: 200, title: '检索' };
  try {
    const read = readParams('searchPage', raw);
    const page = read.page ?? 1;
    const params = searchFrom({ ...read, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, library);
    filters = params.filters;
    const outcome = searcher.search(params);
    const view = presentSearch({ library, params, outcome });
    const filtered = DIMENSIONS.some((dim) => (filters[FILTER_KEY[dim]] ?? []).length > 0);
    const unfilteredTotal = outcome.total === 0 && filtered ? outcome.unfiltered : null;
    const compare = new URLSearchParams({ q });
    if (expand) compare.set('expand', '1');
    // The comparison keeps the filters on documents: level and identity.
    for (const dim of DOC_FACETS) for (const v of filters[FILTER_KEY[dim]] ?? []) compare.append(dim, v);
    const every = href({ page: 1 }).replace(/^\/search\??/u, '');
    const exportHref = (extension: ReferenceExtension | 'xlsx') => (extension === 'xlsx' ? urls.searchXlsx(every) : urls.references(extension, every));
    return { ...base, status: 200, title: `${q} · 检索`, view, page, pages: Math.ceil(outcome.total / PAGE_SIZE), unfilteredTotal, compareHref: urls.compare(compare.toString()), exportHref };
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    return { ...base, status: err.status, title: '检索式有误', error: err };
  }
}
