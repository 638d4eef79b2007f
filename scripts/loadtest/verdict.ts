// The load test's pass/fail rules: memory growth after warm-up from the server's RSS samples,
// and the checks a run must pass (no errors, no 5xx, no non-2xx, RSS growth within the limit).
// Pure functions, so the rules are unit-tested without a server.

export const LIMITS = {
  /** Max RSS over the run after warm-up may exceed the peak RSS late in warm-up by this share. */
  rssGrowth: 0.1,
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
  const afterWarmup = Math.max(...sorted.slice(0, at + 1).filter((s, i) => i === at || s.t >= warmupS / 2).map((s) => s.rss));
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
}

export interface Check {
  name: string;
  limit: string;
  figure: string;
  pass: boolean;
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Every check, in report order; a run passes when all pass. */
export function checks(f: LoadFigures): Check[] {
  const connectionErrors = f.errors - f.timeouts;
  return [
    { name: 'requests completed', limit: '> 0', figure: String(f.requests), pass: f.requests > 0 },
    { name: 'errors (connection errors + timeouts)', limit: '0', figure: `${f.errors} (${connectionErrors} connection, ${f.timeouts} timeouts)`, pass: f.errors === 0 },
    { name: '5xx responses', limit: '0', figure: String(f.status5xx), pass: f.status5xx === 0 },
    { name: 'non-2xx responses', limit: '0', figure: String(f.non2xx), pass: f.non2xx === 0 },
    { name: `RSS growth after ${f.memory.warmupS} s warm-up`, limit: `≤ ${pct(LIMITS.rssGrowth)}`, figure: pct(f.memory.growth), pass: f.memory.growth <= LIMITS.rssGrowth },
  ];
}

/** One line per failed check, empty when the run passes. */
export function failures(list: readonly Check[]): string[] {
  return list.filter((c) => !c.pass).map((c) => `FAIL ${c.name}: ${c.figure} (limit ${c.limit})`);
}
