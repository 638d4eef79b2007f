// View models of the cross-reference pages: the themes × jurisdictions grid, one theme across
// jurisdictions (with explicit 未提及 rows), side-by-side comparison and its CSV export.
import type { Theme } from '../enrich/themes.js';
import type { Library } from '../library/library.js';
import type { Clause, DocumentMeta } from '../ingest/types.js';
import { LEVEL_LABELS, LEVEL_ORDER, NO_LEVEL, type Level } from '../ingest/types.js';
import type { Searcher } from '../search/engine.js';
import type { ParsedQuery } from '../search/query.js';
import { markSegments, toHtml, type MarkedSegment, type Range } from '../search/snippet.js';
import { toHit, type Hit } from './summaries.js';
import { urls } from './urls.js';
import { paginate, type Page } from './paging.js';
import { CROSSREF_DEFAULTS } from '../config.js';
import { NO_OBLIGATION, NO_OBLIGATION_LABEL, OBLIGATION_LABELS, OBLIGATION_VALUES, obligationLabel } from '../enrich/obligation.js';
import { columnsOf, type Cell, type Table } from './table.js';
import { buildRegionTree, regionColumns, trailOf, type RegionColumn, type RegionNode, type RegionTree } from '../library/regions.js';

/** Clauses on each theme per document, every document listed (the API's counts). */
export function themeCounts(library: Library): { theme: Theme; total: number; counts: Map<string, number> }[] {
  const { taxonomy, tags } = library.enrichment;
  return taxonomy.themes.map((theme) => {
    const perDoc = tags.counts.get(theme.id) ?? new Map<string, number>();
    const counts = new Map(library.documents.map((d) => [d.id, perDoc.get(d.id) ?? 0]));
    let total = 0;
    for (const n of counts.values()) total += n;
    return { theme, total, counts };
  });
}

/** A column of the grid: one document, a place's own documents, or the documents at and below a place. */
export interface GridColumn {
  label: string;
  /** The level of a document, or 共 N 份文件 for a group. */
  sub: string;
  /** The document page, or the grid opened at the group. */
  href: string;
  title: string;
  /** What a cell's comparison link selects: the document, or the place (and level). */
  scope: Record<string, string>;
  docs: DocumentMeta[];
  clauses: number;
}

export interface GridRow {
  theme: Theme;
  total: number;
  cells: { count: number; density: number; heat: number }[];
}

/** One choice of the grid's level switch: all levels, or one, with the documents it holds. */
export interface LevelChoice {
  level: string | null;
  label: string;
  count: number;
  href: string;
  current: boolean;
}

export interface ThemeGrid {
  /** The places from the nation down to the one shown. */
  trail: RegionNode[];
  columns: GridColumn[];
  rows: GridRow[];
  page: number;
  pages: number;
  /** Documents under the place shown at the levels chosen (every page). */
  docCount: number;
  levels: LevelChoice[];
}

/** Share of a document's clauses tagged with the theme, as a 0–5 colour step. */
function heat(density: number): number {
  if (density === 0) return 0;
  return Math.min(5, 1 + Math.floor(Math.log2(1 + density * 40)));
}

const levelOf = (d: DocumentMeta): string => d.level ?? NO_LEVEL;

/** The documents at the given levels (level values, none for 未分级); all of them when none is given. */
export function atLevels(docs: DocumentMeta[], levels: string[]): DocumentMeta[] {
  return levels.length ? docs.filter((d) => levels.includes(levelOf(d))) : docs;
}
const levelLabel = (level: string): string => (level === NO_LEVEL ? '未分级' : LEVEL_LABELS[level as Level]);
const sumClauses = (docs: DocumentMeta[]) => docs.reduce((n, d) => n + d.clauseCount, 0);

function gridColumn(column: RegionColumn, levels: string[]): GridColumn {
  if (column.kind === 'doc') {
    const d = column.doc;
    return { label: d.jurisdiction ?? d.title, sub: levelLabel(levelOf(d)), href: urls.doc(d.id), title: d.title, scope: { docs: d.id }, docs: [d], clauses: d.clauseCount };
  }
  const { node } = column;
  const level = levels.length ? levels.join(',') : undefined;
  if (column.kind === 'own') {
    // The place's own documents: the drill-down opens them at their own level(s), where the place has nothing below.
    const own = [...new Set(node.docs.map(levelOf))].join(',');
    const name = node.depth === 0 ? '国家' : node.name;
    return {
      label: `${name}本级`,
      sub: `${node.docs.length} 份文件`,
      href: urls.themes({ place: node.id || undefined, level: own }),
      title: `${name}本级的 ${node.docs.length} 份文件`,
      scope: { place: node.id, level: own },
      docs: node.docs,
      clauses: sumClauses(node.docs),
    };
  }
  const scope: Record<string, string> = { place: node.id };
  if (level) scope.level = level;
  return { label: node.name, sub: `${node.allDocs.length} 份文件`, href: urls.themes({ place: node.id, level }), title: `${node.name}及其下辖地区`, scope, docs: node.allDocs, clauses: sumClauses(node.allDocs) };
}

/** Several documents of one place side by side: told apart by title, not by the place's name. */
function disambiguate(columns: GridColumn[]): GridColumn[] {
  const seen = new Map<string, number>();
  for (const c of columns) seen.set(c.label, (seen.get(c.label) ?? 0) + 1);
  return columns.map((c) => ((seen.get(c.label) ?? 0) > 1 && c.docs.length === 1 && c.scope.docs ? { ...c, label: shortTitle(c.title), sub: c.label === '国家' ? c.sub : `${c.label} · ${c.sub}` } : c));
}

function shortTitle(title: string): string {
  const chars = [...title];
  return chars.length > CROSSREF_DEFAULTS.columnTitleChars ? `${chars.slice(0, CROSSREF_DEFAULTS.columnTitleChars).join('')}…` : title;
}

/** The level switch: every level present under the place, with its count. */
function levelChoices(node: RegionNode, options: { place: string; chosen: string[] }): LevelChoice[] {
  const counts = new Map<string, number>();
  for (const d of node.allDocs) counts.set(levelOf(d), (counts.get(levelOf(d)) ?? 0) + 1);
  const place = options.place || undefined;
  const all: LevelChoice = { level: null, label: '全部层级', count: node.allDocs.length, href: urls.themes({ place }), current: options.chosen.length === 0 };
  const present = [...LEVEL_ORDER, NO_LEVEL].filter((l) => counts.has(l));
  return [all, ...present.map((l) => ({ level: l, label: levelLabel(l), count: counts.get(l) ?? 0, href: urls.themes({ place, level: l }), current: options.chosen.length === 1 && options.chosen[0] === l }))];
}

/**
 * Themes × jurisdictions under one place, optionally at some levels only: its own documents and
 * its places as columns (opened while they fit CROSSREF_DEFAULTS.gridColumns), paged when a
 * place has more children than that. Counts add up the per-document tags computed when the
 * library was built.
 */
export function themeGrid(library: Library, options: { place: string; levels?: string[]; page: number }): ThemeGrid {
  const { taxonomy, tags } = library.enrichment;
  const cap = CROSSREF_DEFAULTS.gridColumns;
  const levels = options.levels ?? [];
  const full = library.regions.byId.get(options.place) ?? library.regions.root;
  // A level filter regroups the documents left: /themes?level=city opens provinces into their cities.
  const tree = levels.length ? buildRegionTree(atLevels(library.documents, levels)) : library.regions;
  const node = tree.byId.get(full.id);
  const { items, page, pages } = paginate(regionColumns(tree, { node: full.id, cap }), { page: options.page, size: cap });
  const columns = disambiguate(items.map((c) => gridColumn(c, levels)));
  const under = node?.allDocs ?? [];
  const rows = taxonomy.themes.map((theme) => {
    const perDoc = tags.counts.get(theme.id) ?? new Map<string, number>();
    const cells = columns.map((col) => {
      let count = 0;
      for (const d of col.docs) count += perDoc.get(d.id) ?? 0;
      const density = count / Math.max(1, col.clauses);
      return { count, density, heat: heat(density) };
    });
    let total = 0;
    for (const d of under) total += perDoc.get(d.id) ?? 0;
    return { theme, total, cells };
  });
  return { trail: trailOf(library.regions, full.id), columns, rows, page, pages, docCount: under.length, levels: levelChoices(full, { place: full.id, chosen: levels }) };
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
  /** Quantified targets stated in those clauses: the column's summary beside its clause count. */
  targets: number;
  /** The clauses shown by obligation grade (none for those no modal word grades), strongest first. */
  grades: { value: string; label: string; count: number }[];
}

/** One column per document, in administrative order; an empty column means 未提及. */
export function columnsFor(options: { library: Library; searcher: Searcher; docs: DocumentMeta[]; theme?: string; query?: ParsedQuery; obligations?: string[] }): Column[] {
  const { library, searcher } = options;
  let ids: Set<string>;
  if (options.theme) {
    ids = new Set(library.enrichment.tags.byTheme.get(options.theme) ?? []);
  } else if (options.query) {
    ids = new Set(searcher.matching(options.query, { docs: options.docs.map((d) => d.id), levels: [] }));
  } else {
    ids = new Set();
  }
  const gradeOf = (c: Clause) => library.enrichment.obligationOf(c.id) ?? NO_OBLIGATION;
  const wanted = options.obligations ?? [];
  return options.docs.map((doc) => {
    const clauses = library.clausesOf(doc.id).filter((c) => ids.has(c.id) && (wanted.length === 0 || wanted.includes(gradeOf(c))));
    return {
      doc,
      levelLabel: doc.level ? LEVEL_LABELS[doc.level] : '未分级',
      clauses: clauses.map((clause) => markedHit({ library, searcher, clause, theme: options.theme, query: options.query })),
      targets: clauses.reduce((n, c) => n + library.enrichment.targetsOf(c.id).length, 0),
      grades: OBLIGATION_VALUES.map((value) => ({ value, label: obligationLabel(value), count: clauses.filter((c) => gradeOf(c) === value).length })).filter((g) => g.count > 0),
    };
  });
}

/** One page of columns (CROSSREF_DEFAULTS.compareColumns); every column when no page is asked (the CSV). */
export function pageOf<T>(items: T[], page: number | undefined): Page<T> {
  return page === undefined ? { items, page: 1, pages: 1, offset: 0 } : paginate(items, { page, size: CROSSREF_DEFAULTS.compareColumns });
}

/**
 * The places a comparison can be narrowed to: the nation, every province, and the chosen
 * place's ancestors and children, in tree order, so the list stays short at any library size.
 */
export function placeChoices(tree: RegionTree, current: string): { id: string; name: string; depth: number; count: number; selected: boolean }[] {
  const trail = new Set(trailOf(tree, current).map((n) => n.id));
  const out: ReturnType<typeof placeChoices> = [];
  const visit = (node: RegionNode) => {
    out.push({ id: node.id, name: node.name, depth: node.depth, count: node.allDocs.length, selected: node.id === current });
    const open = node.depth === 0 || trail.has(node.id);
    if (open) for (const id of node.children) visit(tree.byId.get(id) as RegionNode);
  };
  visit(tree.root);
  return out;
}

/** The comparison as a table: one row per clause of every column, 未提及 where a column has none. */
export function compareTable(columns: Column[], origin: string): Table {
  const rows: Cell[][] = [];
  for (const col of columns) {
    const base = [col.doc.jurisdiction ?? '', col.levelLabel, col.doc.title, col.doc.date];
    if (col.clauses.length === 0) rows.push([...base, '未提及', '', '', '', '']);
    for (const h of col.clauses) rows.push([...base, h.label, h.obligation ? OBLIGATION_LABELS[h.obligation] : NO_OBLIGATION_LABEL, h.text, h.citation, `${origin}${h.url}`]);
  }
  return {
    name: '并排比较',
    columns: columnsOf([
      ['地区', 'text', 12],
      ['层级', 'text', 8],
      ['文档', 'text', 36],
      ['文档日期', 'date'],
      ['条款', 'text', 16],
      ['约束程度', 'text', 10],
      ['条款文本', 'text', 80],
      ['引用', 'text', 48],
      ['固定链接', 'link', 48],
    ]),
    rows,
  };
}
