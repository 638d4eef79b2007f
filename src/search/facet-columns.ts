// Each clause's facet values in every dimension (document, level, the document's identity,
// themes, cited policies, departments), looked up once when a searcher is made, so a query's
// filtering and counting touch only integer arrays (facets.ts).
import type { IndexedClause, SearchIndex } from '../index/search-index.js';
import { levelTag } from '../index/search-index.js';
import { LEVEL_ORDER, NO_LEVEL } from '../ingest/types.js';
import type { DocDimension } from '../library/doc-facets.js';
import type { Library } from '../library/library.js';
import { facetColumn, facetTable, type FacetColumn, type FacetTable } from './facets.js';
import { DIMENSIONS, type Dimension } from './types.js';

export function clauseFacetTable(library: Library, index: SearchIndex): FacetTable<Dimension> {
  const { entries } = index;
  const { enrichment, docFacets: identity } = library;
  const clauseOf = (n: number) => (entries[n] as IndexedClause).clause;
  const byDoc = (dim: DocDimension) => facetColumn(identity.values[dim], entries.length, (n) => identity.of(clauseOf(n).docId)[dim]);
  const columns: Record<Dimension, FacetColumn> = {
    doc: facetColumn(
      library.documents.map((d) => d.id),
      entries.length,
      (n) => [clauseOf(n).docId],
    ),
    level: facetColumn([...LEVEL_ORDER, NO_LEVEL], entries.length, (n) => [levelTag(library, clauseOf(n))]),
    region: byDoc('region'),
    issuer: byDoc('issuer'),
    type: byDoc('type'),
    status: byDoc('status'),
    issued: byDoc('issued'),
    theme: facetColumn(
      enrichment.taxonomy.themes.map((t) => t.id),
      entries.length,
      (n) => enrichment.themesOf(clauseOf(n).id).map((m) => m.theme),
    ),
    policy: facetColumn(
      enrichment.policies.map((p) => p.key),
      entries.length,
      (n) => enrichment.policiesOf(clauseOf(n).id),
    ),
    department: facetColumn(enrichment.departments, entries.length, (n) => enrichment.departmentsOf(clauseOf(n).id)),
  };
  return facetTable(DIMENSIONS, columns);
}
