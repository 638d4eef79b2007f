// The parsed and enriched library as one binary build artifact (columnar.ts), so that a start
// after a build reads it back instead of extracting, parsing and enriching every document again
// (at ×70 those took 3 s and 13 s; reading this takes a fraction of a second). The columns hold
// exactly the plain data the pipeline produced; a round-trip test compares every record.
import { decodeColumns, encodeColumns, type FileParts, type Schema } from '../columnar.js';
import type { Departments } from '../enrich/departments.js';
import type { EnrichmentData } from '../enrich/enrich.js';
import type { ClauseCitation, Policy } from '../enrich/policies.js';
import type { Target } from '../enrich/targets/index.js';
import type { ThemeMatch } from '../enrich/themes.js';
import type { Clause, Corpus, IngestProblem, ParsedDocument } from '../ingest/types.js';

/** Bumped whenever a schema below or the JSON part changes shape. */
export const SNAPSHOT_FORMAT = 'library-3';

/** The id is left empty and rebuilt from docId and eId, which it always joins (checked when saving). */
const CLAUSE_SCHEMA: Schema = [
  { name: 'id', type: 'str' },
  { name: 'docId', type: 'dict' },
  { name: 'eId', type: 'str' },
  { name: 'kind', type: 'dict' },
  { name: 'label', type: 'str' },
  { name: 'marker', type: 'str?' },
  { name: 'title', type: 'str?' },
  { name: 'lead', type: 'str?' },
  { name: 'text', type: 'str' },
  { name: 'ancestors', type: 'strs' },
  { name: 'parentEId', type: 'str?' },
  { name: 'depth', type: 'num' },
  { name: 'order', type: 'num' },
  { name: 'cells', type: 'strs?' },
  { name: 'table', type: 'json' },
  { name: 'citation', type: 'str' },
  { name: 'lines', type: 'pair' },
  { name: 'pages', type: 'pair?', opt: true },
];

const TARGET_SCHEMA: Schema = [
  { name: 'phrase', type: 'str' },
  { name: 'value', type: 'num?' },
  { name: 'valueMax', type: 'num?' },
  { name: 'valueText', type: 'str' },
  { name: 'unit', type: 'dict?' },
  { name: 'year', type: 'num?' },
  { name: 'yearSource', type: 'dict?' },
  { name: 'baselineYear', type: 'num?' },
  { name: 'baselineValue', type: 'num?' },
  { name: 'baselineText', type: 'str?' },
  { name: 'direction', type: 'dict' },
  { name: 'bound', type: 'dict' },
  { name: 'qualifiers', type: 'strs' },
  { name: 'aspirational', type: 'bool' },
  { name: 'attribute', type: 'dict?' },
  { name: 'column', type: 'dict?' },
  { name: 'source', type: 'dict' },
  { name: 'span', type: 'pair' },
  { name: 'id', type: 'str' },
  { name: 'doc', type: 'dict' },
  { name: 'clause', type: 'dict' },
  { name: 'indicator', type: 'dict' },
  { name: 'indicatorLabel', type: 'dict' },
  { name: 'canonical', type: 'bool' },
  { name: 'qualifier', type: 'str?' },
  { name: 'baseValue', type: 'num?' },
  { name: 'baseValueMax', type: 'num?' },
  { name: 'baseUnit', type: 'dict?' },
  { name: 'compareValue', type: 'num?' },
  { name: 'compareUnit', type: 'dict?' },
  { name: 'obligation', type: 'dict?' },
];

const THEME_MATCH_SCHEMA: Schema = [
  { name: 'clause', type: 'dict' },
  { name: 'theme', type: 'dict' },
  { name: 'spans', type: 'pairs' },
  { name: 'terms', type: 'strs' },
];

const CITATION_SCHEMA: Schema = [
  { name: 'clauseId', type: 'dict' },
  { name: 'key', type: 'dict' },
  { name: 'raw', type: 'str' },
  { name: 'start', type: 'num' },
  { name: 'end', type: 'num' },
  { name: 'doc', type: 'dict?' },
];

const NOTE_SCHEMA: Schema = [
  { name: 'clause', type: 'dict' },
  { name: 'lead', type: 'strs' },
  { name: 'support', type: 'strs' },
  { name: 'raw', type: 'str' },
  { name: 'start', type: 'num' },
  { name: 'end', type: 'num' },
];

/** What the JSON part holds: the small, irregular parts of the corpus and the policy list. */
interface SnapshotJson {
  documents: (Omit<ParsedDocument, 'clauses'> & { clauses: number })[];
  errors: IngestProblem[];
  warnings: IngestProblem[];
  policies: Policy[];
}

export interface LibrarySnapshot {
  corpus: Corpus;
  enrichment: EnrichmentData;
}

/** The corpus (in its own order) and its enrichment data, as one buffer. */
export function encodeSnapshot(snapshot: LibrarySnapshot): Buffer {
  const { corpus, enrichment } = snapshot;
  const json: SnapshotJson = {
    documents: corpus.documents.map(({ clauses, ...rest }) => ({ ...rest, clauses: clauses.length })),
    errors: corpus.errors,
    warnings: corpus.warnings,
    policies: enrichment.policies,
  };
  return encodeColumns({
    format: SNAPSHOT_FORMAT,
    json,
    tables: {
      clauses: { schema: CLAUSE_SCHEMA, rows: corpus.documents.flatMap((d) => d.clauses.map(withoutId)) },
      targets: { schema: TARGET_SCHEMA, rows: enrichment.targets },
      themeMatches: { schema: THEME_MATCH_SCHEMA, rows: [...enrichment.themeMatches].flatMap(([clause, list]) => list.map((m) => ({ clause, ...m }))) },
      citations: { schema: CITATION_SCHEMA, rows: [...enrichment.citations.values()].flat() },
      notes: { schema: NOTE_SCHEMA, rows: [...enrichment.notes].map(([clause, note]) => ({ clause, ...note })) },
    },
  });
}

function withoutId(clause: Clause): Clause {
  if (clause.id !== `${clause.docId}.${clause.eId}`) throw new Error(`条款 id ${clause.id} 不是 ${clause.docId}.${clause.eId}`);
  return { ...clause, id: '' };
}

/** Reads a snapshot back; throws (the caller names the file) when it is foreign or of another format. */
export function decodeSnapshot(buffer: FileParts): LibrarySnapshot {
  const columns = decodeColumns(buffer);
  if (columns.format !== SNAPSHOT_FORMAT) throw new Error(`语料快照格式为 ${columns.format}，需要 ${SNAPSHOT_FORMAT}`);
  const json = columns.json as SnapshotJson;
  const clauses = columns.rows<Clause>('clauses');
  for (const clause of clauses) clause.id = `${clause.docId}.${clause.eId}`;
  let at = 0;
  const documents = json.documents.map(({ clauses: count, ...rest }) => {
    const doc = { ...rest, clauses: clauses.slice(at, at + count) } as ParsedDocument;
    at += count;
    return doc;
  });
  if (at !== clauses.length) throw new Error(`语料快照条款数 ${clauses.length} 与文件记录 ${at} 不一致`);
  const themeMatches = new Map<string, ThemeMatch[]>();
  for (const { clause, ...match } of columns.rows<ThemeMatch & { clause: string }>('themeMatches')) {
    const list = themeMatches.get(clause);
    if (list) list.push(match);
    else themeMatches.set(clause, [match]);
  }
  const citations = new Map<string, ClauseCitation[]>();
  for (const citation of columns.rows<ClauseCitation>('citations')) {
    const list = citations.get(citation.clauseId);
    if (list) list.push(citation);
    else citations.set(citation.clauseId, [citation]);
  }
  const notes = new Map(columns.rows<Departments & { clause: string }>('notes').map(({ clause, ...note }) => [clause, note]));
  let targets: Target[] | null = null;
  return {
    corpus: { documents, errors: json.errors, warnings: json.warnings },
    enrichment: {
      themeMatches,
      // Decoded when first read (the targets pages, the vertical check), not at start: 21,000
      // records at ×70 that a server answering searches may never need.
      get targets() {
        targets ??= columns.rows<Target>('targets');
        return targets;
      },
      policies: json.policies,
      citations,
      notes,
    },
  };
}
