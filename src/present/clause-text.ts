// Shapes clauses for the reader templates: text split around the lead phrase, and table
// rows gathered under their caption so the page can print a real <table>.
import type { Clause } from '../ingest/types.js';

export interface Segment {
  text: string;
  strong: boolean;
}

/** The clause text with its lead phrase marked for bold display; plain text, never HTML. */
export function textSegments(clause: Pick<Clause, 'text' | 'lead' | 'marker'>): Segment[] {
  const { text, lead } = clause;
  if (!lead) return [{ text, strong: false }];
  const at = text.indexOf(lead);
  if (at < 0 || at > (clause.marker?.length ?? 0) + 2) return [{ text, strong: false }];
  const end = at + lead.length + (text[at + lead.length] === '。' ? 1 : 0);
  return [
    { text: text.slice(0, at), strong: false },
    { text: text.slice(at, end), strong: true },
    { text: text.slice(end), strong: false },
  ].filter((s) => s.text !== '');
}

export type RenderBlock = { type: 'clause'; clause: Clause } | { type: 'table'; table: Clause; rows: Clause[] };

export function renderBlocks(clauses: Clause[]): RenderBlock[] {
  const blocks: RenderBlock[] = [];
  for (const clause of clauses) {
    if (clause.kind === 'table') {
      blocks.push({ type: 'table', table: clause, rows: [] });
      continue;
    }
    const last = blocks.at(-1);
    if (clause.kind === 'row' && last?.type === 'table' && last.table.eId === clause.parentEId) {
      last.rows.push(clause);
      continue;
    }
    blocks.push({ type: 'clause', clause });
  }
  return blocks;
}

export interface RichSegment {
  text: string;
  strong: boolean;
  mark: boolean;
  /** Set inside a cited policy the library holds: the cited document's page. */
  link?: SegmentLink;
}

/** A span of the clause text that links elsewhere: a 《title》 or 文号 of a document in the library. */
export interface SegmentLink {
  start: number;
  end: number;
  href: string;
  title: string;
}

type Range = [number, number];

/**
 * Lead-phrase bold, search highlights and citation links together; ranges and links are display
 * offsets in clause.text. The text is cut wherever any of the three starts or ends.
 */
export function richSegments(clause: Pick<Clause, 'text' | 'lead' | 'marker'>, ranges: Range[] = [], links: SegmentLink[] = []): RichSegment[] {
  const { text } = clause;
  const strong: Range[] = [];
  let at = 0;
  for (const seg of textSegments(clause)) {
    if (seg.strong) strong.push([at, at + seg.text.length]);
    at += seg.text.length;
  }
  const inside = (spans: Range[], i: number) => spans.some(([a, b]) => a <= i && i < b);
  const cuts = new Set([0, text.length, ...strong.flat(), ...ranges.flat(), ...links.flatMap((l) => [l.start, l.end])]);
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const out: RichSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const link = links.find((l) => l.start <= from && from < l.end);
    const seg: RichSegment = { text: text.slice(from, to), strong: inside(strong, from), mark: inside(ranges, from) };
    out.push(link ? { ...seg, link } : seg);
  }
  return out;
}

/** Highlights inside a table row, cell by cell; a row's text is its cells joined by spaces. */
export function cellSegments(row: Pick<Clause, 'text' | 'cells'>, ranges: Range[] = []): RichSegment[][] {
  const cells = row.cells ?? [];
  if (cells.join(' ') !== row.text) return cells.map((text) => [{ text, strong: false, mark: false }]);
  let at = 0;
  return cells.map((text) => {
    const shifted = ranges.map(([a, b]): Range => [a - at, b - at]);
    at += text.length + 1;
    return richSegments({ text, lead: null, marker: null }, shifted);
  });
}
