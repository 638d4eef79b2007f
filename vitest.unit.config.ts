// `npm run test:unit`: the fast suites, in under a minute on two cores. The same settings as
// vitest.config.ts (the real index built once by tests/global-setup.ts), minus the files below:
// those that start real processes (the CLI, servers, clusters), fuzz, drive a browser, read the
// 86 published PDFs or run the benchmark and load tests. Every other file is a unit suite by
// default, so a new test file runs here unless it is listed. `npm test` runs everything.
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const SLOW = [
  // Browser: Chromium via playwright-core.
  'tests/e2e/**',
  // Fuzzing with fast-check (hundreds of runs per property; FUZZ_SCALE hunts longer).
  'tests/fuzz/**',
  'tests/web/fuzz-pages.test.ts',
  // The 86 published PDFs in ../shared/corpus-real.
  'tests/real/**',
  // Real processes: `npm run index`, `npm run search`, `npm run targets`, `npm start` and
  // WEB_CONCURRENCY clusters started as child processes (tests/index/process-helpers.ts);
  // store.test.ts starts one to show that a fresh index loads without jieba.
  'tests/cli/cluster.test.ts',
  'tests/cli/replicas.test.ts',
  'tests/cli/index-corruption.test.ts',
  'tests/cli/index-crash.test.ts',
  'tests/cli/index-hostile-corpus.test.ts',
  'tests/cli/index-report.test.ts',
  'tests/cli/search-cli.test.ts',
  'tests/cli/targets-cli.test.ts',
  'tests/cli/worker-deaths.test.ts',
  'tests/index/store.test.ts',
  'tests/ingest/broken-corpus-server.test.ts',
  'tests/ingest/hostile-corpus-server.test.ts',
  'tests/search/long-line-server.test.ts',
  'tests/web/hostile-server.test.ts',
  // Recall at ten times the corpus: builds the synthetic ×10 index with jieba first.
  'tests/search/recall-x10.test.ts',
  // The benchmark and the load tests, each run for real for a few seconds.
  'tests/scripts/bench.test.ts',
  'tests/scripts/loadtest.test.ts',
];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, ...SLOW],
      // One module graph per worker instead of one per file: tests/helpers.ts then reads the
      // corpus once, not 57 times (import time 65 s → 7 s). No test file stubs modules or the
      // environment; the few spies restore themselves. A new file that does must restore too.
      isolate: false,
    },
  }),
);
