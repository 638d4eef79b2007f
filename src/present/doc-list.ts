// View model of /docs and /api/docs: the documents that pass the level and identity filters,
// grouped by level (national first) and then by region (province, 全国 for national), with
// counts, and the facet links that toggle each filter. Page and API come from one function.
import { DOC_DIMENSIONS } from '../library/doc-facets.js';
import type { Library } from '../library/library.js';
import { LEVEL_LABELS, LEVEL_ORDER, NO_LEVEL, type DocumentMeta, type Level } from '../ingest/types.js';
import { DOC_FACETS, selectDocuments, type DocFacet, type DocSelection } from '../search/documents.js';
import { FILTER_KEY, type DocFilters, type IdentityFilters } from '../search/types.js';
import { summarizeDoc, type DocSummary } from './summaries.js';
import { facetLabel, type FacetValue } from './search-results.js';
import { urls } from './urls.js';

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
  groups: LevelGroup[];
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

/** /docs with these filters: every value of every dimension, repeated. */
export function docsHref(filters: Required<DocFilters>): string {
  const params = new URLSearchParams();
  for (const dim of DOC_FACETS) for (const v of filters[FILTER_KEY[dim] as keyof DocFilters]) params.append(dim, v);
  const qs = params.toString();
  return urls.docs(qs);
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

export function docsView(library: Library, filters: Required<DocFilters>): DocsView {
  const selection = selectDocuments(library, filters);
  const docs = selection.docs.map((d) => docItem(library, d));
  const facets = Object.fromEntries(
    DOC_FACETS.map((dim) => {
      const selected = filters[FILTER_KEY[dim] as keyof DocFilters];
      const list = selection.facets[dim].map((f) => ({ ...f, label: facetLabel(library, dim, f.value), selected: selected.includes(f.value), href: docsHref(toggled(filters, dim, f.value)) }));
      return [dim, list];
    }),
  ) as DocsView['facets'];
  const chips = DOC_FACETS.flatMap((dim) => filters[FILTER_KEY[dim] as keyof DocFilters].map((v) => ({ label: facetLabel(library, dim, v), href: docsHref(toggled(filters, dim, v)) })));
  return { total: library.documents.length, shown: docs.length, groups: groupsOf(library, docs), facets, filters, filtered: selection.filtered, chips };
}

/** The API's shape: the documents in order, the groups by id, the facets without links. */
export function docsJson(view: DocsView) {
  return {
    total: view.shown,
    docs: view.groups.flatMap((g) => g.regions.flatMap((r) => r.docs)),
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
