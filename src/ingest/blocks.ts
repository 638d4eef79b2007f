// Splits a decoded text into blocks (logical lines and tables) and repairs page breaks:
// a line cut mid-sentence by PDF export is joined with the line that continues it.
import { findContentsRuns, isPageNumber, runningKey } from './furniture.js';
import { parseAttachment, parseMarker } from './numbering.js';
import { dateLine } from './infer/dates.js';
import { docNumberLine } from './infer/doc-number.js';
import { cleanLine, DATE_LINE, endsComplete, hasInnerPunctuation } from './text.js';

export interface LineBlock {
  type: 'line';
  text: string;
  hashes: number;
  boldLead: string | null;
  /** 1-based first and last source lines. */
  start: number;
  end: number;
  /** Where page-break joins happened: the display text on both sides of each seam. */
  joins: Array<{ line: number; before: string; after: string; page?: number }>;
  /** 1-based first and last printed-page index, for sources that have pages. */
  pages?: [number, number];
  /** Set by layout-aware extractors: the line is a heading by its type size or style. */
  heading?: boolean;
}

export interface TableBlock {
  type: 'table';
  layout: 'tsv' | 'cell-per-line' | 'positions' | 'markup';
  header: string[];
  rows: string[][];
  start: number;
  end: number;
  pages?: [number, number];
  /** Notes printed under the table (注：…), kept with it. */
  notes?: string[];
}

export type Block = LineBlock | TableBlock;

export interface SplitResult {
  blocks: Block[];
  /** Lines of web-page chrome (navigation, ICP record) dropped after a closing `---`. */
  droppedFooter: { start: number; lines: number } | null;
  /** Pages, when form feeds mark them (pdftotext output); null otherwise. */
  pages: number | null;
  /** Lines of a contents page left out. */
  contentsLines: number;
  /** Page numbers and running headers left out. */
  furnitureLines: number;
}

const MIN_BROKEN_LENGTH = 20;
const MAX_TITLE_ONLY_HEADING = 50;

export function splitBlocks(text: string): SplitResult {
  const { lines, pageOf, pages } = readPages(text);
  const footerAt = findFooter(lines);
  const body = footerAt === null ? lines : lines.slice(0, footerAt);
  // Left-out lines are blanked, not removed, so that every block keeps its source line numbers.
  const furnitureLines = blankFurniture(body, pageOf, pages);
  const contentsLines = blankContents(body);
  const raw = readBlocks(body);
  if (pages !== null) for (const b of raw) b.pages = [pageOf[b.start - 1] ?? 1, pageOf[b.end - 1] ?? 1];
  return {
    blocks: joinPageBreaks(raw),
    droppedFooter: footerAt === null ? null : { start: footerAt + 1, lines: lines.length - footerAt },
    pages,
    contentsLines,
    furnitureLines,
  };
}

/** Lines, and the page of each line where form feeds (pdftotext's page breaks) mark pages. */
function readPages(text: string): { lines: string[]; pageOf: number[]; pages: number | null } {
  const raw = text.replace(/\r\n?/gu, '\n').split('\n');
  const pageOf: number[] = [];
  let page = 1;
  const lines = raw.map((line) => {
    for (const ch of line) if (ch === '\f') page++;
    pageOf.push(page);
    return line.includes('\f') ? line.replace(/\f/gu, '') : line;
  });
  // A trailing form feed closes the last page rather than opening an empty one.
  const lastText = lines.findLastIndex((l) => l.trim() !== '');
  const pages = page > 1 ? (pageOf[Math.max(lastText, 0)] ?? page) : null;
  return { lines, pageOf, pages };
}

/**
 * Page numbers and running headers. With form feeds: the first and last lines of each page.
 * Without: a decorated page number (— 3 —, 第3页) anywhere, and a bare number standing between
 * the two halves of a sentence.
 */
function blankFurniture(lines: string[], pageOf: number[], pages: number | null): number {
  const drop = new Set<number>();
  if (pages !== null) {
    const edges = pageEdges(lines, pageOf);
    const keys = new Map<string, Set<number>>();
    for (const i of edges) {
      const key = runningKey(lines[i] ?? '');
      if (key !== '' && [...key].length <= 40) keys.set(key, (keys.get(key) ?? new Set()).add(pageOf[i] ?? 0));
    }
    const minPages = Math.max(3, Math.ceil(pages * 0.3));
    for (const i of edges) {
      const line = lines[i] ?? '';
      if (line.startsWith('\t')) continue;
      if (isPageNumber(line) || (keys.get(runningKey(line))?.size ?? 0) >= minPages) drop.add(i);
    }
  }
  lines.forEach((line, i) => {
    if (drop.has(i) || !isPageNumber(line) || line.startsWith('\t')) return;
    if (/^\s*[0-9０-９]{1,4}\s*$/u.test(line) ? splitsSentence(lines, i) : true) drop.add(i);
  });
  for (const i of drop) lines[i] = '';
  return drop.size;
}

/** The first two and last two non-blank lines of every page. */
function pageEdges(lines: string[], pageOf: number[]): number[] {
  const byPage = new Map<number, number[]>();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const list = byPage.get(pageOf[i] ?? 0) ?? [];
    list.push(i);
    byPage.set(pageOf[i] ?? 0, list);
  });
  return [...byPage.values()].flatMap((l) => [...new Set([l[0], l[1], l.at(-2), l.at(-1)])].filter((i): i is number => i !== undefined));
}

function splitsSentence(lines: string[], at: number): boolean {
  const before = nearText(lines, at, -1);
  const after = nearText(lines, at, 1);
  return before !== null && after !== null && !endsComplete(before) && parseMarker(after.trim()) === null;
}

function nearText(lines: string[], from: number, step: 1 | -1): string | null {
  for (let i = from + step; i >= 0 && i < lines.length; i += step) if ((lines[i] ?? '').trim() !== '') return lines[i] ?? null;
  return null;
}

function blankContents(lines: string[]): number {
  const nonBlank = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim() !== '');
  let n = 0;
  for (const run of findContentsRuns(nonBlank.map(([l]) => l.trim()))) {
    for (let k = run.start; k < run.end; k++) lines[(nonBlank[k] as readonly [string, number])[1]] = '';
    n += run.end - run.start;
  }
  return n;
}

/** Lines of site chrome: links, ICP/public-security records, site ids, contacts. */
const CHROME_LINE = /\]\(|https?:\/\/|ICP|备案|网站标识码|版权|隐私|关于我们|主办[:：]|联系电话|^\[/u;
const MAX_FOOTER_LINES = 40;
const HORIZONTAL_RULE = /^\s*(-{3,}|\*{3,}|_{3,})\s*$/u;

/** A markdown rule followed only by links and site records is the web page's footer. */
function findFooter(lines: string[]): number | null {
  for (let i = lines.length - 1; i >= 0 && lines.length - i <= MAX_FOOTER_LINES; i--) {
    if (!HORIZONTAL_RULE.test(lines[i] ?? '')) continue;
    const rest = lines.slice(i + 1).filter((l) => l.trim() !== '');
    if (rest.length > 0 && rest.every((l) => CHROME_LINE.test(l))) return i;
  }
  return null;
}

function readBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
    } else if (isTsvStart(lines, i)) {
      i = readTsvTable(lines, i, blocks);
    } else if (/^\t/u.test(line) && isCellPerLineStart(lines, i)) {
      i = readCellTable(lines, i, blocks);
    } else {
      if (!HORIZONTAL_RULE.test(line)) {
        const c = cleanLine(line);
        if (c.text !== '') {
          blocks.push({ type: 'line', text: c.text, hashes: c.hashes, boldLead: c.boldLead, start: i + 1, end: i + 1, joins: [] });
        }
      }
      i++;
    }
  }
  return blocks;
}

function cleanCell(cell: string): string {
  return cleanLine(cell).text;
}

const cellCount = (line: string) => line.split('\t').length;

/** Two or more consecutive tab-separated lines, the first (the header) with text before its tab. */
function isTsvStart(lines: string[], from: number): boolean {
  const first = lines[from] ?? '';
  const second = lines[from + 1] ?? '';
  return /^[^\t]+\t/u.test(first) && second.includes('\t') && second.trim() !== '' && cellCount(second) >= 2;
}

function readTsvTable(lines: string[], from: number, out: Block[]): number {
  let i = from;
  const rows: string[][] = [];
  while (i < lines.length && /\t/u.test(lines[i] ?? '') && (lines[i] ?? '').trim() !== '') {
    rows.push((lines[i] ?? '').split('\t').map(cleanCell));
    i++;
  }
  const [header = [], ...rest] = rows;
  const width = Math.max(header.length, ...rest.map((r) => r.length));
  const padded = [...header, ...Array<string>(width - header.length).fill('')];
  out.push({ type: 'table', layout: 'tsv', header: padded, rows: rest, start: from + 1, end: i });
  return i;
}

/**
 * One cell per tab-led line: a header block of 2+ cells and at least one more block of equal
 * width. Decided block by block, stopping at the first that does not fit: reading the whole run
 * first made tab-indented prose (every line a failed probe) quadratic in its length.
 */
function isCellPerLineStart(lines: string[], from: number): boolean {
  let width = -1;
  let rows = 0;
  let cells = 0;
  for (let i = from; ; i++) {
    const line = lines[i];
    if (line !== undefined && line.startsWith('\t')) {
      cells++;
      continue;
    }
    if (cells > 0) {
      if (width < 0 && cells < 2) return false;
      if (width >= 0 && cells !== width) return false;
      if (width < 0) width = cells;
      else rows++;
      cells = 0;
    }
    if (line === undefined || line.trim() !== '' || !nextNonBlankIsCell(lines, i)) return rows > 0;
  }
}

function readCellTable(lines: string[], from: number, out: Block[]): number {
  const groups: string[][] = [];
  let current: string[] = [];
  let i = from;
  let last = from;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (/^\t/u.test(line)) {
      current.push(cleanCell(line.slice(1)));
      last = i;
      i++;
    } else if (line.trim() === '' && nextNonBlankIsCell(lines, i)) {
      if (current.length) groups.push(current);
      current = [];
      i++;
    } else break;
  }
  if (current.length) groups.push(current);
  const [header = [], ...rows] = groups;
  out.push({ type: 'table', layout: 'cell-per-line', header, rows, start: from + 1, end: last + 1 });
  return last + 1;
}

function nextNonBlankIsCell(lines: string[], from: number): boolean {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\t/u.test(line)) return true;
    if (line.trim() !== '') return false;
  }
  return false;
}

/** Could this line have been cut by a page break? */
function mayContinue(block: LineBlock): boolean {
  if (block.hashes > 0 || parseAttachment(block.text) !== null) return false;
  const marker = parseMarker(block.text);
  if (marker && isTitleOnly(marker.rest)) return false;
  if (endsComplete(block.text)) return false;
  return hasInnerPunctuation(block.text) || [...block.text].length >= MIN_BROKEN_LENGTH;
}

/** Could this line be the rest of a sentence begun on the line before? */
function mayBeContinuation(block: LineBlock): boolean {
  if (block.hashes > 0 || block.boldLead !== null) return false;
  if (parseMarker(block.text) !== null || parseAttachment(block.text) !== null) return false;
  if (DATE_LINE.test(block.text) || /^注[:：]/u.test(block.text)) return false;
  // The 文号 under a title and the date under a signature stand on their own lines.
  if (docNumberLine(block.text) !== null || dateLine(block.text) !== null) return false;
  return true;
}

/** A heading line with nothing after its title, such as （一）“十三五”气候行动进展明显. */
export function isTitleOnly(rest: string): boolean {
  const chars = [...rest];
  if (chars.length > MAX_TITLE_ONLY_HEADING) return false;
  const firstStop = rest.indexOf('。');
  return firstStop === -1 || firstStop === rest.length - 1;
}

function joinPageBreaks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out.at(-1);
    if (block.type === 'line' && prev?.type === 'line' && mayContinue(prev) && mayBeContinuation(block)) {
      prev.joins.push({ line: block.start, before: tail(prev.text), after: head(block.text) });
      prev.text += block.text;
      prev.end = block.end;
      if (prev.pages && block.pages) prev.pages = [prev.pages[0], block.pages[1]];
    } else {
      out.push(block);
    }
  }
  return out;
}

function tail(text: string): string {
  return [...text].slice(-8).join('');
}

function head(text: string): string {
  return [...text].slice(0, 8).join('');
}
