// Reads the corpus catalogue (facts about each file that the texts do not carry) and checks
// every entry once, so later stages can trust its shape.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../errors.js';
import { printableName } from '../printable-name.js';
import { readCorpusFile } from './read-file.js';
import { httpUrl } from './http-url.js';
import { LEVEL_ORDER, type CatalogEntry, type Level } from './types.js';

export const DOC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

export interface CatalogReadOptions {
  /**
   * Set when the catalogue sits in the corpus folder: it is then read as a corpus file is, so a
   * catalog.json that is a symlink (to /etc/passwd) or over the size limit is refused unread.
   */
  corpusMaxBytes?: number;
}

export function loadCatalog(file: string, options: CatalogReadOptions = {}): Map<string, CatalogEntry> {
  // A dangling symlink in the corpus folder is refused below, not taken for a missing catalogue.
  const inCorpus = options.corpusMaxBytes !== undefined;
  if (!fs.existsSync(file) && !(inCorpus && isDanglingLink(file))) return new Map();
  const shown = printableName(file);
  const bytes = inCorpus ? readCorpusFile({ file, shown, maxBytes: options.corpusMaxBytes as number }) : fs.readFileSync(file);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    // Not the parser's message: it quotes the file's first characters.
    throw new AppError('CATALOG_INVALID', `${shown}: 不是合法的 JSON（${(err as Error).name}）`);
  }
  const docs = (data as { documents?: unknown }).documents;
  if (!Array.isArray(docs)) throw new AppError('CATALOG_INVALID', `${file}: 缺少 documents 数组`);
  const entries = new Map<string, CatalogEntry>();
  for (const raw of docs) {
    const entry = checkEntry(raw, file);
    entries.set(entry.file, entry);
  }
  refuseVersionCycles([...entries.values()], file);
  return entries;
}

/** versionOf names an earlier version: a chain that comes back to where it started has no earliest. */
function refuseVersionCycles(entries: CatalogEntry[], file: string): void {
  const earlier = new Map(entries.map((e) => [e.id, e.versionOf ?? null]));
  for (const start of earlier.keys()) {
    const chain = [start];
    for (let at = earlier.get(start); at; at = earlier.get(at) ?? null) {
      if (at === start) throw new AppError('CATALOG_INVALID', `${file}: versionOf 形成循环：${[...chain, at].join(' → ')}`);
      if (chain.includes(at) || chain.length > earlier.size) break;
      chain.push(at);
    }
  }
}

function isDanglingLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function checkEntry(raw: unknown, file: string): CatalogEntry {
  const e = raw as Partial<CatalogEntry>;
  const where = `${file}: ${JSON.stringify(e?.file ?? e?.id ?? raw).slice(0, 60)}`;
  if (typeof e?.file !== 'string' || typeof e.id !== 'string' || typeof e.title !== 'string') {
    throw new AppError('CATALOG_INVALID', `${where} 缺少 file、id 或 title`);
  }
  if (!DOC_ID.test(e.id)) throw new AppError('CATALOG_INVALID', `${where} 的 id 须为小写字母、数字和连字符`);
  if (e.level != null && !LEVEL_ORDER.includes(e.level as Level)) {
    throw new AppError('CATALOG_INVALID', `${where} 的 level 须为 province、city 或 county`);
  }
  return {
    file: e.file,
    id: e.id,
    title: e.title,
    jurisdiction: e.jurisdiction ?? null,
    adminCode: e.adminCode ?? null,
    level: e.level ?? null,
    parent: e.parent ?? null,
    issuer: e.issuer ?? null,
    docNumber: e.docNumber ?? null,
    date: e.date ?? null,
    status: e.status ?? null,
    sourceUrl: checkSourceUrl(e.sourceUrl, where),
    sourceSha256: e.sourceSha256,
    notes: e.notes,
    versionOf: checkVersionOf(e, where),
  };
}

function checkVersionOf(e: Partial<CatalogEntry>, where: string): string | null {
  const raw = e.versionOf;
  if (raw == null) return null;
  if (typeof raw !== 'string' || !DOC_ID.test(raw)) throw new AppError('CATALOG_INVALID', `${where} 的 versionOf 须为另一文档的 id（小写字母、数字和连字符）：${JSON.stringify(raw).slice(0, 80)}`);
  if (raw === e.id) throw new AppError('CATALOG_INVALID', `${where} 的 versionOf 不能指向自身：${raw}`);
  return raw;
}

function checkSourceUrl(raw: unknown, where: string): string | null {
  if (raw == null) return null;
  const url = typeof raw === 'string' ? httpUrl(raw) : null;
  if (!url) throw new AppError('CATALOG_INVALID', `${where} 的 sourceUrl 须为 http 或 https 开头的完整网址：${JSON.stringify(raw).slice(0, 80)}`);
  return url;
}

/** An id for a file the catalogue does not know: its name, made URL-safe. */
export function idFromFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/u, '').toLowerCase();
  const slug = base.replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '');
  if (/^[a-z0-9-]+$/u.test(base)) return slug;
  // Names in Chinese would all slug to the same thing: keep them apart with a short hash.
  const hash = crypto.createHash('sha256').update(fileName).digest('hex').slice(0, 8);
  return slug ? `${slug}-${hash}` : `doc-${hash}`;
}
