// View model of /docs and /api/docs: the documents that pass the level and identity filters and
// lie under the chosen place, grouped by level (national first) and then by region (province,
// 全国 for national), or in one list sorted by region, date, type, status or title; paged on
// the page (the API lists them all); with counts, the place tree to browse by, and the facet
// links that toggle each filter. Page and API come from one function.
import { DOC_DIMENSIONS } from '../library/doc-facets.js';
import type { Library } from '../library/library.js';
import { LEVEL_LABELS, LEVEL_ORDER, NO_LEVEL, type DocumentMeta, type Level } from '../ingest/types.js';
import { DOC_FACETS, DOC_SORTS, selectDocuments, type DocFacet, type DocSelection, type DocSort } from '../search/documents.js';
import { FILTER_KEY, type DocFilters, type IdentityFilters } from '../search/types.js';
import { summarizeDoc, type DocSummary } from './summaries.js';
import { facetLabel, type FacetValue } from './search-results.js';
import { urls } from './urls.js';
import { paginate } from './paging.js';
import { LIST_DEFAULTS } from '../config.js';
import { trailOf, type RegionNode } from '../library/regions.js';
import { placeChoices } from './theme-columns.js';

export const DOC_SORT_LABELS: Record<DocSort, string> = { level: '层级', region: '地区', date: '发文日期', type: '文档类型', status: '状态', title: '标题' };

/** The place, order and page of the list, beside the filters. */
export interface DocListing {
  place: string;
  sort: DocSort;
  order: 'asc' | 'desc';
  /** The page of the HTML list; undefined lists every document (the API). */
  page?: number;
  /** Documents per page: LIST_DEFAULTS.docsPageSize unless given. */
  size?: number;
}

const DEFAULT_LISTING: DocListing = { place: '', sort: 'level', order: 'asc' };

export interface DocItem extends DocSummary {
  /** Province (全国 for national documents), issuing organs one by one, year of issue. */
  region: string | null;
  issuers: string[];
  issued: string | null;
}

export interface RegionGroup {
  region: string;
  count: number;
  docs: DocItem[];
}

export interface LevelGroup {
  level: Level | typeof NO_LEVEL;
  label: string;
  count: number;
  regions: RegionGroup[];
}

export interface DocsView {
  /** Documents in the library, and those that pass the filters. */
  total: number;
  shown: number;
  /** This page's documents, grouped by level and region (sort=level) or as one group. */
  groups: LevelGroup[];
  listing: DocListing;
  page: number;
  pages: number;
  /** The first document of the page, counted from 1. */
  offset: number;
  /** The place browsed, its trail from the nation, and the tree's choices with counts. */
  place: RegionNode;
  trail: RegionNode[];
  places: { id: string; name: string; depth: number; count: number; selected: boolean; href: string }[];
  sorts: { sort: DocSort; label: string; selected: boolean; href: string }[];
  /** The same list in the other direction. */
  reverseHref: string;
  pageHref: (page: number) => string;
  facets: Record<DocFacet, (FacetValue & { href: string })[]>;
  filters: Required<DocFilters>;
  filtered: boolean;
  /** Each selected filter value, with the link that removes it. */
  chips: { label: string; href: string }[];
}

/** Region groups with no known province. */
const NO_REGION = '地区不明';

function docItem(library: Library, meta: DocumentMeta): DocItem {
  const values = library.docFacets.of(meta.id);
  return { ...summarizeDoc(meta), region: values.region[0] ?? null, issuers: values.issuer, issued: values.issued[0] ?? null };
}

/** /docs with these filters (every value of every dimension, repeated), place and order; page 1. */
export function docsHref(filters: Required<DocFilters>, listing: DocListing = DEFAULT_LISTING): string {
  const params = new URLSearchParams();
  for (const dim of DOC_FACETS) for (const v of filters[FILTER_KEY[dim] as keyof DocFilters]) params.append(dim, v);
  if (listing.place) params.append('place', listing.place);
  if (listing.sort !== 'level') params.append('sort', listing.sort);
  if (listing.order !== defaultOrder(listing.sort)) params.append('order', listing.order);
  if (listing.page && listing.page > 1) params.append('page', String(listing.page));
  const qs = params.toString();
  return urls.docs(qs);
}

/** Newest first by date; everything else from the top. */
export function defaultOrder(sort: DocSort): 'asc' | 'desc' {
  return sort === 'date' ? 'desc' : 'asc';
}

const collator = new Intl.Collator('zh-Hans-CN');

/** A sort key per document (numbers or strings); missing values sort last whichever the order. */
function sortKey(library: Library, sort: DocSort): (d: DocumentMeta, i: number) => string | number | null {
  const typeOrder = library.docFacets.values.type;
  switch (sort) {
    case 'level':
      return (_d, i) => i;
    case 'region':
      return (d, i) => `${library.regions.nodeOf(d.id)}\u0000${String(i).padStart(8, '0')}`;
    case 'date':
      return (d) => d.date ?? null;
    case 'type':
      return (d) => (d.docType ? typeOrder.indexOf(d.docType) : null);
    case 'status':
      return (d) => d.status ?? null;
    case 'title':
      return (d) => d.title;
  }
}

/** The documents in the listing's order; ties keep library order. */
function sortDocs(library: Library, docs: DocumentMeta[], listing: DocListing): DocumentMeta[] {
  const key = sortKey(library, listing.sort);
  const sign = listing.order === 'desc' ? -1 : 1;
  const keyed = docs.map((d, i) => ({ d, i, k: key(d, i) }));
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
    const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collator.compare(String(a.k), String(b.k));
    return sign * c || a.i - b.i;
  });
  return keyed.map((x) => x.d);
}

function toggled(filters: Required<DocFilters>, dim: DocFacet, value: string): Required<DocFilters> {
  const key = FILTER_KEY[dim] as keyof DocFilters;
  const list = filters[key];
  return { ...filters, [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] };
}

/** Level groups in LEVEL_ORDER (未分级 last), region groups in the library's region order. */
function groupsOf(library: Library, docs: DocItem[]): LevelGroup[] {
  const regionOrder = library.docFacets.values.region;
  const levels = [...LEVEL_ORDER, NO_LEVEL] as const;
  return levels.flatMap((level) => {
    const inLevel = docs.filter((d) => (d.level ?? NO_LEVEL) === level);
    if (inLevel.length === 0) return [];
    const names = [...new Set(inLevel.map((d) => d.region ?? NO_REGION))].sort((a, b) => rank(regionOrder, a) - rank(regionOrder, b));
    const regions = names.map((region) => {
      const list = inLevel.filter((d) => (d.region ?? NO_REGION) === region);
      return { region, count: list.length, docs: list };
    });
    return [{ level, label: level === NO_LEVEL ? '未分级' : LEVEL_LABELS[level], count: inLevel.length, regions }];
  });
}

function rank(order: string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

export function docsView(library: Library, filters: Required<DocFilters>, listing: DocListing = DEFAULT_LISTING): DocsView {
  const selection = selectDocuments(library, filters);
  const place = library.regions.byId.get(listing.place) ?? library.regions.root;
  const under = new Set(place.allDocs.map((d) => d.id));
  const all = sortDocs(
    library,
    selection.docs.filter((d) => under.has(d.id)),
    listing,
  );
  // The API lists every document: one page as long as the list.
  const size = listing.page === undefined ? Math.max(1, all.length) : (listing.size ?? LIST_DEFAULTS.docsPageSize);
  const paged = paginate(all, { page: listing.page, size });
  const { page, pages, offset } = paged;
  // Summaries for the page shown only: building one for each of 910 plans was most of the page's time.
  const docs = paged.items.map((d) => docItem(library, d));
  const at = (change: Partial<DocListing>) => docsHref(filters, { ...listing, page: undefined, ...change });
  const facets = Object.fromEntries(
    DOC_FACETS.map((dim) => {
      const selected = filters[FILTER_KEY[dim] as keyof DocFilters];
      const list = selection.facets[dim].map((f) => ({ ...f, label: facetLabel(library, dim, f.value), selected: selected.includes(f.value), href: docsHref(toggled(filters, dim, f.value), { ...listing, page: undefined }) }));
      return [dim, list];
    }),
  ) as DocsView['facets'];
  const chips = DOC_FACETS.flatMap((dim) => filters[FILTER_KEY[dim] as keyof DocFilters].map((v) => ({ label: facetLabel(library, dim, v), href: docsHref(toggled(filters, dim, v), { ...listing, page: undefined }) })));
  if (place.id) chips.push({ label: `行政区划：${place.name}`, href: at({ place: '' }) });
  const groups: LevelGroup[] = listing.sort === 'level' ? groupsOf(library, docs) : [{ level: NO_LEVEL as typeof NO_LEVEL, label: `按${DOC_SORT_LABELS[listing.sort]}排列`, count: all.length, regions: [{ region: '', count: docs.length, docs }] }];
  return {
    total: library.documents.length,
    shown: all.length,
    groups,
    listing,
    page,
    pages,
    offset: offset + 1,
    place,
    trail: trailOf(library.regions, place.id),
    places: placeChoices(library.regions, place.id).map((p) => ({ ...p, href: at({ place: p.id }) })),
    sorts: DOC_SORTS.map((sort) => ({ sort, label: DOC_SORT_LABELS[sort], selected: sort === listing.sort, href: at({ sort, order: defaultOrder(sort) }) })),
    reverseHref: at({ order: listing.order === 'asc' ? 'desc' : 'asc' }),
    pageHref: (n: number) => docsHref(filters, { ...listing, page: n }),
    facets,
    filters,
    filtered: selection.filtered || place.id !== '',
    chips,
  };
}

/** The API's shape: the documents in order, the groups by id, the facets without links. */
export function docsJson(view: DocsView, reference: (id: string) => string) {
  return {
    total: view.shown,
    docs: view.groups.flatMap((g) => g.regions.flatMap((r) => r.docs.map((d) => ({ ...d, reference: reference(d.id) })))),
    groups: view.groups.map((g) => ({ level: g.level, label: g.label, count: g.count, regions: g.regions.map((r) => ({ region: r.region, count: r.count, docs: r.docs.map((d) => d.id) })) })),
    facets: Object.fromEntries(Object.entries(view.facets).map(([dim, list]) => [dim, list.map(({ href: _h, ...f }) => f)])),
    filters: view.filters,
  };
}

/** The identity filters as URL parameters, in the order the forms show them. */
export function identityParams(identity: Required<IdentityFilters>): [string, string[]][] {
  return DOC_DIMENSIONS.map((dim) => [dim, identity[FILTER_KEY[dim] as keyof IdentityFilters]]);
}

export interface FilterChoice {
  /** URL parameter and Chinese title. */
  name: DocFacet;
  title: string;
  options: { value: string; label: string; selected: boolean }[];
}

export const DOC_FACET_TITLES: Record<DocFacet, string> = { level: '层级', region: '地区', issuer: '发文机关', type: '文档类型', status: '状态', issued: '发文年份' };

/**
 * The selects of the compare and targets forms: every value some document has (未分级 is not
 * offered: the targets filter does not take it), selected values kept even when they count none.
 */
export function identityChoices(library: Library, facets: DocSelection['facets'], filters: Required<DocFilters>): FilterChoice[] {
  return DOC_FACETS.flatMap((name) => {
    const selected = filters[FILTER_KEY[name] as keyof DocFilters];
    const values = [...new Set([...facets[name].map((f) => f.value).filter((v) => v !== NO_LEVEL), ...selected])];
    if (values.length === 0) return [];
    return [{ name, title: DOC_FACET_TITLES[name], options: values.map((value) => ({ value, label: facetLabel(library, name, value), selected: selected.includes(value) })) }];
  });
}
