// Versions of one plan: documents that are the same plan at different stages (征求意见稿, 试行,
// the issued text, 修订版) are linked when their titles agree apart from the status and they are
// for the same jurisdiction (and issuer, where both name one), or when a catalogue entry's
// versionOf names the earlier one. Two versions are aligned clause by
// clause: unchanged, moved, changed (with the targets whose figures changed) or added/removed; and
// each clause of the earlier maps to its successor, so a permalink to a draft finds its way on.
import type { Target } from '../../enrich/targets/index.js';
import { groupBy, Groups } from '../../group.js';
import type { Clause, DocumentMeta } from '../../ingest/types.js';
import type { Library } from '../../library/library.js';
import { similarity } from '../reuse/align.js';
import { bodyOf, contentOf } from '../reuse/sketch.js';

/** Status words a title carries that name the stage, not the plan. */
const STATUS_WORDS = /[（(〔【[]?(?:征求意见稿|公开征求意见稿|送审稿|草案|讨论稿|试行|暂行|修订版|修订稿|修订|\d{4}年修订|\d{4}年版)[）)〕】\]]?/gu;

/** The plan a title names, without its stage: 《…（征求意见稿）》 and 《…（修订版）》 are one plan. */
export function planKey(meta: Pick<DocumentMeta, 'title' | 'jurisdiction' | 'issuer'>): string {
  const title = contentOf(meta.title.replace(STATUS_WORDS, ''));
  return `${meta.jurisdiction ?? ''}|${title}`;
}

export const VERSION_RULES = {
  /** A clause is the same clause changed when this similar (2 × common / both lengths) to its counterpart. */
  changed: 0.6,
} as const;

export type ClauseChange = 'same' | 'moved' | 'changed' | 'added' | 'removed';

export interface TargetChange {
  indicator: string;
  indicatorLabel: string;
  year: number | null;
  from: string;
  to: string;
}

export interface AlignedClause {
  change: ClauseChange;
  /** The earlier version's clause (null when added) and the later's (null when removed). */
  before: string | null;
  after: string | null;
  /** 2 × common / both lengths, for a changed clause. */
  similarity: number | null;
  targets: TargetChange[];
}

export interface VersionDiff {
  before: string;
  after: string;
  clauses: AlignedClause[];
  counts: Record<ClauseChange, number>;
}

/**
 * Each document's other versions, earliest first (by date, then a draft before the issued text).
 * Versions are the same title apart from the stage, or linked by a catalogue entry's versionOf.
 */
export function versionsOf(library: Library): Map<string, DocumentMeta[]> {
  const links = new Groups();
  for (const d of library.documents) links.add(d.id);
  for (const list of groupBy(library.documents, planKey).values()) {
    // Two plans of one jurisdiction with one title but different issuers are two plans.
    if (new Set(list.map((d) => d.issuer).filter(Boolean)).size > 1) continue;
    for (const d of list.slice(1)) links.union((list[0] as DocumentMeta).id, d.id);
  }
  // The catalogue's word is taken as it stands: it links plans whose titles or issuers differ.
  for (const d of library.documents) if (d.versionOf && links.has(d.versionOf)) links.union(d.versionOf, d.id);
  const out = new Map<string, DocumentMeta[]>();
  for (const list of groupBy(library.documents, (d) => links.find(d.id)).values()) {
    if (list.length < 2) continue;
    const ordered = inStageOrder(list);
    for (const d of ordered) out.set(d.id, ordered);
  }
  return out;
}

/**
 * One plan's versions, earliest first. A catalogue's versionOf is a fact and comes first: a
 * version is placed only after the one it names. Among those free to come next, the earliest by
 * date and stage; the comparison is not transitive where some dates are missing, so the pick is
 * the one nothing free precedes, else the first by id, and the order never depends on the input's.
 */
function inStageOrder(list: DocumentMeta[]): DocumentMeta[] {
  const inGroup = new Set(list.map((d) => d.id));
  const left = [...list].sort((a, b) => a.id.localeCompare(b.id));
  const placed = new Set<string>();
  const out: DocumentMeta[] = [];
  while (left.length) {
    const free = left.filter((d) => !d.versionOf || !inGroup.has(d.versionOf) || placed.has(d.versionOf));
    // The catalogue refuses a cycle of versionOf; were one here, it must not stop the loop.
    const pool = free.length ? free : left;
    const next = pool.find((d) => pool.every((o) => o === d || byStage(o, d) >= 0)) ?? (pool[0] as DocumentMeta);
    out.push(next);
    placed.add(next.id);
    left.splice(left.indexOf(next), 1);
  }
  return out;
}

const DRAFT = /征求意见|送审|草案|讨论/u;
function byStage(a: DocumentMeta, b: DocumentMeta): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da && db && da !== db) return da < db ? -1 : 1;
  const sa = DRAFT.test(a.title) || DRAFT.test(a.status ?? '') ? 0 : 1;
  const sb = DRAFT.test(b.title) || DRAFT.test(b.status ?? '') ? 0 : 1;
  return sa - sb || a.id.localeCompare(b.id);
}

/** The clauses compared: the plan's text, not its cover notice. */
const unitsOf = (library: Library, docId: string) => library.clausesOf(docId).filter((c) => c.kind !== 'notice');
const body = (c: Clause) => contentOf(bodyOf(c));

/** Pairs kept in reading order: the longest run of pairs increasing in both versions; the rest moved. */
function inOrder(pairs: [number, number][]): Set<number> {
  const sorted = pairs.map((p, i) => ({ p, i })).sort((x, y) => x.p[0] - y.p[0]);
  const tails: number[] = [];
  const prev: number[] = [];
  sorted.forEach(({ p }, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[tails[mid] as number] as { p: [number, number] }).p[1] < p[1]) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? (tails[lo - 1] as number) : -1;
    tails[lo] = k;
  });
  const keep = new Set<number>();
  for (let k = tails.length ? (tails[tails.length - 1] as number) : -1; k >= 0; k = prev[k] as number) keep.add((sorted[k] as { i: number }).i);
  return keep;
}

function targetChanges(library: Library, before: string, after: string): TargetChange[] {
  const of = (id: string) => library.enrichment.targetsOf(id);
  const key = (t: Target) => `${t.indicator}|${t.year ?? ''}|${t.direction}`;
  const earlier = new Map(of(before).map((t) => [key(t), t]));
  return of(after).flatMap((t) => {
    const was = earlier.get(key(t));
    return was && (was.value !== t.value || was.valueText !== t.valueText) ? [{ indicator: t.indicator, indicatorLabel: t.indicatorLabel, year: t.year, from: was.valueText, to: t.valueText }] : [];
  });
}

/**
 * Aligns two versions clause by clause: identical text first (a clause printed once in each),
 * then the most similar remaining pairs above VERSION_RULES.changed; what is left was removed or
 * added. A matched pair out of reading order, against the longest run in order, was moved.
 */
export function diffVersions(library: Library, beforeId: string, afterId: string): VersionDiff {
  const a = unitsOf(library, beforeId);
  const b = unitsOf(library, afterId);
  const [ca, cb] = [a.map(body), b.map(body)];
  const matchOf = new Map<number, number>();
  const taken = new Set<number>();
  const byText = groupBy(cb.keys(), (j) => cb[j] as string);
  ca.forEach((t, i) => {
    const j = byText.get(t)?.find((x) => !taken.has(x));
    if (j !== undefined) {
      matchOf.set(i, j);
      taken.add(j);
    }
  });
  // The rest: the most similar pairs first, each clause used once.
  const candidates: { i: number; j: number; s: number }[] = [];
  ca.forEach((t, i) => {
    if (matchOf.has(i)) return;
    cb.forEach((u, j) => {
      if (taken.has(j) || Math.min(t.length, u.length) < VERSION_RULES.changed * 0.5 * Math.max(t.length, u.length)) return;
      const s = similarity(t, u);
      if (s >= VERSION_RULES.changed) candidates.push({ i, j, s });
    });
  });
  const similar = new Map<number, number>();
  for (const c of candidates.sort((x, y) => y.s - x.s)) {
    if (matchOf.has(c.i) || taken.has(c.j)) continue;
    matchOf.set(c.i, c.j);
    similar.set(c.i, c.s);
    taken.add(c.j);
  }
  const pairs = [...matchOf].sort((x, y) => x[0] - y[0]);
  const ordered = inOrder(pairs);
  const clauses: AlignedClause[] = [];
  pairs.forEach(([i, j], k) => {
    const [x, y] = [a[i] as Clause, b[j] as Clause];
    const changed = similar.has(i);
    clauses.push({ change: changed ? 'changed' : ordered.has(k) ? 'same' : 'moved', before: x.id, after: y.id, similarity: changed ? (similar.get(i) as number) : null, targets: changed ? targetChanges(library, x.id, y.id) : [] });
  });
  a.forEach((x, i) => {
    if (!matchOf.has(i)) clauses.push({ change: 'removed', before: x.id, after: null, similarity: null, targets: [] });
  });
  b.forEach((y, j) => {
    if (!taken.has(j)) clauses.push({ change: 'added', before: null, after: y.id, similarity: null, targets: [] });
  });
  // In the later version's reading order, removed clauses after their predecessor.
  const orderOf = (c: AlignedClause) => (c.after ? (library.getClause(c.after) as Clause).order : (library.getClause(c.before as string) as Clause).order - 0.5);
  clauses.sort((x, y) => orderOf(x) - orderOf(y));
  const counts = { same: 0, moved: 0, changed: 0, added: 0, removed: 0 } as Record<ClauseChange, number>;
  for (const c of clauses) counts[c.change]++;
  return { before: beforeId, after: afterId, clauses, counts };
}

const cache = new WeakMap<Library, { groups: Map<string, DocumentMeta[]>; diffs: Map<string, VersionDiff> }>();

function stateOf(library: Library) {
  let s = cache.get(library);
  if (!s) cache.set(library, (s = { groups: versionsOf(library), diffs: new Map() }));
  return s;
}

/** The versions of a document's plan, earliest first; empty when the library holds one. */
export function planVersions(library: Library, docId: string): DocumentMeta[] {
  return stateOf(library).groups.get(docId) ?? [];
}

/** The diff of two versions, kept once computed. */
export function versionDiff(library: Library, beforeId: string, afterId: string): VersionDiff {
  const s = stateOf(library);
  const key = `${beforeId}\u0000${afterId}`;
  let d = s.diffs.get(key);
  if (!d) s.diffs.set(key, (d = diffVersions(library, beforeId, afterId)));
  return d;
}

/** Where a clause went in the next version of its plan: its successor, or null (removed, or no later version). */
export function successorOf(library: Library, clause: Clause): { clause: string; doc: string; change: ClauseChange } | null {
  const versions = planVersions(library, clause.docId);
  const at = versions.findIndex((d) => d.id === clause.docId);
  const next = versions[at + 1];
  if (at === -1 || !next) return null;
  const found = versionDiff(library, clause.docId, next.id).clauses.find((c) => c.before === clause.id);
  return found?.after ? { clause: found.after, doc: next.id, change: found.change } : null;
}
