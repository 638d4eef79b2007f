// Shared test fixtures: the real bundled corpus, loaded once per test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULTS } from '../src/config.js';
import { buildLibrary, type Library } from '../src/index/library.js';
import { loadCorpus } from '../src/ingest/corpus.js';
import type { Corpus, ParsedDocument } from '../src/ingest/types.js';

let cached: Corpus | null = null;

export function realCorpus(): Corpus {
  cached ??= loadCorpus({ corpusDir: DEFAULTS.corpusDir });
  return cached;
}

export function realLibrary(): Library {
  return buildLibrary(realCorpus());
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

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'policy-test-'));
}

export const SICHUAN = 'sichuan-climate-plan-2022-draft';
export const CHENGDU = 'chengdu-carbon-peak-2024';
export const MIANYANG = 'mianyang-carbon-peak-2024';
export const LESHAN = 'leshan-carbon-peak-pilot';
export const QUXIAN = 'quxian-carbon-peak-revised';
