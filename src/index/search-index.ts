// The search index: the postings of every recall token plus, per clause, the normalised text
// and the jieba word boundaries that ranking needs. Building needs jieba; loading a saved index
// does not. The offset maps back to display text are not kept: at ×100 they were 160 MB, and
// only the twenty clauses on a results page need them (normOf).
//
// FlexSearch builds the inverted index of characters and pairs; phrase lists for frequent
// longer words are added beside it (phrases.ts). Its postings are then kept compressed (postings.ts),
// saved in binary and served from there. At ×70 the JSON data file, two thirds of it
// FlexSearch's own export, took 1.6 s of a 4.5 s start to read and parse and 0.2 s more to
// import, and held every posting as an array element; the compressed lists load as one byte
// array, and a list is decoded into the plain array the search stage works on only when a
// query asks for that token.
import { Index } from 'flexsearch';
import { identityNormalized, isIdentity, normalize, recallTokens, type Normalized } from '../analyse/analyzer.js';
import type { Segmenter } from '../analyse/segment.js';
import { HEADING_KINDS, NO_LEVEL, type Clause } from '../ingest/types.js';
import type { Library } from '../library/library.js';
import { INDEX_DEFAULTS } from '../config.js';
import { ByteWriter, CLASSES, clauseTokenClasses, decodeClasses } from './features.js';
import { phrasePostings, WordCounter } from './phrases.js';
import { decodePostings, DecodedLists, encodePostings } from './postings.js';
import { computeRelated, encodeRelated } from './related.js';

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
}

export interface SearchIndex {
  /** Per recall token, the clause numbers holding it, ascending, compressed (postings.ts). */
  lists: Map<string, Uint8Array>;
  /** Per recall token, the position-class counts of each posting (features.ts), compressed. */
  classes: Map<string, Uint8Array>;
  /** Lists recently decoded for queries. */
  decoded: DecodedLists;
  /** Class counts recently decoded, four numbers per posting. */
  decodedClasses: DecodedLists<Int32Array>;
  entries: IndexedClause[];
  byId: Map<string, number>;
  /** Per clause, its most similar clauses in other documents, encoded (related.ts): decoded when a page asks. */
  related: string[];
}

/** What a saved index holds: per clause and per token, as columns (store.ts writes them in binary). */
export interface SavedData {
  ids: string[];
  /** Per clause, the normalised text (saved, because normalising ×100 text costs a second). */
  texts: string[];
  /** Per clause, the normalised offset where its lead phrase ends. */
  leadEnds: number[];
  /** Per clause, whether normalised offsets are display offsets. */
  identity: boolean[];
  /** Per clause, boundary[i] === 1 where a jieba word starts or ends. */
  boundaries: Uint8Array[];
  /** Per clause, encoded related clauses (see related.ts). */
  related: string[];
  tokens: string[];
  /** Per token, its clause numbers, ascending, compressed (postings.ts). */
  lists: Uint8Array[];
  /** Per token, its postings' position-class counts (features.ts). */
  classes: Uint8Array[];
}

/**
 * Tokens are computed by the analyzer, so FlexSearch only splits them. One resolution slot keeps
 * each token's list in clause order, so a lookup returns it whole without merging slots; filters
 * and facets use the engine's own per-clause arrays, so no tags are stored.
 */
export function createFlex(): Index {
  return new Index({ tokenize: 'strict', resolution: 1, encode: (text: string) => text.split(TOKEN_SEPARATOR) } as ConstructorParameters<typeof Index>[0]) as unknown as Index;
}

const NONE = new Int32Array(0);

/** The clauses containing an index token, in clause order. */
export function postings(index: SearchIndex, token: string): Int32Array {
  const cached = index.decoded.get(token);
  if (cached) return cached;
  const list = index.lists.get(token);
  return list ? index.decoded.add(token, decodePostings(list)) : NONE;
}

/** A token's postings' class counts, four per posting, aligned with postings(index, token); null for an unknown token. */
export function postingClasses(index: SearchIndex, token: string): Int32Array | null {
  const cached = index.decodedClasses.get(token);
  if (cached) return cached;
  const bytes = index.classes.get(token);
  return bytes ? index.decodedClasses.add(token, decodeClasses(bytes, postings(index, token).length)) : null;
}

/** FlexSearch's inverted map, read from its export: one resolution slot, so one list per token. */
function flexLists(flex: Index): Map<string, Uint8Array> {
  const lists = new Map<string, Uint8Array>();
  flex.export((key: string, value: string) => {
    if (!key.endsWith('.map') || !value) return;
    for (const [token, slots] of JSON.parse(value) as [string, number[][]][]) lists.set(token, encodePostings(slots.flat()));
  });
  return lists;
}

/** The normalised text with its offset map back to the display text, computed on demand. */
export function normOf(entry: IndexedClause): Normalized {
  return entry.identity ? identityNormalized(entry.text) : normalize(entry.clause.text);
}

/** Clauses in library order (national, province, city, county), then reading order: ranking ties follow it. */
export function indexedClauses(library: Library): Clause[] {
  return library.documents.flatMap((d) => library.clausesOf(d.id));
}


function entryFor(options: { clause: Clause; text: string; identity: boolean; boundary: Uint8Array; leadEnd: number }): IndexedClause {
  const { clause, text } = options;
  return { clause, text, identity: options.identity, boundary: options.boundary, leadEnd: options.leadEnd, heading: isHeading(clause) };
}

/** boundary[i] === 1 where a word of the given lengths starts or ends. */
function boundaryOf(text: string, words: number[]): Uint8Array {
  const boundary = new Uint8Array(text.length + 1);
  let at = 0;
  boundary[0] = 1;
  for (const length of words) {
    at += length;
    if (at <= text.length) boundary[at] = 1;
  }
  return boundary;
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
  /** Which words get phrase lists; INDEX_DEFAULTS.phrases unless a test asks for others. */
  phrases?: { minChars: number; minClauses: number };
}

export function buildIndex(options: BuildOptions): { index: SearchIndex; data: SavedData } {
  const clauses = indexedClauses(options.library);
  const flex = createFlex();
  const entries: IndexedClause[] = [];
  const classWriters = new Map<string, ByteWriter>();
  const counts = { array: new Int32Array(1024) };
  const phraseRule = options.phrases ?? INDEX_DEFAULTS.phrases;
  const words = new WordCounter(phraseRule.minChars);
  clauses.forEach((clause, n) => {
    const norm = normalize(clause.text);
    const lengths = options.segmenter.wordLengths(norm.text);
    const entry = entryFor({ clause, text: norm.text, identity: isIdentity(clause.text, norm), boundary: boundaryOf(norm.text, lengths), leadEnd: leadEnd(clause, norm) });
    entries.push(entry);
    words.add(norm.text, lengths);
    const tokens = recallTokens(norm.text);
    flex.add(n, tokens.join(TOKEN_SEPARATOR));
    const slots = clauseTokenClasses(entry, counts);
    for (const token of tokens) {
      let writer = classWriters.get(token);
      if (!writer) classWriters.set(token, (writer = new ByteWriter()));
      writer.classes(counts.array, (slots.get(token) as number) * CLASSES);
    }
    if (options.onProgress && ((n + 1) % 200 === 0 || n + 1 === clauses.length)) options.onProgress(n + 1, clauses.length);
  });
  const related = computeRelated({
    texts: entries.map((e) => e.text),
    docIds: clauses.map((c) => c.docId),
    themes: clauses.map((c) => options.library.enrichment.themesOf(c.id).map((m) => m.theme)),
  }).map(encodeRelated);
  const lists = flexLists(flex);
  const classBytes = new Map([...lists.keys()].map((token) => [token, classWriters.get(token)?.bytes() ?? new Uint8Array(0)]));
  for (const [phrase, postings] of phrasePostings({ phrases: words.frequent(phraseRule.minClauses), pairLists: lists, shapes: entries })) {
    lists.set(phrase, postings.list);
    classBytes.set(phrase, postings.classes);
  }
  const ids = clauses.map((c) => c.id);
  const data: SavedData = {
    ids,
    texts: entries.map((e) => e.text),
    leadEnds: entries.map((e) => e.leadEnd),
    identity: entries.map((e) => e.identity),
    boundaries: entries.map((e) => e.boundary),
    related,
    tokens: [...lists.keys()],
    lists: [...lists.values()],
    classes: [...lists.keys()].map((token) => classBytes.get(token) as Uint8Array),
  };
  return { index: searchIndexOf(data, entries), data };
}

export function levelTag(library: Library, clause: Clause): string {
  return library.getDocument(clause.docId)?.level ?? NO_LEVEL;
}

/** Rebuilds the in-memory index from saved data; throws when the data does not fit the library. */
export function restoreIndex(library: Library, data: SavedData): SearchIndex {
  const clauses = indexedClauses(library);
  if ([data.ids, data.texts, data.leadEnds, data.identity, data.boundaries, data.related].some((list) => list?.length !== clauses.length) || data.tokens?.length !== data.lists?.length || data.tokens.length !== data.classes?.length) {
    throw new Error(`索引条款数 ${data.ids.length} 与语料条款数 ${clauses.length} 不一致`);
  }
  const entries = clauses.map((clause, n) => {
    if (data.ids[n] !== clause.id) throw new Error(`索引第 ${n} 条为 ${data.ids[n]}，语料为 ${clause.id}`);
    const text = data.texts[n] as string;
    const boundary = data.boundaries[n] as Uint8Array;
    if (boundary.length !== text.length + 1) throw new Error(`索引第 ${n} 条的词边界长度不符`);
    return entryFor({ clause, text, identity: data.identity[n] as boolean, boundary, leadEnd: data.leadEnds[n] as number });
  });
  return searchIndexOf(data, entries);
}

/** The in-memory index: saved (or just built) data over its entries, with empty decoding caches. */
function searchIndexOf(data: SavedData, entries: IndexedClause[]): SearchIndex {
  const lists = new Map(data.tokens.map((token, k) => [token, data.lists[k] as Uint8Array]));
  const classes = new Map(data.tokens.map((token, k) => [token, data.classes[k] as Uint8Array]));
  return { lists, classes, decoded: new DecodedLists(), decodedClasses: new DecodedLists<Int32Array>(), entries, byId: new Map(data.ids.map((id, n) => [id, n])), related: data.related };
}
