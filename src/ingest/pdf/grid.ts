// Ruled tables: the borders a Word or WPS table draws are the most reliable evidence of its rows
// and columns. Horizontal and vertical rules that cross form a grid; each text item falls into
// the cell its centre lies in. Scanned PDFs draw no rules: they fall back to text positions.
import type { RawItem } from './lines.js';

/** A drawn rule [x0, y0, x1, y1], top-down, horizontal (y0 = y1) or vertical (x0 = x1). */
export type Rule = [number, number, number, number];

export interface Grid {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Column boundaries, left to right (n + 1 values for n columns). */
  cols: number[];
  /** Row boundaries, top to bottom. */
  rows: number[];
}

/** Rules this close (points) are one line, and lines this close touch. */
const NEAR = 2.5;

export function findGrids(rules: Rule[]): Grid[] {
  const h = mergeCollinear(
    rules.filter((r) => r[1] === r[3]),
    'h',
  );
  const v = mergeCollinear(
    rules.filter((r) => r[0] === r[2]),
    'v',
  );
  const all = [...h, ...v];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  h.forEach((a, i) => {
    v.forEach((b, j) => {
      if (crosses(a, b)) parent[find(i)] = find(h.length + j);
    });
  });
  const groups = new Map<number, Rule[]>();
  all.forEach((r, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(r);
    else groups.set(root, [r]);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const hs = group.filter((r) => r[1] === r[3]);
    const vs = group.filter((r) => r[0] === r[2]);
    if (hs.length < 2 || vs.length < 2) continue;
    const cols = clusters(vs.map((r) => r[0]));
    const rows = clusters(hs.map((r) => r[1]));
    if (cols.length < 3 || rows.length < 2) continue;
    grids.push({ x0: cols[0] as number, x1: cols.at(-1) as number, y0: rows[0] as number, y1: rows.at(-1) as number, cols, rows });
  }
  return grids.sort((a, b) => a.y0 - b.y0);
}

/** Joins pieces of one rule drawn cell by cell (Word draws each cell's border apart). */
function mergeCollinear(rules: Rule[], dir: 'h' | 'v'): Rule[] {
  const key = (r: Rule) => (dir === 'h' ? r[1] : r[0]);
  const from = (r: Rule) => (dir === 'h' ? r[0] : r[1]);
  const to = (r: Rule) => (dir === 'h' ? r[2] : r[3]);
  const sorted = [...rules].sort((a, b) => key(a) - key(b) || from(a) - from(b));
  const out: Rule[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(key(last) - key(r)) <= NEAR && from(r) <= to(last) + NEAR) {
      if (dir === 'h') last[2] = Math.max(last[2], r[2]);
      else last[3] = Math.max(last[3], r[3]);
    } else {
      out.push([...r]);
    }
  }
  return out;
}

function crosses(h: Rule, v: Rule): boolean {
  return v[0] >= h[0] - NEAR && v[0] <= h[2] + NEAR && h[1] >= v[1] - NEAR && h[1] <= v[3] + NEAR;
}

function clusters(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - (out.at(-1) as number) > NEAR) out.push(v);
  return out;
}

export function inGrid(item: RawItem, grid: Grid): boolean {
  const [cx, cy] = centre(item);
  return cx >= grid.x0 && cx <= grid.x1 && cy >= grid.y0 && cy <= grid.y1;
}

function centre(item: RawItem): [number, number] {
  return [item[0] + item[2] / 2, item[1] - item[3] * 0.35];
}

/** Text that runs across a column boundary belongs to no cell: beyond this share, no table. */
const MAX_STRADDLING = 0.1;

/**
 * Does the text sit in the grid's cells? Rules drawn for another purpose (underlines, frames,
 * a scan's vectorised lines) cross prose, whose runs then straddle the "columns".
 */
export function textFitsGrid(grid: Grid, all: RawItem[]): boolean {
  // Spaces between cells are laid out across the boundary by some writers: they carry no text.
  const items = all.filter((it) => it[4].trim() !== '');
  if (items.length === 0) return false;
  const inner = grid.cols.slice(1, -1);
  const straddling = items.filter((it) => inner.some((x) => it[0] < x - 2 && it[0] + it[2] > x + 2)).length;
  return straddling / items.length <= MAX_STRADDLING;
}

/** Cell texts, row by row, of the items inside a grid; rows with no text are left out. */
export function gridCells(grid: Grid, items: RawItem[]): string[][] {
  const nRows = grid.rows.length - 1;
  const nCols = grid.cols.length - 1;
  const cells: RawItem[][][] = Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => []));
  for (const item of items) {
    const [cx, cy] = centre(item);
    const r = slot(grid.rows, cy);
    const c = slot(grid.cols, cx);
    cells[r]?.[c]?.push(item);
  }
  return cells.map((row) => row.map(cellText)).filter((row) => row.some((t) => t !== ''));
}

function slot(bounds: number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (v < (bounds[i + 1] as number)) return i;
  return bounds.length - 2;
}

/** A cell's items in reading order: lines top to bottom, left to right within a line. */
function cellText(items: RawItem[]): string {
  const sorted = [...items].sort((a, b) => (Math.abs(a[1] - b[1]) > a[3] * 0.45 ? a[1] - b[1] : a[0] - b[0]));
  return sorted
    .map((it) => it[4])
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}
