// Drives the server with autocannon over the request mix for the whole run, while sampling the
// server's resident memory (all its processes) every second and at the end of warm-up. Each
// response is attributed to its route: setupRequest records the path in the connection's context,
// onResponse reads it back, and the instance's 'response' event that follows synchronously for
// the same connection carries the latency.
import autocannon from 'autocannon';
import type { MixEntry, RouteKind } from './mix.js';
import type { RssSample } from './verdict.js';

export interface RouteTally {
  kind: RouteKind;
  route: string;
  /** Response times in ms, every response (2xx or not). */
  latencies: number[];
  non2xx: number;
  status5xx: number;
}

export interface DriveResult {
  result: autocannon.Result;
  routes: RouteTally[];
  samples: RssSample[];
  /** The first few answers other than 2xx, to say which path failed. */
  nonOkExamples: { status: number; path: string }[];
}

interface Context {
  entry?: MixEntry;
}

export async function drive(options: {
  url: string;
  mix: readonly MixEntry[];
  duration: number;
  connections: number;
  warmup: number;
  /** Resident memory of the server's processes, or null when it cannot be read. */
  rss: () => number | null;
  /** Called about every 10 s with the seconds elapsed, responses so far and the last RSS. */
  progress?: (t: number, responses: number, rss: number | null) => void;
  /**
   * The client address the n-th request claims in X-Forwarded-For (with the server's TRUST_PROXY
   * set): spreads the normal traffic over many clients when the rate limiter is on.
   */
  forwardedFor?: (n: number) => string;
}): Promise<DriveResult> {
  const tallies = new Map<string, RouteTally>();
  for (const e of options.mix) if (!tallies.has(e.route)) tallies.set(e.route, { kind: e.kind, route: e.route, latencies: [], non2xx: 0, status5xx: 0 });
  const nonOkExamples: { status: number; path: string }[] = [];
  const samples: RssSample[] = [];
  let next = 0;
  let responses = 0;
  let answered: { entry: MixEntry; status: number } | null = null;

  const started = performance.now();
  const sample = () => {
    const rss = options.rss();
    if (rss !== null) samples.push({ t: (performance.now() - started) / 1000, rss });
    return rss;
  };
  sample();
  const ticker = setInterval(() => {
    const rss = sample();
    const t = Math.round((performance.now() - started) / 1000);
    if (t > 0 && t % 10 === 0) options.progress?.(t, responses, rss);
  }, 1000);
  const warmupTimer = setTimeout(sample, options.warmup * 1000);

  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: options.url,
          connections: options.connections,
          duration: options.duration,
          requests: [
            {
              setupRequest: (req: autocannon.Request, context: object) => {
                const entry = options.mix[next++ % options.mix.length] as MixEntry;
                (context as Context).entry = entry;
                req.path = entry.path;
                if (options.forwardedFor) req.headers = { ...req.headers, 'x-forwarded-for': options.forwardedFor(next) };
                return req;
              },
              onResponse: (status: number, _body: string, context: object) => {
                const entry = (context as Context).entry;
                answered = entry ? { entry, status } : null;
              },
            },
          ],
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        responses++;
        const done = answered;
        answered = null;
        if (!done) return;
        const tally = tallies.get(done.entry.route) as RouteTally;
        tally.latencies.push(responseTime);
        if (statusCode < 200 || statusCode >= 300) {
          tally.non2xx++;
          if (nonOkExamples.length < 10) nonOkExamples.push({ status: statusCode, path: done.entry.path });
        }
        if (statusCode >= 500) tally.status5xx++;
      });
    });
    sample();
    return { result, routes: [...tallies.values()], samples, nonOkExamples };
  } finally {
    clearInterval(ticker);
    clearTimeout(warmupTimer);
  }
}

/**
 * Service time per route without queueing: after the load, up to `perRoute` paths of each route
 * from the mix, one request at a time. Under load every route's latency is mostly the wait
 * behind other requests; this says which routes cost the server the most.
 */
export async function serviceTimes(url: string, mix: readonly MixEntry[], perRoute = 10): Promise<Map<string, number[]>> {
  const picked = new Map<string, MixEntry[]>();
  for (const e of mix) {
    const list = picked.get(e.route) ?? [];
    if (list.length < perRoute && !list.some((x) => x.path === e.path)) list.push(e);
    picked.set(e.route, list);
  }
  const times = new Map<string, number[]>();
  for (const [route, entries] of picked) {
    const list: number[] = [];
    for (const e of entries) {
      const t = performance.now();
      const res = await fetch(`${url}${e.path}`);
      await res.arrayBuffer();
      list.push(performance.now() - t);
    }
    times.set(route, list);
  }
  return times;
}
