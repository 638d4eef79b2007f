// The search index: a FlexSearch Document index of recall tokens (tagged by document and
// level) plus, per clause, the normalised text and the jieba word boundaries that ranking
// needs. Building needs jieba; loading a saved index does not.
import { Document } from 'flexsearch';
import { normalize, recallTokens, type Normalized } from '../analyse/analyzer.js';
import type { Segmenter } from '../analyse/segment.js';
import type { Clause } from '../ingest/types.js';
import type { Library } from './library.js';
import { computeRelated, decodeRelated, encodeRelated, type Related } from './related.js';

/** Separates pre-computed tokens in the indexed field; normalised text never holds a newline. */
const TOKEN_SEPARATOR = '\n';
/** The level tag and facet value of documents without a catalogue entry. */
export const NO_LEVEL = 'none';

export interface IndexedClause {
  clause: Clause;
  norm: Normalized;
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
  flex: Document;
  entries: IndexedClause[];
  byId: Map<string, number>;
}

/** What a saved index holds besides FlexSearch's own export. */
export interface SavedData {
  ids: string[];
  /** Per clause, comma-separated word lengths on the normalised text. */
  words: string[];
  /** Per clause, encoded related clauses (see related.ts). */
  related: string[];
  flex: Record<string, string>;
}

export function createFlex(): Document {
  return new Document({
    document: {
      id: 'id',
      index: [{ field: 'tokens', tokenize: 'strict', encode: (text: string) => text.split(TOKEN_SEPARATOR) }],
      tag: [{ field: 'doc' }, { field: 'level' }],
    },
  } as ConstructorParameters<typeof Document>[0]);
}

/** Clauses in library order: province first, then reading order, which ties in ranking follow. */
export function indexedClauses(library: Library): Clause[] {
  return library.documents.flatMap((d) => library.clausesOf(d.id));
}

const HEADING_KINDS = new Set<Clause['kind']>(['part', 'item', 'heading', 'preface', 'box', 'table']);

function entryFor(options: { clause: Clause; words: number[]; norm?: Normalized; related?: Related[] }): IndexedClause {
  const { clause, words } = options;
  const norm = options.norm ?? normalize(clause.text);
  const boundary = new Uint8Array(norm.text.length + 1);
  let at = 0;
  boundary[0] = 1;
  for (const length of words) {
    at += length;
    if (at <= norm.text.length) boundary[at] = 1;
  }
  return { clause, norm, boundary, leadEnd: leadEnd(clause, norm), heading: isHeading(clause), related: options.related ?? [] };
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
  clauses.forEach((clause, n) => {
    const norm = normalize(clause.text);
    const lengths = options.segmenter.wordLengths(norm.text);
    words.push(lengths.join(','));
    const entry = entryFor({ clause, words: lengths, norm });
    entries.push(entry);
    flex.add({ id: n, tokens: recallTokens(entry.norm.text).join(TOKEN_SEPARATOR), doc: clause.docId, level: levelTag(options.library, clause) });
    if (options.onProgress && ((n + 1) % 200 === 0 || n + 1 === clauses.length)) options.onProgress(n + 1, clauses.length);
  });
  const related = computeRelated({
    texts: entries.map((e) => e.norm.text),
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
  return { index: { flex, entries, byId: new Map(ids.map((id, n) => [id, n])) }, data: { ids, words, related: related.map(encodeRelated), flex: exported } };
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
  if (data.ids.length !== clauses.length || data.words.length !== clauses.length) {
    throw new Error(`索引条款数 ${data.ids.length} 与语料条款数 ${clauses.length} 不一致`);
  }
  const flex = createFlex();
  for (const [key, value] of Object.entries(data.flex)) flex.import(key, value);
  const entries = clauses.map((clause, n) => {
    if (data.ids[n] !== clause.id) throw new Error(`索引第 ${n} 条为 ${data.ids[n]}，语料为 ${clause.id}`);
    return entryFor({ clause, words: decodeWords(data.words[n] ?? ''), related: decodeRelated(data.related?.[n] ?? '') });
  });
  return { flex, entries, byId: new Map(data.ids.map((id, n) => [id, n])) };
}
