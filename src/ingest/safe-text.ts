// The last check on every extracted document, whatever its format: control characters and NUL
// are removed from all of its text, and a line, paragraph or table longer than a clause may be
// is split, so that no clause reaches the index, the pages or the CSV downloads with a NUL in it
// or megabytes long (ranking a 5 MB clause took 80 s). The limit is CORPUS_LIMITS.maxClauseChars.
import { CORPUS_LIMITS } from '../config.js';
import type { Block, LineBlock, TableBlock } from './blocks.js';

/**
 * C0 controls but tab, newline, carriage return and form feed (layout: form feeds are page
 * breaks), DEL and C1. The binary check (decode.ts) reads only a file's first 64 KB, so a NUL
 * further on would otherwise reach the reader's HTML and the CSV raw.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/u;
const CONTROLS = new RegExp(CONTROL.source, 'gu');

export function stripControls(text: string): { text: string; removed: number } {
  if (!CONTROL.test(text)) return { text, removed: 0 };
  let removed = 0;
  const clean = text.replace(CONTROLS, () => {
    removed++;
    return '';
  });
  return { text: clean, removed };
}

/** A warning naming the file, or none when nothing was removed. */
export function controlsWarning(removed: number, name: string): string[] {
  return removed > 0 ? [`已删除 ${removed} 个控制字符（NUL 等）：${name}`] : [];
}

const SENTENCE_END = new Set(['。', '；', '！', '？', ';', '!', '?']);
/** A closing quote or bracket after a sentence end stays with its sentence. */
const CLOSERS = new Set(['”', '’', '）', ')', '」', '』', '》']);

/**
 * Pieces of at most max characters: each ends after the last sentence end in the second half
 * of its window, else at the window's end (never between the halves of a surrogate pair).
 * Linear in the text: the scan back from each window's end stops halfway.
 */
export function splitLongText(text: string, max: number = CORPUS_LIMITS.maxClauseChars): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    const cut = cutPoint(text, start, max);
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces.filter((p) => p.trim() !== '');
}

function cutPoint(text: string, start: number, max: number): number {
  const end = start + max;
  for (let i = end - 1; i >= start + max / 2; i--) {
    if (!SENTENCE_END.has(text[i] ?? '')) continue;
    let cut = i + 1;
    while (cut < end && CLOSERS.has(text[cut] ?? '')) cut++;
    return cut;
  }
  const low = text.charCodeAt(end);
  return low >= 0xdc00 && low <= 0xdfff ? end - 1 : end;
}

export interface SafeBlocks {
  blocks: Block[];
  warnings: string[];
}

interface Tally {
  removed: number;
  split: number;
  longest: number;
  firstLine: number;
}

/** Every block cleaned of control characters and bounded to max characters, with warnings naming the file. */
export function safeBlocks(blocks: Block[], name: string, max: number = CORPUS_LIMITS.maxClauseChars): SafeBlocks {
  const tally: Tally = { removed: 0, split: 0, longest: 0, firstLine: 0 };
  const out: Block[] = [];
  for (const block of blocks) {
    const clean = block.type === 'line' ? cleanLine(block, tally) : cleanTable(block, tally);
    if (clean.type === 'table' && !tableTooLong(clean, max)) out.push(clean);
    else for (const line of clean.type === 'table' ? tableAsLines(clean) : [clean]) out.push(...boundLine(line, max, tally));
  }
  return { blocks: out, warnings: [...controlsWarning(tally.removed, name), ...splitWarning(tally, max, name)] };
}

function splitWarning(tally: Tally, max: number, name: string): string[] {
  if (tally.split === 0) return [];
  return [`${tally.split} 处段落或表格超过 ${max} 字（最长 ${tally.longest} 字，第 ${tally.firstLine} 行起），已拆分为每段不超过 ${max} 字的条款：${name}`];
}

function clean(text: string, tally: Tally): string {
  const stripped = stripControls(text);
  tally.removed += stripped.removed;
  return stripped.text;
}

function cleanLine(block: LineBlock, tally: Tally): LineBlock {
  const text = clean(block.text, tally);
  const boldLead = block.boldLead === null ? null : clean(block.boldLead, tally);
  const joins = block.joins.map((j) => ({ ...j, before: clean(j.before, tally), after: clean(j.after, tally) }));
  return { ...block, text, boldLead, joins };
}

function cleanTable(table: TableBlock, tally: Tally): TableBlock {
  const cells = (row: string[]) => row.map((c) => clean(c, tally));
  const notes = table.notes?.map((n) => clean(n, tally));
  return { ...table, header: cells(table.header), rows: table.rows.map(cells), ...(notes ? { notes } : {}) };
}

/** A row's clause text is its cells joined (parse.ts, addTable); the header becomes the table's columns. */
const rowText = (cells: string[]) => cells.filter((c) => c !== '').join(' ');

function tableTooLong(table: TableBlock, max: number): boolean {
  return [table.header, ...table.rows].some((row) => rowText(row).length > max) || (table.notes ?? []).some((n) => n.length > max);
}

/** A table with a row longer than a clause may be is read as paragraphs, one per row, so that it can be split. */
function tableAsLines(table: TableBlock): LineBlock[] {
  const texts = [...[table.header, ...table.rows].map(rowText), ...(table.notes ?? [])].filter((t) => t.trim() !== '');
  return texts.map((text) => ({ type: 'line', text, hashes: 0, boldLead: null, start: table.start, end: table.end, joins: [], ...(table.pages ? { pages: table.pages } : {}) }));
}

/** The line itself when it is short enough; else its pieces, the first keeping its heading marks. */
function boundLine(line: LineBlock, max: number, tally: Tally): LineBlock[] {
  if (line.text.length <= max) return [line];
  if (tally.split === 0) tally.firstLine = line.start;
  tally.split++;
  tally.longest = Math.max(tally.longest, line.text.length);
  return splitLongText(line.text, max).map((text, i) => (i === 0 ? { ...line, text } : { type: 'line', text, hashes: 0, boldLead: null, start: line.start, end: line.end, joins: [], ...(line.pages ? { pages: line.pages } : {}) }));
}
