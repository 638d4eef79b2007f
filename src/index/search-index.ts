// The search index: a FlexSearch index of recall tokens plus, per clause, the normalised text
// and the jieba word boundaries that ranking needs. Building needs jieba; loading a saved index
// does not. The offset maps back to display text are not kept: at ×100 they were 160 MB, and
// only the twenty clauses on a results page need them (normOf).
import { Index } from 'flexsearch';
import { identityNormalized, isIdentity, normalize, recallTokens, type Normalized } from '../analyse/analyzer.js';
import type { Segmenter } from '../analyse/segment.js';
import { HEADING_KINDS, NO_LEVEL, type Clause } from '../ingest/types.js';
import type { Library } from '../library/library.js';
import { computeRelated, decodeRelated, encodeRelated, type Related } from './related.js';

/** Separates pre-computed tokens in the indexed field; normalised text never holds a newline. */
const TOKEN_SEPARATOR = '\n';

export interface IndexedClause {
  clause: Clause;
  /** The normalised text that terms are verified on. */
  text: string;
  /** Normalised offset i is display offset i (no folding changed a length, no space dropped). */
  identity: boolean;
  /** boundary[i] === 1 when a jieba word starts or ends at normalised offset i. */
  boundary: Uint8Array;
  /** Normalised offset where the lead phrase ends (0 when there is none). */
  leadEnd: number;
  /** Headings carry their whole text as a title: a hit there weighs like a lead phrase. */
  heading: boolean;
  /** The most similar clauses in other documents, best first (entry numbers). */
  related: Related[];
}

export interface SearchIndex {
  flex: Index;
  entries: IndexedClause[];
  byId: Map<string, number>;
}

/** What a saved index holds besides FlexSearch's own export. */
export interface SavedData {
  ids: string[];
  /** Per clause, the normalised text (saved, because normalising ×100 text costs a second). */
  texts: string[];
  /** Per clause, the normalised offset where its lead phrase ends. */
  leadEnds: number[];
  /** Clause numbers whose normalised offsets are not their display offsets. */
  remapped: number[];
  /** Per clause, comma-separated word lengths on the normalised text. */
  words: string[];
  /** Per clause, encoded related clauses (see related.ts). */
  related: string[];
  flex: Record<string, string>;
}

/**
 * Tokens are computed by the analyzer, so FlexSearch only splits them. One resolution slot keeps
 * each token's list in clause order, so a lookup returns it whole without merging slots; filters
 * and facets use the engine's own per-clause arrays, so no tags are stored.
 */
export function createFlex(): Index {
  return new Index({ tokenize: 'strict', resolution: 1, encode: (text: string) => text.split(TOKEN_SEPARATOR) } as ConstructorParameters<typeof Index>[0]) as unknown as Index;
}

/** The clauses containing an index token, in clause order (the list FlexSearch holds). */
export function postings(index: SearchIndex, token: string): readonly number[] {
  return index.flex.search(token, { limit: index.entries.length + 1 }) as unknown as number[];
}

/** The normalised text with its offset map back to the display text, computed on demand. */
export function normOf(entry: IndexedClause): Normalized {
  return entry.identity ? identityNormalized(entry.text) : normalize(entry.clause.text);
}

/** Clauses in library order (national, province, city, county), then reading order: ranking ties follow it. */
export function indexedClauses(library: Library): Clause[] {
  return library.documents.flatMap((d) => library.clausesOf(d.id));
}


function entryFor(options: { clause: Clause; text: string; identity: boolean; words: number[]; leadEnd: number; related?: Related[] }): IndexedClause {
  const { clause, text, words } = options;
  const boundary = new Uint8Array(text.length + 1);
  let at = 0;
  boundary[0] = 1;
  for (const length of words) {
    at += length;
    if (at <= text.length) boundary[at] = 1;
  }
  return { clause, text, identity: options.identity, boundary, leadEnd: options.leadEnd, heading: isHeading(clause), related: options.related ?? [] };
}

function isHeading(clause: Clause): boolean {
  return HEADING_KINDS.has(clause.kind) && clause.title !== null && clause.title.length >= clause.text.length - 8;
}

function leadEnd(clause: Clause, norm: Normalized): number {
  if (!clause.lead) return 0;
  const at = clause.text.indexOf(clause.lead);
  if (at < 0 || at > (clause.marker?.length ?? 0) + 2) return 0;
  const end = at + clause.lead.length;
  let i = 0;
  while (i < norm.text.length && (norm.starts[i] as number) < end) i++;
  return i;
}

export interface BuildOptions {
  library: Library;
  segmenter: Segmenter;
  onProgress?: (done: number, total: number) => void;
}

export function buildIndex(options: BuildOptions): { index: SearchIndex; data: SavedData } {
  const clauses = indexedClauses(options.library);
  const flex = createFlex();
  const entries: IndexedClause[] = [];
  const words: string[] = [];
  const leadEnds: number[] = [];
  const remapped: number[] = [];
  clauses.forEach((clause, n) => {
    const norm = normalize(clause.text);
    const lengths = options.segmenter.wordLengths(norm.text);
    words.push(lengths.join(','));
    leadEnds.push(leadEnd(clause, norm));
    const identity = isIdentity(clause.text, norm);
    if (!identity) remapped.push(n);
    const entry = entryFor({ clause, text: norm.text, identity, words: lengths, leadEnd: leadEnds[n] as number });
    entries.push(entry);
    flex.add(n, recallTokens(norm.text).join(TOKEN_SEPARATOR));
    if (options.onProgress && ((n + 1) % 200 === 0 || n + 1 === clauses.length)) options.onProgress(n + 1, clauses.length);
  });
  const related = computeRelated({
    texts: entries.map((e) => e.text),
    words: words.map(decodeWords),
    docIds: clauses.map((c) => c.docId),
    themes: clauses.map((c) => options.library.enrichment.themesOf(c.id).map((m) => m.theme)),
  });
  entries.forEach((e, n) => {
    e.related = related[n] ?? [];
  });
  const exported: Record<string, string> = {};
  flex.export((key: string, value: string) => {
    exported[key] = value;
  });
  const ids = clauses.map((c) => c.id);
  const texts = entries.map((e) => e.text);
  return { index: { flex, entries, byId: new Map(ids.map((id, n) => [id, n])) }, data: { ids, texts, leadEnds, remapped, words, related: related.map(encodeRelated), flex: exported } };
}

function decodeWords(encoded: string): number[] {
  return encoded.split(',').filter(Boolean).map(Number);
}

export function levelTag(library: Library, clause: Clause): string {
  return library.getDocument(clause.docId)?.level ?? NO_LEVEL;
}

/** Rebuilds the in-memory index from saved data; throws when the data does not fit the library. */
export function restoreIndex(library: Library, data: SavedData): SearchIndex {
  const clauses = indexedClauses(library);
  if ([data.ids, data.texts, data.leadEnds, data.words].some((list) => list?.length !== clauses.length) || !Array.isArray(data.remapped)) {
    throw new Error(`索引条款数 ${data.ids.length} 与语料条款数 ${clauses.length} 不一致`);
  }
  const flex = createFlex();
  for (const [key, value] of Object.entries(data.flex)) flex.import(key, value);
  const remapped = new Set(data.remapped);
  const entries = clauses.map((clause, n) => {
    if (data.ids[n] !== clause.id) throw new Error(`索引第 ${n} 条为 ${data.ids[n]}，语料为 ${clause.id}`);
    return entryFor({ clause, text: data.texts[n] as string, identity: !remapped.has(n), words: decodeWords(data.words[n] ?? ''), leadEnd: data.leadEnds[n] as number, related: decodeRelated(data.related?.[n] ?? '') });
  });
  return { flex, entries, byId: new Map(data.ids.map((id, n) => [id, n])) };
}
