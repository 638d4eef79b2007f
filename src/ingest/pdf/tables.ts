// Tables from positions: a run of lines whose segments line up in columns becomes rows and
// cells. Columns are the union of the segments' horizontal extents; rows are separated by the
// wider gaps between baselines (cell padding), so text wrapped inside a cell stays in its cell.
import type { PageFrame } from './geometry.js';
import type { Line, Segment } from './lines.js';

export interface TableRegion {
  /** Indexes into the page's lines: [start, end). */
  start: number;
  end: number;
  columns: Array<[number, number]>;
  rows: string[][];
}

/** A 专栏 or 表 caption line is not a table row, even when its label and title sit apart. */
export const CAPTION = /^(专栏|附表|表)\s*[0-9０-９一二三四五六七八九十]/u;
const MIN_MULTI = 2;
const MAX_SINGLE_RUN = 4;

function isMulti(line: Line): boolean {
  return line.segments.length >= 2 && !CAPTION.test(line.text);
}

/** A line that runs the full width of the text block is prose, never a table's wrapped cell. */
function isProse(line: Line, frame: PageFrame): boolean {
  return line.segments.length === 1 && line.x0 <= frame.left + 2.5 * line.size && line.x1 >= frame.right - 1.5 * line.size;
}

export function findTables(lines: Line[], frame: PageFrame): TableRegion[] {
  const regions: TableRegion[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isMulti(lines[i] as Line)) {
      i++;
      continue;
    }
    const end = regionEnd(lines, i, frame);
    const multi = lines.slice(i, end).filter(isMulti).length;
    const region = multi >= MIN_MULTI ? readRegion(lines, i, end) : null;
    if (region && region.columns.length >= 2) {
      regions.push(region);
      i = end;
    } else {
      i++;
    }
  }
  return regions;
}

/** The region runs while multi-segment lines keep coming, with short wrapped lines between. */
function regionEnd(lines: Line[], from: number, frame: PageFrame): number {
  let end = from + 1;
  let singles = 0;
  for (let j = from + 1; j < lines.length; j++) {
    const line = lines[j] as Line;
    if (isMulti(line)) {
      end = j + 1;
      singles = 0;
    } else if (isProse(line, frame) || CAPTION.test(line.text) || ++singles > MAX_SINGLE_RUN) {
      break;
    }
  }
  // Wrapped cell text right after the last multi-segment line still belongs to its row.
  while (end < lines.length && !isMulti(lines[end] as Line) && !isProse(lines[end] as Line, frame) && !CAPTION.test((lines[end] as Line).text) && closeBelow(lines[end - 1] as Line, lines[end] as Line)) end++;
  return end;
}

function closeBelow(a: Line, b: Line): boolean {
  return b.y - a.y <= 1.4 * Math.max(a.size, b.size);
}

function readRegion(lines: Line[], start: number, end: number): TableRegion | null {
  const region = lines.slice(start, end);
  const columns = columnsOf(region);
  if (columns.length < 2) return null;
  const rowsOfLines = groupRows(region);
  const rows = rowsOfLines.map((group) => cellsOf(group, columns));
  return { start, end, columns, rows: rows.filter((r) => r.some((c) => c !== '')) };
}

/** Column extents: the union of the multi-segment lines' segment extents. */
function columnsOf(region: Line[]): Array<[number, number]> {
  const spans = region.filter(isMulti).flatMap((l) => l.segments.map((s) => [s.x0, s.x1] as [number, number]));
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [x0, x1] of spans) {
    const last = merged.at(-1);
    if (last && x0 <= last[1] + 2) last[1] = Math.max(last[1], x1);
    else merged.push([x0, x1]);
  }
  return merged;
}

/** Rows break where the gap between baselines is clearly wider than inside a cell. */
function groupRows(region: Line[]): Line[][] {
  const gaps = region.slice(1).map((l, i) => l.y - (region[i] as Line).y);
  const smallest = Math.min(...gaps.filter((g) => g > 0), Infinity);
  const uniform = gaps.every((g) => g <= smallest * 1.3);
  const rows: Line[][] = [];
  region.forEach((line, i) => {
    const gap = i === 0 ? Infinity : (gaps[i - 1] as number);
    const startsRow = uniform ? isMulti(line) || i === 0 : gap > smallest * 1.3;
    if (startsRow || !rows.length) rows.push([line]);
    else rows.at(-1)?.push(line);
  });
  return rows;
}

function cellsOf(group: Line[], columns: Array<[number, number]>): string[] {
  const cells = columns.map(() => '');
  for (const line of group) {
    for (const seg of line.segments) {
      const c = columnOf(seg, columns);
      cells[c] = (cells[c] ?? '') + seg.text;
    }
  }
  return cells.map((c) => c.trim());
}

function columnOf(seg: Segment, columns: Array<[number, number]>): number {
  let best = 0;
  let bestOverlap = -Infinity;
  columns.forEach(([x0, x1], c) => {
    const overlap = Math.min(x1, seg.x1) - Math.max(x0, seg.x0);
    if (overlap > bestOverlap) [best, bestOverlap] = [c, overlap];
  });
  return best;
}
