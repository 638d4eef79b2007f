// Saving and loading the search index under index/. The data file is named by its own hash and
// written first, the manifest last, each through a temp file, fsync and a rename (and a sync of
// the folder): a build cut short leaves the previous manifest pointing at the previous, complete
// data file. Loading checks the data file's hash against the manifest, so a damaged file is
// never used.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { ANALYZER_VERSION } from '../analyse/analyzer.js';
import { decodeColumns, encodeColumns, poolOffset, type FileParts, type Schema } from '../columnar.js';
import { INDEX_DEFAULTS, PROJECT_ROOT } from '../config.js';
import { indexedClauses, levelTag, type SavedData } from './search-index.js';
import type { Library } from '../library/library.js';

export const INDEX_FORMAT = 7;
export const MANIFEST_NAME = 'manifest.json';
const DATA_FILE = /^data-[0-9a-f]{16}\.(?:bin|json)$/u;
/** Build artifacts named by their own hash: the index data and the library snapshot. */
const ARTIFACT_FILE = /^(?:data|library)-[0-9a-f]{16}\.(?:bin|json)$/u;

/** The parsed and enriched library saved beside the index (src/library/snapshot.ts). */
export interface LibraryArtifact {
  /** Fingerprint of everything the library was read from: corpus files, catalogue, taxonomy, indicators, code. */
  sourcesHash: string;
  file: string;
  hash: string;
  /** CRC-32 of the file: what loading checks (see readArtifact). */
  crc?: number;
  /** Per source file, what it was when hashed: a file unchanged since is not read again (engine/library-store.ts). */
  files?: Record<string, FileStamp>;
}

/** A file's size and times when its bytes were hashed, and that hash. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** Changes with every write and cannot be set back, unlike the modification time. */
  ctimeMs: number;
  sha256: string;
}

/** The part of a manifest that decides freshness, computed from what is on disk now. */
export interface Fingerprint {
  format: number;
  analyzerVersion: number;
  analyzerHash: string;
  dictHash: string;
  flexsearchVersion: string;
  /** Hash over every indexed clause's id, tags and text: changes with the corpus and the parser. */
  clausesHash: string;
  clauseCount: number;
  /** Related clauses lean on themes, so a taxonomy edit rebuilds the index. */
  themesHash: string;
  /** Which words got phrase lists (INDEX_DEFAULTS.phrases), as `minChars/minClauses`. */
  phrases: string;
}

export interface Manifest extends Fingerprint {
  corpus: { id: string; file: string; contentHash: string }[];
  dataFile: string;
  dataHash: string;
  /** CRC-32 of the data file: what loading checks (see readArtifact). */
  dataCrc?: number;
  builtAt: string;
  buildMs: number;
  library?: LibraryArtifact;
}

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** A dependency's version, read from its package.json (some export maps hide that file). */
export function packageVersion(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Everything the tokens and boundaries depend on besides the clause texts: the analyzer's own
 * source (so an edit cannot be forgotten behind ANALYZER_VERSION), the libraries it calls, and
 * the Unicode version behind NFKC.
 */
function analyzerHash(): string {
  const hash = crypto.createHash('sha256');
  const dir = path.join(PROJECT_ROOT, 'src', 'analyse');
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  hash.update(`opencc-js@${packageVersion('opencc-js/t2cn')} nodejieba@${packageVersion('nodejieba')} unicode@${process.versions.unicode}`);
  return hash.digest('hex');
}

export function fingerprint(library: Library, dictPath: string): Fingerprint {
  const hash = crypto.createHash('sha256');
  const clauses = indexedClauses(library);
  for (const clause of clauses) hash.update(`${clause.id}\u0000${levelTag(library, clause)}\u0000${clause.text}\u0001`);
  return {
    format: INDEX_FORMAT,
    analyzerVersion: ANALYZER_VERSION,
    analyzerHash: analyzerHash(),
    dictHash: fs.existsSync(dictPath) ? sha256(fs.readFileSync(dictPath)) : 'missing',
    flexsearchVersion: packageVersion('flexsearch'),
    clausesHash: hash.digest('hex'),
    clauseCount: clauses.length,
    themesHash: sha256(library.enrichment.taxonomy.source),
    phrases: `${INDEX_DEFAULTS.phrases.minChars}/${INDEX_DEFAULTS.phrases.minClauses}`,
  };
}

/** Why the saved index cannot be used, or null when it is fresh. */
export function staleReason(manifest: Manifest | null, current: Fingerprint): string | null {
  if (!manifest) return '索引不存在';
  for (const key of Object.keys(current) as (keyof Fingerprint)[]) {
    if (manifest[key] !== current[key]) return `索引已过期（${key} 不同）`;
  }
  return null;
}

/** The saved manifest, or null when there is none or it is unusable (see inspectManifest). */
export function readManifest(dir: string): Manifest | null {
  return inspectManifest(dir).manifest;
}

/**
 * The saved manifest, or why there is none to use: missing, not JSON (a damaged or foreign
 * file), or JSON without a well-formed data file name and hash.
 */
export function inspectManifest(dir: string): { manifest: Manifest | null; problem: string | null } {
  const file = path.join(dir, MANIFEST_NAME);
  if (!fs.existsSync(file)) return { manifest: null, problem: '索引不存在' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { manifest: null, problem: `索引清单已损坏（${file}：${(err as Error).message}）` };
  }
  const m = parsed as Partial<Manifest> | null;
  if (typeof m !== 'object' || m === null || Array.isArray(m) || typeof m.dataFile !== 'string' || !DATA_FILE.test(m.dataFile) || typeof m.dataHash !== 'string' || !/^[0-9a-f]{64}$/u.test(m.dataHash)) {
    return { manifest: null, problem: `索引清单已损坏（${file}：缺少有效的数据文件名或校验值）` };
  }
  return { manifest: m as Manifest, problem: null };
}

/** Reads the data file a manifest points at; throws, naming the file, when it is missing or damaged. */
export function readData(dir: string, manifest: Manifest): SavedData {
  return decodeData(readArtifactParts({ dir, name: manifest.dataFile, hash: manifest.dataHash, crc: manifest.dataCrc, splitAt: poolOffset }));
}

const DATA_FORMAT = `index-${INDEX_FORMAT}`;
const CLAUSE_COLUMNS: Schema = [
  { name: 'id', type: 'str' },
  { name: 'text', type: 'str' },
  { name: 'leadEnd', type: 'num' },
  { name: 'identity', type: 'bool' },
  { name: 'boundary', type: 'bytes' },
  { name: 'related', type: 'str' },
];
const TOKEN_COLUMNS: Schema = [
  { name: 'token', type: 'str' },
  { name: 'list', type: 'bytes' },
  { name: 'classes', type: 'bytes' },
];

/** The index data in the columnar container: per clause, and per token its postings. */
export function encodeData(data: SavedData): Buffer {
  const clauses = data.ids.map((id, n) => ({ id, text: data.texts[n], leadEnd: data.leadEnds[n], identity: data.identity[n], boundary: data.boundaries[n], related: data.related[n] }));
  const tokens = data.tokens.map((token, k) => ({ token, list: data.lists[k], classes: data.classes[k] }));
  return encodeColumns({ format: DATA_FORMAT, json: null, tables: { clauses: { schema: CLAUSE_COLUMNS, rows: clauses }, tokens: { schema: TOKEN_COLUMNS, rows: tokens } } });
}

export function decodeData(buffer: FileParts): SavedData {
  const columns = decodeColumns(buffer);
  if (columns.format !== DATA_FORMAT) throw new Error(`索引数据格式为 ${columns.format}，需要 ${DATA_FORMAT}`);
  const clause = <T>(name: string) => columns.column<T>('clauses', name);
  return {
    ids: clause('id'),
    texts: clause('text'),
    leadEnds: clause('leadEnd'),
    identity: clause('identity'),
    boundaries: clause('boundary'),
    related: clause('related'),
    tokens: columns.column('tokens', 'token'),
    lists: columns.column('tokens', 'list'),
    classes: columns.column('tokens', 'classes'),
  };
}

export function writeIndex(options: { dir: string; data: SavedData; manifest: Omit<Manifest, 'dataFile' | 'dataHash'> }): Manifest {
  const { dir } = options;
  const { file: dataFile, hash: dataHash, crc: dataCrc } = writeArtifact({ dir, prefix: 'data', ext: 'bin', body: encodeData(options.data) });
  return writeManifest(dir, { ...options.manifest, dataFile, dataHash, dataCrc });
}

/** Writes a file named by its hash (content first, atomically); the manifest that names it comes after. */
export function writeArtifact(options: { dir: string; prefix: 'data' | 'library'; ext: string; body: Buffer }): { file: string; hash: string; crc: number } {
  fs.mkdirSync(options.dir, { recursive: true });
  const hash = sha256(options.body);
  const file = `${options.prefix}-${hash.slice(0, 16)}.${options.ext}`;
  writeAtomic(path.join(options.dir, file), options.body);
  return { file, hash, crc: zlib.crc32(options.body) };
}

/**
 * Reads an artifact; throws, naming the file, when it is missing or damaged. The check is the
 * CRC-32 the manifest records (a twentieth of SHA-256's time on 100 MB at start-up, and certain
 * to catch a flipped byte or a cut file), else the SHA-256 the file is named by.
 */
export function readArtifact(options: { dir: string; name: string; hash: string; crc?: number }): Buffer {
  return readArtifactParts(options)[0];
}

/**
 * An artifact as two buffers split where `splitAt` says (decodeColumns keeps the first and lets
 * the second go), else as one; checked as readArtifact checks it.
 */
export function readArtifactParts(options: { dir: string; name: string; hash: string; crc?: number; splitAt?: (read: (from: number, length: number) => Buffer) => number }): [Buffer] | [Buffer, Buffer] {
  const { hash, crc } = options;
  const file = path.join(options.dir, path.basename(options.name));
  let parts: [Buffer] | [Buffer, Buffer];
  try {
    parts = readParts(file, options.splitAt);
  } catch (err) {
    throw new Error(`索引数据文件缺失或无法读取：${file}（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）`, { cause: err });
  }
  const intact = typeof crc === 'number' ? parts.reduce((sum: number, part) => zlib.crc32(part, sum), 0) === crc : parts.reduce((h, part) => h.update(part), crypto.createHash('sha256')).digest('hex') === hash;
  if (!intact) throw new Error(`索引数据文件已损坏（校验值不符）：${file}`);
  return parts;
}

function readParts(file: string, splitAt?: (read: (from: number, length: number) => Buffer) => number): [Buffer] | [Buffer, Buffer] {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const read = (from: number, length: number) => {
      const out = Buffer.allocUnsafeSlow(Math.max(0, Math.min(length, size - from)));
      let done = 0;
      while (done < out.length) {
        const n = fs.readSync(fd, out, done, out.length - done, from + done);
        if (n === 0) break;
        done += n;
      }
      return out.subarray(0, done);
    };
    let at: number | null = null;
    try {
      at = splitAt ? splitAt(read) : null;
    } catch {
      // A head that cannot be read (a cut or damaged file) is read whole: the checksum then says so.
    }
    if (at === null || !Number.isInteger(at) || at < 0 || at > size) return [read(0, size)];
    return [read(0, at), read(at, size - at)];
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes the manifest last, then removes artifacts it no longer names. */
export function writeManifest(dir: string, manifest: Manifest): Manifest {
  writeAtomic(path.join(dir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
  removeLeftovers(dir, new Set([manifest.dataFile, manifest.library?.file ?? '']));
  return manifest;
}

export function writeAtomic(file: string, content: string | Buffer): void {
  const temp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncDir(path.dirname(file));
}

/**
 * Makes a rename durable before the next write starts, so that after a power cut the manifest
 * never names a data file whose rename was lost. Some file systems cannot sync a folder; a
 * process kill needs no sync at all, so a refusal is not an error.
 */
function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // EISDIR / EINVAL / EPERM on platforms without directory sync.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Old data files, and temp files of builds that died; a live process's temp may be in flight. */
function removeLeftovers(dir: string, keep: ReadonlySet<string>): void {
  for (const name of fs.readdirSync(dir)) {
    const oldData = ARTIFACT_FILE.test(name) && !keep.has(name);
    const temp = /\.tmp-(\d+)-[0-9a-f]+$/u.exec(name);
    if (oldData || (temp && !isAlive(Number(temp[1])))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
