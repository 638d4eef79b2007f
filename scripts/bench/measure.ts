// One scale's in-process measurements, run as its own process by scripts/bench.ts so that each
// scale starts with a clean heap: library and index load times, query latency for the engine and
// both baselines over the same query mix, and a check that all three find the same clauses.
// Prints one JSON object on stdout.
import { BUNDLED_SOURCES, openLibrary } from '../../src/engine/open.js';
import type { Library } from '../../src/library/library.js';
import { restoreIndex, type SearchIndex } from '../../src/index/search-index.js';
import { readData, readManifest } from '../../src/index/store.js';
import { createSearcher } from '../../src/search/engine.js';
import { parseQuery } from '../../src/search/query.js';
import { presentSearch } from '../../src/present/search-results.js';
import { miniBaseline, scanMatches, scanSearch } from './baselines.js';
import { QUERY_MIX } from './queries.js';
import { median, summarize, time, type Latency } from './stats.js';

export interface MeasureInput {
  corpusDir: string;
  catalogFile: string;
  indexDir: string;
  rounds: number;
  /** Page size, as the API's default. */
  take: number;
}

export interface MeasureOutput {
  documents: number;
  clauses: number;
  chars: number;
  libraryMs: number;
  indexLoadMs: number;
  heapAfterLoad: number;
  rssAfterLoad: number;
  miniBuildMs: number;
  latency: { engine: Latency; api: Latency; scan: Latency; mini: Latency };
  /** Per query: hits, and the engine's and scan's median. */
  perQuery: { q: string; kind: string; hits: number; engine: number; scan: number; mini: number }[];
  mismatches: string[];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function measure(input: MeasureInput): Promise<MeasureOutput> {
  const started = performance.now();
  // The bundled taxonomy and indicators over the measured corpus (a synthetic one has none).
  const library: Library = await openLibrary({ ...BUNDLED_SOURCES, corpusDir: input.corpusDir, catalogFile: input.catalogFile });
  const libraryMs = performance.now() - started;
  const manifest = readManifest(input.indexDir);
  if (!manifest) throw new Error(`没有索引：${input.indexDir}`);
  let index!: SearchIndex;
  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    index = undefined as unknown as SearchIndex;
    gc();
    loads.push(time(() => (index = restoreIndex(library, readData(input.indexDir, manifest)))));
  }
  gc();
  const heapAfterLoad = process.memoryUsage().heapUsed;
  const rssAfterLoad = process.memoryUsage().rss;
  const searcher = createSearcher(library, index);
  const texts = index.entries.map((e) => e.text);
  let mini!: ReturnType<typeof miniBaseline>;
  const miniBuildMs = time(() => (mini = miniBaseline(texts)));

  const queries = QUERY_MIX.map(({ q, kind }) => ({ q, kind, parsed: parseQuery(q) }));
  const mismatches: string[] = [];
  const hits: number[] = [];
  for (const { q, parsed } of queries) {
    const all = searcher.search({ query: parsed, limit: index.entries.length, offset: 0 });
    const engineSet = all.hits.map((h) => index.byId.get(h.entry.clause.id) as number).sort((a, b) => a - b);
    hits.push(all.total);
    if (JSON.stringify(engineSet) !== JSON.stringify(scanMatches(texts, parsed))) mismatches.push(`${q}：索引与扫描命中不同`);
    const page = searcher.search({ query: parsed, limit: input.take, offset: 0 }).hits.map((h) => h.entry.clause.id);
    if (JSON.stringify(page) !== JSON.stringify(scanSearch(index.entries, texts, parsed, input.take).top)) mismatches.push(`${q}：首页排序与扫描不同`);
    if (mini.search(parsed, input.take).total !== all.total) mismatches.push(`${q}：MiniSearch 命中数不同`);
  }

  const runs = {
    engine: (p: (typeof queries)[number]) => searcher.search({ query: p.parsed, limit: input.take, offset: 0 }),
    api: (p: (typeof queries)[number]) =>
      presentSearch({ library, params: { query: p.parsed, expansions: [], filters: { docs: [], levels: [] }, limit: input.take, offset: 0 }, outcome: searcher.search({ query: p.parsed, limit: input.take, offset: 0 }) }),
    scan: (p: (typeof queries)[number]) => scanSearch(index.entries, texts, p.parsed, input.take),
    mini: (p: (typeof queries)[number]) => mini.search(p.parsed, input.take),
  };
  const samples = { engine: [] as number[], api: [] as number[], scan: [] as number[], mini: [] as number[] };
  const perQuery = queries.map(() => ({ engine: [] as number[], scan: [] as number[], mini: [] as number[] }));
  for (const p of queries) for (const run of Object.values(runs)) run(p);
  for (let round = 0; round < input.rounds; round++) {
    queries.forEach((p, i) => {
      for (const name of Object.keys(runs) as (keyof typeof runs)[]) {
        const took = time(() => runs[name](p));
        samples[name].push(took);
        if (name !== 'api') perQuery[i]?.[name].push(took);
      }
    });
  }
  const clauses = index.entries.length;
  return {
    documents: library.documents.length,
    clauses,
    chars: texts.reduce((n, t) => n + t.length, 0),
    libraryMs,
    indexLoadMs: median(loads),
    heapAfterLoad,
    rssAfterLoad,
    miniBuildMs,
    latency: { engine: summarize(samples.engine), api: summarize(samples.api), scan: summarize(samples.scan), mini: summarize(samples.mini) },
    perQuery: queries.map((p, i) => ({ q: p.q, kind: p.kind, hits: hits[i] as number, engine: median(perQuery[i]?.engine ?? []), scan: median(perQuery[i]?.scan ?? []), mini: median(perQuery[i]?.mini ?? []) })),
    mismatches,
  };
}

const input = JSON.parse(process.argv[2] ?? '{}') as MeasureInput;
process.stdout.write(`${JSON.stringify(await measure(input))}\n`);
