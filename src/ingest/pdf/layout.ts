// A PDF's pages to blocks by layout: page furniture (numbers, running headers) and contents
// pages are left out, tables are read from positions, and lines join into paragraphs by
// indentation, line width and spacing, across page breaks. Punctuation is never the evidence
// for a paragraph end.
import type { Block, LineBlock, TableBlock } from '../blocks.js';
import { findContentsRuns, isPageNumber, runningKey } from '../furniture.js';
import { repairSpacing } from '../text.js';
import { measure, type Geometry, type PageFrame } from './geometry.js';
import { findGrids, gridCells, inGrid, textFitsGrid } from './grid.js';
import { pageLines, type Line, type PdfPage, type RawItem } from './lines.js';
import { findTables } from './tables.js';

export interface LayoutResult {
  blocks: Block[];
  /** The page numbers as printed on each page (1-based page → its printed number), where found. */
  pageLabels: Record<number, string>;
  /** The largest type on the first page, joined across its lines. */
  layoutTitle: string | null;
  stats: LayoutStats;
}

export type LayoutStats = {
  pageNumbers: number;
  runningHeaders: number;
  contentsLines: number;
  tables: number;
  /** Paragraphs joined across a page break. */
  pageJoins: number;
};

type Item = { kind: 'line'; line: Line } | { kind: 'table'; rows: string[][]; page: number };

/** A ruled table found on a page, placed in reading order by its top edge. */
interface PageTable {
  y: number;
  rows: string[][];
}

export function layoutPages(pages: PdfPage[]): LayoutResult {
  const stats: LayoutStats = { pageNumbers: 0, runningHeaders: 0, contentsLines: 0, tables: 0, pageJoins: 0 };
  const ruled = pages.map(ruledTables);
  const linesByPage = pages.map((p, i) => pageLines({ ...p, items: ruled[i]?.rest ?? p.items }, i + 1));
  const pageLabels = removeFurniture(linesByPage, stats);
  const geometry = measure(linesByPage);
  const layoutTitle = titleOf(linesByPage[0] ?? [], geometry);
  const items = removeBareNumbers(
    removeContents(
      linesByPage.flatMap((lines, i) => withTables({ lines, ruled: ruled[i]?.tables ?? [], page: i + 1 }, geometry, stats)),
      stats,
    ),
    stats,
  );
  const blocks = assemble(items, geometry, stats);
  return { blocks, layoutTitle, stats, pageLabels };
}

/** Page numbers at the head or foot of a page, and lines repeated at the head or foot of many pages. */
function removeFurniture(linesByPage: Line[][], stats: LayoutStats): Record<number, string> {
  const labels: Record<number, string> = {};
  const edge = (lines: Line[]) => [lines[0], lines[1], lines.at(-2), lines.at(-1)].filter((l): l is Line => l !== undefined);
  const counts = new Map<string, Set<number>>();
  for (const lines of linesByPage) {
    for (const line of edge(lines)) {
      const key = runningKey(line.text);
      if (key === '' || [...key].length > 40) continue;
      const pages = counts.get(key) ?? new Set<number>();
      pages.add(line.page);
      counts.set(key, pages);
    }
  }
  const minPages = Math.max(3, Math.ceil(linesByPage.length * 0.3));
  const running = new Set([...counts].filter(([, pages]) => pages.size >= minPages).map(([key]) => key));
  linesByPage.forEach((lines, p) => {
    const drop = new Set(
      edge(lines).filter((line) => {
        if (isPageNumber(line.text) && line.segments.length === 1) {
          labels[line.page] = line.text.replace(/[^0-9０-９ivxlcIVXLC]/gu, '');
          return (stats.pageNumbers++, true);
        }
        if (running.has(runningKey(line.text))) return (stats.runningHeaders++, true);
        return false;
      }),
    );
    // A page number can share its line with nothing else but sit among header text: check segments.
    linesByPage[p] = lines.filter((l) => !drop.has(l)).map((l) => stripEdgeNumber(l, lines, stats));
  });
  return labels;
}

/** "巴中市规划 — 3 —": a page number that sits as its own segment at a page edge line. */
function stripEdgeNumber(line: Line, lines: Line[], stats: LayoutStats): Line {
  const atEdge = line === lines[0] || line === lines.at(-1);
  if (!atEdge || line.segments.length < 2) return line;
  const kept = line.segments.filter((s) => !isPageNumber(s.text));
  if (kept.length === line.segments.length || kept.length === 0) return line;
  stats.pageNumbers++;
  return { ...line, segments: kept, text: kept.map((s) => s.text).join(' '), x0: kept[0]?.x0 ?? line.x0, x1: Math.max(...kept.map((s) => s.x1)) };
}

/** Items inside drawn grids become those grids' tables; the rest go on to line building. */
function ruledTables(page: PdfPage): { tables: PageTable[]; rest: RawItem[] } {
  const grids = findGrids(page.rules ?? []);
  const tables: PageTable[] = [];
  let rest = page.items;
  for (const grid of grids) {
    const inside = rest.filter((it) => inGrid(it, grid));
    if (!textFitsGrid(grid, inside)) continue;
    const rows = gridCells(grid, inside);
    // One row of text in a frame is a boxed paragraph; text in one column only is framed prose.
    if (rows.length < 2 || filledColumns(rows) < 2) continue;
    tables.push({ y: grid.y0, rows });
    rest = rest.filter((it) => !inGrid(it, grid));
  }
  return { tables, rest };
}

/** Columns with text in at least a third of the rows. */
function filledColumns(rows: string[][]): number {
  const width = Math.max(...rows.map((r) => r.length));
  let n = 0;
  for (let c = 0; c < width; c++) if (rows.filter((r) => (r[c] ?? '') !== '').length >= rows.length / 3) n++;
  return n;
}

/** A page's lines with its tables in place: ruled ones by their top edge, others from text positions. */
function withTables(page: { lines: Line[]; ruled: PageTable[]; page: number }, geometry: Geometry, stats: LayoutStats): Item[] {
  const { lines } = page;
  const frame = geometry.frames.get(page.page) ?? { left: 0, right: 0 };
  const items: Item[] = [];
  let i = 0;
  for (const table of lines.length ? findTables(lines, frame) : []) {
    for (; i < table.start; i++) items.push({ kind: 'line', line: lines[i] as Line });
    items.push({ kind: 'table', rows: table.rows, page: page.page });
    stats.tables++;
    i = table.end;
  }
  for (; i < lines.length; i++) items.push({ kind: 'line', line: lines[i] as Line });
  for (const table of page.ruled) {
    const at = items.findIndex((it) => it.kind === 'line' && it.line.y > table.y);
    items.splice(at === -1 ? items.length : at, 0, { kind: 'table', rows: table.rows, page: page.page });
    stats.tables++;
  }
  return items;
}

/**
 * A line that is only a number of one to three digits, outside a table, carries no text: a page
 * number away from the page edge or a footnote's marker set apart. Left in, it would become a
 * clause of its own or be glued into a sentence.
 */
function removeBareNumbers(items: Item[], stats: LayoutStats): Item[] {
  return items.filter((it) => {
    const bare = it.kind === 'line' && /^[0-9０-９]{1,3}$/u.test(it.line.text.trim());
    if (bare) stats.pageNumbers++;
    return !bare;
  });
}

function removeContents(items: Item[], stats: LayoutStats): Item[] {
  const texts = items.map((it) => (it.kind === 'line' ? it.line.text : ''));
  const drop = new Set<number>();
  for (const run of findContentsRuns(texts)) {
    for (let i = run.start; i < run.end; i++) drop.add(i);
    stats.contentsLines += run.end - run.start;
  }
  return items.filter((_, i) => !drop.has(i));
}

/** The first page's largest type, joined across its lines (a title wraps). */
/** Scanned type varies a little from line to line: sizes within 8% are one size. */
function sameSize(a: Line, b: Line): boolean {
  return Math.abs(a.size - b.size) <= Math.max(0.5, 0.08 * Math.max(a.size, b.size));
}

/** A document's title names its kind (…实施方案, 关于…的通知); the 发文机关标志 (…文件) does not. */
const TITLE_WORD = /关于|规划|方案|意见|通知|决定|办法|细则|条例|计划|指南|导则|措施|纲要|公告/u;
const ISSUER_MARK = /文件$/u;

/**
 * The title in large type on the first page, joined across its lines: of the runs of lines in
 * heading type, the first that names a document's kind, else the largest.
 */
function titleOf(lines: Line[], geometry: Geometry): string | null {
  const runs: Line[][] = [];
  for (const line of lines) {
    if (line.size < geometry.bodySize * HEADING_RATIO) continue;
    const run = runs.at(-1);
    const prev = run?.at(-1);
    if (run && prev && sameSize(prev, line) && lines.indexOf(line) === lines.indexOf(prev) + 1) run.push(line);
    else runs.push([line]);
  }
  const text = (run: Line[]) => repairSpacing(run.map((l) => l.text).join(''));
  const named = runs.find((r) => TITLE_WORD.test(text(r)) && !ISSUER_MARK.test(text(r)));
  const largest = [...runs].sort((a, b) => (b[0]?.size ?? 0) - (a[0]?.size ?? 0))[0];
  const chosen = named ?? largest;
  return chosen ? text(chosen) || null : null;
}

function assemble(items: Item[], geometry: Geometry, stats: LayoutStats): Block[] {
  const blocks: Block[] = [];
  let open: { block: LineBlock; last: Line } | null = null;
  let lineNo = 0;
  for (const item of items) {
    lineNo++;
    if (item.kind === 'table') {
      open = null;
      appendTable(blocks, item, lineNo);
      continue;
    }
    const line = item.line;
    if (open && continues(open.last, line, geometry)) {
      if (open.last.page !== line.page) {
        stats.pageJoins++;
        open.block.joins.push({ line: lineNo, before: tailOf(open.block.text), after: [...line.text].slice(0, 8).join(''), page: line.page });
      }
      open.block.text = joinText(open.block.text, line.text);
      open.block.end = lineNo;
      open.block.pages = [open.block.pages?.[0] ?? line.page, line.page];
      open.last = line;
      continue;
    }
    const block: LineBlock = {
      type: 'line',
      text: line.text,
      hashes: 0,
      boldLead: null,
      start: lineNo,
      end: lineNo,
      joins: [],
      pages: [line.page, line.page],
      heading: line.size >= geometry.bodySize * HEADING_RATIO,
    };
    blocks.push(block);
    open = { block, last: line };
  }
  for (const b of blocks) if (b.type === 'line') b.text = repairSpacing(b.text);
  return blocks.filter((b) => b.type === 'table' || b.text !== '');
}

function appendTable(blocks: Block[], item: Extract<Item, { kind: 'table' }>, lineNo: number): void {
  const [header = [], ...rows] = headerRows(item.rows.map((r) => r.map(repairSpacing)));
  const prev = blocks.at(-1);
  // A table that runs on from the previous page: same columns, the header maybe printed again.
  if (prev?.type === 'table' && prev.pages && prev.pages[1] === item.page - 1 && prev.header.length === header.length) {
    const repeated = header.join('|') === prev.header.join('|');
    prev.rows.push(...(repeated ? rows : [header, ...rows]));
    prev.end = lineNo;
    prev.pages = [prev.pages[0], item.page];
    return;
  }
  const table: TableBlock = { type: 'table', layout: 'positions', header, rows, start: lineNo, end: lineNo, pages: [item.page, item.page] };
  blocks.push(table);
}

/** Type this much larger than the body's is a heading's. */
const HEADING_RATIO = 1.15;

/**
 * A header printed over two or three rows (2020年 / 现状值 under one another, a merged cell
 * beside them) is one header: rows without a figure are folded into it while it has gaps.
 */
function headerRows(rows: string[][]): string[][] {
  const [first, ...rest] = rows;
  if (!first) return rows;
  const header = [...first];
  let taken = 0;
  for (const row of rest.slice(0, 2)) {
    if (!header.some((c) => c === '') || row.some((c) => /[0-9０-９]/u.test(c) && !/年/u.test(c))) break;
    row.forEach((c, i) => (header[i] = `${header[i] ?? ''}${c}`));
    taken++;
  }
  return [header, ...rest.slice(taken)];
}

const MARKER_START = /^(第[一二三四五六七八九十百]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|专栏\s*[0-9０-９]|附件)/u;

/** Does line b carry on the paragraph whose last line is a? Layout evidence only. */
function continues(a: Line, b: Line, g: Geometry): boolean {
  const fa = g.frames.get(a.page) as PageFrame;
  const fb = g.frames.get(b.page) as PageFrame;
  if (Math.abs(a.size - b.size) > Math.max(a.size, b.size) * 0.12) return false;
  // Several segments (第一条　为…, a gap after the marker) are prose as long as the margins say so.
  // A title in large type wraps over lines that are each centred: one heading all the same.
  const large = (l: Line) => l.size >= g.bodySize * HEADING_RATIO;
  if (large(a) || large(b)) return large(a) && large(b) && a.page === b.page && sameSize(a, b) && b.y - a.y <= 2.2 * a.size;
  if (b.x0 > fb.left + 1.2 * b.size) return false; // the next line is indented: a new paragraph
  if (a.x1 < fa.right - (1.0 + carriedOver(a.text, b.text)) * a.size) return false; // the line stops short of the margin
  if (isCentred(a, fa) || isCentred(b, fb)) return false;
  if (a.page === b.page && b.y - a.y > g.pitch * 1.45) return false; // a blank line between
  if (b.page !== a.page && b.page !== a.page + 1) return false;
  // No first-line indent in this layout: a numbered heading still opens a new paragraph.
  if (MARKER_START.test(b.text) && /[。；：:;！？]$/u.test(a.text)) return false;
  return true;
}

const CLOSING = '”’）》」』〕】、，。；：？！,.;:?!)';
const OPENING = '“‘（《「『〔【(';
/** Average width of a Latin letter or digit, in type sizes. */
const LATIN_WIDTH = 0.55;

/**
 * How many type sizes of a line's shortfall the typesetter caused by carrying text over: a
 * number or Latin word wraps whole (181.4万 moves down together), a character is taken along
 * with a closing mark that may not start a line (五” ), an opening mark may not end one.
 */
function carriedOver(before: string, after: string): number {
  const latin = /^[A-Za-z0-9.%]+/u.exec(after)?.[0].length ?? 0;
  if (latin > 0) return latin * LATIN_WIDTH + 0.5;
  const chars = [...after];
  if (CLOSING.includes(chars[1] ?? '') || OPENING.includes([...before].at(-1) ?? '')) return 1.2;
  return 0;
}

/** Short on both sides and balanced: a title or heading set in the middle, not an indented first line. */
function isCentred(line: Line, frame: PageFrame): boolean {
  const mid = (frame.left + frame.right) / 2;
  const shortOnBothSides = line.x0 > frame.left + 2 * line.size && line.x1 < frame.right - 2 * line.size;
  return shortOnBothSides && Math.abs((line.x0 + line.x1) / 2 - mid) < 1.5 * line.size;
}

const LATIN_EDGE = /[A-Za-z0-9]$/u;

function joinText(a: string, b: string): string {
  return LATIN_EDGE.test(a) && /^[A-Za-z0-9]/u.test(b) ? `${a} ${b}` : a + b;
}

function tailOf(text: string): string {
  return [...text].slice(-8).join('');
}
