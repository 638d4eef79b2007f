// Reuse down the hierarchy as the pages and the API show it: on a clause, its class and its
// parent clause with a character diff, and which plans below took it up; on a plan, the shares
// of 照搬, 细化, 改写 and 新增 and the parent's measures it left out.
import { LEVEL_LABELS, type Clause, type DocumentMeta, type Level } from '../ingest/types.js';
import type { Library } from '../library/library.js';
import { diffParts, type DiffPart } from '../search/reuse/align.js';
import { bodyOf } from '../search/reuse/sketch.js';
import { REUSE_CLASSES, REUSE_LABELS, reuseOf, type ClauseReuse, type Counterpart, type ReuseClass } from '../search/reuse/reuse.js';
import { urls } from './urls.js';
import { columnsOf, type Cell, type Table } from './table.js';

const LEVEL_WORDS: Record<Counterpart['level'], string> = { national: '国家', province: '省级', city: '市级', sibling: '同级' };

export interface CounterpartView {
  id: string;
  label: string;
  text: string;
  url: string;
  doc: string;
  docTitle: string;
  jurisdiction: string;
  level: Counterpart['level'];
  levelLabel: string;
  /** 2 × common characters / both lengths, as a whole percentage. */
  similarity: number;
}

export interface ClauseReuseView {
  class: ReuseClass;
  classLabel: string;
  parent: CounterpartView | null;
  /** The clause's text against its parent's: what it kept, added and dropped. */
  diff: DiffPart[];
  sibling: CounterpartView | null;
}

export interface TakersView {
  taken: { id: string; label: string; url: string; doc: string; jurisdiction: string; class: ReuseClass; classLabel: string; similarity: number }[];
  notTaken: { doc: string; title: string; jurisdiction: string; url: string }[];
}

/** A share as a whole percentage. */
const percent = (x: number) => Math.round(x * 100);

function counterpartView(library: Library, c: Counterpart): CounterpartView | null {
  const clause = library.getClause(c.clause);
  const doc = library.getDocument(c.doc);
  if (!clause || !doc) return null;
  return { id: clause.id, label: clause.label, text: clause.text, url: urls.clause(clause.id), doc: doc.id, docTitle: doc.title, jurisdiction: c.jurisdiction, level: c.level, levelLabel: LEVEL_WORDS[c.level], similarity: percent(c.similarity) };
}

export function clauseReuseView(library: Library, clause: Clause): ClauseReuseView | null {
  const r: ClauseReuse | undefined = reuseOf(library).ofClause(clause.id);
  if (!r) return null;
  const parent = r.parent ? counterpartView(library, r.parent) : null;
  const parentClause = parent ? library.getClause(parent.id) : undefined;
  return {
    class: r.class,
    classLabel: REUSE_LABELS[r.class],
    parent,
    diff: parentClause ? diffParts(bodyOf(clause), bodyOf(parentClause)) : [],
    sibling: r.sibling ? counterpartView(library, r.sibling) : null,
  };
}

/** Which plans below took a clause up, and which did not (未承接); null for a clause no plan answers to. */
export function takersView(library: Library, clause: Clause): TakersView | null {
  const t = reuseOf(library).takersOf(clause.id);
  if (!t) return null;
  const docOf = (id: string) => library.getDocument(id) as DocumentMeta;
  return {
    taken: t.taken.map((c) => {
      const own = library.getClause(c.clause) as Clause;
      const doc = docOf(c.doc);
      return { id: own.id, label: own.label, url: urls.clause(own.id), doc: doc.id, jurisdiction: doc.jurisdiction ?? doc.title, class: c.class, classLabel: REUSE_LABELS[c.class], similarity: percent(c.parent?.similarity ?? 0) };
    }),
    notTaken: t.notTaken.map((id) => {
      const doc = docOf(id);
      return { doc: doc.id, title: doc.title, jurisdiction: doc.jurisdiction ?? doc.title, url: urls.doc(doc.id) };
    }),
  };
}

export interface DocReuseView {
  parents: { level: string; jurisdiction: string; docs: { id: string; title: string; url: string }[] }[];
  /** The plans above it draws on, whose left-out measures are listed. */
  counterparts: { id: string; title: string; url: string }[];
  total: number;
  classes: { class: ReuseClass; label: string; count: number; share: number }[];
  /** The counterpart plans' clauses this plan does not take up, in their order. */
  leftOut: { id: string; label: string; url: string; text: string; docTitle: string }[];
}

export function docReuseView(library: Library, docId: string): DocReuseView | null {
  const r = reuseOf(library).ofDoc(docId);
  if (!r) return null;
  const total = r.clauses.length;
  return {
    parents: r.parents.map((p) => ({
      level: LEVEL_WORDS[p.level],
      jurisdiction: p.jurisdiction,
      docs: p.docs.map((id) => ({ id, title: library.getDocument(id)?.title ?? id, url: urls.doc(id) })),
    })),
    counterparts: r.counterparts.map((id) => ({ id, title: library.getDocument(id)?.title ?? id, url: urls.doc(id) })),
    total,
    classes: REUSE_CLASSES.map((c) => ({ class: c, label: REUSE_LABELS[c], count: r.counts[c], share: total ? percent(r.counts[c] / total) : 0 })),
    leftOut: r.leftOut.flatMap((id) => {
      const c = library.getClause(id);
      return c ? [{ id, label: c.label, url: urls.clause(id), text: c.text, docTitle: library.getDocument(c.docId)?.title ?? c.docId }] : [];
    }),
  };
}

/** A plan's clauses against the plans above, one row each, then the parent's measures it left out. */
export function reuseTables(library: Library, docId: string, origin: string): Table[] {
  const r = reuseOf(library).ofDoc(docId);
  if (!r) return [];
  const rows = r.clauses.map((c): Cell[] => {
    const own = library.getClause(c.clause) as Clause;
    const parent = c.parent ? library.getClause(c.parent.clause) : undefined;
    const sibling = c.sibling ? library.getClause(c.sibling.clause) : undefined;
    return [
      own.label,
      own.text,
      REUSE_LABELS[c.class],
      c.parent ? LEVEL_WORDS[c.parent.level] : '',
      c.parent?.jurisdiction ?? '',
      parent ? (library.getDocument(parent.docId)?.title ?? '') : '',
      parent?.label ?? '',
      parent?.text ?? '',
      c.parent ? percent(c.parent.similarity) : null,
      sibling ? `${c.sibling?.jurisdiction ?? ''} ${sibling.label}` : '',
      `${origin}${urls.clause(own.id)}`,
      parent ? `${origin}${urls.clause(parent.id)}` : '',
    ];
  });
  const clauses: Table = {
    name: '条款承接',
    columns: columnsOf([
      ['条款', 'text', 14],
      ['条款文本', 'text', 60],
      ['承接类型', 'text', 8],
      ['上级层级', 'text', 8],
      ['上级地区', 'text', 10],
      ['上级文件', 'text', 30],
      ['上级条款', 'text', 14],
      ['上级条文', 'text', 60],
      ['相似度（%）', 'number', 10],
      ['同级最接近', 'text', 20],
      ['固定链接', 'link', 40],
      ['上级固定链接', 'link', 40],
    ]),
    rows,
  };
  const leftOut: Table = {
    name: '上级措施未承接',
    columns: columnsOf([
      ['上级文件', 'text', 30],
      ['条款', 'text', 14],
      ['条文', 'text', 80],
      ['固定链接', 'link', 40],
    ]),
    rows: r.leftOut.map((id): Cell[] => {
      const c = library.getClause(id) as Clause;
      return [library.getDocument(c.docId)?.title ?? c.docId, c.label, c.text, `${origin}${urls.clause(id)}`];
    }),
  };
  return [clauses, leftOut];
}

/** Every plan compared, with its place and shares: /api/reuse. */
export function reuseSummaries(library: Library): { doc: string; title: string; jurisdiction: string | null; level: string | null; total: number; counts: Record<ReuseClass, number>; leftOut: number; url: string }[] {
  return reuseOf(library).docs.map((d) => {
    const meta = library.getDocument(d.doc) as DocumentMeta;
    return { doc: d.doc, title: meta.title, jurisdiction: meta.jurisdiction, level: meta.level, total: d.clauses.length, counts: d.counts, leftOut: d.leftOut.length, url: urls.doc(d.doc) };
  });
}

export interface DiffusionRow {
  doc: string;
  title: string;
  jurisdiction: string;
  level: string | null;
  url: string;
  /** The plan's clauses on the theme, and how many of each class. */
  total: number;
  classes: { class: ReuseClass; label: string; count: number; share: number }[];
  /** Of its clauses on the theme, the share taken from above (照搬, 细化 or 改写). */
  taken: number;
}

/**
 * A theme's diffusion down the hierarchy: for every city's and county's plan with clauses on the
 * theme, how many copy, elaborate or reword a plan above and how many are its own; those that
 * take most from above first.
 */
export function diffusionView(library: Library, themeId: string): DiffusionRow[] {
  const onTheme = new Set(library.enrichment.tags.byTheme.get(themeId) ?? []);
  return reuseOf(library)
    .docs.map((d): DiffusionRow | null => {
      const clauses = d.clauses.filter((c) => onTheme.has(c.clause));
      if (clauses.length === 0) return null;
      const meta = library.getDocument(d.doc) as DocumentMeta;
      const count = (c: ReuseClass) => clauses.filter((x) => x.class === c).length;
      return {
        doc: d.doc,
        title: meta.title,
        jurisdiction: meta.jurisdiction ?? meta.title,
        level: meta.level,
        url: urls.doc(d.doc),
        total: clauses.length,
        classes: REUSE_CLASSES.map((c) => ({ class: c, label: REUSE_LABELS[c], count: count(c), share: percent(count(c) / clauses.length) })),
        taken: percent((clauses.length - count('new')) / clauses.length),
      };
    })
    .filter((r): r is DiffusionRow => r !== null)
    .sort((a, b) => b.taken - a.taken || a.jurisdiction.localeCompare(b.jurisdiction, 'zh'));
}

/** A theme's diffusion as a download: one row a plan, the counts and shares of each class. */
export function diffusionTable(rows: DiffusionRow[], origin: string): Table {
  return {
    name: '上下级承接',
    columns: columnsOf([
      ['地区', 'text', 12],
      ['层级', 'text', 8],
      ['文件', 'text', 40],
      ['条款', 'number', 8],
      ...REUSE_CLASSES.flatMap((c): [string, 'number', number][] => [
        [REUSE_LABELS[c], 'number', 8],
        [`${REUSE_LABELS[c]}（%）`, 'number', 10],
      ]),
      ['承接比例（%）', 'number', 12],
      ['固定链接', 'link', 40],
    ]),
    rows: rows.map((r): Cell[] => [r.jurisdiction, r.level ? LEVEL_LABELS[r.level as Level] : '', r.title, r.total, ...r.classes.flatMap((c) => [c.count, c.share]), r.taken, `${origin}${r.url}`]),
  };
}
