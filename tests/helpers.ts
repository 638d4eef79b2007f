// Shared test fixtures: the real bundled corpus, loaded once per test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { assembleLibrary, BUNDLED_SOURCES, savedIndexOf } from '../src/engine/open.js';
import { AppError } from '../src/errors.js';
import { loadIndicators, type IndicatorCatalog } from '../src/enrich/indicators.js';
import { loadTaxonomy, type Taxonomy } from '../src/enrich/themes.js';
import type { Library } from '../src/library/library.js';
import { buildIndex, type SearchIndex } from '../src/index/search-index.js';
import { createSearcher, type Searcher } from '../src/search/engine.js';
import { createApp, type AppDeps } from '../src/web/app.js';
import { loadCorpus } from '../src/ingest/corpus.js';
import type { Corpus, ParsedDocument } from '../src/ingest/types.js';

// The bundled corpus is plain text: loading it is quick, and every test file may read it.
const bundled: Corpus = await loadCorpus({ corpusDir: BUNDLED_SOURCES.corpusDir });

export function realCorpus(): Corpus {
  return bundled;
}

let cachedTaxonomy: Taxonomy | null = null;

export function realTaxonomy(): Taxonomy {
  cachedTaxonomy ??= loadTaxonomy(BUNDLED_SOURCES.themesFile);
  return cachedTaxonomy;
}

let cachedIndicators: IndicatorCatalog | null = null;

export function realIndicators(): IndicatorCatalog {
  cachedIndicators ??= loadIndicators(BUNDLED_SOURCES.indicatorsFile);
  return cachedIndicators;
}

let cachedLibrary: Library | null = null;

export function realLibrary(): Library {
  cachedLibrary ??= assembleLibrary(realCorpus(), BUNDLED_SOURCES);
  return cachedLibrary;
}

let cachedIndex: SearchIndex | null = null;

/** The real index, built with jieba by tests/global-setup.ts and loaded from disk here. */
export function realIndex(): SearchIndex {
  cachedIndex ??= savedIndexOf(realLibrary(), inject('indexDir'));
  return cachedIndex;
}

export function realSearcher(): Searcher {
  return createSearcher(realLibrary(), realIndex());
}

/** Every character its own word: enough for tests of made-up documents that do not rank. */
export const CHAR_SEGMENTER = { wordLengths: (text: string) => [...text].map((c) => c.length) };

export function searcherFor(library: Library): Searcher {
  return createSearcher(library, buildIndex({ library, segmenter: CHAR_SEGMENTER }).index);
}

export function realApp(options: Omit<AppDeps, 'library' | 'searcher'> = {}) {
  return createApp({ library: realLibrary(), searcher: realSearcher(), today: () => '2026-11-21', ...options });
}

export function doc(id: string): ParsedDocument {
  const found = realCorpus().documents.find((d) => d.meta.id === id);
  if (!found) throw new Error(`no document ${id}`);
  return found;
}

export function clause(docId: string, eId: string) {
  const found = doc(docId).clauses.find((c) => c.eId === eId);
  if (!found) throw new Error(`no clause ${docId}.${eId}`);
  return found;
}

/** The error code a call throws (an AppError's code), or null when it does not throw. */
export function errorCode(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : `not AppError: ${String(err)}`;
  }
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'policy-test-'));
}

export const SICHUAN = 'sichuan-climate-plan-2022-draft';
export const CHENGDU = 'chengdu-carbon-peak-2024';
export const MIANYANG = 'mianyang-carbon-peak-2024';
export const LESHAN = 'leshan-carbon-peak-pilot';
export const QUXIAN = 'quxian-carbon-peak-revised';
