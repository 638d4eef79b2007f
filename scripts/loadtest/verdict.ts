// The load test's pass/fail rules: memory growth after warm-up from the server's RSS samples,
// and the checks a run must pass (no errors, no 5xx, no non-2xx, RSS growth within the limit;
// under --hostile, an error rate for the normal traffic and /healthz latency instead).
// Pure functions, so the rules are unit-tested without a server.

export const LIMITS = {
  /** Max RSS over the run after warm-up may exceed the peak RSS late in warm-up by this share. */
  rssGrowth: 0.1,
  /**
   * Under attack (--hostile): the share of the normal traffic's requests answered other than
   * 2xx (a 503 or 429 meant for the attacker included) or not at all.
   */
  hostileErrorRate: 0.01,
  /** /healthz under attack, from the separate prober (issue 16: within 100 ms; within 1 s during bursts). */
  healthP99Ms: 100,
  healthMaxMs: 1000,
} as const;

export interface RssSample {
  /** Seconds since the load started. */
  t: number;
  /** Resident set size of the server and all its processes, in bytes. */
  rss: number;
}

export interface MemoryFigures {
  warmupS: number;
  start: number;
  /**
   * The working size reached by the end of warm-up: the largest sample in its second half, up to
   * the first sample at or after the warm-up time. A peak, to compare with the peak after it:
   * RSS saws up and down with garbage collection, and one sample lands anywhere on the saw.
   */
  afterWarmup: number;
  end: number;
  /** The largest sample after the warm-up sample (the warm-up figure itself when there is none). */
  maxAfterWarmup: number;
  /** (maxAfterWarmup − afterWarmup) / afterWarmup: the figure the check uses. */
  growth: number;
  /** Informational: (end − afterWarmup) / afterWarmup. */
  endGrowth: number;
  /** Informational: least-squares trend of the samples from the warm-up sample on, in bytes per minute. */
  trendPerMinute: number;
}

/** Least-squares slope of rss over t, in bytes per second (0 with fewer than two distinct times). */
export function slope(samples: readonly RssSample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mt = samples.reduce((a, s) => a + s.t, 0) / n;
  const mr = samples.reduce((a, s) => a + s.rss, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.t - mt) * (s.rss - mr);
    den += (s.t - mt) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * Memory figures from RSS samples taken during the run. The warm-up sample is the first at or
 * after `warmupS`; growth is measured from the peak of the warm-up's second half (through that
 * sample) to the largest sample after it, so a leak shows as peaks that keep rising.
 */
export function memoryFigures(samples: readonly RssSample[], warmupS: number): MemoryFigures {
  const sorted = [...samples].sort((a, b) => a.t - b.t);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const at = sorted.findIndex((s) => s.t >= warmupS);
  if (!first || !last || at < 0) throw new Error(`没有预热结束（${warmupS} s）时或之后的内存样本`);
  const afterWarmup = Math.max(
    ...sorted
      .slice(0, at + 1)
      .filter((s, i) => i === at || s.t >= warmupS / 2)
      .map((s) => s.rss),
  );
  const maxAfterWarmup = Math.max(afterWarmup, ...sorted.slice(at + 1).map((s) => s.rss));
  return {
    warmupS,
    start: first.rss,
    afterWarmup,
    end: last.rss,
    maxAfterWarmup,
    growth: (maxAfterWarmup - afterWarmup) / afterWarmup,
    endGrowth: (last.rss - afterWarmup) / afterWarmup,
    trendPerMinute: slope(sorted.slice(at)) * 60,
  };
}

export interface LoadFigures {
  /** Completed requests. */
  requests: number;
  /** Connection errors and timeouts together (autocannon's `errors`). */
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
  memory: MemoryFigures;
  /** Set on a --hostile run: the checks are those of traffic under attack. */
  hostile?: {
    /** Normal-traffic answers with 503 (SERVER_BUSY from admission, the one 5xx allowed under attack). */
    status503: number;
    health: { probes: number; failed: number; p99: number; max: number };
  };
}

/** Share of requests answered other than 2xx or not at all (connection errors and timeouts). */
export function errorRate(f: { requests: number; errors: number; non2xx: number }): number {
  return (f.non2xx + f.errors) / Math.max(1, f.requests + f.errors);
}

export interface Check {
  name: string;
  limit: string;
  figure: string;
  pass: boolean;
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

const msFigure = (v: number) => `${v.toFixed(1)} ms`;

/**
 * Every check, in report order; a run passes when all pass. Under attack the normal traffic may
 * see a few 503s or 429s (the protections cannot always tell it from the attacker), so instead of
 * "no non-2xx" it must stay under an error rate, and /healthz must answer fast throughout.
 */
export function checks(f: LoadFigures): Check[] {
  const connectionErrors = f.errors - f.timeouts;
  const rss: Check = { name: `RSS growth after ${f.memory.warmupS} s warm-up`, limit: `≤ ${pct(LIMITS.rssGrowth)}`, figure: pct(f.memory.growth), pass: f.memory.growth <= LIMITS.rssGrowth };
  const common: Check[] = [
    { name: 'requests completed', limit: '> 0', figure: String(f.requests), pass: f.requests > 0 },
    { name: 'errors (connection errors + timeouts)', limit: '0', figure: `${f.errors} (${connectionErrors} connection, ${f.timeouts} timeouts)`, pass: f.errors === 0 },
  ];
  if (!f.hostile) {
    return [...common, { name: '5xx responses', limit: '0', figure: String(f.status5xx), pass: f.status5xx === 0 }, { name: 'non-2xx responses', limit: '0', figure: String(f.non2xx), pass: f.non2xx === 0 }, rss];
  }
  const { status503, health } = f.hostile;
  const rate = errorRate(f);
  return [
    ...common,
    { name: '5xx responses other than 503', limit: '0', figure: String(f.status5xx - status503), pass: f.status5xx - status503 === 0 },
    { name: 'normal traffic error rate under attack', limit: `≤ ${pct(LIMITS.hostileErrorRate)}`, figure: `${pct(rate)} (${f.non2xx} non-2xx, ${status503} of them 503)`, pass: rate <= LIMITS.hostileErrorRate },
    { name: '/healthz probes failed', limit: '0', figure: `${health.failed} of ${health.probes}`, pass: health.failed === 0 && health.probes > 0 },
    { name: '/healthz p99 under attack', limit: `≤ ${LIMITS.healthP99Ms} ms`, figure: msFigure(health.p99), pass: health.p99 <= LIMITS.healthP99Ms },
    { name: '/healthz max under attack', limit: `≤ ${LIMITS.healthMaxMs} ms`, figure: msFigure(health.max), pass: health.max <= LIMITS.healthMaxMs },
    rss,
  ];
}

/** One line per failed check, empty when the run passes. */
export function failures(list: readonly Check[]): string[] {
  return list.filter((c) => !c.pass).map((c) => `FAIL ${c.name}: ${c.figure} (limit ${c.limit})`);
}
