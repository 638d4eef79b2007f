// Each clause's facet values in every dimension (document, level, the document's identity,
// themes, cited policies, departments, obligation grades), looked up once when a searcher is made, so a query's
// filtering and counting touch only integer arrays (facets.ts).
import type { IndexedClause, SearchIndex } from '../index/search-index.js';
import { LEVEL_ORDER, NO_LEVEL, type DocumentMeta } from '../ingest/types.js';
import type { DocDimension } from '../library/doc-facets.js';
import type { Library } from '../library/library.js';
import { facetColumn, facetTable, groupedColumn, type FacetColumn, type FacetTable } from './facets.js';
import { DIMENSIONS, type Dimension } from './types.js';
import { NO_OBLIGATION, OBLIGATION_VALUES } from '../enrich/obligation.js';

export function clauseFacetTable(library: Library, index: SearchIndex): FacetTable<Dimension> {
  const { entries } = index;
  const { enrichment, docFacets: identity } = library;
  const clauseOf = (n: number) => (entries[n] as IndexedClause).clause;
  const { documents } = library;
  const docNumber = new Map(documents.map((d, g) => [d.id, g]));
  // Every clause's document, so the seven document-level dimensions are counted per document.
  const docOf = Int32Array.from(entries, (e) => docNumber.get(e.clause.docId) ?? -1);
  if (docOf.includes(-1)) throw new Error('索引中有条款不属于任何文档');
  const byDoc = (values: string[], valuesOf: (doc: DocumentMeta) => readonly string[]) =>
    groupedColumn(
      facetColumn(values, documents.length, (g) => valuesOf(documents[g] as DocumentMeta)),
      docOf,
    );
  const identityOf = (dim: DocDimension) => byDoc(identity.values[dim], (doc) => identity.of(doc.id)[dim]);
  const columns: Record<Dimension, FacetColumn> = {
    doc: byDoc(
      documents.map((d) => d.id),
      (doc) => [doc.id],
    ),
    level: byDoc([...LEVEL_ORDER, NO_LEVEL], (doc) => [doc.level ?? NO_LEVEL]),
    region: identityOf('region'),
    issuer: identityOf('issuer'),
    type: identityOf('type'),
    status: identityOf('status'),
    issued: identityOf('issued'),
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
    obligation: facetColumn([...OBLIGATION_VALUES], entries.length, (n) => [enrichment.obligationOf(clauseOf(n).id) ?? NO_OBLIGATION]),
  };
  return facetTable(DIMENSIONS, columns);
}
