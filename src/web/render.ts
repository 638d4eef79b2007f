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
