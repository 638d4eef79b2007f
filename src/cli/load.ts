// What every command-line entry point does first: check configuration and open the engine
// (src/engine/open.ts), reporting progress and problems on stderr (file names and messages
// through printableName: they name corpus files, whose names may hold escape sequences).
import { loadConfig, type Config } from '../config.js';
import { openEngine, prepareLibrary, sourcesOf, type Engine, type PreparedLibrary, type Sources } from '../engine/open.js';
import type { Library } from '../library/library.js';
import { printableName } from '../printable-name.js';
import { progressPrinter } from './progress.js';

export interface Loaded extends Engine {
  config: Config;
}

export interface LoadOptions {
  /** No progress or warnings on stderr (file errors are still printed). */
  quiet?: boolean;
  /** Leave the corpus's warnings and file errors unprinted: the caller reports them itself. */
  ownFileReport?: boolean;
}

/** Configuration, corpus and enrichment, without the search index (and so without jieba). */
export async function loadLibrary(options: LoadOptions & { force?: boolean } = {}): Promise<{ config: Config; sources: Sources; library: Library; prepared: PreparedLibrary; say: (message: string) => void }> {
  const config = loadConfig();
  const sources = sourcesOf(config);
  const say = (message: string) => {
    if (!options.quiet) console.error(printableName(message));
  };
  const progress = options.quiet ? undefined : progressPrinter('读取语料');
  const prepared = await prepareLibrary({ sources, indexDir: config.indexDir, force: options.force, onFile: progress && ((_file, done, total) => progress(done, total)) });
  const { library } = prepared;
  const count = `${library.documents.length} 份文档、${library.clauseCount} 个条款`;
  say(prepared.parsedBecause === null ? `语料快照已载入：${count}，未重新解析` : `语料已解析：${count}（${prepared.parsedBecause}）`);
  if (!options.ownFileReport) {
    for (const w of library.corpus.warnings) say(`警告 ${w.message}`);
    for (const e of library.corpus.errors) console.error(printableName(`错误 [${e.code}] ${e.message}`));
  }
  return { config, sources, library, prepared, say };
}

export async function loadAll(options: LoadOptions & { force?: boolean } = {}): Promise<Loaded> {
  const { config, sources, prepared, say } = await loadLibrary(options);
  const engine = await openEngine({ sources, indexDir: config.indexDir, prepared, force: options.force, log: say, onIndexProgress: progressPrinter('建立索引') });
  return { config, ...engine };
}
