// One scale's in-process measurements, run as its own process by scripts/bench.ts so that each
// scale starts with a clean heap: library and index load times, query latency for the engine and
// its peers (a literal scan, MiniSearch, SQLite FTS5 trigram) over the same query mix, and a
// check that all of them find exactly the clauses the scan finds; and the library's reuse down
// the hierarchy computed once. Prints one JSON object.
import path from 'node:path';
import { BUNDLED_SOURCES, prepareLibrary } from '../../src/engine/open.js';
import { restoreIndex, type SearchIndex } from '../../src/index/search-index.js';
import { readData, readManifest } from '../../src/index/store.js';
import { createSearcher } from '../../src/search/engine.js';
import { parseQuery } from '../../src/search/query.js';
import { presentSearch } from '../../src/present/search-results.js';
import { reuseOf } from '../../src/search/reuse/reuse.js';
import { miniBaseline, scanMatches, scanSearch, sqliteBaseline } from './baselines.js';
import { QUERY_MIX, type QueryKind } from './queries.js';
import { hotspots, profileOf, type Hotspot } from './profile.js';
import { median, summarize, time, type Latency } from './stats.js';

export interface MeasureInput {
  corpusDir: string;
  catalogFile: string;
  indexDir: string;
  rounds: number;
  /** Page size, as the API's default. */
  take: number;
  /** Run the MiniSearch peer (left out above ×100: its index alone took a minute at ×70). */
  mini: boolean;
}

export type Peer = 'engine' | 'api' | 'scan' | 'mini' | 'sqlite';

export interface MeasureOutput {
  documents: number;
  clauses: number;
  chars: number;
  /** The library read back from its snapshot (no parsing). */
  libraryMs: number;
  indexLoadMs: number;
  heapAfterLoad: number;
  rssAfterLoad: number;
  miniBuildMs: number;
  sqliteBuildMs: number;
  sqliteBytes: number;
  latency: Record<Peer, Latency>;
  /** The engine's and SQLite's latency per kind of query. */
  perKind: { kind: QueryKind; engine: Latency; sqlite: Latency; scan: Latency }[];
  /** Per query: hits, and each peer's median. */
  perQuery: { q: string; kind: string; hits: number; engine: number; scan: number; mini: number; sqlite: number }[];
  mismatches: string[];
  /** Where the engine's query time goes (a CPU profile of the mix, engine only). */
  queryHotspots: Hotspot[];
  /** Reuse down the hierarchy computed once for the whole library: plans and clauses compared. Absent in runs before issue 21. */
  reuse?: { ms: number; docs: number; compared: number };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

async function measure(input: MeasureInput): Promise<MeasureOutput> {
  // The bundled taxonomy and indicators over the measured corpus, as the bench's server gets them.
  const sources = { ...BUNDLED_SOURCES, corpusDir: input.corpusDir, catalogFile: input.catalogFile, cacheDir: path.join(input.indexDir, 'extracted') };
  const started = performance.now();
  const prepared = await prepareLibrary({ sources, indexDir: input.indexDir });
  const libraryMs = performance.now() - started;
  if (prepared.parsedBecause) throw new Error(`语料快照未能使用：${prepared.parsedBecause}`);
  const { library } = prepared;
  const reuseStarted = performance.now();
  const traced = reuseOf(library);
  const reuse = { ms: performance.now() - reuseStarted, docs: traced.docs.length, compared: traced.docs.reduce((n, d) => n + d.clauses.length, 0) };
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
  const miniStarted = performance.now();
  const mini = input.mini ? miniBaseline(texts) : null;
  const miniBuildMs = mini ? performance.now() - miniStarted : Number.NaN;
  const sqlite = sqliteBaseline(texts);

  const queries = QUERY_MIX.map(({ q, kind }) => ({ q, kind, parsed: parseQuery(q) }));
  const mismatches: string[] = [];
  const hits: number[] = [];
  for (const { q, parsed } of queries) {
    const all = searcher.search({ query: parsed, limit: index.entries.length, offset: 0 });
    const engineSet = all.hits.map((h) => index.byId.get(h.entry.clause.id) as number).sort((a, b) => a - b);
    const scanned = scanMatches(texts, parsed);
    hits.push(all.total);
    if (!same(engineSet, scanned)) mismatches.push(`${q}：索引与扫描命中不同`);
    const page = searcher.search({ query: parsed, limit: input.take, offset: 0 }).hits.map((h) => h.entry.clause.id);
    if (!same(page as never, scanSearch(index.entries, texts, parsed, input.take).top as never)) mismatches.push(`${q}：首页排序与扫描不同`);
    if (mini && mini.search(parsed, input.take).total !== all.total) mismatches.push(`${q}：MiniSearch 命中数不同`);
    const sqliteSet = [...sqlite.search(parsed, index.entries.length).numbers].sort((a, b) => a - b);
    if (!same(sqliteSet, scanned)) mismatches.push(`${q}：SQLite FTS5 命中与扫描不同（${sqliteSet.length} / ${scanned.length}）`);
  }

  type Query = (typeof queries)[number];
  const runs: Partial<Record<Peer, (p: Query) => unknown>> = {
    engine: (p) => searcher.search({ query: p.parsed, limit: input.take, offset: 0 }),
    api: (p) => presentSearch({ library, params: { query: p.parsed, expansions: [], filters: { docs: [], levels: [] }, limit: input.take, offset: 0 }, outcome: searcher.search({ query: p.parsed, limit: input.take, offset: 0 }) }),
    scan: (p) => scanSearch(index.entries, texts, p.parsed, input.take),
    ...(mini ? { mini: (p: Query) => mini.search(p.parsed, input.take) } : {}),
    sqlite: (p) => sqlite.search(p.parsed, input.take),
  };
  const peers = Object.keys(runs) as Peer[];
  const all: Peer[] = ['engine', 'api', 'scan', 'mini', 'sqlite'];
  const samples = Object.fromEntries(all.map((p) => [p, [] as number[]])) as Record<Peer, number[]>;
  const perQuery = queries.map(() => Object.fromEntries(all.map((p) => [p, [] as number[]])) as Record<Peer, number[]>);
  // Each peer runs all its rounds in one block, after a warm-up and a full collection: run in
  // turn query by query, each paid for the others' garbage and evicted caches (the scan reads
  // every text), which no server running one engine would see. The engine alone measured 2.5×
  // faster at p50 than interleaved at ×70.
  for (const name of peers) {
    const run = runs[name] as (p: Query) => unknown;
    for (const p of queries) run(p);
    gc();
    for (let round = 0; round < input.rounds; round++) {
      queries.forEach((p, i) => {
        const took = time(() => run(p));
        samples[name].push(took);
        perQuery[i]?.[name].push(took);
      });
    }
  }
  const profile = await profileOf(() => {
    for (let round = 0; round < input.rounds; round++) for (const p of queries) runs.engine?.(p);
  });
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const ofKind = (kind: QueryKind, peer: Peer) => summarize(queries.flatMap((q, i) => (q.kind === kind ? (perQuery[i]?.[peer] ?? []) : [])));
  return {
    documents: library.documents.length,
    clauses: index.entries.length,
    chars: texts.reduce((n, t) => n + t.length, 0),
    libraryMs,
    indexLoadMs: median(loads),
    heapAfterLoad,
    rssAfterLoad,
    miniBuildMs,
    sqliteBuildMs: sqlite.buildMs,
    sqliteBytes: sqlite.bytes,
    latency: Object.fromEntries(all.map((p) => [p, summarize(samples[p])])) as Record<Peer, Latency>,
    perKind: kinds.map((kind) => ({ kind, engine: ofKind(kind, 'engine'), sqlite: ofKind(kind, 'sqlite'), scan: ofKind(kind, 'scan') })),
    perQuery: queries.map((p, i) => ({
      q: p.q,
      kind: p.kind,
      hits: hits[i] as number,
      engine: median(perQuery[i]?.engine ?? []),
      scan: median(perQuery[i]?.scan ?? []),
      mini: median(perQuery[i]?.mini ?? []),
      sqlite: median(perQuery[i]?.sqlite ?? []),
    })),
    mismatches,
    queryHotspots: hotspots(profile),
    reuse,
  };
}

const input = JSON.parse(process.argv[2] ?? '{}') as MeasureInput;
process.stdout.write(`${JSON.stringify(await measure(input))}\n`);
