// What every router is built from: the engine and the two request-independent facts a citation
// needs. The Host header is the client's to set, and a shared cache may keep what it produced:
// only a configured PUBLIC_ORIGIN enters citation URLs; without one, links are relative.
import type { Clause, DocumentMeta } from '../../ingest/types.js';
import type { ClauseCitation, DocumentCitation } from '../../present/citation.js';
import { tableCsv, tablesXlsx, type Table, type TableAbout } from '../../present/table.js';
import type { Request, Response } from 'express';
import { AppError, quoteValue } from '../../errors.js';
import type { Library } from '../../library/library.js';
import type { Searcher } from '../../search/engine.js';
import type { DocSort } from '../../search/documents.js';
import { planVersions } from '../../search/versions/versions.js';
import { defaultOrder, type DocListing } from '../../present/doc-list.js';

export interface RouteContext {
  library: Library;
  searcher: Searcher;
  /** PUBLIC_ORIGIN, or '' for relative links. */
  origin: string;
  /** Today's date for GB/T 7714 access dates. */
  today: () => string;
  /** The citation model (src/present/citation.ts) with this server's origin, date and edition. */
  citeDoc: (meta: DocumentMeta) => DocumentCitation;
  citeClause: (clause: Clause) => ClauseCitation;
  /** What an Excel download says about itself: when, from which query, over which library. */
  aboutDownload: (req: Request, options: { title: string; query: string }) => TableAbout;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download of tables named `name` (no extension): the first as CSV, or all as an Excel workbook. */
export async function sendTables(res: Response, options: { kind: 'csv' | 'xlsx'; name: string; tables: Table[]; about: () => TableAbout }): Promise<void> {
  const file = `${options.name}.${options.kind}`;
  if (options.kind === 'xlsx') return sendWorkbook(res, { file, tables: options.tables, about: options.about() });
  res.set('Content-Type', 'text/csv; charset=utf-8');
  res.set('Content-Disposition', `attachment; filename="${file}"`);
  res.send(tableCsv(options.tables[0] as Table));
}

/** Sends tables as an Excel workbook download named `file`. */
export async function sendWorkbook(res: Response, options: { file: string; tables: Table[]; about: TableAbout }): Promise<void> {
  const buffer = await tablesXlsx(options.tables, options.about);
  res.set('Content-Type', XLSX_TYPE);
  res.set('Content-Disposition', `attachment; filename="${options.file}"`);
  res.send(buffer);
}

/** Two documents that are versions of one plan, earlier first; VERSIONS_NOT_LINKED otherwise. */
export function findVersions(library: Library, beforeId: string, afterId: string): [DocumentMeta, DocumentMeta] {
  const [before, after] = [findDoc(library, beforeId), findDoc(library, afterId)];
  const versions = planVersions(library, before.id).map((d) => d.id);
  const [i, j] = [versions.indexOf(before.id), versions.indexOf(after.id)];
  if (i === -1 || j === -1 || i >= j) throw new AppError('VERSIONS_NOT_LINKED', `${quoteValue(before.id)} → ${quoteValue(after.id)}`);
  return [before, after];
}

export function findDoc(library: Library, id: string) {
  const doc = library.getDocument(id);
  if (!doc) throw new AppError('DOC_NOT_FOUND', quoteValue(id));
  return doc;
}

export function findClause(library: Library, id: string): Clause {
  const clause = library.getClause(id);
  if (!clause) throw new AppError('CLAUSE_NOT_FOUND', quoteValue(id));
  return clause;
}

/** A node of the region tree by its id (四川省/达州市); '' is the whole library. */
export function findPlace(library: Library, id: string) {
  const node = library.regions.byId.get(id);
  if (!node) throw new AppError('PLACE_NOT_FOUND', quoteValue(id));
  return node;
}

/** A cited policy by its key (title@issuer, or its 文号). */
export function findPolicy(library: Library, key: string) {
  const policy = library.enrichment.policy(key);
  if (!policy) throw new AppError('POLICY_NOT_FOUND', quoteValue(key));
  return policy;
}

/** The place, order and page of /docs (and /api/docs, without a page) from checked parameters. */
export function docListing(library: Library, p: { place?: string; sort?: string; order?: string; page?: number }): DocListing {
  const sort = (p.sort ?? 'level') as DocSort;
  return { place: findPlace(library, p.place ?? '').id, sort, order: (p.order ?? defaultOrder(sort)) as 'asc' | 'desc', page: p.page };
}

export function findTheme(library: Library, id: string) {
  const theme = library.enrichment.taxonomy.byId.get(id);
  if (!theme) throw new AppError('THEME_NOT_FOUND', quoteValue(id));
  return theme;
}
