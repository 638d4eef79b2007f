// What every command-line entry point does first: check configuration, load the corpus and
// open (or rebuild) the search index, reporting problems on stderr (file names and messages
// through printableName: they name corpus files, whose names may hold escape sequences).
import path from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { loadIndicators } from '../enrich/indicators.js';
import { loadTaxonomy } from '../enrich/themes.js';
import { buildLibrary, type Library } from '../index/library.js';
import { openIndex, type OpenedIndex } from '../index/open.js';
import { loadCorpus } from '../ingest/corpus.js';
import { maxBytesOf } from '../ingest/extract/limits.js';
import { printableName } from '../printable-name.js';
import { progressPrinter } from './progress.js';

export interface Loaded {
  config: Config;
  library: Library;
  opened: OpenedIndex;
}

export interface LoadOptions {
  /** No progress or warnings on stderr (file errors are still printed). */
  quiet?: boolean;
  /** Leave the corpus's warnings and file errors unprinted: the caller reports them itself. */
  ownFileReport?: boolean;
}

/** Extracted PDF, Word and web-page blocks are cached beside the index, by content hash. */
export function extractCacheDir(config: Config): string {
  return path.join(config.indexDir, 'extracted');
}

/** Configuration, corpus and enrichment, without the search index (and so without jieba). */
export async function loadLibrary(options: LoadOptions = {}): Promise<{ config: Config; library: Library; say: (message: string) => void }> {
  const config = loadConfig();
  const say = (message: string) => {
    if (!options.quiet) console.error(printableName(message));
  };
  const progress = options.quiet ? undefined : progressPrinter('读取语料');
  const corpus = await loadCorpus({
    corpusDir: config.corpusDir,
    catalogFile: config.catalogFile,
    cacheDir: extractCacheDir(config),
    limits: { maxBytes: maxBytesOf(config.maxFileMb) },
    onFile: progress && ((_file, done, total) => progress(done, total)),
  });
  if (!options.ownFileReport) {
    for (const w of corpus.warnings) say(`警告 ${w.message}`);
    for (const e of corpus.errors) console.error(printableName(`错误 [${e.code}] ${e.message}`));
  }
  const library = buildLibrary(corpus, { taxonomy: loadTaxonomy(config.themesFile), indicators: loadIndicators(config.indicatorsFile) });
  return { config, library, say };
}

export async function loadAll(options: LoadOptions & { force?: boolean } = {}): Promise<Loaded> {
  const { config, library, say } = await loadLibrary(options);
  const opened = await openIndex({ library, dir: config.indexDir, force: options.force, log: say, onProgress: progressPrinter('建立索引') });
  return { config, library, opened };
}
