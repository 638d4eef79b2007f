// Versions of one plan as the pages and the API show them: the other versions a document has,
// and two versions aligned clause by clause with what was added, removed, moved and changed
// (a character diff, and the figures that changed).
import type { Clause, DocumentMeta } from '../ingest/types.js';
import type { Library } from '../library/library.js';
import { diffParts, type DiffPart } from '../search/reuse/align.js';
import { bodyOf } from '../search/reuse/sketch.js';
import { planVersions, successorOf, versionDiff, type ClauseChange, type TargetChange } from '../search/versions/versions.js';
import { urls } from './urls.js';

export const CHANGE_LABELS: Record<ClauseChange, string> = { same: '未变', moved: '移动', changed: '修改', added: '新增', removed: '删除' };

export interface VersionLink {
  id: string;
  title: string;
  date: string | null;
  url: string;
  /** This document against that one, earlier first. */
  compareUrl: string;
  current: boolean;
}

/** A document's plan in all its versions, earliest first; empty when the library holds one. */
export function versionLinks(library: Library, docId: string): VersionLink[] {
  const versions = planVersions(library, docId);
  const at = versions.findIndex((d) => d.id === docId);
  return versions.map((d, i) => ({
    id: d.id,
    title: d.title,
    date: d.date,
    url: urls.doc(d.id),
    compareUrl: i < at ? urls.versions(d.id, docId) : urls.versions(docId, d.id),
    current: d.id === docId,
  }));
}

interface Side {
  id: string;
  label: string;
  text: string;
  url: string;
}

export interface VersionRow {
  change: ClauseChange;
  label: string;
  before: Side | null;
  after: Side | null;
  diff: DiffPart[];
  targets: TargetChange[];
}

export interface VersionDiffView {
  before: { id: string; title: string; date: string | null; url: string };
  after: { id: string; title: string; date: string | null; url: string };
  counts: { change: ClauseChange; label: string; count: number }[];
  /** Every clause that differs, in the later version's order; unchanged ones are only counted. */
  rows: VersionRow[];
}

const side = (c: Clause | undefined): Side | null => (c ? { id: c.id, label: c.label, text: c.text, url: urls.clause(c.id) } : null);
const docOf = (m: DocumentMeta) => ({ id: m.id, title: m.title, date: m.date, url: urls.doc(m.id) });

export function versionDiffView(library: Library, before: DocumentMeta, after: DocumentMeta): VersionDiffView {
  const d = versionDiff(library, before.id, after.id);
  return {
    before: docOf(before),
    after: docOf(after),
    counts: (['changed', 'moved', 'added', 'removed', 'same'] as ClauseChange[]).map((change) => ({ change, label: CHANGE_LABELS[change], count: d.counts[change] })),
    rows: d.clauses
      .filter((c) => c.change !== 'same')
      .map((c) => {
        const [b, a] = [c.before ? library.getClause(c.before) : undefined, c.after ? library.getClause(c.after) : undefined];
        return { change: c.change, label: CHANGE_LABELS[c.change], before: side(b), after: side(a), diff: c.change === 'changed' && a && b ? diffParts(bodyOf(a), bodyOf(b)) : [], targets: c.targets };
      }),
  };
}

/** On a clause of an earlier version: where it went in the next one. */
export function successorView(library: Library, clause: Clause): { id: string; doc: string; url: string; label: string; title: string; change: ClauseChange; changeLabel: string } | null {
  const next = successorOf(library, clause);
  if (!next) return null;
  const c = library.getClause(next.clause) as Clause;
  return { id: c.id, doc: next.doc, url: urls.clause(c.id), label: c.label, title: library.getDocument(next.doc)?.title ?? next.doc, change: next.change, changeLabel: CHANGE_LABELS[next.change] };
}
