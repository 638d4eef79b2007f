// The one way to open the engine: corpus → taxonomy → indicators → library → search index →
// searcher. The server, the command-line tools, the tests and the benchmarks all start here, so
// their wiring cannot drift apart (the test setup once built its index without the indicators).
import path from 'node:path';
import { CORPUS_LIMITS, DEFAULTS, type Config } from '../config.js';
import { loadIndicators } from '../enrich/indicators.js';
import { loadTaxonomy } from '../enrich/themes.js';
import { openIndex, type OpenedIndex } from '../index/open.js';
import { restoreIndex, type SearchIndex } from '../index/search-index.js';
import { readData, readManifest } from '../index/store.js';
import { loadCorpus } from '../ingest/corpus.js';
import { maxBytesOf } from '../ingest/extract/limits.js';
import type { Corpus } from '../ingest/types.js';
import { buildLibrary, type Library } from '../library/library.js';
import { createSearcher, type Searcher } from '../search/engine.js';

/** Where a library's inputs are read from. */
export interface Sources {
  corpusDir: string;
  catalogFile?: string;
  themesFile: string;
  indicatorsFile: string;
  /** Extracted PDF, Word and web-page blocks are cached here by content hash; null: no cache. */
  cacheDir: string | null;
  maxFileMb: number;
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

export interface OpenEngineOptions {
  sources: Sources;
  indexDir: string;
  /** Rebuild the index even when the saved one is fresh (npm run index). */
  force?: boolean;
  /** A library already loaded from these sources (the CLI reports its files first). */
  library?: Library;
  onFile?: (file: string, done: number, total: number) => void;
  onIndexProgress?: (done: number, total: number) => void;
  log?: (message: string) => void;
}

/** The library from a corpus already read: taxonomy and indicators loaded, enrichment run. */
export function assembleLibrary(corpus: Corpus, sources: Pick<Sources, 'themesFile' | 'indicatorsFile'>): Library {
  return buildLibrary(corpus, { taxonomy: loadTaxonomy(sources.themesFile), indicators: loadIndicators(sources.indicatorsFile) });
}

/** Corpus, taxonomy and indicators, without the search index (and so without jieba). */
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

/** The library and its index, loaded when the saved one is fresh, else built (with jieba) and saved. */
export async function openEngine(options: OpenEngineOptions): Promise<Engine> {
  const library = options.library ?? (await openLibrary(options.sources, options.onFile));
  const opened = await openIndex({ library, dir: options.indexDir, force: options.force, log: options.log, onProgress: options.onIndexProgress });
  return { library, searcher: createSearcher(library, opened.index), opened };
}

/** A library's saved index, read without checking it is fresh: for tests and benchmarks that built it. */
export function savedIndexOf(library: Library, indexDir: string): SearchIndex {
  const manifest = readManifest(indexDir);
  if (!manifest) throw new Error(`no index in ${indexDir}`);
  return restoreIndex(library, readData(indexDir, manifest));
}
