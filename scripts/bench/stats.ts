// Latency samples to percentiles, and the formatting every bench table uses.
export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  samples: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** The load test's latency figures: median, the tail and the worst. */
export interface LatencyFigures {
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
}

export function latencyOf(values: number[]): LatencyFigures {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p97_5: percentile(sorted, 97.5), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export function summarize(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? Number.NaN : sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean, samples: sorted.length };
}

export function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Milliseconds, readable from microseconds to minutes. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 1) return `${(value * 1000).toFixed(0)} µs`;
  if (value < 100) return `${value.toFixed(2)} ms`;
  if (value < 10_000) return `${value.toFixed(0)} ms`;
  return `${(value / 1000).toFixed(1)} s`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 0)} MB`;
}

export function ratio(a: number, b: number): string {
  // A peer left out of a run has no figures (NaN, or null once through JSON).
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(a / b)) return '—';
  return `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`;
}
