// Loads the whole corpus folder: every source file (text, PDF, Word, web page) is extracted,
// repaired and parsed on its own, so one broken file is reported by name with a code while the
// others still load. Extraction of the slow formats is cached by content hash.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';
import { idFromFileName, loadCatalog } from './catalog.js';
import { readCached, writeCached } from './extract/cache.js';
import { extractSource, formatOf } from './extract/index.js';
import { EXTRACT_DEFAULTS, tooLargeError, type ExtractLimits } from './extract/limits.js';
import { extractText } from './extract/text.js';
import type { Extracted } from './extract/types.js';
import { referenceFor } from './identity.js';
import { chainOf, type Division } from './infer/divisions.js';
import { inferIdentity, inferKind, planReportedIn, titleFromFileName, type Inferred } from './infer/identity.js';
import { expandOrgan } from './infer/issuer.js';
import { inferJurisdiction } from './infer/jurisdiction.js';
import { parseDocument } from './parse.js';
import { joinTitleLines } from './title-lines.js';
import type { CatalogEntry, Corpus, IngestProblem, ParentJurisdiction, ParsedDocument } from './types.js';

export interface LoadOptions {
  corpusDir: string;
  catalogFile?: string;
  /** Where extracted PDF, Word and web-page blocks are cached; null or absent: no cache. */
  cacheDir?: string | null;
  limits?: Partial<ExtractLimits>;
  /** Called as each file is done, for progress reports. */
  onFile?: (file: string, done: number, total: number) => void;
}

export async function loadCorpus(options: LoadOptions): Promise<Corpus> {
  const { corpusDir } = options;
  if (!fs.existsSync(corpusDir)) throw new AppError('CORPUS_DIR_MISSING', corpusDir);
  const catalog = loadCatalog(options.catalogFile ?? path.join(corpusDir, 'catalog.json'));
  const limits = { ...EXTRACT_DEFAULTS, ...options.limits };
  const files = fs.readdirSync(corpusDir).filter((f) => formatOf(f) !== null).sort();
  const parsed: ParsedDocument[] = [];
  const errors: IngestProblem[] = [];
  for (const [n, file] of files.entries()) {
    try {
      parsed.push(await ingestPath({ file: path.join(corpusDir, file), entry: catalog.get(file), cacheDir: options.cacheDir ?? null, limits }));
    } catch (err) {
      errors.push(problem(file, err));
    }
    options.onFile?.(file, n + 1, files.length);
  }
  return assembleCorpus(parsed, errors);
}

/** Ids are claimed, duplicates reported and everything sorted by file name. */
function assembleCorpus(parsed: ParsedDocument[], errors: IngestProblem[]): Corpus {
  const corpus: Corpus = { documents: [], errors, warnings: [] };
  // Catalogued files claim their ids first: a stray copy or draft whose file name happens to
  // give the same id must not push the catalogued document out.
  const claimOrder = [...parsed].sort((a, b) => Number(b.meta.catalogued) - Number(a.meta.catalogued));
  const seen = new Map<string, string>();
  for (const doc of claimOrder) {
    const file = doc.meta.file;
    const clash = seen.get(doc.meta.id);
    if (clash) {
      corpus.errors.push(problem(file, new AppError('FILE_DUPLICATE_ID', `${file}（与 ${clash} 同为 ${doc.meta.id}）`)));
      continue;
    }
    seen.set(doc.meta.id, file);
    corpus.documents.push(doc);
    corpus.warnings.push(...doc.warnings.map((message) => ({ file, code: 'WARNING', message })));
  }
  corpus.documents.sort((a, b) => byFileName(a.meta, b.meta));
  corpus.errors.sort(byFileName);
  corpus.warnings.sort(byFileName);
  return corpus;
}

/** File-name order (code units, as readdir's names were sorted), for everything reported per file. */
export function byFileName(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

function problem(file: string, err: unknown): IngestProblem {
  if (err instanceof AppError) return { file, code: err.code, message: err.message };
  // A file that cannot be read at all (a folder named *.txt, no permission, an I/O error).
  const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  const wrapped = new AppError('FILE_UNREADABLE', `${file}（${reason}）`);
  return { file, code: wrapped.code, message: wrapped.message };
}

export interface IngestPathOptions {
  file: string;
  entry?: CatalogEntry;
  cacheDir?: string | null;
  limits?: ExtractLimits;
}

/** One source file of any format, through the cache when it is not plain text. */
export async function ingestPath({ entry, ...options }: IngestPathOptions): Promise<ParsedDocument> {
  return ingestExtracted({ ...(await extractPath(options)), entry });
}

export interface ExtractedFile {
  name: string;
  contentHash: string;
  extracted: Extracted & { encoding?: string };
}

/** A file's extracted blocks: from the cache by content hash, else extracted (and cached). */
export async function extractPath({ file, cacheDir = null, limits = EXTRACT_DEFAULTS }: Omit<IngestPathOptions, 'entry'>): Promise<ExtractedFile> {
  const name = path.basename(file);
  const stat = fs.statSync(file);
  if (stat.isFile() && stat.size > limits.maxBytes) throw tooLargeError(name, stat.size);
  const bytes = fs.readFileSync(file);
  const contentHash = sha256(bytes);
  const cacheable = cacheDir !== null && formatOf(name) !== 'text';
  let extracted = cacheable ? readCached(cacheDir, contentHash) : null;
  if (!extracted) {
    extracted = await extractSource({ name, bytes, limits });
    if (cacheable) writeCached(cacheDir, contentHash, extracted);
  }
  return { name, contentHash, extracted };
}

export interface IngestBytesOptions {
  name: string;
  bytes: Uint8Array;
  entry?: CatalogEntry;
}

/** A plain-text source from memory (tests, tools): no worker, no cache, synchronous. */
export function ingestBytes({ name, bytes, entry }: IngestBytesOptions): ParsedDocument {
  return ingestExtracted({ name, contentHash: sha256(bytes), extracted: extractText(bytes, name), entry });
}

/** The fields that were inferred, with where each came from and how sure it is. */
function provenanceOf(fields: Record<string, Inferred | null>): Record<string, Omit<Inferred, 'value'>> {
  const out: Record<string, Omit<Inferred, 'value'>> = {};
  for (const [key, f] of Object.entries(fields)) if (f) out[key] = { source: f.source, confidence: f.confidence };
  return out;
}

/** No title line: the plan a report names, else the file's own name (low confidence). */
function titleFallback(lines: string[], name: string): Inferred | null {
  const reported = planReportedIn(lines);
  if (reported) return { value: reported, source: 'body', confidence: 0.5 };
  const fromName = titleFromFileName(name);
  return fromName ? { value: fromName, source: 'file', confidence: 0.3 } : null;
}

/** The level above: a county's city (or its province where none stands between), a city's province. */
function parentOf(d: Division | null): ParentJurisdiction | null {
  const chain = d ? chainOf(d) : [];
  const up = chain.at(-2);
  if (!up) return null;
  return { name: up.name, adminCode: up.code, ...(chain.length > 2 ? { province: (chain[0] as Division).name } : {}) };
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

export interface IngestExtractedOptions {
  name: string;
  contentHash: string;
  extracted: Extracted & { encoding?: string };
  entry?: CatalogEntry;
}

export function ingestExtracted({ name, contentHash, extracted, entry }: IngestExtractedOptions): ParsedDocument {
  const warnings: string[] = [...extracted.warnings];
  if (!entry) warnings.unshift(`目录中没有此文件，标题取自首个标题行：${name}`);
  if (entry?.sourceSha256 && entry.sourceSha256 !== contentHash) {
    warnings.push(`文件内容与目录记录的校验值不符（可能已被改动）：${name}`);
  }
  const id = entry?.id ?? idFromFileName(name);
  // Without a catalogue entry the document says what it is; an entry wins field by field.
  // Inference runs only where no catalogue entry speaks (type always: catalogues do not carry it).
  const blocks = joinTitleLines(extracted.blocks, extracted.layoutTitle ?? null);
  const guess = entry ? null : inferIdentity(blocks);
  const docNumber = entry ? entry.docNumber : (guess?.docNumber?.value ?? null);
  const parsed = parseDocument({ docId: id, title: entry?.title ?? null, docNumber, blocks, layoutTitle: extracted.layoutTitle ?? null });
  if (parsed.clauses.length === 0) throw new AppError('FILE_NO_STRUCTURE', name);
  const fallback = guess ? titleFallback(guess.lines, name) : null;
  const title = entry?.title ?? parsed.foundTitle ?? fallback?.value ?? id;
  const kind = inferKind(guess?.lines ?? [], title);
  const date = entry ? entry.date : (guess?.date?.value ?? null);
  const status = entry ? entry.status : (kind.status?.value ?? null);
  const place = guess ? inferJurisdiction({ issuers: guess.issuers, title, docNumber, lines: guess.lines }) : null;
  const text = guess ? guess.lines.join('\n') : '';
  const issuer = guess?.issuers ? { ...guess.issuers, value: guess.issuers.value.split('、').map((o) => expandOrgan(o, text, place?.division?.name ?? null)).join('、') } : null;
  const jurisdiction = place ? { value: place.division?.name ?? '国家', source: place.source, confidence: place.confidence } : null;
  const inferred = guess ? provenanceOf({ title: parsed.foundTitle ? null : fallback, docNumber: guess.docNumber, date: guess.date, issuer, jurisdiction, level: jurisdiction, ...kind }) : {};
  const meta = {
    file: name,
    id,
    title,
    jurisdiction: entry ? entry.jurisdiction : (place ? (place.division?.name ?? '国家') : null),
    adminCode: entry ? entry.adminCode : (place?.division?.code ?? null),
    level: entry ? entry.level : (place?.level ?? null),
    parent: entry ? entry.parent : parentOf(place?.division ?? null),
    issuer: entry ? entry.issuer : (issuer?.value ?? null),
    docNumber,
    date,
    status,
    docType: kind.docType?.value ?? null,
    inferred,
    notes: entry?.notes,
    sourceFile: name,
    contentHash,
    encoding: extracted.encoding ?? extracted.format,
    format: extracted.format,
    pages: extracted.pages,
    catalogued: entry !== undefined,
    reference: referenceFor({ title, issuer: entry ? entry.issuer : (issuer?.value ?? null), docNumber, date }),
    clauseCount: parsed.clauses.length,
  };
  return { meta, clauses: parsed.clauses, warnings };
}
