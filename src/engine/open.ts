// The one way to open the engine: corpus → taxonomy → indicators → library → search index →
// searcher. The server, the command-line tools, the tests and the benchmarks all start here, so
// their wiring cannot drift apart (the test setup once built its index without the indicators).
import path from 'node:path';
import { CORPUS_LIMITS, DEFAULTS, type Config } from '../config.js';
import { loadIndicators } from '../enrich/indicators.js';
import { loadTaxonomy } from '../enrich/themes.js';
import type { EnrichmentData } from '../enrich/enrich.js';
import { openIndex, type OpenedIndex } from '../index/open.js';
import { restoreIndex, type SearchIndex } from '../index/search-index.js';
import { readData, readManifest, writeManifest, type FileStamp, type LibraryArtifact, type Manifest } from '../index/store.js';
import { readSnapshot, sourcesFingerprint, writeSnapshot, type SnapshotSources } from './library-store.js';
import { loadCorpus } from '../ingest/corpus.js';
import { maxBytesOf } from '../ingest/extract/limits.js';
import type { Corpus } from '../ingest/types.js';
import { buildLibrary, type Library } from '../library/library.js';
import { createSearcher, type Searcher } from '../search/engine.js';

/** Where a library's inputs are read from: what its snapshot is keyed by, and the extraction cache. */
export interface Sources extends SnapshotSources {
  /** Extracted PDF, Word and web-page blocks are cached here by content hash; null: no cache. */
  cacheDir: string | null;
}

/** The bundled corpus with its own taxonomy and indicators, no extraction cache. */
export const BUNDLED_SOURCES: Sources = {
  corpusDir: DEFAULTS.corpusDir,
  themesFile: path.join(DEFAULTS.corpusDir, DEFAULTS.themesName),
  indicatorsFile: path.join(DEFAULTS.corpusDir, DEFAULTS.indicatorsName),
  cacheDir: null,
  maxFileMb: CORPUS_LIMITS.maxFileMb,
};

/** The sources a checked configuration names; extractions are cached beside the index. */
export function sourcesOf(config: Config): Sources {
  const { corpusDir, catalogFile, themesFile, indicatorsFile, maxFileMb } = config;
  return { corpusDir, catalogFile, themesFile, indicatorsFile, maxFileMb, cacheDir: path.join(config.indexDir, 'extracted') };
}

export interface Engine {
  library: Library;
  searcher: Searcher;
  /** How the index was had: loaded or rebuilt, and why. */
  opened: OpenedIndex;
}

/** A library with where it came from: the snapshot beside the index, or the sources parsed now. */
export interface PreparedLibrary {
  library: Library;
  /** Fingerprint of the sources (null when the corpus folder could not be listed): the snapshot's key. */
  sourcesHash: string | null;
  /** The stamps of the source files hashed for sourcesHash, saved with a new snapshot. */
  files: Record<string, FileStamp>;
  /** The snapshot it was read from; null when it was parsed and enriched now. */
  artifact: LibraryArtifact | null;
  /** Why it was parsed; null when read from the snapshot. */
  parsedBecause: string | null;
}

export interface OpenEngineOptions {
  sources: Sources;
  indexDir: string;
  /** Rebuild the library and the index even when the saved ones are fresh (npm run index). */
  force?: boolean;
  /** A library already prepared from these sources (the CLI reports its files first). */
  prepared?: PreparedLibrary;
  onFile?: (file: string, done: number, total: number) => void;
  onIndexProgress?: (done: number, total: number) => void;
  log?: (message: string) => void;
}

/** The library from a corpus already read: taxonomy and indicators loaded, enrichment run. */
export function assembleLibrary(corpus: Corpus, sources: Pick<Sources, 'themesFile' | 'indicatorsFile'>, enriched?: EnrichmentData): Library {
  return buildLibrary(corpus, { taxonomy: loadTaxonomy(sources.themesFile), indicators: loadIndicators(sources.indicatorsFile), enriched });
}

/** Corpus, taxonomy and indicators parsed and enriched now, without the search index (and so without jieba). */
export async function openLibrary(sources: Sources, onFile?: OpenEngineOptions['onFile']): Promise<Library> {
  const corpus = await loadCorpus({
    corpusDir: sources.corpusDir,
    catalogFile: sources.catalogFile,
    cacheDir: sources.cacheDir,
    limits: { maxBytes: maxBytesOf(sources.maxFileMb) },
    onFile,
  });
  return assembleLibrary(corpus, sources);
}

/**
 * The library read from the snapshot beside the index when that was made from these very
 * sources, else parsed and enriched now. Reading a snapshot parses no document.
 */
export async function prepareLibrary(options: Pick<OpenEngineOptions, 'sources' | 'indexDir' | 'force' | 'onFile'>): Promise<PreparedLibrary> {
  const manifest = readManifest(options.indexDir);
  const fingerprint = sourcesFingerprint(options.sources, options.force ? {} : manifest?.library?.files);
  const hash = fingerprint?.hash ?? null;
  const files = fingerprint?.files ?? {};
  let parsedBecause = options.force ? '按要求重建' : '语料目录无法读取';
  if (hash && !options.force) {
    const { snapshot, reason } = readSnapshot({ dir: options.indexDir, manifest, sourcesHash: hash });
    if (snapshot) return { library: assembleLibrary(snapshot.corpus, options.sources, snapshot.enrichment), sourcesHash: hash, files, artifact: manifest?.library ?? null, parsedBecause: null };
    parsedBecause = reason;
  }
  return { library: await openLibrary(options.sources, options.onFile), sourcesHash: hash, files, artifact: null, parsedBecause };
}

/** The library and its index, each loaded when the saved one is fresh, else built (the index with jieba) and saved. */
export async function openEngine(options: OpenEngineOptions): Promise<Engine> {
  const prepared = options.prepared ?? (await prepareLibrary(options));
  const { library } = prepared;
  const opened = await openIndex({ library, dir: options.indexDir, force: options.force, log: options.log, onProgress: options.onIndexProgress, libraryArtifact: prepared.artifact ?? undefined });
  if (!prepared.artifact && prepared.sourcesHash && opened.manifest.dataFile) saveSnapshot({ ...options, prepared, manifest: opened.manifest });
  return { library, searcher: createSearcher(library, opened.index), opened };
}

/** Saves the library parsed now beside the index it fits, so the next start reads it instead. */
function saveSnapshot(options: { indexDir: string; prepared: PreparedLibrary; manifest: Manifest; log?: (message: string) => void }): void {
  const { library, sourcesHash: hash, files } = options.prepared;
  try {
    const artifact = writeSnapshot({ dir: options.indexDir, snapshot: { corpus: library.corpus, enrichment: library.enrichment.data }, sourcesHash: hash as string, files });
    writeManifest(options.indexDir, { ...options.manifest, library: artifact });
  } catch (err) {
    // A read-only or full disk must not stop the server: the next start parses again.
    options.log?.(`警告 语料快照无法保存到 ${options.indexDir}：${(err as Error).message}`);
  }
}

/** A library's saved index, read without checking it is fresh: for tests and benchmarks that built it. */
export function savedIndexOf(library: Library, indexDir: string): SearchIndex {
  const manifest = readManifest(indexDir);
  if (!manifest) throw new Error(`no index in ${indexDir}`);
  return restoreIndex(library, readData(indexDir, manifest));
}
