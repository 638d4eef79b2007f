// The loaded corpus as lookup tables: documents in administrative order, clauses by id and
// by document, children by parent, each document's facet values. Read-only after construction;
// web and CLI share it.
import { enrichData, enrichmentFrom, type Enrichment, type EnrichmentData } from '../enrich/enrich.js';
import type { IndicatorCatalog } from '../enrich/indicators.js';
import type { Taxonomy } from '../enrich/themes.js';
import { TARGET_DEFAULTS } from '../config.js';
import { groupBy } from '../group.js';
import { buildDocFacets, type DocFacets } from './doc-facets.js';
import { buildRegionTree, type RegionTree } from './regions.js';
import type { Clause, Corpus, DocumentMeta, ParsedDocument } from '../ingest/types.js';
import { LEVEL_ORDER } from '../ingest/types.js';

export interface Library {
  documents: DocumentMeta[];
  getDocument(id: string): DocumentMeta | undefined;
  clausesOf(docId: string): Clause[];
  getClause(id: string): Clause | undefined;
  childrenOf(clause: Clause): Clause[];
  ancestorsOf(clause: Clause): Clause[];
  neighbours(clause: Clause): { prev: Clause | null; next: Clause | null };
  clauseCount: number;
  /** Region, issuers, type, status and year of issue per document, for facets and filters. */
  docFacets: DocFacets;
  /** Jurisdictions as a tree (nation, provinces, cities, counties) with their documents. */
  regions: RegionTree;
  corpus: Corpus;
  enrichment: Enrichment;
}

const NO_THEMES: Taxonomy = { themes: [], byId: new Map(), source: '' };
const NO_INDICATORS: IndicatorCatalog = { indicators: [], byId: new Map(), source: '' };

/** National first, then provinces, cities and counties (LEVEL_ORDER); by admin code within a level. */
export function compareDocuments(a: DocumentMeta, b: DocumentMeta): number {
  const rank = (d: DocumentMeta) => (d.level ? LEVEL_ORDER.indexOf(d.level) : LEVEL_ORDER.length);
  return rank(a) - rank(b) || (a.adminCode ?? '~').localeCompare(b.adminCode ?? '~') || a.id.localeCompare(b.id);
}

export interface LibraryOptions {
  taxonomy?: Taxonomy;
  indicators?: IndicatorCatalog;
  /** Enrichment already computed for this corpus (read from a snapshot): skips the enrich stage. */
  enriched?: EnrichmentData;
}

export function buildLibrary(corpus: Corpus, options: LibraryOptions = {}): Library {
  const docs = [...corpus.documents].sort((a, b) => compareDocuments(a.meta, b.meta));
  const byDoc = new Map<string, ParsedDocument>(docs.map((d) => [d.meta.id, d]));
  const all = docs.flatMap((d) => d.clauses);
  const clauses = new Map<string, Clause>(all.map((c) => [c.id, c]));
  const children = groupBy(all, (c) => `${c.docId}.${c.parentEId ?? ''}`);
  return {
    documents: docs.map((d) => d.meta),
    getDocument: (id) => byDoc.get(id)?.meta,
    clausesOf: (docId) => byDoc.get(docId)?.clauses ?? [],
    getClause: (id) => clauses.get(id),
    childrenOf: (clause) => children.get(clause.id) ?? [],
    ancestorsOf: (clause) => clause.ancestors.map((eId) => clauses.get(`${clause.docId}.${eId}`)).filter((c): c is Clause => c !== undefined),
    neighbours: (clause) => {
      const list = byDoc.get(clause.docId)?.clauses ?? [];
      return { prev: list[clause.order - 1] ?? null, next: list[clause.order + 1] ?? null };
    },
    clauseCount: clauses.size,
    docFacets: buildDocFacets(docs.map((d) => d.meta)),
    regions: buildRegionTree(docs.map((d) => d.meta)),
    corpus,
    enrichment: enrichmentOf(docs, options),
  };
}

function enrichmentOf(docs: ParsedDocument[], options: LibraryOptions): Enrichment {
  const taxonomy = options.taxonomy ?? NO_THEMES;
  const indicators = options.indicators ?? NO_INDICATORS;
  const clauses = docs.flatMap((d) => d.clauses);
  const data = options.enriched ?? enrichData({ documents: docs.map((d) => d.meta), clauses, taxonomy, indicators, targetsFromYear: TARGET_DEFAULTS.fallbackMinYear });
  return enrichmentFrom(data, { clauses, taxonomy, indicators });
}
