// View models of the cross-reference pages: the themes × documents grid, one theme across
// jurisdictions (with explicit 未提及 rows), side-by-side comparison and its CSV export.
import type { Theme } from '../enrich/themes.js';
import type { Library } from '../library/library.js';
import type { Clause, DocumentMeta } from '../ingest/types.js';
import { LEVEL_LABELS } from '../ingest/types.js';
import type { Searcher } from '../search/engine.js';
import type { ParsedQuery } from '../search/query.js';
import { markSegments, toHtml, type MarkedSegment, type Range } from '../search/snippet.js';
import { toHit, type Hit } from './summaries.js';

export interface GridRow {
  theme: Theme;
  total: number;
  cells: { doc: string; count: number; density: number; heat: number }[];
}

/** Share of a document's clauses tagged with the theme, as a 0–5 colour step. */
function heat(density: number): number {
  if (density === 0) return 0;
  return Math.min(5, 1 + Math.floor(Math.log2(1 + density * 40)));
}

export function themeGrid(library: Library): GridRow[] {
  const { taxonomy, tags } = library.enrichment;
  return taxonomy.themes.map((theme) => {
    const perDoc = tags.counts.get(theme.id) ?? new Map<string, number>();
    const cells = library.documents.map((d) => {
      const count = perDoc.get(d.id) ?? 0;
      const density = count / Math.max(1, library.clausesOf(d.id).length);
      return { doc: d.id, count, density, heat: heat(density) };
    });
    return { theme, total: cells.reduce((n, c) => n + c.count, 0), cells };
  });
}

export interface MarkedHit extends Hit {
  /** The whole clause text cut into marked and plain runs. */
  segments: MarkedSegment[];
}

/** A hit whose marks are the given theme's matched terms (or the query's terms). */
export function markedHit(options: { library: Library; searcher: Searcher; clause: Clause; theme?: string; query?: ParsedQuery }): MarkedHit {
  const { library, searcher, clause } = options;
  let ranges: Range[] = [];
  if (options.theme) ranges = searcher.themeHighlights(clause.id, options.theme);
  else if (options.query) ranges = searcher.highlights(clause.id, options.query);
  const segments = markSegments(clause.text, ranges);
  return { ...toHit(library, clause, toHtml(segments)), segments };
}

export interface Column {
  doc: DocumentMeta;
  levelLabel: string;
  clauses: MarkedHit[];
}

/** One column per document, in administrative order; an empty column means 未提及. */
export function columnsFor(options: { library: Library; searcher: Searcher; docs: DocumentMeta[]; theme?: string; query?: ParsedQuery }): Column[] {
  const { library, searcher } = options;
  let ids: Set<string>;
  if (options.theme) {
    ids = new Set(library.enrichment.tags.byTheme.get(options.theme) ?? []);
  } else if (options.query) {
    ids = new Set(searcher.matching(options.query, { docs: options.docs.map((d) => d.id), levels: [] }));
  } else {
    ids = new Set();
  }
  return options.docs.map((doc) => ({
    doc,
    levelLabel: doc.level ? LEVEL_LABELS[doc.level] : '未分级',
    clauses: library
      .clausesOf(doc.id)
      .filter((c) => ids.has(c.id))
      .map((clause) => markedHit({ library, searcher, clause, theme: options.theme, query: options.query })),
  }));
}

/**
 * RFC 4180 CSV; a leading BOM so spreadsheet programs read the Chinese as UTF-8, and a quote
 * mark before a cell starting with = + - @ so no cell runs as a formula.
 */
export function toCsv(rows: string[][]): string {
  const cell = (raw: string) => {
    const v = /^[=+\-@\t\r]/u.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function compareCsv(columns: Column[], origin: string): string {
  const rows = [['地区', '层级', '文档', '条款', '条款文本', '引用', '固定链接']];
  for (const col of columns) {
    if (col.clauses.length === 0) rows.push([col.doc.jurisdiction ?? '', col.levelLabel, col.doc.title, '未提及', '', '', '']);
    for (const h of col.clauses) rows.push([col.doc.jurisdiction ?? '', col.levelLabel, col.doc.title, h.label, h.text, h.citation, `${origin}${h.url}`]);
  }
  return toCsv(rows);
}
