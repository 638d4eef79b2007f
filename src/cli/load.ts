// What every command-line entry point does first: check configuration, load the corpus and
// open (or rebuild) the search index, reporting problems on stderr.
import { loadConfig, type Config } from '../config.js';
import { loadIndicators } from '../enrich/indicators.js';
import { loadTaxonomy } from '../enrich/themes.js';
import { buildLibrary, type Library } from '../index/library.js';
import { openIndex, type OpenedIndex } from '../index/open.js';
import { loadCorpus } from '../ingest/corpus.js';
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

/** Configuration, corpus and enrichment, without the search index (and so without jieba). */
export function loadLibrary(options: LoadOptions = {}): { config: Config; library: Library; say: (message: string) => void } {
  const config = loadConfig();
  const say = (message: string) => {
    if (!options.quiet) console.error(message);
  };
  const corpus = loadCorpus({ corpusDir: config.corpusDir, catalogFile: config.catalogFile });
  if (!options.ownFileReport) {
    for (const w of corpus.warnings) say(`警告 ${w.message}`);
    for (const e of corpus.errors) console.error(`错误 [${e.code}] ${e.message}`);
  }
  const library = buildLibrary(corpus, { taxonomy: loadTaxonomy(config.themesFile), indicators: loadIndicators(config.indicatorsFile) });
  return { config, library, say };
}

export async function loadAll(options: LoadOptions & { force?: boolean } = {}): Promise<Loaded> {
  const { config, library, say } = loadLibrary(options);
  const opened = await openIndex({ library, dir: config.indexDir, force: options.force, log: say, onProgress: progressPrinter('建立索引') });
  return { config, library, opened };
}
