// Filtering documents by level and identity (region, issuer, type, status, year of issue) with
// document counts per value: /docs and /api/docs, the columns of /compare and the rows of
// /targets. The same facet columns and disjunctive counts as search, over documents.
import { DOC_DIMENSIONS } from '../library/doc-facets.js';
import type { Library } from '../library/library.js';
import { LEVEL_ORDER, NO_LEVEL, type DocumentMeta } from '../ingest/types.js';
import { facetColumn, facetTable, type FacetCount, type FacetTable } from './facets.js';
import { FILTER_KEY, type DocFilters } from './types.js';

export const DOC_FACETS = ['level', ...DOC_DIMENSIONS] as const;

/** How /docs can be ordered: grouped by level (the default), or one list by another key. */
export const DOC_SORTS = ['level', 'region', 'date', 'type', 'status', 'title'] as const;
export type DocSort = (typeof DOC_SORTS)[number];
export type DocFacet = (typeof DOC_FACETS)[number];

export interface DocSelection {
  /** The documents that pass every filter, in library order (national first). */
  docs: DocumentMeta[];
  /** Documents per value, each dimension counted as if its own filter were off. */
  facets: Record<DocFacet, FacetCount[]>;
  filtered: boolean;
}

const tables = new WeakMap<Library, FacetTable<DocFacet>>();

/** Columns over the library's documents, built once per library. */
function tableOf(library: Library): FacetTable<DocFacet> {
  let table = tables.get(library);
  if (!table) {
    const { documents, docFacets } = library;
    const count = documents.length;
    const idOf = (n: number) => (documents[n] as DocumentMeta).id;
    const columns = {
      level: facetColumn([...LEVEL_ORDER, NO_LEVEL], count, (n) => [(documents[n] as DocumentMeta).level ?? NO_LEVEL]),
      ...Object.fromEntries(DOC_DIMENSIONS.map((dim) => [dim, facetColumn(docFacets.values[dim], count, (n) => docFacets.of(idOf(n))[dim])])),
    } as Parameters<typeof facetTable<DocFacet>>[1];
    table = facetTable(DOC_FACETS, columns);
    tables.set(library, table);
  }
  return table;
}

export function selectDocuments(library: Library, filters: DocFilters): DocSelection {
  const table = tableOf(library);
  const all = library.documents.map((_, n) => n);
  const flags = table.flagsOf((dim) => filters[FILTER_KEY[dim] as keyof DocFilters]);
  const fails = table.failsOf(all, flags);
  const docs = library.documents.filter((_, n) => !fails || fails[n] === 0);
  return { docs, facets: table.facetsOf(all, fails), filtered: fails !== null };
}

/** Ids of the documents that pass, or null when nothing is filtered (every document passes). */
export function passingDocIds(library: Library, filters: DocFilters): Set<string> | null {
  const selection = selectDocuments(library, filters);
  return selection.filtered ? new Set(selection.docs.map((d) => d.id)) : null;
}
