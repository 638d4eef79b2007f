// The spreadsheets of a search's hits and of the citation graph, as typed tables (src/present/table.ts)
// that the routes send as Excel workbooks.
import { LEVEL_LABELS } from '../ingest/types.js';
import type { Library } from '../library/library.js';
import { inTextOf, type ClauseCitation } from './citation.js';
import { columnsOf, type Cell, type Table } from './table.js';
import { urls } from './urls.js';

/** Every hit of a search, one row per clause, with its legal pinpoint and its words. */
export function searchTable(library: Library, hits: ClauseCitation[]): Table {
  const rows = hits.map((c): Cell[] => {
    const meta = library.getDocument(c.id);
    return [meta?.jurisdiction ?? '', meta?.level ? LEVEL_LABELS[meta.level] : '', c.title, c.date, c.shortPinpoint, c.pinpoint, c.quote, c.inText, c.clausePermalink];
  });
  return {
    name: '检索结果',
    columns: columnsOf([
      ['地区', 'text', 12],
      ['层级', 'text', 8],
      ['文档', 'text', 36],
      ['文档日期', 'date'],
      ['条款', 'text', 14],
      ['条款位置', 'text', 24],
      ['条款文本', 'text', 80],
      ['引用', 'text', 48],
      ['固定链接', 'link', 48],
    ]),
    rows,
  };
}

/** The citation graph: each cited policy, each plan citing it, each citing clause. */
export function citationGraphTable(library: Library, origin: string): Table {
  const rows = library.enrichment.policies.flatMap((p) =>
    p.citedBy.flatMap((c) => {
      const doc = library.getDocument(c.docId);
      return c.clauseIds.map((id): Cell[] => {
        const clause = library.getClause(id);
        return [p.title ?? p.key, p.docNumber ?? '', p.corpusDoc ?? '', doc?.jurisdiction ?? '', doc?.title ?? c.docId, doc?.date ?? null, clause?.label ?? '', clause ? inTextOf(library, clause) : '', `${origin}${urls.clause(id)}`];
      });
    }),
  );
  return {
    name: '引用关系',
    columns: columnsOf([
      ['被引政策', 'text', 36],
      ['文号', 'text', 18],
      ['文库中的原文', 'text', 24],
      ['引用方地区', 'text', 12],
      ['引用方文档', 'text', 36],
      ['引用方日期', 'date'],
      ['条款', 'text', 14],
      ['引用', 'text', 48],
      ['固定链接', 'link', 48],
    ]),
    rows,
  };
}
