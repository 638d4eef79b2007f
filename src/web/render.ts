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
}

type Range = [number, number];

/** Lead-phrase bold and search highlights together; ranges are display offsets in clause.text. */
export function richSegments(clause: Pick<Clause, 'text' | 'lead' | 'marker'>, ranges: Range[] = []): RichSegment[] {
  const out: RichSegment[] = [];
  let at = 0;
  for (const seg of textSegments(clause)) {
    const end = at + seg.text.length;
    let cursor = at;
    for (const [from, to] of ranges) {
      const a = Math.max(from, at);
      const b = Math.min(to, end);
      if (b <= a) continue;
      if (a > cursor) out.push({ text: clause.text.slice(cursor, a), strong: seg.strong, mark: false });
      out.push({ text: clause.text.slice(a, b), strong: seg.strong, mark: true });
      cursor = b;
    }
    if (cursor < end) out.push({ text: clause.text.slice(cursor, end), strong: seg.strong, mark: false });
    at = end;
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
