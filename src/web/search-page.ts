// View model of the HTML results page: pagination, facet links that toggle filters, and the
// help a zero-result page gives. A bad query is shown on the page with the form, as a 400.
import { SEARCH_DEFAULTS } from '../config.js';
import { AppError } from '../errors.js';
import type { Library } from '../index/library.js';
import type { Filters, Searcher } from '../search/engine.js';
import { intParam, searchParams } from '../search/params.js';
import { presentSearch, type SearchView } from './search-view.js';

const PAGE_SIZE = SEARCH_DEFAULTS.limit;

export interface SearchPage {
  status: number;
  title: string;
  q: string;
  view: SearchView | null;
  error: AppError | null;
  page: number;
  pages: number;
  /** Results without the filters, when the filters are what left nothing. */
  unfilteredTotal: number | null;
  href: (change: { q?: string; docs?: string[]; levels?: string[]; page?: number }) => string;
  toggle: (kind: 'doc' | 'level', value: string) => string;
}

export function searchHref(state: { q: string; docs: string[]; levels: string[]; page?: number }): string {
  const params = new URLSearchParams({ q: state.q });
  for (const d of state.docs) params.append('doc', d);
  for (const l of state.levels) params.append('level', l);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  return `/search?${params.toString()}`;
}

export function searchPage(options: { library: Library; searcher: Searcher; raw: Record<string, unknown> }): SearchPage {
  const { library, searcher, raw } = options;
  const q = typeof raw.q === 'string' ? raw.q : '';
  let filters: Filters = { docs: [], levels: [] };
  const href: SearchPage['href'] = (change) =>
    searchHref({ q: change.q ?? q, docs: change.docs ?? filters.docs, levels: change.levels ?? filters.levels, page: change.page });
  const toggle: SearchPage['toggle'] = (kind, value) => {
    const list = kind === 'doc' ? filters.docs : filters.levels;
    const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
    return kind === 'doc' ? href({ docs: next }) : href({ levels: next });
  };
  const base = { q, view: null, error: null, page: 1, pages: 0, unfilteredTotal: null, href, toggle };
  if (raw.q === undefined) return { ...base, status: 200, title: '检索' };
  try {
    const page = Math.max(1, intParam(raw, { name: 'page', fallback: 1, max: Math.floor(SEARCH_DEFAULTS.maxOffset / PAGE_SIZE) }));
    const params = { ...searchParams({ ...raw, limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) }, library) };
    filters = params.filters;
    const outcome = searcher.search(params);
    const view = presentSearch({ library, params, outcome });
    const filtered = filters.docs.length > 0 || filters.levels.length > 0;
    const unfilteredTotal = outcome.total === 0 && filtered ? searcher.search({ ...params, filters: { docs: [], levels: [] }, limit: 0 }).total : null;
    return { ...base, status: 200, title: `${q} · 检索`, view, page, pages: Math.ceil(outcome.total / PAGE_SIZE), unfilteredTotal };
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    return { ...base, status: err.status, title: '检索式有误', error: err };
  }
}
