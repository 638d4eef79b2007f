// Reuse down the hierarchy: for every clause of a city's or county's plan, its closest clause in
// the plans of the jurisdictions above it (its city, province, the nation) and among its
// siblings (the other plans under the same parent), classed 照搬, 改写, 细化 or 新增; and for
// every clause of a parent plan, the plans below that took it up and those that did not (未承接).
// Candidates come from MinHash LSH (sketch.ts), so the work grows with the clauses, not their
// pairs; each candidate is then checked by an exact alignment (align.ts).
import { groupBy } from '../../group.js';
import type { Clause, DocumentMeta } from '../../ingest/types.js';
import type { Library } from '../../library/library.js';
import { jurisdictionsAbove, plansAbove, type UpperLevel } from '../targets/vertical-check.js';
import { additions, align, similarity, type Alignment } from './align.js';
import { bandKeys, bodyOf, contentOf, estimate, LshIndex, minhash, shingles } from './sketch.js';

export const REUSE_CLASSES = ['copied', 'elaborated', 'reworded', 'new'] as const;
export type ReuseClass = (typeof REUSE_CLASSES)[number];
export const REUSE_LABELS: Record<ReuseClass, string> = { copied: '照搬', elaborated: '细化', reworded: '改写', new: '新增' };

/** The thresholds of the classes, on the alignment of a clause with its closest counterpart. */
export const REUSE_RULES = {
  /**
   * A long paragraph reworded keeps few characters in place but keeps a measure's sentence
   * (提升生态系统碳汇增量) or its lead (调整运输结构): a sentence this similar to one of the
   * candidate's, or a lead this similar with this share of phrases in common, is a rewording.
   */
  sentence: { similarity: 0.8, minLength: 8 },
  lead: { similarity: 0.5, share: 0.1 },
  /** Shortest clause (letters and digits) compared: shorter ones are headings too generic to trace. */
  minLength: 12,
  /** Near-verbatim: 2 × common / both lengths; from `verbatim` up, whatever was added. */
  copied: 0.85,
  verbatim: 0.92,
  /** Made specific: keeps this much of a parent clause of at least `parent` characters and adds figures, places or names. */
  elaborated: { containment: 0.6, added: 6, parent: 20 },
  /**
   * The same measure reworded: this similarity, or this much of the parent's wording kept, or a
   * lower similarity with this share of the shorter text's 3-character phrases in common (the
   * same boilerplate, 指导思想 or 基本原则, rewritten for another plan).
   */
  reworded: { similarity: 0.45, containment: 0.55, phrased: { similarity: 0.33, share: 0.25 } },
  /**
   * Kept wording counts only with this share of phrases in common: a long clause holds a short
   * parent's characters in order, scattered (可再生能源利用…光伏…生物质能), without taking it up.
   */
  containedShare: 0.25,
  /**
   * Two headings this short (letters and digits, the longer of the two) share their stock ending
   * (…绿色低碳发展水平) whatever their measure: only this similarity makes one a rewording.
   */
  short: { length: 30, similarity: 0.6 },
  /** Candidates aligned per clause and jurisdiction group. */
  shortlist: 3,
  /**
   * The shorter of a clause and its counterpart must be this share of the longer: a heading's few
   * characters turn up, scattered, in any long paragraph on its subject.
   */
  lengthRatio: 0.33,
  /**
   * Shared 3-character phrases (of the shorter text) below which a candidate is not aligned:
   * no class is reachable with so little in common, and alignment is the costly step.
   */
  minShare: 0.1,
} as const;

/**
 * What makes an addition specific: a figure, a named document, or a named place, body or project
 * (涪江流域, 绵阳经济技术开发区, 德胜集团). A city writing 市 where its province wrote 省, or 本县
 * and 城乡, localises the wording; it does not make it specific.
 */
const SPECIFIC = /\d|《|\p{Script=Han}{2,}(?:江|河|湖|山|开发区|园区|示范区|新区|公司|集团|基地|工程|项目|平台|中心|实验室)/u;

export interface Counterpart {
  clause: string;
  doc: string;
  /** The level of the jurisdiction it belongs to, or sibling for a plan beside the clause's own. */
  level: UpperLevel | 'sibling';
  jurisdiction: string;
  similarity: number;
  containment: number;
}

export interface ClauseReuse {
  clause: string;
  doc: string;
  class: ReuseClass;
  /** The closest clause of a plan above; null when nothing there is close enough (新增). */
  parent: Counterpart | null;
  /** The closest clause of a sibling plan, when one is close. */
  sibling: Counterpart | null;
}

export interface DocReuse {
  doc: string;
  /** The jurisdictions above with plans in the library, nation first. */
  parents: { level: UpperLevel; jurisdiction: string; docs: string[] }[];
  counts: Record<ReuseClass, number>;
  clauses: ClauseReuse[];
  /**
   * The plans above that this plan draws on: those two or more of its clauses take up (else the
   * one that one clause does). A province has many plans on many subjects; only these are the
   * plan's counterparts, whose measures it can be said to leave out.
   */
  counterparts: string[];
  /** Clauses of the counterpart plans that no clause of this plan takes up (未承接), in their order. */
  leftOut: string[];
}

export interface Takers {
  /** Clauses of plans below that take the clause up, best first. */
  taken: ClauseReuse[];
  /** Plans below (answering to this clause's jurisdiction first) that do not take it up. */
  notTaken: string[];
}

export interface Reuse {
  ofClause(clauseId: string): ClauseReuse | undefined;
  /** A city's or county's plan with a plan above it in the library; undefined otherwise. */
  ofDoc(docId: string): DocReuse | undefined;
  /** Whether and by whom a parent plan's clause was taken up; undefined for a clause no plan answers to. */
  takersOf(clauseId: string): Takers | undefined;
  /** Every plan compared, in library order. */
  docs: DocReuse[];
}

interface Unit {
  clause: Clause;
  content: string;
  /** Shingle hashes, sorted (for a merge count of those shared). */
  shingles: Uint32Array;
  sig: Uint32Array;
  keys: number[];
}

/** A clause aligned with a candidate: the alignment, the shared phrases, and both texts. */
export interface Match {
  al: Alignment;
  /** Shared 3-character phrases / those of the shorter text. */
  share: number;
  /** The clause's and the candidate's content (letters and digits). */
  content: string;
  parentContent: string;
  /** Their display texts, whose sentences a long paragraph's rewording is found in. */
  text: string;
  parentText: string;
}

/** The clauses worth tracing: the plan's own text, not the cover notice or tables of figures. */
function unitsOf(library: Library, docId: string): Unit[] {
  return library
    .clausesOf(docId)
    .filter((c) => c.kind !== 'notice' && c.kind !== 'row' && c.kind !== 'table')
    .map((clause) => ({ clause, content: contentOf(bodyOf(clause)) }))
    .filter((u) => u.content.length >= REUSE_RULES.minLength)
    .map((u) => {
      const set = shingles(u.content).sort();
      const sig = minhash(set);
      return { ...u, shingles: set, sig, keys: bandKeys(sig) };
    });
}

export function classify(match: Match | null): ReuseClass {
  if (!match) return 'new';
  const { al, share } = match;
  const { elaborated, reworded } = REUSE_RULES;
  if (al.similarity >= REUSE_RULES.verbatim) return 'copied';
  // A heading kept inside a paragraph is that paragraph's topic, not a measure made specific.
  if (match.parentContent.length >= elaborated.parent && al.containment >= elaborated.containment) {
    const specific = additions(match.content, match.parentContent).filter((run) => SPECIFIC.test(run));
    if (specific.join('').length >= elaborated.added) return 'elaborated';
  }
  if (al.similarity >= REUSE_RULES.copied) return 'copied';
  const { short } = REUSE_RULES;
  if (Math.max(match.content.length, match.parentContent.length) < short.length) return al.similarity >= short.similarity ? 'reworded' : 'new';
  if (al.similarity >= reworded.similarity || (al.containment >= reworded.containment && share >= REUSE_RULES.containedShare)) return 'reworded';
  if (al.similarity >= reworded.phrased.similarity && share >= reworded.phrased.share) return 'reworded';
  return sharesSentence(match) ? 'reworded' : 'new';
}

/** The sentences of a text, as content, those long enough to carry a measure. */
function sentencesOf(text: string): string[] {
  return text
    .split(/[。；！？]/u)
    .map(contentOf)
    .filter((s) => s.length >= REUSE_RULES.sentence.minLength);
}

/** A measure's sentence kept nearly as it was, or its lead reworded, in otherwise rewritten paragraphs. */
function sharesSentence(match: Match): boolean {
  const mine = sentencesOf(match.text);
  const theirs = sentencesOf(match.parentText);
  const lead = (text: string) => contentOf(text.split(/[。；]/u)[0] ?? '');
  const [a, b] = [lead(match.text), lead(match.parentText)];
  if (a && b && match.share >= REUSE_RULES.lead.share && similarity(a, b) >= REUSE_RULES.lead.similarity) return true;
  return mine.some((x) => theirs.some((y) => Math.min(x.length, y.length) >= 0.6 * Math.max(x.length, y.length) && similarity(x, y) >= REUSE_RULES.sentence.similarity));
}

/** Shared shingles / those of the smaller set: a merge of two sorted arrays. */
function sharedShare(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const small = Math.min(a.length, b.length);
  return small ? common / small : 0;
}

/** Which alignment is the closer: the more similar, or keeping more of the counterpart's words. */
const closeness = (al: Alignment) => Math.max(al.similarity, 0.9 * al.containment);

class Tracer {
  private readonly units = new Map<string, Unit[]>();
  private readonly groups = new Map<string, { index: LshIndex; items: { doc: string; unit: Unit }[] }>();
  constructor(private readonly library: Library) {}

  private siblingGroups: Map<string | null, DocumentMeta[]> | null = null;

  /** The plans beside a document, grouped once for the library rather than searched per plan. */
  siblingsOf(doc: DocumentMeta): DocumentMeta[] {
    this.siblingGroups ??= groupBy(this.library.documents, siblingKey);
    const key = siblingKey(doc);
    return key === null ? [] : (this.siblingGroups.get(key) ?? []).filter((d) => d.id !== doc.id);
  }

  unitsOf(docId: string): Unit[] {
    let u = this.units.get(docId);
    if (!u) this.units.set(docId, (u = unitsOf(this.library, docId)));
    return u;
  }

  /** One index over the clauses of a group of plans (the plans above a document, or its siblings), shared by every plan the group serves. */
  private groupOf(docs: string[]) {
    const key = [...docs].sort().join('\u0000');
    let group = this.groups.get(key);
    if (!group) {
      const items = docs.flatMap((doc) => this.unitsOf(doc).map((unit) => ({ doc, unit })));
      this.groups.set(key, (group = { index: new LshIndex(items.map((i) => i.unit.keys)), items }));
    }
    return group;
  }

  /**
   * The closest clause among some groups of plans (never the clause's own plan), aligned; null
   * when none is close enough to align. A group is the plans of one jurisdiction, or of one
   * sibling set: indexed once, whichever plans below ask.
   */
  closest(unit: Unit, groups: string[][]): (Match & { unit: Unit; doc: string }) | null {
    const shortlist = groups
      .flatMap((docs) => {
        const group = this.groupOf(docs);
        return group.index.candidates(unit.keys, REUSE_RULES.shortlist * 4).map((i) => group.items[i] as { doc: string; unit: Unit });
      })
      .filter((c) => c.doc !== unit.clause.docId && Math.min(c.unit.content.length, unit.content.length) >= REUSE_RULES.lengthRatio * Math.max(c.unit.content.length, unit.content.length))
      .map((c) => ({ ...c, guess: estimate(unit.sig, c.unit.sig) }))
      .sort((a, b) => b.guess - a.guess)
      .slice(0, REUSE_RULES.shortlist);
    let best: (Match & { unit: Unit; doc: string }) | null = null;
    for (const c of shortlist) {
      const share = sharedShare(unit.shingles, c.unit.shingles);
      const al = share >= REUSE_RULES.minShare ? align(unit.content, c.unit.content) : null;
      if (al && (!best || closeness(al) > closeness(best.al))) best = { unit: c.unit, doc: c.doc, al, share, content: unit.content, parentContent: c.unit.content, text: bodyOf(unit.clause), parentText: bodyOf(c.unit.clause) };
    }
    return best;
  }
}

/** Which plans are siblings: the same level under the same jurisdiction above (null: none above). */
function siblingKey(doc: DocumentMeta): string | null {
  const p = jurisdictionsAbove(doc).at(-1);
  return p ? `${doc.level}|${p.code ?? ''}|${p.name}` : null;
}

function traceDoc(library: Library, tracer: Tracer, doc: DocumentMeta): DocReuse | undefined {
  const above = plansAbove(library, doc);
  if (above.length === 0) return undefined;
  const parentDocs = above.flatMap((j) => j.docs.map((d) => ({ id: d.id, level: j.level, jurisdiction: j.name })));
  const siblings = tracer.siblingsOf(doc);
  const clauses = tracer.unitsOf(doc.id).map((unit): ClauseReuse => {
    const up = tracer.closest(
      unit,
      above.map((j) => j.docs.map((d) => d.id)),
    );
    const cls = classify(up);
    const from = up ? parentDocs.find((p) => p.id === up.doc) : undefined;
    // The whole sibling group, the plan itself included, so that its plans share one index.
    const side = siblings.length ? tracer.closest(unit, [[doc.id, ...siblings.map((s) => s.id)]]) : null;
    const sideMeta = side ? library.getDocument(side.doc) : undefined;
    return {
      clause: unit.clause.id,
      doc: doc.id,
      class: cls,
      parent: up && from && cls !== 'new' ? { clause: up.unit.clause.id, doc: up.doc, level: from.level, jurisdiction: from.jurisdiction, similarity: up.al.similarity, containment: up.al.containment } : null,
      sibling:
        side && sideMeta && classify(side) !== 'new' ? { clause: side.unit.clause.id, doc: side.doc, level: 'sibling', jurisdiction: sideMeta.jurisdiction ?? sideMeta.title, similarity: side.al.similarity, containment: side.al.containment } : null,
    };
  });
  const counts = Object.fromEntries(REUSE_CLASSES.map((c) => [c, clauses.filter((x) => x.class === c).length])) as Record<ReuseClass, number>;
  const taken = new Set(clauses.flatMap((c) => (c.parent ? [c.parent.clause] : [])));
  const counterparts = counterpartsOf(clauses);
  const leftOut = counterparts.flatMap((d) => tracer.unitsOf(d).map((u) => u.clause.id)).filter((id) => !taken.has(id));
  return { doc: doc.id, parents: above.map((j) => ({ level: j.level, jurisdiction: j.name, docs: j.docs.map((d) => d.id) })), counts, clauses, counterparts, leftOut };
}

function counterpartsOf(clauses: ClauseReuse[]): string[] {
  const drawn = new Map<string, number>();
  for (const c of clauses) if (c.parent) drawn.set(c.parent.doc, (drawn.get(c.parent.doc) ?? 0) + 1);
  const ranked = [...drawn].sort((a, b) => b[1] - a[1]);
  const several = ranked.filter(([, n]) => n >= 2).map(([d]) => d);
  return several.length ? several : ranked.slice(0, 1).map(([d]) => d);
}

/** The plans traced: every city's and county's. */
const subjectsOf = (library: Library) => library.documents.filter((d) => d.level === 'city' || d.level === 'county');

interface ReuseState {
  /** The sketches and LSH indexes; dropped once every plan is traced (at ×100 they held some 500 MB). */
  tracer: Tracer | null;
  /** Each plan traced so far (null: no plan above it in the library). */
  traced: Map<string, DocReuse | null>;
  done: Reuse | null;
}

const states = new WeakMap<Library, ReuseState>();

function stateOf(library: Library): ReuseState {
  let s = states.get(library);
  if (!s) states.set(library, (s = { tracer: new Tracer(library), traced: new Map(), done: null }));
  return s;
}

function traced(library: Library, s: ReuseState, doc: DocumentMeta): DocReuse | null {
  let r = s.traced.get(doc.id);
  if (r === undefined) s.traced.set(doc.id, (r = traceDoc(library, s.tracer as Tracer, doc) ?? null));
  return r;
}

function computeReuse(library: Library, s: ReuseState): Reuse {
  const docs = subjectsOf(library).flatMap((d) => traced(library, s, d) ?? []);
  const byClause = new Map(docs.flatMap((d) => d.clauses.map((c) => [c.clause, c] as const)));
  const byDoc = new Map(docs.map((d) => [d.doc, d]));
  // The plans below that draw on each parent plan, for 未承接.
  // [key, value] pairs to key → values, in input order.
  const valuesBy = <V>(list: (readonly [string, V])[]) => new Map([...groupBy(list, ([key]) => key)].map(([key, l]) => [key, l.map(([, v]) => v)]));
  const answering = valuesBy(docs.flatMap((d) => d.counterparts.map((p) => [p, d.doc] as const)));
  // Closest first, sorted once: a parent clause's page asks for them every time it is shown.
  const takers = valuesBy(docs.flatMap((d) => d.clauses.flatMap((c) => (c.parent ? [[c.parent.clause, c] as const] : []))));
  for (const list of takers.values()) list.sort((a, b) => (b.parent?.similarity ?? 0) - (a.parent?.similarity ?? 0));
  return {
    docs,
    ofClause: (id) => byClause.get(id),
    ofDoc: (id) => byDoc.get(id),
    takersOf: (id) => {
      const clause = library.getClause(id);
      const below = clause ? answering.get(clause.docId) : undefined;
      const taken = takers.get(id) ?? [];
      if (!below && taken.length === 0) return undefined;
      const took = new Set(taken.map((c) => c.doc));
      return { taken, notTaken: (below ?? []).filter((doc) => !took.has(doc)) };
    },
  };
}

/** The library's reuse, computed when first asked for (what warmReuse has not yet traced) and kept for the library's life. */
export function reuseOf(library: Library): Reuse {
  const s = stateOf(library);
  if (!s.done) {
    s.done = computeReuse(library, s);
    s.tracer = null;
    s.traced.clear();
  }
  return s.done;
}

/**
 * Traces the library's plans one at a time, yielding to the event loop between them: a server
 * starts this once it listens, so searches are answered meanwhile and the first page that needs
 * reuse waits only for what is left (at ×100 the whole takes about 40 s).
 */
export async function warmReuse(library: Library): Promise<Reuse> {
  const s = stateOf(library);
  for (const doc of subjectsOf(library)) {
    if (s.done) break;
    traced(library, s, doc);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return reuseOf(library);
}
