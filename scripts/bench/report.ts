// bench/results.md from the measured figures: one column per scale, then each goal of issue 6
// marked met or not. Goals are reported, never asserted: a slow machine must not fail a build.
import { mb, ms, ratio } from './stats.js';
import type { MeasureOutput } from './measure.js';

export interface ScaleResult {
  scale: number;
  corpusDir: string;
  /** `npm run index` wall time, from process start to exit. */
  buildWallMs: number;
  /** Index build alone (segmentation, tokens, FlexSearch, related clauses), from the manifest. */
  buildIndexMs: number;
  indexBytes: number;
  /** Server spawn to first 200 from /healthz, with a fresh persisted index (median of runs). */
  warmRestartMs: number;
  serverRssAfterLoad: number;
  serverRssAfterQueries: number;
  measured: MeasureOutput;
}

export interface Goal {
  goal: string;
  met: boolean | null;
  figure: string;
}

const at = (results: ScaleResult[], scale: number) => results.find((r) => r.scale === scale);

export function goals(results: ScaleResult[]): Goal[] {
  const one = at(results, 1);
  const hundred = at(results, 100);
  const list: Goal[] = [];
  const add = (goal: string, r: ScaleResult | undefined, test: (r: ScaleResult) => [boolean, string]) => {
    if (!r) list.push({ goal, met: null, figure: '未测（该规模未运行）' });
    else {
      const [met, figure] = test(r);
      list.push({ goal, met, figure });
    }
  };
  add('p50 ≤ 1 ms（1×）', one, (r) => [r.measured.latency.engine.p50 <= 1, ms(r.measured.latency.engine.p50)]);
  add('p99 ≤ 20 ms（100×）', hundred, (r) => [r.measured.latency.engine.p99 <= 20, ms(r.measured.latency.engine.p99)]);
  add('比字面扫描快 ≥ 50×（100×，p50）', hundred, (r) => {
    const x = r.measured.latency.scan.p50 / r.measured.latency.engine.p50;
    return [x >= 50, `${ratio(r.measured.latency.scan.p50, r.measured.latency.engine.p50)}（均值 ${ratio(r.measured.latency.scan.mean, r.measured.latency.engine.mean)}）`];
  });
  add('比 MiniSearch 快（100×，p50 与 p99）', hundred, (r) => {
    const { engine, mini } = r.measured.latency;
    return [engine.p50 < mini.p50 && engine.p99 < mini.p99, `p50 ${ratio(mini.p50, engine.p50)}，p99 ${ratio(mini.p99, engine.p99)}`];
  });
  const sorted = [...results].sort((a, b) => a.scale - b.scale);
  const first = sorted.find((r) => r.scale >= 10) ?? sorted[0];
  const last = sorted.at(-1);
  if (first && last && last.scale > first.scale) {
    const growth = (f: (r: ScaleResult) => number) => f(last) / f(first) / (last.measured.chars / first.measured.chars);
    const index = growth((r) => r.buildIndexMs);
    const wall = growth((r) => r.buildWallMs);
    list.push({
      goal: `建索引时间至多线性增长（${first.scale}× → ${last.scale}×）`,
      met: index <= 1.2 && wall <= 1.2,
      figure: `每字符耗时之比：索引 ${index.toFixed(2)}，整个 npm run index ${wall.toFixed(2)}（≤ 1.2 视为线性）`,
    });
  } else list.push({ goal: '建索引时间至多线性增长', met: null, figure: '需要至少两个规模' });
  add('服务 RSS ≤ 250 MB（1×）', one, (r) => [Math.max(r.serverRssAfterLoad, r.serverRssAfterQueries) <= 250 * 1024 * 1024, `${mb(r.serverRssAfterLoad)} / 查询后 ${mb(r.serverRssAfterQueries)}`]);
  add('服务 RSS ≤ 2 GB（100×）', hundred, (r) => [Math.max(r.serverRssAfterLoad, r.serverRssAfterQueries) <= 2 * 1024 ** 3, `${mb(r.serverRssAfterLoad)} / 查询后 ${mb(r.serverRssAfterQueries)}`]);
  add('热重启 1.5 s 内响应 /healthz（1×）', one, (r) => [r.warmRestartMs <= 1500, ms(r.warmRestartMs)]);
  return list;
}

export function renderMarkdown(options: { results: ScaleResult[]; command: string; machine: string; date: string }): string {
  const { results } = options;
  const row = (label: string, f: (r: ScaleResult) => string) => `| ${label} | ${results.map(f).join(' | ')} |`;
  const lat = (name: 'engine' | 'api' | 'scan' | 'mini') => (r: ScaleResult) => {
    const l = r.measured.latency[name];
    return `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
  };
  const lines = [
    `# Benchmark results`,
    '',
    `\`${options.command}\` · ${options.date} · ${options.machine}`,
    '',
    `| | ${results.map((r) => `${r.scale}×`).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    row('documents / clauses', (r) => `${r.measured.documents} / ${r.measured.clauses.toLocaleString('en')}`),
    row('normalised characters', (r) => `${(r.measured.chars / 1e6).toFixed(2)} M`),
    row('build: `npm run index` wall time', (r) => ms(r.buildWallMs)),
    row('build: index only (tokens, FlexSearch, related)', (r) => ms(r.buildIndexMs)),
    row('index size on disk', (r) => mb(r.indexBytes)),
    row('load: corpus + enrichment', (r) => ms(r.measured.libraryMs)),
    row('load: index from disk', (r) => ms(r.measured.indexLoadMs)),
    row('warm restart to /healthz', (r) => ms(r.warmRestartMs)),
    row('server RSS after load / after queries', (r) => `${mb(r.serverRssAfterLoad)} / ${mb(r.serverRssAfterQueries)}`),
    row('engine p50 / p95 / p99', lat('engine')),
    row('engine + snippets (API) p50 / p95 / p99', lat('api')),
    row('literal scan p50 / p95 / p99', lat('scan')),
    row('MiniSearch (same tokens) p50 / p95 / p99', lat('mini')),
    row(
      'scan ÷ engine (p50 / p99 / mean)',
      (r) => `${ratio(r.measured.latency.scan.p50, r.measured.latency.engine.p50)} / ${ratio(r.measured.latency.scan.p99, r.measured.latency.engine.p99)} / ${ratio(r.measured.latency.scan.mean, r.measured.latency.engine.mean)}`,
    ),
    row(
      'MiniSearch ÷ engine (p50 / p99 / mean)',
      (r) => `${ratio(r.measured.latency.mini.p50, r.measured.latency.engine.p50)} / ${ratio(r.measured.latency.mini.p99, r.measured.latency.engine.p99)} / ${ratio(r.measured.latency.mini.mean, r.measured.latency.engine.mean)}`,
    ),
    row('MiniSearch index build (in memory)', (r) => ms(r.measured.miniBuildMs)),
    row('queries whose answers differ', (r) => String(r.measured.mismatches.length)),
    '',
    'Latency is per query over the fixed mix in `scripts/bench/queries.ts` (first page of 20, ranked, with all five facets). The engine, the literal scan (normalised text, then the same ranking) and MiniSearch (fed the same analyzer tokens, verified literally, BM25 order) must find the same clauses, or the run fails.',
    '',
    '## Goals (issue 6)',
    '',
    '| goal | met | figure |',
    '|---|---|---|',
    ...goals(results).map((g) => `| ${g.goal} | ${g.met === null ? '—' : g.met ? 'yes' : '**no**'} | ${g.figure} |`),
    '',
    'Throughput under HTTP load is measured separately by `npm run loadtest` (bench/loadtest.md).',
    '',
  ];
  return lines.join('\n');
}
