// Loads the whole corpus folder: every text file is decoded, repaired and parsed on its own,
// so one broken file is reported by name while the others still load.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';
import { splitBlocks } from './blocks.js';
import { idFromFileName, loadCatalog } from './catalog.js';
import { decodeBuffer } from './decode.js';
import { referenceFor } from './identity.js';
import { parseDocument } from './parse.js';
import type { CatalogEntry, Corpus, IngestProblem, ParsedDocument } from './types.js';

export interface LoadOptions {
  corpusDir: string;
  catalogFile?: string;
}

const TEXT_FILE = /\.(txt|md)$/iu;

export function loadCorpus({ corpusDir, catalogFile }: LoadOptions): Corpus {
  if (!fs.existsSync(corpusDir)) throw new AppError('CORPUS_DIR_MISSING', corpusDir);
  const catalog = loadCatalog(catalogFile ?? path.join(corpusDir, 'catalog.json'));
  const files = fs.readdirSync(corpusDir).filter((f) => TEXT_FILE.test(f)).sort();
  const corpus: Corpus = { documents: [], errors: [], warnings: [] };
  const parsed: ParsedDocument[] = [];
  for (const file of files) {
    try {
      parsed.push(ingestFile({ file: path.join(corpusDir, file), entry: catalog.get(file) }));
    } catch (err) {
      corpus.errors.push(problem(file, err));
    }
  }
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

export interface IngestFileOptions {
  file: string;
  entry?: CatalogEntry;
}

export function ingestFile({ file, entry }: IngestFileOptions): ParsedDocument {
  const name = path.basename(file);
  const bytes = fs.readFileSync(file);
  return ingestBytes({ name, bytes, entry });
}

export interface IngestBytesOptions {
  name: string;
  bytes: Uint8Array;
  entry?: CatalogEntry;
}

export function ingestBytes({ name, bytes, entry }: IngestBytesOptions): ParsedDocument {
  const decoded = decodeBuffer(bytes, name);
  const contentHash = crypto.createHash('sha256').update(bytes).digest('hex');
  const warnings: string[] = [];
  if (!entry) warnings.push(`目录中没有此文件，标题取自首个标题行：${name}`);
  if (entry?.sourceSha256 && entry.sourceSha256 !== contentHash) {
    warnings.push(`文件内容与目录记录的校验值不符（可能已被改动）：${name}`);
  }
  const split = splitBlocks(decoded.text);
  if (split.droppedFooter) {
    warnings.push(`已略去网页页脚（第${split.droppedFooter.start}行起共${split.droppedFooter.lines}行）：${name}`);
  }
  const id = entry?.id ?? idFromFileName(name);
  const parsed = parseDocument({ docId: id, title: entry?.title ?? null, docNumber: entry?.docNumber ?? null, blocks: split.blocks });
  if (parsed.clauses.length === 0) throw new AppError('FILE_NO_STRUCTURE', name);
  const title = entry?.title ?? parsed.foundTitle ?? id;
  const meta = {
    file: name,
    id,
    title,
    jurisdiction: entry?.jurisdiction ?? null,
    adminCode: entry?.adminCode ?? null,
    level: entry?.level ?? null,
    parent: entry?.parent ?? null,
    issuer: entry?.issuer ?? null,
    docNumber: entry?.docNumber ?? null,
    date: entry?.date ?? null,
    status: entry?.status ?? null,
    notes: entry?.notes,
    sourceFile: name,
    contentHash,
    encoding: decoded.encoding,
    catalogued: entry !== undefined,
    reference: referenceFor({ title, issuer: entry?.issuer ?? null, docNumber: entry?.docNumber ?? null, date: entry?.date ?? null }),
    clauseCount: parsed.clauses.length,
  };
  return { meta, clauses: parsed.clauses, warnings };
}
