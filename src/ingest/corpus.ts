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
  const seen = new Map<string, string>();
  for (const file of files) {
    try {
      const doc = ingestFile({ file: path.join(corpusDir, file), entry: catalog.get(file) });
      const clash = seen.get(doc.meta.id);
      if (clash) throw new AppError('FILE_DUPLICATE_ID', `${file}（与 ${clash} 同为 ${doc.meta.id}）`);
      seen.set(doc.meta.id, file);
      corpus.documents.push(doc);
      corpus.warnings.push(...doc.warnings.map((message) => ({ file, code: 'WARNING', message })));
    } catch (err) {
      corpus.errors.push(problem(file, err));
    }
  }
  return corpus;
}

function problem(file: string, err: unknown): IngestProblem {
  if (err instanceof AppError) return { file, code: err.code, message: err.message };
  return { file, code: 'FILE_UNREADABLE', message: `${file}: ${(err as Error).message}` };
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
