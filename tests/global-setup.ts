// Builds the real corpus's search index once per test run, with the real jieba and dictionary,
// into a temp folder; test files load it from disk, as the server does, without loading jieba.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULTS } from '../src/config.js';
import { loadTaxonomy } from '../src/enrich/themes.js';
import { buildLibrary } from '../src/index/library.js';
import { openIndex } from '../src/index/open.js';
import { loadCorpus } from '../src/ingest/corpus.js';

declare module 'vitest' {
  export interface ProvidedContext {
    indexDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-index-'));
  const taxonomy = loadTaxonomy(path.join(DEFAULTS.corpusDir, DEFAULTS.themesName));
  const library = buildLibrary(await loadCorpus({ corpusDir: DEFAULTS.corpusDir }), { taxonomy });
  await openIndex({ library, dir });
  project.provide('indexDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
