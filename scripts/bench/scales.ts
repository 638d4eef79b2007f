// Where each scale's corpus and index live, and the environment that points the server and
// `npm run index` at them; shared by the bench and the load test. 1× is the bundled corpus;
// larger scales are the synthetic corpora under .bench/ (scripts/scale-corpus.ts). The taxonomy
// and indicators always come from corpus/, since synthetic corpora have none of their own.
import path from 'node:path';
import { DEFAULTS, PROJECT_ROOT } from '../../src/config.js';

export const BENCH_DIR = path.join(PROJECT_ROOT, '.bench');

export interface ScalePaths {
  corpusDir: string;
  catalogFile: string;
  indexDir: string;
}

/** The corpus of a scale; the index defaults to index/ at 1× and .bench/index-xN otherwise. */
export function scalePaths(scale: number, indexDir?: string): ScalePaths {
  const corpusDir = scale === 1 ? DEFAULTS.corpusDir : path.join(BENCH_DIR, `corpus-x${scale}`);
  return {
    corpusDir,
    catalogFile: path.join(corpusDir, DEFAULTS.catalogName),
    indexDir: indexDir ?? (scale === 1 ? DEFAULTS.indexDir : path.join(BENCH_DIR, `index-x${scale}`)),
  };
}

export function scaleEnv(paths: ScalePaths): Record<string, string> {
  return {
    CORPUS_DIR: paths.corpusDir,
    CATALOG_FILE: paths.catalogFile,
    INDEX_DIR: paths.indexDir,
    THEMES_FILE: path.join(DEFAULTS.corpusDir, DEFAULTS.themesName),
    INDICATORS_FILE: path.join(DEFAULTS.corpusDir, DEFAULTS.indicatorsName),
  };
}
