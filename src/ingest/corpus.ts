// Loads the whole corpus folder: every source file (text, PDF, Word, web page) is extracted,
// repaired and parsed on its own, so one broken file is reported by name with a code while the
// others still load. Extraction of the slow formats is cached by content hash. Only regular files
// inside the folder and within MAX_FILE_MB are read (read-file.ts), and files are named in every
// message by their printable name, so a name holding an escape sequence cannot drive a terminal.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULTS } from '../config.js';
import { AppError } from '../errors.js';
import { printableName } from '../printable-name.js';
import { idFromFileName, loadCatalog } from './catalog.js';
import { readCached, writeCached } from './extract/cache.js';
import { extractSource, formatOf } from './extract/index.js';
import { EXTRACT_DEFAULTS, type ExtractLimits } from './extract/limits.js';
import { extractText } from './extract/text.js';
import type { Extracted } from './extract/types.js';
import { inferIdentity } from './infer/identity.js';
import { resolveIdentity } from './infer/resolve.js';
import { parseDocument } from './parse.js';
import { readCorpusFile } from './read-file.js';
import { safeBlocks, stripControls } from './safe-text.js';
import { joinTitleLines } from './title-lines.js';
import type { CatalogEntry, Corpus, IngestProblem, ParsedDocument } from './types.js';

export interface LoadOptions {
  corpusDir: string;
  catalogFile?: string;
  /** Where extracted PDF, Word and web-page blocks are cached; null or absent: no cache. */
  cacheDir?: string | null;
  limits?: Partial<ExtractLimits>;
  /** Called as each file is done, for progress reports. */
  onFile?: (file: string, done: number, total: number) => void;
}

/** A README or catalogue kept beside the documents describes them: it is not one of them. */
const NOT_A_DOCUMENT = /^(?:readme|catalog|catalogue|license|changelog)(?:\.[a-z]+)?$/iu;

export async function loadCorpus(options: LoadOptions): Promise<Corpus> {
  const { corpusDir } = options;
  if (!fs.existsSync(corpusDir)) throw new AppError('CORPUS_DIR_MISSING', printableName(corpusDir));
  const limits = { ...EXTRACT_DEFAULTS, ...options.limits };
  const catalogFile = options.catalogFile ?? path.join(corpusDir, DEFAULTS.catalogName);
  const inCorpus = path.resolve(path.dirname(catalogFile)) === path.resolve(corpusDir);
  const catalog = loadCatalog(catalogFile, inCorpus ? { corpusMaxBytes: limits.maxBytes } : {});
  const files = corpusFileNames(corpusDir);
  const parsed: ParsedDocument[] = [];
  const errors: IngestProblem[] = [];
  for (const [n, file] of files.entries()) {
    try {
      parsed.push(await ingestPath({ file: path.join(corpusDir, file), entry: catalog.get(file), cacheDir: options.cacheDir ?? null, limits }));
    } catch (err) {
      errors.push(problem(printableName(file), err));
    }
    options.onFile?.(printableName(file), n + 1, files.length);
  }
  return assembleCorpus(parsed, errors);
}

/** The names of the files in a corpus folder that are read as documents, sorted. */
export function corpusFileNames(corpusDir: string): string[] {
  return fs
    .readdirSync(corpusDir)
    .filter((f) => formatOf(f) !== null && !NOT_A_DOCUMENT.test(f))
    .sort();
}

/**
 * Ids are claimed, duplicates reported and everything sorted by file name. Documents ingested one
 * by one (ingestPath, ingestExtracted) must pass through here before they share a library: two
 * that name themselves alike are told apart only here.
 */
export function assembleCorpus(parsed: ParsedDocument[], errors: IngestProblem[]): Corpus {
  const corpus: Corpus = { documents: [], errors, warnings: [] };
  // Catalogued files claim their ids first: a stray copy or draft whose file name happens to
  // give the same id must not push the catalogued document out.
  const claimOrder = [...parsed].sort((a, b) => Number(b.meta.catalogued) - Number(a.meta.catalogued));
  const seen = new Map<string, string>();
  for (const doc of claimOrder) {
    const file = doc.meta.file;
    let clash = seen.get(doc.meta.id);
    // Two documents that say the same of themselves (成都, 方案, 2022) are told apart by content.
    if (clash && doc.idFromIdentity) {
      const renamed = withId(doc, `${doc.meta.id}-${doc.meta.contentHash.slice(0, 6)}`);
      doc.meta = renamed.meta;
      doc.clauses = renamed.clauses;
      clash = seen.get(doc.meta.id);
    }
    if (clash) {
      corpus.errors.push(problem(file, new AppError('FILE_DUPLICATE_ID', `${file}（与 ${clash} 同为 ${doc.meta.id}）`)));
      continue;
    }
    seen.set(doc.meta.id, file);
    corpus.documents.push(doc);
    corpus.warnings.push(...doc.warnings.map((message) => ({ file, code: 'WARNING', message })));
  }
  for (const doc of corpus.documents) {
    const earlier = doc.meta.versionOf;
    if (earlier && !seen.has(earlier)) corpus.warnings.push({ file: doc.meta.file, code: 'WARNING', message: `目录中的 versionOf 指向语料中没有的文档，未链接版本：${earlier}` });
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

/**
 * A file's extracted blocks: from the cache by content hash, else extracted (and cached). The
 * file is known by its printable name from here on: in its document, warnings and errors.
 */
export async function extractPath({ file, cacheDir = null, limits = EXTRACT_DEFAULTS }: Omit<IngestPathOptions, 'entry'>): Promise<ExtractedFile> {
  const name = printableName(path.basename(file));
  const bytes = readCorpusFile({ file, shown: name, maxBytes: limits.maxBytes });
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

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

export interface IngestExtractedOptions {
  name: string;
  contentHash: string;
  extracted: Extracted & { encoding?: string };
  entry?: CatalogEntry;
}

export function ingestExtracted({ name, contentHash, extracted, entry }: IngestExtractedOptions): ParsedDocument {
  // Every format, and blocks from the cache too: no control character, no clause over the limit.
  const safe = safeBlocks(extracted.blocks, name);
  const warnings: string[] = [...extracted.warnings, ...safe.warnings];
  if (!entry) warnings.unshift(`目录中没有此文件，标题、发文机关、文号、日期与地区均推断自原文：${name}`);
  if (entry?.sourceSha256 && entry.sourceSha256 !== contentHash) {
    warnings.push(`文件内容与目录记录的校验值不符（可能已被改动）：${name}`);
  }
  const provisional = entry?.id ?? idFromFileName(name);
  const layoutTitle = extracted.layoutTitle == null ? null : stripControls(extracted.layoutTitle).text;
  const blocks = joinTitleLines(safe.blocks, layoutTitle);
  const guess = inferIdentity(blocks);
  const parsed = parseDocument({ docId: provisional, title: entry?.title ?? null, blocks, layoutTitle });
  if (parsed.clauses.length === 0) throw new AppError('FILE_NO_STRUCTURE', name);
  const { derivedId, ...identity } = resolveIdentity({ entry, guess, foundTitle: parsed.foundTitle, placeholder: provisional, name });
  const id = derivedId ?? provisional;
  const meta = {
    file: name,
    ...identity,
    id,
    notes: entry?.notes,
    sourceFile: name,
    contentHash,
    encoding: extracted.encoding ?? extracted.format,
    format: extracted.format,
    pages: extracted.pages,
    catalogued: entry !== undefined,
    sourceUrl: entry?.sourceUrl ?? extracted.sourceUrl ?? null,
    versionOf: entry?.versionOf ?? null,
    clauseCount: parsed.clauses.length,
  };
  const doc: ParsedDocument = { meta, clauses: parsed.clauses, warnings, ...(derivedId ? { idFromIdentity: true } : {}) };
  return derivedId ? withId(doc, derivedId) : doc;
}

/** The document under another id: every clause id follows. */
function withId(doc: ParsedDocument, id: string): ParsedDocument {
  return { ...doc, meta: { ...doc.meta, id }, clauses: doc.clauses.map((c) => ({ ...c, id: `${id}.${c.eId}`, docId: id })) };
}
