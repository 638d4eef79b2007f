// What the reader's templates show beside a clause's text, worked out by the route so the
// templates only render: the cited documents the library holds (links inside the text), the
// similar clauses of other documents, the clause's own targets and its themes' labels.
import { HEADING_KINDS, LEVEL_LABELS, type Clause } from '../ingest/types.js';
import type { Library } from '../library/library.js';
import type { Searcher } from '../search/engine.js';
import { citationLinks } from './citations.js';
import type { SegmentLink } from './clause-text.js';

export type RelatedClause = ReturnType<Searcher['related']>[number];

export interface RelatedItem extends RelatedClause {
  jurisdiction: string;
  levelLabel: string;
  /** The shared theme's label, when the clause is listed for one. */
  themeLabel: string | null;
}

export interface ClauseExtras {
  /** Per clause id: the spans of its text that cite a document the library holds. */
  links: Record<string, SegmentLink[]>;
  /** Per clause id: similar clauses of other documents (absent for a listed heading without a lead). */
  related: Record<string, RelatedItem[]>;
}

export function relatedItems(library: Library, searcher: Searcher, clauseId: string): RelatedItem[] {
  return searcher.related(clauseId).map((r) => {
    const d = library.getDocument(r.clause.docId);
    const themeLabel = r.theme ? (library.enrichment.taxonomy.byId.get(r.theme)?.label ?? r.theme) : null;
    return { ...r, jurisdiction: d?.jurisdiction ?? d?.title ?? '', levelLabel: d?.level ? LEVEL_LABELS[d.level] : '未分级', themeLabel };
  });
}

/** `listed`: clauses shown in a list, where a heading without a lead sentence shows no similar clauses. */
export function clauseExtras(library: Library, searcher: Searcher, clauses: Clause[], options: { listed: boolean }): ClauseExtras {
  const links: ClauseExtras['links'] = {};
  const related: ClauseExtras['related'] = {};
  for (const c of clauses) {
    links[c.id] = citationLinks(library, c.id);
    if (!options.listed || !HEADING_KINDS.has(c.kind) || c.lead) related[c.id] = relatedItems(library, searcher, c.id);
  }
  return { links, related };
}

export function themeLabels(library: Library, ids: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, library.enrichment.taxonomy.byId.get(id)?.label ?? id]));
}
