// bench/results.md from the measured figures: one column per scale, then each goal of issue 18
// marked met or not, with the figure and by how much it misses. Goals are reported, never
// asserted: a slow machine must not fail a build.
import { mb, ms, ratio } from './stats.js';
import type { MeasureOutput, Peer } from './measure.js';

/** A synthetic scale (×N the bundled corpus), or the 86 published PDFs. */
export type Scale = number | 'real';

export interface PageTime {
  path: string;
  /** Median server time of a few requests after one warm-up, measured at the client on loopback. */
  ms: number;
}

export interface ScaleResult {
  scale: Scale;
  /** Set on a column kept from an earlier run (--keep): the run that measured it. */
  measuredBy?: { command: string; date: string };
  corpusDir: string;
  /** `npm run index` wall time, from process start to exit (extraction of PDFs cached). */
  buildWallMs: number;
  /** Index build alone (segmentation, tokens, FlexSearch, related clauses), from the manifest. */
  buildIndexMs: number;
  /** Peak resident memory of `npm run index`. */
  buildPeakRss: number;
  /** Index data, library snapshot and manifest on disk. */
  indexBytes: number;
  /** Server spawn to first 200 from /healthz (the server listens once loaded), median of runs. */
  warmRestartMs: number;
  serverRssAfterLoad: number;
  serverRssAfterQueries: number;
  pages: PageTime[];
  measured: MeasureOutput;
}

export interface Goal {
  goal: string;
  /** The column the goal is for: ×70 and the PDFs (a 500-document library), or ×800. */
  scale: Scale;
  met: boolean | null;
  figure: string;
}

export const labelOf = (scale: Scale) => (scale === 'real' ? '86 PDF' : `${scale}×`);

/** Each goal of issue 18: for a 500-document library (×70 and the PDFs) and for the nation (×800). */
const TARGETS = {
  library: { startMs: 2000, rss: 500 * 1024 ** 2, buildMs: 60_000, buildRss: 2 * 1024 ** 3, p50: 0.5, p99: 10, scan: 20, pageMs: 50 },
  national: { startMs: 10_000, rss: 4 * 1024 ** 3, buildMs: 15 * 60_000, buildRss: 8 * 1024 ** 3, p50: 3, p99: 50, scan: 50, pageMs: 300 },
} as const;

const over = (value: number, limit: number) => (value <= limit ? '' : `（超出 ${ratio(value, limit)}）`);

/** Issue 20: exporting 1,000 hits takes under 2 s. */
const EXPORT_MS = 2000;
const isExport = (path: string) => path.startsWith('/references.') || path.includes('.xlsx');

function goalsAt(r: ScaleResult, t: (typeof TARGETS)[keyof typeof TARGETS]): Omit<Goal, 'scale'>[] {
  const l = r.measured.latency;
  const peer = (name: Peer) => l[name];
  const rss = Math.max(r.serverRssAfterLoad, r.serverRssAfterQueries);
  const pages = r.pages.filter((p) => !isExport(p.path));
  const exports = r.pages.filter((p) => isExport(p.path));
  const slowest = pages.reduce((a, p) => (p.ms > a.ms ? p : a), pages[0] ?? { path: '—', ms: Number.NaN });
  const slowestExport = exports.reduce((a, p) => (p.ms > a.ms ? p : a), exports[0] ?? { path: '—', ms: Number.NaN });
  return [
    { goal: `热启动到 /healthz ≤ ${ms(t.startMs)}`, met: r.warmRestartMs <= t.startMs, figure: `${ms(r.warmRestartMs)}${over(r.warmRestartMs, t.startMs)}` },
    { goal: `载入后服务 RSS ≤ ${mb(t.rss)}`, met: rss <= t.rss, figure: `${mb(r.serverRssAfterLoad)}，查询后 ${mb(r.serverRssAfterQueries)}${over(rss, t.rss)}` },
    { goal: `建索引（由已抽取文本）≤ ${ms(t.buildMs)}`, met: r.buildWallMs <= t.buildMs, figure: `${ms(r.buildWallMs)}${over(r.buildWallMs, t.buildMs)}` },
    { goal: `建索引峰值 RSS ≤ ${mb(t.buildRss)}`, met: r.buildPeakRss > 0 ? r.buildPeakRss <= t.buildRss : null, figure: r.buildPeakRss > 0 ? `${mb(r.buildPeakRss)}${over(r.buildPeakRss, t.buildRss)}` : '未测' },
    { goal: `检索 p50 ≤ ${ms(t.p50)}，p99 ≤ ${ms(t.p99)}`, met: l.engine.p50 <= t.p50 && l.engine.p99 <= t.p99, figure: `${ms(l.engine.p50)} / ${ms(l.engine.p99)}` },
    {
      goal: '快于 SQLite FTS5 trigram（p50 与 p99）',
      met: l.engine.p50 < peer('sqlite').p50 && l.engine.p99 < peer('sqlite').p99,
      figure: `p50 ${ratio(peer('sqlite').p50, l.engine.p50)}，p99 ${ratio(peer('sqlite').p99, l.engine.p99)}`,
    },
    { goal: `比字面扫描快 ≥ ${t.scan}×（p50）`, met: l.scan.p50 / l.engine.p50 >= t.scan, figure: ratio(l.scan.p50, l.engine.p50) },
    {
      goal: `页面 /themes /targets /compare /policies /docs ≤ ${ms(t.pageMs)}`,
      met: pages.length > 0 ? slowest.ms <= t.pageMs : null,
      figure: pages.length > 0 ? `最慢 ${slowest.path} ${ms(slowest.ms)}${over(slowest.ms, t.pageMs)}` : '未测',
    },
    {
      goal: `导出全部命中 ≤ ${ms(EXPORT_MS)}（RIS、Excel）`,
      met: exports.length > 0 ? slowestExport.ms <= EXPORT_MS : null,
      figure: exports.length > 0 ? `最慢 ${slowestExport.path} ${ms(slowestExport.ms)}${over(slowestExport.ms, EXPORT_MS)}` : '未测',
    },
    { goal: '答案与字面扫描完全一致', met: r.measured.mismatches.length === 0, figure: `${r.measured.mismatches.length} 处不同` },
  ];
}

/** Why a scale that was run has no results (its build or server failed), by scale. */
export type Failures = Partial<Record<Scale, string>>;

export function goals(results: ScaleResult[], failures: Failures = {}): Goal[] {
  const list: Goal[] = [];
  for (const scale of [70, 'real', 800] as Scale[]) {
    const r = results.find((x) => x.scale === scale);
    const targets = scale === 800 ? TARGETS.national : TARGETS.library;
    const failed = failures[scale];
    if (!r && failed) list.push({ goal: '全部目标', scale, met: false, figure: `未能完成：${failed}` });
    else if (!r) list.push({ goal: '全部目标', scale, met: null, figure: '未测（该规模未运行）' });
    else list.push(...goalsAt(r, targets).map((g) => ({ ...g, scale })));
  }
  const from = results.find((r) => r.scale === 100);
  const to = results.find((r) => r.scale === 800);
  if (from && to) {
    const growth = to.buildWallMs / from.buildWallMs / (to.measured.chars / from.measured.chars);
    list.push({ goal: '建索引每字符耗时 ×100 → ×800 ≤ 1.2×', scale: 800, met: growth <= 1.2, figure: growth.toFixed(2) });
  } else list.push({ goal: '建索引每字符耗时 ×100 → ×800 ≤ 1.2×', scale: 800, met: null, figure: '需要 ×100 与 ×800 两个规模' });
  list.push(...reuseGoals(results));
  return list;
}

/** Issue 21: reuse for the 86 PDFs and the bundled five in seconds, and near-linear up to ×100. */
const REUSE = { realMs: 10_000, growth: 1.5 } as const;
const perClause = (r: ScaleResult) => (r.measured.reuse ? r.measured.reuse.ms / Math.max(1, r.measured.reuse.compared) : Number.NaN);

function reuseGoals(results: ScaleResult[]): Goal[] {
  const real = results.find((r) => r.scale === 'real')?.measured.reuse;
  const withReuse = results.filter((r) => typeof r.scale === 'number' && r.measured.reuse && r.measured.reuse.compared > 0).sort((a, b) => scaleRank(a.scale) - scaleRank(b.scale));
  const [small, large] = [withReuse[0], withReuse.find((r) => r.scale === 100) ?? withReuse.at(-1)];
  const growth = small && large && small !== large ? perClause(large) / perClause(small) : null;
  return [
    { goal: `承接分析（86 份 PDF）≤ ${ms(REUSE.realMs)}`, scale: 'real', met: real ? real.ms <= REUSE.realMs : null, figure: real ? `${ms(real.ms)}，${real.docs} 份市县文件、${real.compared.toLocaleString('en')} 个条款` : '未测' },
    {
      goal: `承接分析每条耗时随规模增长 ≤ ${REUSE.growth}×（近线性）`,
      scale: 100,
      met: growth === null ? null : growth <= REUSE.growth,
      figure: growth === null || !small || !large ? '需要两个合成规模' : `${labelOf(small.scale)} → ${labelOf(large.scale)}：${growth.toFixed(2)}×`,
    },
  ];
}

function latencyRows(results: ScaleResult[], row: (label: string, f: (r: ScaleResult) => string) => string): string[] {
  const lat = (name: Peer) => (r: ScaleResult) => {
    const l = r.measured.latency[name];
    return `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
  };
  const times = (name: Peer) => (r: ScaleResult) => {
    const { engine } = r.measured.latency;
    const other = r.measured.latency[name];
    return `${ratio(other.p50, engine.p50)} / ${ratio(other.p99, engine.p99)} / ${ratio(other.mean, engine.mean)}`;
  };
  return [
    row('engine p50 / p95 / p99', lat('engine')),
    row('engine + snippets (API) p50 / p95 / p99', lat('api')),
    row('SQLite FTS5 trigram (+LIKE) p50 / p95 / p99', lat('sqlite')),
    row('literal scan p50 / p95 / p99', lat('scan')),
    row('MiniSearch (same tokens) p50 / p95 / p99', lat('mini')),
    row('SQLite ÷ engine (p50 / p99 / mean)', times('sqlite')),
    row('scan ÷ engine (p50 / p99 / mean)', times('scan')),
    row('MiniSearch ÷ engine (p50 / p99 / mean)', times('mini')),
  ];
}

export function renderMarkdown(options: { results: ScaleResult[]; command: string; machine: string; date: string; profile?: string[]; failures?: Failures; note?: string }): string {
  const { results } = options;
  const row = (label: string, f: (r: ScaleResult) => string) => `| ${label} | ${results.map(f).join(' | ')} |`;
  const kinds = [...new Set(results.flatMap((r) => r.measured.perKind.map((k) => k.kind)))];
  const paths = [...new Set(results.flatMap((r) => r.pages.map((p) => p.path)))];
  const lines = [
    `# Benchmark results`,
    '',
    `\`${options.command}\` · ${options.date} · ${options.machine}`,
    '',
    ...(options.note ? [options.note, ''] : []),
    `| | ${results.map((r) => labelOf(r.scale)).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    row('documents / clauses', (r) => `${r.measured.documents} / ${r.measured.clauses.toLocaleString('en')}`),
    row('normalised characters', (r) => `${(r.measured.chars / 1e6).toFixed(2)} M`),
    row('build: `npm run index` wall time', (r) => ms(r.buildWallMs)),
    row('build: index only (tokens, FlexSearch, related)', (r) => ms(r.buildIndexMs)),
    row('build: peak RSS', (r) => (r.buildPeakRss > 0 ? mb(r.buildPeakRss) : '—')),
    row('on disk: index data + library snapshot', (r) => mb(r.indexBytes)),
    row('load: library snapshot (no parsing)', (r) => ms(r.measured.libraryMs)),
    row('load: index from disk', (r) => ms(r.measured.indexLoadMs)),
    row('warm start to /healthz', (r) => ms(r.warmRestartMs)),
    row('server RSS after load / after queries', (r) => `${mb(r.serverRssAfterLoad)} / ${mb(r.serverRssAfterQueries)}`),
    ...latencyRows(results, row),
    row('SQLite FTS5 build (in memory) / size', (r) => `${ms(r.measured.sqliteBuildMs)} / ${mb(r.measured.sqliteBytes)}`),
    row('MiniSearch index build (in memory)', (r) => ms(r.measured.miniBuildMs)),
    row('reuse down the hierarchy: plans / clauses compared / time (per 1,000 clauses)', (r) =>
      r.measured.reuse ? `${r.measured.reuse.docs} / ${r.measured.reuse.compared.toLocaleString('en')} / ${ms(r.measured.reuse.ms)} (${ms(perClause(r) * 1000)})` : '—',
    ),
    row('queries whose answers differ', (r) => String(r.measured.mismatches.length)),
    '',
    'Latency is per query over the fixed mix in `scripts/bench/queries.ts` (first page of 20, ranked, with all five facets; every match counted). The engine, the literal scan (normalised text, then the same ranking), MiniSearch (fed the same analyzer tokens, verified literally) and SQLite FTS5 (trigram tokenizer, case-sensitive, MATCH for terms of 3+ characters and LIKE for shorter ones, every match returned) must find exactly the clauses the scan finds, or the run fails.',
    '',
    '## Engine and SQLite by kind of query (p50 / p99)',
    '',
    `| kind | ${results.map((r) => `${labelOf(r.scale)} engine | ${labelOf(r.scale)} SQLite`).join(' | ')} |`,
    `|---|${results.map(() => '---|---').join('|')}|`,
    ...kinds.map((kind) => {
      const cells = results.map((r) => {
        const k = r.measured.perKind.find((x) => x.kind === kind);
        return k ? `${ms(k.engine.p50)} / ${ms(k.engine.p99)} | ${ms(k.sqlite.p50)} / ${ms(k.sqlite.p99)}` : '— | —';
      });
      return `| ${kind} | ${cells.join(' | ')} |`;
    }),
    '',
    '## Page routes (one request over HTTP to a freshly started server: median of 12 after 3 unmeasured)',
    '',
    `| route | ${results.map((r) => labelOf(r.scale)).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    ...paths.map((p) => `| \`${p}\` | ${results.map((r) => ms(r.pages.find((x) => x.path === p)?.ms ?? Number.NaN)).join(' | ')} |`),
    '',
    '## Goals (issue 18)',
    '',
    '| scale | goal | met | figure |',
    '|---|---|---|---|',
    ...goals(results, options.failures).map((g) => `| ${labelOf(g.scale)} | ${g.goal} | ${g.met === null ? '—' : g.met ? 'yes' : '**no**'} | ${g.figure} |`),
    '',
    ...(options.profile?.length ? ['## Where the time goes', '', ...options.profile, ''] : []),
    'Throughput under HTTP load is measured separately by `npm run loadtest` (bench/loadtest.md).',
    '',
  ];
  return lines.join('\n');
}

/** What bench/results.json holds of a run. */
export interface SavedRun {
  command: string;
  machine: string;
  date: string;
  note?: string;
  results: ScaleResult[];
  failures?: Failures;
}

export const scaleRank = (scale: Scale) => (scale === 'real' ? Number.MAX_SAFE_INTEGER : scale);

/**
 * --keep: the scales of the last run that this run does not measure, so one scale can be
 * measured again without an hour at the others. Only from the same machine; the note says which
 * columns were kept and from which run.
 */
export function keptResults(options: { last: SavedRun | null; scales: Scale[]; machine: string }): { results: ScaleResult[]; failures: Failures; note: string; refused?: string } {
  const { last } = options;
  if (!last) return { results: [], failures: {}, note: '' };
  if (last.machine !== options.machine) return { results: [], failures: {}, note: '', refused: `上次结果来自另一台机器（${last.machine}），未沿用` };
  const running = options.scales.map(String);
  const results = last.results.filter((r) => !running.includes(String(r.scale)));
  const failures = Object.fromEntries(Object.entries(last.failures ?? {}).filter(([scale]) => !running.includes(scale))) as Failures;
  // Each kept column remembers the run that measured it, so a chain of --keep runs names each once.
  const kept = results.map((r) => ({ ...r, measuredBy: r.measuredBy ?? { command: last.command, date: last.date } }));
  const failed = Object.keys(failures).map((s) => ({ scale: (s === 'real' ? 'real' : Number(s)) as Scale, measuredBy: { command: last.command, date: last.date } }));
  const byRun = new Map<string, string[]>();
  for (const r of [...kept, ...failed]) {
    const key = `\`${r.measuredBy.command}\` of ${r.measuredBy.date}`;
    byRun.set(key, [...(byRun.get(key) ?? []), labelOf(r.scale)]);
  }
  const from = [...byRun].map(([run, names]) => `${names.join(', ')} from ${run}`).join('; ');
  const note = byRun.size ? `Columns kept from earlier runs: ${from}. Profiles are given for the scales measured in this run only.` : '';
  return { results: kept, failures, note };
}
