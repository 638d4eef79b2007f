// Builds the real corpus's search index once per test run, with the real jieba and dictionary,
// into a temp folder; test files load it from disk, as the server does, without loading jieba.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { BUNDLED_SOURCES, openEngine } from '../src/engine/open.js';

declare module 'vitest' {
  export interface ProvidedContext {
    indexDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-index-'));
  await openEngine({ sources: BUNDLED_SOURCES, indexDir: dir });
  project.provide('indexDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
