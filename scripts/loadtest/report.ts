// The load test's report: the figures of one run gathered into one object (written as JSON) and
// rendered as the Markdown table in bench/loadtest.md, with every check marked pass or FAIL;
// /healthz as a separate prober saw it, and under --hostile what the attack did and met.
import { latencyOf, mb, ms, type LatencyFigures } from '../bench/stats.js';
import { ROUTE_KINDS, type CorpusIds, type MixEntry } from './mix.js';
import type { DriveResult } from './drive.js';
import { BURST_QUERY, HOSTILE_DEFAULTS, type AttackFigures, type HealthFigures } from './hostile.js';
import { checks, errorRate, failures, memoryFigures, type Check, type MemoryFigures, type RssSample } from './verdict.js';

export interface RouteFigures extends LatencyFigures {
  kind: string;
  route: string;
  requests: number;
  non2xx: number;
  status5xx: number;
  /** Median and largest service time with no other request in flight (see serviceTimes). */
  aloneP50: number;
  aloneMax: number;
}

export interface LoadOptions {
  duration: number;
  connections: number;
  warmup: number;
  workers: number;
  scale: number;
  /** The hostile mix ran beside the normal traffic. */
  hostile: boolean;
  /** RATE_LIMIT_PER_MINUTE of the server (0: off). */
  rateLimit: number;
}

export interface LoadReport {
  command: string;
  date: string;
  machine: string;
  /** The machine's 1-minute load average when the load started and when it ended: others' work skews the figures. */
  loadAverage: { before: number; after: number };
  options: LoadOptions;
  corpus: { docs: number; clauses: number; themes: number; indicators: number; queries: number };
  mix: { entries: number; distinctPaths: number };
  overall: LatencyFigures & {
    requests: number;
    requestsPerSecond: number;
    errors: number;
    connectionErrors: number;
    timeouts: number;
    non2xx: number;
    status5xx: number;
    statusCodes: Record<string, number>;
    /** (non-2xx + errors) / (requests + errors). */
    errorRate: number;
  };
  routes: RouteFigures[];
  /** GET /healthz from a separate prober, a new connection every 100 ms, over the whole run. */
  health: HealthFigures;
  /** What the attacker sent and got, on a --hostile run. */
  attack: AttackFigures | null;
  memory: MemoryFigures & { samples: RssSample[] };
  nonOkExamples: { status: number; path: string }[];
  checks: Check[];
  pass: boolean;
}

/** The JSON figures go beside the Markdown report: x.md → x.json. */
export function jsonPathFor(out: string): string {
  return out.endsWith('.md') ? `${out.slice(0, -3)}.json` : `${out}.json`;
}

export function buildReport(input: {
  command: string;
  machine: string;
  date: string;
  loadAverage: { before: number; after: number };
  options: LoadOptions;
  ids: CorpusIds;
  queries: number;
  mix: readonly MixEntry[];
  run: DriveResult;
  alone: Map<string, number[]>;
  health: HealthFigures;
  attack: AttackFigures | null;
}): LoadReport {
  const { result, routes, samples, nonOkExamples } = input.run;
  const kindOrder = (k: string) => ROUTE_KINDS.indexOf(k as (typeof ROUTE_KINDS)[number]);
  const routeFigures: RouteFigures[] = routes
    .map((r) => {
      const alone = latencyOf(input.alone.get(r.route) ?? []);
      return { kind: r.kind, route: r.route, requests: r.latencies.length, non2xx: r.non2xx, status5xx: r.status5xx, ...latencyOf(r.latencies), aloneP50: alone.p50, aloneMax: alone.max };
    })
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  const memory = memoryFigures(samples, input.options.warmup);
  const overall = {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    errors: result.errors,
    connectionErrors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status5xx: result['5xx'],
    statusCodes,
    errorRate: errorRate({ requests: result.requests.total, errors: result.errors, non2xx: result.non2xx }),
    ...latencyOf(routes.flatMap((r) => r.latencies)),
  };
  const hostile = input.attack ? { status503: statusCodes['503'] ?? 0, health: input.health } : undefined;
  const list = checks({ requests: overall.requests, errors: overall.errors, timeouts: overall.timeouts, non2xx: overall.non2xx, status5xx: overall.status5xx, memory, hostile });
  return {
    command: input.command,
    date: input.date,
    machine: input.machine,
    loadAverage: input.loadAverage,
    options: input.options,
    corpus: { docs: input.ids.docs.length, clauses: input.ids.clauses.length, themes: input.ids.themes.length, indicators: input.ids.indicators.length, queries: input.queries },
    mix: { entries: input.mix.length, distinctPaths: new Set(input.mix.map((e) => e.path)).size },
    overall,
    routes: routeFigures,
    health: input.health,
    attack: input.attack,
    memory: { ...memory, samples },
    nonOkExamples,
    checks: list,
    pass: list.every((c) => c.pass),
  };
}

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;
const signedPct = (share: number) => `${signed(share * 100)}%`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const share = (n: number, total: number) => `${((n / Math.max(1, total)) * 100).toFixed(1)}%`;

const count = (codes: Record<string, number>) =>
  Object.entries(codes)
    .map(([code, n]) => `${code}: ${int(n)}`)
    .join(', ') || 'none';

/** The attack and what it met: the hostile section of the report. */
function attackLines(r: LoadReport): string[] {
  const a = r.attack;
  if (!a) return [];
  const o = r.overall;
  const d = HOSTILE_DEFAULTS;
  const e = a.expensive;
  return [
    '## Under attack',
    '',
    `For the whole run, beside the normal traffic, from its own sockets${r.options.rateLimit ? ` and its own client address (${d.attackerAddress}; the normal traffic is spread over 1,000 others)` : ''}:`,
    '',
    `- **pipelined bursts**: ${d.bursters} attackers side by side, each opening a socket, writing ${d.burstRequests} pipelined \`GET /compare?q=${BURST_QUERY}\` at once and closing it ${d.burstCloseMs} ms later without reading, again every ${d.burstPauseMs} ms: ${int(a.bursts.bursts)} bursts, ${int(a.bursts.requestsWritten)} requests written, ${int(a.bursts.responses)} answered before the close, ${int(a.bursts.closedByServer)} sockets closed by the server first, ${a.bursts.connectErrors} refused;`,
    `- **expensive requests** back to back on ${d.expensiveConnections} connections (20-term OR queries, 的 and 年 alone with limit=1000, /compare and /compare.csv of ${BURST_QUERY}, /targets.csv, a highlighted document): ${int(e.requests)} requests, ${count(e.statusCodes)}, ${e.errors} socket errors or timeouts; p50 ${ms(e.latency.p50)}, p99 ${ms(e.latency.p99)};`,
    `- **slow sockets**: ${a.slow.sockets} connections sending a request's headers one byte every ${d.slowByteMs} ms: ${int(a.slow.opened)} opened, ${int(a.slow.answered)} answered, ${int(a.slow.closedByServer)} closed by the server before the headers were complete, longest open ${ms(a.slow.longestOpenMs)}.`,
    '',
    'What the normal traffic and a load balancer saw meanwhile:',
    '',
    '| normal traffic: requests | error rate | 503 | 429 | p50 | p99 | /healthz probes | failed | p50 | p99 | max |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    `| ${int(o.requests)} | ${(o.errorRate * 100).toFixed(2)}% | ${int(o.statusCodes['503'] ?? 0)} | ${int(o.statusCodes['429'] ?? 0)} | ${ms(o.p50)} | ${ms(o.p99)} | ${int(r.health.probes)} | ${r.health.failed} | ${ms(r.health.p50)} | ${ms(r.health.p99)} | ${ms(r.health.max)} |`,
    '',
  ];
}

export function renderMarkdown(r: LoadReport): string {
  const o = r.overall;
  const m = r.memory;
  const every5 = m.samples.filter((s, i) => i === 0 || i === m.samples.length - 1 || Math.round(s.t) % 5 === 0);
  const seen = new Set<number>();
  const timeline = every5
    .filter((s) => {
      const key = Math.round(s.t);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((s) => `${Math.round(s.t)} s ${(s.rss / 1024 / 1024).toFixed(0)}`)
    .join(' · ');
  const failed = failures(r.checks);
  return [
    r.options.hostile ? '# Load test under attack' : '# Load test',
    '',
    `\`${r.command}\` · ${r.date} · ${r.machine} · load average ${r.loadAverage.before.toFixed(2)} at the start, ${r.loadAverage.after.toFixed(2)} at the end · autocannon on the same machine · server ×${r.options.scale}, ${r.options.workers} worker process${r.options.workers > 1 ? 'es' : ''}, rate limit ${r.options.rateLimit ? `${r.options.rateLimit} units/min per client` : 'off'}${r.options.hostile ? ' · **hostile mix beside the normal traffic**' : ''}`,
    '',
    `${r.options.duration} s at ${r.options.connections} connections over a mix of ${int(r.mix.entries)} requests (${int(r.mix.distinctPaths)} distinct paths) built from the served corpus (${r.corpus.docs} documents, ${int(r.corpus.clauses)} clauses, ${r.corpus.themes} themes, ${r.corpus.indicators} indicators) and the bench's ${r.corpus.queries} queries. The route kinds take turns (${ROUTE_KINDS.join(', ')}), so each gets an equal share; within a kind, the HTML page and its API alternate.`,
    '',
    '| requests | req/s | p50 | p97.5 | p99 | max | errors (connection / timeouts) | non-2xx | 5xx |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${int(o.requests)} | ${o.requestsPerSecond.toFixed(0)} | ${ms(o.p50)} | ${ms(o.p97_5)} | ${ms(o.p99)} | ${ms(o.max)} | ${o.errors} (${o.connectionErrors} / ${o.timeouts}) | ${o.non2xx} | ${o.status5xx} |`,
    '',
    'Per route, under load, and alone (the same paths one at a time after the load: the service time without waiting behind other requests):',
    '',
    '| kind | route | requests | share | p50 | p97.5 | p99 | non-2xx | 5xx | alone p50 / max |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.routes.map((x) => `| ${x.kind} | \`${x.route}\` | ${int(x.requests)} | ${share(x.requests, o.requests)} | ${ms(x.p50)} | ${ms(x.p97_5)} | ${ms(x.p99)} | ${x.non2xx} | ${x.status5xx} | ${ms(x.aloneP50)} / ${ms(x.aloneMax)} |`),
    '',
    `\`/healthz\` from a separate prober (a new connection every ${HOSTILE_DEFAULTS.probeIntervalMs} ms; a probe unanswered in ${HOSTILE_DEFAULTS.probeTimeoutMs / 1000} s fails and counts at that time): ${int(r.health.probes)} probes, ${r.health.failed} failed, p50 ${ms(r.health.p50)}, p99 ${ms(r.health.p99)}, max ${ms(r.health.max)}.`,
    '',
    ...attackLines(r),
    `Server RSS (all processes), sampled every second: start ${mb(m.start)}, after ${m.warmupS} s warm-up ${mb(m.afterWarmup)}, max after warm-up ${mb(m.maxAfterWarmup)}, end ${mb(m.end)}; growth ${(m.growth * 100).toFixed(1)}% (the check). For reading a leak apart from the heap settling: end vs after warm-up ${signedPct(m.endGrowth)}, trend after warm-up ${signed(m.trendPerMinute / 1024 / 1024)} MB/min.`,
    '',
    `RSS in MB: ${timeline}`,
    '',
    '| check | limit | figure | result |',
    '|---|---|---|---|',
    ...r.checks.map((c) => `| ${c.name} | ${c.limit} | ${c.figure} | ${c.pass ? 'pass' : '**FAIL**'} |`),
    '',
    r.pass ? '**Verdict: pass.**' : `**Verdict: FAIL.** ${failed.join('; ')}`,
    ...(r.nonOkExamples.length ? ['', 'First answers other than 2xx:', '', ...r.nonOkExamples.map((e) => `- ${e.status} \`${e.path}\``)] : []),
    '',
  ].join('\n');
}
