// From a PDF page's positioned text items to lines: items on one baseline become one line, and
// a wide horizontal gap splits a line into segments (table cells, a right-aligned page number).
// Positions are kept, because the layout, not the punctuation, says where paragraphs end.

/** One text item as the reader worker sends it: [x, baseline y (top-down), width, size, text, font]. */
export type RawItem = [number, number, number, number, string, string];

export interface PdfPage {
  width: number;
  height: number;
  items: RawItem[];
  /** Drawn horizontal and vertical rules [x0, y0, x1, y1] (table borders). */
  rules?: Array<[number, number, number, number]>;
}

export interface Segment {
  x0: number;
  x1: number;
  text: string;
}

export interface Line {
  /** 1-based page number. */
  page: number;
  /** Baseline, top-down. */
  y: number;
  x0: number;
  x1: number;
  /** Type size of most of the line's characters. */
  size: number;
  segments: Segment[];
  text: string;
}

/** A gap wider than this many type sizes separates two segments (cells) of one line. */
const SEGMENT_GAP = 1.6;
/** Items whose baselines differ by less than this share of the type size are on one line. */
const SAME_LINE = 0.45;
const LATIN_END = /[A-Za-z0-9%.)]$/u;
const LATIN_START = /^[A-Za-z0-9(]/u;

export function pageLines(page: PdfPage, pageNo: number): Line[] {
  const items = page.items.filter((it) => it[4].trim() !== '' && it[3] > 0);
  items.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const groups: RawItem[][] = [];
  let current: RawItem[] = [];
  let baseline = Number.NaN;
  for (const item of items) {
    if (current.length && Math.abs(item[1] - baseline) > SAME_LINE * Math.max(item[3], sizeOf(current))) {
      groups.push(current);
      current = [];
    }
    if (!current.length) baseline = item[1];
    current.push(item);
  }
  if (current.length) groups.push(current);
  return groups.map((g) => toLine(g, pageNo));
}

function sizeOf(items: RawItem[]): number {
  return dominantSize(items.map((it) => [it[3], [...it[4]].length]));
}

/** The size that most characters have (weighted mode, to 0.5 pt). */
export function dominantSize(pairs: Array<[number, number]>): number {
  const counts = new Map<number, number>();
  for (const [size, n] of pairs) {
    const key = Math.round(size * 2) / 2;
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, n] of counts) if (n > bestCount || (n === bestCount && size > best)) [best, bestCount] = [size, n];
  return best;
}

function toLine(group: RawItem[], pageNo: number): Line {
  group.sort((a, b) => a[0] - b[0]);
  const size = sizeOf(group);
  const segments: Segment[] = [];
  let seg: Segment | null = null;
  for (const [x, , w, , str] of group) {
    const text = str.replace(/\s+/gu, ' ');
    const x1 = x + Math.max(w, 0);
    if (seg && x - seg.x1 <= SEGMENT_GAP * size) {
      const gap = x - seg.x1;
      const space = gap > 0.15 * size && LATIN_END.test(seg.text) && LATIN_START.test(text.trimStart()) ? ' ' : '';
      seg.text += space + text;
      seg.x1 = Math.max(seg.x1, x1);
    } else {
      if (seg) segments.push(seg);
      seg = { x0: x, x1, text };
    }
  }
  if (seg) segments.push(seg);
  for (const s of segments) s.text = s.text.trim();
  const kept = segments.filter((s) => s.text !== '');
  return {
    page: pageNo,
    y: Math.min(...group.map((it) => it[1])),
    x0: kept[0]?.x0 ?? 0,
    x1: Math.max(...kept.map((s) => s.x1)),
    size,
    segments: kept,
    text: kept.map((s) => s.text).join(' '),
  };
}
