// Crash safety of `npm run index` in real processes: the index build is killed with SIGKILL at
// moments spread over its run (at once, during start-up, after segmenting, as each of the data
// file and the manifest appears in the index folder, late in saving). Afterwards the index folder must hold a complete index (the
// previous one, or the new one if the build got that far) that loads, hash-checked, with the
// project's own openIndex and answers searches exactly like a reference; or, when there was no
// previous index, nothing usable, which openIndex then rebuilds. A half-written index is never used.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_DICT_PATH } from '../../src/analyse/analyzer.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { loadIndicators } from '../../src/enrich/indicators.js';
import { loadTaxonomy } from '../../src/enrich/themes.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { openIndex } from '../../src/index/open.js';
import { fingerprint, inspectManifest } from '../../src/index/store.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { createSearcher, type Searcher } from '../../src/search/engine.js';
import { parseQuery } from '../../src/search/query.js';
import { realLibrary, realSearcher, searcherFor, tempDir } from '../helpers.js';
import { BUILD_INDEX, copyCorpus, copySavedIndex, nodeArgs } from '../index/process-helpers.js';

const MARKER = '崩溃测试标记';
const QUERIES = ['加氢站', MARKER, '碳汇 湿地', 'CCER'];

/**
 * When to kill: some milliseconds after spawning, after a line on stderr (plus a delay), or as
 * soon as a file whose name matches appears in the index folder (seen through fs.watch).
 */
type KillAt = { afterMs: number } | { afterLine: RegExp; thenMs: number } | { onFile: RegExp };

const DATA_TEMP = /^data-[0-9a-f]{16}\.bin\.tmp-/u;
const LIBRARY_TEMP = /^library-[0-9a-f]{16}\.bin\.tmp-/u;
const MANIFEST_TEMP = /^manifest\.json\.tmp-/u;

const SCHEDULES: [string, KillAt][] = [
  ['at once', { afterMs: 0 }],
  ['during start-up (500 ms)', { afterMs: 500 }],
  ['as the build starts (corpus loaded)', { afterLine: /正在建立索引/u, thenMs: 0 }],
  ['after segmenting (100%)', { afterLine: /（100%）/u, thenMs: 0 }],
  ['while the data file is written', { onFile: DATA_TEMP }],
  ['after the data file is in place, before the manifest', { onFile: /^data-[0-9a-f]{16}\.bin$/u }],
  ['while the manifest is written', { onFile: MANIFEST_TEMP }],
  ['while the library snapshot is written, after the index', { onFile: LIBRARY_TEMP }],
  ['late (40 ms after saving starts)', { afterLine: /正在保存索引/u, thenMs: 40 }],
];

interface Outcome {
  name: string;
  ended: string;
  state: 'previous' | 'new' | 'none';
  leftovers: string[];
}

/** Runs build-index.ts on the given folders and SIGKILLs it as scheduled (or lets it finish). */
async function buildAndKill(env: { CORPUS_DIR: string; INDEX_DIR: string }, at: KillAt): Promise<string> {
  fs.mkdirSync(env.INDEX_DIR, { recursive: true });
  const existing = new Set(fs.readdirSync(env.INDEX_DIR));
  let kill = () => {};
  // Watch before spawning, so no file the build writes can be missed.
  const watcher =
    'onFile' in at
      ? fs.watch(env.INDEX_DIR, (_event, name) => {
          if (name && !existing.has(name) && at.onFile.test(name)) kill();
        })
      : null;
  const child = spawn(process.execPath, nodeArgs(BUILD_INDEX), { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  let timer: NodeJS.Timeout | undefined;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (!('afterLine' in at) || timer !== undefined || !at.afterLine.test(stderr)) return;
    timer = setTimeout(kill, at.thenMs);
    if (at.thenMs === 0) kill();
  });
  if ('afterMs' in at) {
    if (at.afterMs === 0) kill();
    else timer = setTimeout(kill, at.afterMs);
  }
  const [code, signal] = await exited;
  clearTimeout(timer);
  watcher?.close();
  return signal ?? `exit ${code}`;
}

describe('SIGKILL during npm run index', () => {
  let changedCorpus = '';
  let changed: Library;
  let changedSearcher: Searcher;
  const previous = realLibrary();
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    // The corpus with one clause's text changed, so its fingerprint differs from the saved index's.
    changedCorpus = copyCorpus();
    const file = path.join(changedCorpus, 'chengdu-carbon-peak-2024.txt');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('加氢站');
    fs.writeFileSync(file, text.replace('加氢站', `加氢站${MARKER}`));
    changed = buildLibrary(await loadCorpus({ corpusDir: changedCorpus }), {
      taxonomy: loadTaxonomy(path.join(changedCorpus, 'themes.yaml')),
      indicators: loadIndicators(path.join(changedCorpus, 'indicators.yaml')),
    });
    changedSearcher = searcherFor(changed);
    expect(fingerprint(changed, USER_DICT_PATH).clausesHash).not.toBe(fingerprint(previous, USER_DICT_PATH).clausesHash);
  });

  afterAll(() => {
    // Which states the kills left, for the log (no assertion: timing differs between machines).
    for (const o of outcomes) console.log(`[index-crash] ${o.name}: ${o.ended}, index ${o.state}${o.leftovers.length ? `, leftovers ${o.leftovers.join(' ')}` : ''}`);
  });

  /** The same hits, as a set, as the reference searcher for the same corpus. */
  function expectAnswersLike(searcher: Searcher, reference: Searcher): void {
    for (const q of QUERIES) {
      const ids = (s: Searcher) =>
        s
          .search({ query: parseQuery(q), limit: 1000, offset: 0 })
          .hits.map((h) => h.entry.clause.id)
          .sort();
      expect(ids(searcher), q).toEqual(ids(reference));
    }
  }

  it.each(SCHEDULES)(
    'killed %s: the previous index (or the finished new one) still loads and answers',
    async (name, at) => {
      const indexDir = copySavedIndex();
      const before = inspectManifest(indexDir).manifest;
      expect(before?.clausesHash).toBe(fingerprint(previous, USER_DICT_PATH).clausesHash);
      const ended = await buildAndKill({ CORPUS_DIR: changedCorpus, INDEX_DIR: indexDir }, at);
      expect(['SIGKILL', 'exit 0']).toContain(ended);

      const { manifest, problem } = inspectManifest(indexDir);
      // The manifest is replaced by a rename, so there is always one, complete.
      expect(problem).toBeNull();
      const state = manifest?.dataHash === before?.dataHash ? 'previous' : manifest?.clausesHash === fingerprint(changed, USER_DICT_PATH).clausesHash ? 'new' : 'none';
      const leftovers = fs.readdirSync(indexDir).filter((f) => f !== 'manifest.json' && f !== manifest?.dataFile && f !== manifest?.library?.file);
      outcomes.push({ name, ended, state, leftovers });
      expect(state).not.toBe('none');
      if (ended === 'exit 0') expect(state).toBe('new');

      const library = state === 'previous' ? previous : changed;
      const messages: string[] = [];
      const opened = await openIndex({ library, dir: indexDir, log: (m) => messages.push(m) });
      expect(opened.built, messages.join('\n')).toBe(false);
      expectAnswersLike(createSearcher(library, opened.index), state === 'previous' ? realSearcher() : changedSearcher);
    },
    60_000,
  );

  it('killed while saving a first index: nothing usable is left, or the complete new one; openIndex then works', async () => {
    const indexDir = path.join(tempDir(), 'index');
    const ended = await buildAndKill({ CORPUS_DIR: changedCorpus, INDEX_DIR: indexDir }, { onFile: DATA_TEMP });
    expect(['SIGKILL', 'exit 0']).toContain(ended);
    const { manifest } = inspectManifest(indexDir);
    const leftovers = fs.existsSync(indexDir) ? fs.readdirSync(indexDir).filter((f) => f !== 'manifest.json' && f !== manifest?.dataFile && f !== manifest?.library?.file) : [];
    outcomes.push({ name: 'first build, killed while saving', ended, state: manifest ? 'new' : 'none', leftovers });
    if (ended === 'exit 0') expect(manifest).not.toBeNull();
    const messages: string[] = [];
    const opened = await openIndex({ library: changed, dir: indexDir, log: (m) => messages.push(m) });
    // Without a manifest it rebuilds (and says why); with one, that one is complete and loads.
    expect(opened.built).toBe(manifest === null);
    if (manifest === null) expect(messages.join('\n')).toContain('索引不存在');
    expectAnswersLike(createSearcher(changed, opened.index), changedSearcher);
    // Either way a complete index is on disk now.
    const after = inspectManifest(indexDir).manifest;
    expect(after?.clausesHash).toBe(fingerprint(changed, USER_DICT_PATH).clausesHash);
  }, 60_000);
});
