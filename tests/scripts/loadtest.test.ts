// The load test (scripts/loadtest.ts): its request mix is read from the real corpus the server
// serves and covers every route kind evenly; its memory-growth and verdict rules fail when they
// should; one short real run against the real server has no errors, no 5xx and no non-2xx, and
// writes the report with its structure; and one short run under the hostile mix (--hostile)
// runs every attack and reports it apart from the normal traffic.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { QUERY_MIX } from '../../scripts/bench/queries.js';
import { buildMix, evenly, fetchCorpusIds, ROUTE_KINDS, ROUTES, type CorpusIds, type MixEntry } from '../../scripts/loadtest/mix.js';
import { BURST_QUERY, countResponses, expensivePaths, HOSTILE_DEFAULTS, LONG_OR_QUERY, pipelinedBurst } from '../../scripts/loadtest/hostile.js';
import { jsonPathFor, renderMarkdown, type LoadReport } from '../../scripts/loadtest/report.js';
import { checks, errorRate, failures, LIMITS, memoryFigures, slope, type LoadFigures, type RssSample } from '../../scripts/loadtest/verdict.js';
import { parseQuery } from '../../src/search/query.js';
import { realApp, realLibrary, tempDir } from '../helpers.js';

const MB = 1024 * 1024;

/** `npm run loadtest` in a child process: 1 s warm-up, 5 connections, a fresh index in `dir`. */
function runLoadtest(dir: string, out: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'loadtest.ts'), ...args, '--warmup', '1', '--connections', '5', '--out', out, '--index-dir', path.join(dir, 'index')], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
}

describe('request mix from the served corpus', () => {
  let close: () => Promise<void>;
  let url = '';
  let ids: CorpusIds;
  let mix: MixEntry[];

  beforeAll(async () => {
    const server = realApp().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    ids = await fetchCorpusIds(url);
    mix = buildMix(ids);
  });
  afterAll(async () => close());

  it('reads every document, clause and theme the server serves', () => {
    const library = realLibrary();
    expect(ids.docs).toEqual(library.documents.map((d) => d.id));
    expect(ids.clauses).toHaveLength(library.clauseCount);
    expect(new Set(ids.clauses)).toEqual(new Set(library.documents.flatMap((d) => library.clausesOf(d.id).map((c) => c.id))));
    expect(new Set(ids.themes)).toEqual(new Set(library.enrichment.taxonomy.themes.map((t) => t.id)));
    expect(ids.indicators.length).toBeGreaterThan(0);
  });

  it('covers every route kind and route, and every id of the corpus on its routes', () => {
    expect(new Set(mix.map((e) => e.kind))).toEqual(new Set(ROUTE_KINDS));
    expect(new Set(mix.map((e) => e.route))).toEqual(new Set(Object.values(ROUTES).flat()));
    const paths = new Set(mix.map((e) => e.path));
    const enc = encodeURIComponent;
    for (const id of ids.docs) for (const p of [`/docs/${enc(id)}`, `/api/docs/${enc(id)}`]) expect(paths.has(p), p).toBe(true);
    for (const id of ids.clauses) for (const p of [`/c/${enc(id)}`, `/api/clauses/${enc(id)}`]) expect(paths.has(p), p).toBe(true);
    for (const id of ids.themes) for (const p of [`/themes/${enc(id)}`, `/api/themes/${enc(id)}`, `/compare?theme=${enc(id)}`]) expect(paths.has(p), p).toBe(true);
    for (const id of ids.indicators) expect(paths.has(`/targets/${enc(id)}`)).toBe(true);
    expect(paths.has('/targets')).toBe(true);
    for (const { q } of QUERY_MIX) for (const p of [`/search?q=${enc(q)}`, `/api/search?q=${enc(q)}`]) expect(paths.has(p), p).toBe(true);
  });

  it('gives every kind an equal, evenly interleaved share, the same way every time', () => {
    const k = ROUTE_KINDS.length;
    expect(mix.length % k).toBe(0);
    for (let i = 0; i < mix.length; i += k) expect(mix.slice(i, i + k).map((e) => e.kind)).toEqual([...ROUTE_KINDS]);
    // A kind's page and its API alternate item by item.
    const clauses = mix.filter((e) => e.kind === 'clause');
    expect(clauses.slice(0, 4).map((e) => e.route)).toEqual(['/c/:id', '/api/clauses/:id', '/c/:id', '/api/clauses/:id']);
    // The longest kind (clauses, page and API) is listed exactly once.
    expect(clauses).toHaveLength(2 * ids.clauses.length);
    expect(buildMix(ids)).toEqual(mix);
  });

  it('answers 200 on every route of the mix (a sample of paths from each route)', async () => {
    const sample = [...ROUTE_KINDS.flatMap((kind) => ROUTES[kind].flatMap((route) => mix.filter((e) => e.route === route).slice(0, 3))), ...evenly(mix, 120)];
    const bad: string[] = [];
    for (const e of sample) {
      const res = await fetch(`${url}${e.path}`);
      await res.arrayBuffer();
      if (res.status !== 200) bad.push(`${res.status} ${e.path}`);
    }
    expect(bad).toEqual([]);
  }, 120_000);

  it('hostile mix: every expensive path is a valid request that answers 200 when alone', async () => {
    const paths = expensivePaths(ids.docs);
    for (const route of ['/search?', '/api/search?', '/compare?', '/compare.csv?', '/targets.csv', '/docs/'])
      expect(
        paths.some((p) => p.startsWith(route)),
        route,
      ).toBe(true);
    // The longest OR query the parser takes: 20 terms, not one more.
    expect(LONG_OR_QUERY.split('|')).toHaveLength(20);
    expect(() => parseQuery(LONG_OR_QUERY)).not.toThrow();
    expect(() => parseQuery(`${LONG_OR_QUERY}|气`)).toThrow(/检索词过多/u);
    for (const p of paths) {
      const res = await fetch(`${url}${p}`);
      await res.arrayBuffer();
      expect(res.status, p).toBe(200);
    }
  }, 120_000);

  it('samples large kinds evenly and refuses a kind with nothing to request', () => {
    expect(evenly([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
    expect(evenly([1, 2], 5)).toEqual([1, 2]);
    const capped = buildMix(ids, { maxItems: 50 });
    const clausePages = capped.filter((e) => e.route === '/c/:id').map((e) => e.path);
    expect(clausePages).toHaveLength(50);
    expect(clausePages[0]).toBe(`/c/${encodeURIComponent(ids.clauses[0] as string)}`);
    expect(() => buildMix({ ...ids, indicators: [] })).toThrow(/targets/u);
    expect(() => buildMix(ids, { queries: [] })).toThrow(/search/u);
  });
});

describe('hostile mix', () => {
  it('writes a burst of pipelined GETs in one buffer, and counts the answers a socket got', () => {
    const bytes = pipelinedBurst({ host: '127.0.0.1:1', path: `/compare?q=${encodeURIComponent(BURST_QUERY)}`, count: HOSTILE_DEFAULTS.burstRequests }).toString('latin1');
    const requests = bytes.split('\r\n\r\n').filter(Boolean);
    expect(requests).toHaveLength(300);
    expect(requests[0]).toBe('GET /compare?q=%E7%9A%84%7C%E5%B9%B4%7C%E5%92%8C%7C%E5%9C%A8%7C%E5%8F%91 HTTP/1.1\r\nHost: 127.0.0.1:1');
    expect(pipelinedBurst({ host: 'h', path: '/', count: 1, forwardedFor: '203.0.113.66' }).toString()).toBe('GET / HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: 203.0.113.66\r\n\r\n');
    expect(countResponses('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 503 Service Unavailable\r\n\r\nHTTP/1.1 2')).toBe(2);
    expect(countResponses('')).toBe(0);
  });

  const memory = memoryFigures(
    [
      { t: 0, rss: 100 * MB },
      { t: 1, rss: 101 * MB },
    ],
    0,
  );
  const health = { probes: 100, failed: 0, p99: 40, max: 90 };
  const attacked: LoadFigures = { requests: 1000, errors: 0, timeouts: 0, non2xx: 5, status5xx: 5, memory, hostile: { status503: 5, health } };
  const failedUnderAttack = (f: LoadFigures) =>
    checks(f)
      .filter((c) => !c.pass)
      .map((c) => c.name);

  it('under attack, a few 503s of the normal traffic pass; an error rate, other 5xx or a slow /healthz fail', () => {
    expect(failedUnderAttack(attacked)).toEqual([]);
    expect(checks(attacked).map((c) => c.name)).toEqual([
      'requests completed',
      'errors (connection errors + timeouts)',
      '5xx responses other than 503',
      'normal traffic error rate under attack',
      '/healthz probes failed',
      '/healthz p99 under attack',
      '/healthz max under attack',
      'RSS growth after 0 s warm-up',
    ]);
    expect(errorRate({ requests: 1000, errors: 0, non2xx: 5 })).toBe(0.005);
    expect(errorRate({ requests: 90, errors: 10, non2xx: 0 })).toBe(0.1);
    expect(failedUnderAttack({ ...attacked, non2xx: 20, status5xx: 20, hostile: { status503: 20, health } })).toEqual(['normal traffic error rate under attack']);
    expect(failedUnderAttack({ ...attacked, status5xx: 6 })).toEqual(['5xx responses other than 503']);
    expect(failedUnderAttack({ ...attacked, hostile: { status503: 5, health: { ...health, failed: 1 } } })).toEqual(['/healthz probes failed']);
    expect(failedUnderAttack({ ...attacked, hostile: { status503: 5, health: { ...health, p99: LIMITS.healthP99Ms + 1 } } })).toEqual(['/healthz p99 under attack']);
    expect(failedUnderAttack({ ...attacked, hostile: { status503: 5, health: { ...health, max: 1500 } } })).toEqual(['/healthz max under attack']);
    // Without the attack, any non-2xx still fails, as before.
    expect(failedUnderAttack({ ...attacked, hostile: undefined })).toEqual(['5xx responses', 'non-2xx responses']);
  });
});

describe('memory growth after warm-up', () => {
  const series = (values: number[]): RssSample[] => values.map((mb, t) => ({ t, rss: mb * MB }));

  it('measures from the end of warm-up to the largest later sample', () => {
    // Growth during warm-up does not count; a spike after it does, even when memory falls back.
    const m = memoryFigures(series([100, 150, 180, 181, 200, 182, 181]), 2);
    expect(m.start).toBe(100 * MB);
    expect(m.afterWarmup).toBe(180 * MB);
    expect(m.maxAfterWarmup).toBe(200 * MB);
    expect(m.end).toBe(181 * MB);
    expect(m.growth).toBeCloseTo(20 / 180, 10);
    expect(m.endGrowth).toBeCloseTo(1 / 180, 10);
  });

  it('reports the trend after warm-up in bytes per minute', () => {
    // 1 MB more every second from the warm-up on: 60 MB a minute; the warm-up's climb is left out.
    const m = memoryFigures(series([50, 100, 101, 102, 103, 104]), 1);
    expect(m.trendPerMinute / MB).toBeCloseTo(60, 6);
    expect(slope([{ t: 1, rss: 5 }])).toBe(0);
  });

  it('takes the first sample at or after the warm-up time, and is 0 when memory only falls', () => {
    const samples = [
      { t: 0, rss: 100 * MB },
      { t: 0.99, rss: 120 * MB },
      { t: 1.002, rss: 150 * MB },
      { t: 2, rss: 140 * MB },
    ];
    const m = memoryFigures(samples, 1);
    expect(m.afterWarmup).toBe(150 * MB);
    expect(m.growth).toBe(0);
  });

  it('compares peaks: a garbage-collection saw that does not climb passes, peaks that climb fail', () => {
    // Warm-up 0–4 s: its second half peaks at 210 MB. The last warm-up sample (160) is a trough:
    // measured from it, the same run would read as 32% growth.
    const saw = memoryFigures(series([100, 200, 150, 210, 160, 205, 155, 212, 158]), 4);
    expect(saw.afterWarmup).toBe(210 * MB);
    expect(saw.growth).toBeCloseTo(2 / 210, 10);
    expect(checks({ requests: 1, errors: 0, timeouts: 0, non2xx: 0, status5xx: 0, memory: saw }).every((c) => c.pass)).toBe(true);
    const leak = memoryFigures(series([100, 200, 150, 210, 160, 225, 175, 240, 190]), 4);
    expect(leak.growth).toBeCloseTo(30 / 210, 10);
    expect(checks({ requests: 1, errors: 0, timeouts: 0, non2xx: 0, status5xx: 0, memory: leak }).some((c) => !c.pass)).toBe(true);
  });

  it('fails without a sample after the warm-up', () => {
    expect(() => memoryFigures(series([100, 110]), 5)).toThrow();
    expect(() => memoryFigures([], 0)).toThrow();
  });
});

describe('verdict', () => {
  const memory = (growth: number) => ({ warmupS: 10, start: 100 * MB, afterWarmup: 150 * MB, end: 150 * MB, maxAfterWarmup: 150 * MB * (1 + growth), growth, endGrowth: 0, trendPerMinute: 0 });
  const clean: LoadFigures = { requests: 1000, errors: 0, timeouts: 0, non2xx: 0, status5xx: 0, memory: memory(0.02) };
  const failed = (f: LoadFigures) =>
    checks(f)
      .filter((c) => !c.pass)
      .map((c) => c.name);

  it('passes a clean run', () => {
    expect(checks(clean).every((c) => c.pass)).toBe(true);
    expect(failures(checks(clean))).toEqual([]);
  });

  it('fails on each kind of trouble, naming the check', () => {
    expect(failed({ ...clean, errors: 1 })).toEqual(['errors (connection errors + timeouts)']);
    expect(failed({ ...clean, errors: 2, timeouts: 2 })).toEqual(['errors (connection errors + timeouts)']);
    expect(failed({ ...clean, non2xx: 3 })).toEqual(['non-2xx responses']);
    expect(failed({ ...clean, non2xx: 1, status5xx: 1 })).toEqual(['5xx responses', 'non-2xx responses']);
    expect(failed({ ...clean, requests: 0 })).toEqual(['requests completed']);
    expect(failed({ ...clean, memory: memory(0.11) })).toEqual(['RSS growth after 10 s warm-up']);
    expect(failed({ ...clean, memory: memory(LIMITS.rssGrowth) })).toEqual([]);
    expect(failures(checks({ ...clean, errors: 3, timeouts: 1 }))).toEqual(['FAIL errors (connection errors + timeouts): 3 (2 connection, 1 timeouts) (limit 0)']);
    expect(failures(checks({ ...clean, memory: memory(0.125) }))[0]).toMatch(/^FAIL RSS growth.*12\.5%.*≤ 10\.0%/u);
  });

  it('names the failed checks in the report', () => {
    const report = {
      ...sampleReport(),
      checks: checks({
        requests: 10,
        errors: 0,
        timeouts: 0,
        non2xx: 2,
        status5xx: 0,
        memory: memoryFigures(
          [
            { t: 0, rss: MB },
            { t: 1, rss: 2 * MB },
          ],
          0,
        ),
      }),
    };
    report.pass = report.checks.every((c) => c.pass);
    const md = renderMarkdown(report);
    expect(md).toContain('**Verdict: FAIL.** FAIL non-2xx responses: 2 (limit 0); FAIL RSS growth after 0 s warm-up: 100.0% (limit ≤ 10.0%)');
    expect(md).toContain('| non-2xx responses | 0 | 2 | **FAIL** |');
  });

  it('puts the JSON beside the Markdown', () => {
    expect(jsonPathFor('/tmp/x/loadtest.md')).toBe('/tmp/x/loadtest.json');
    expect(jsonPathFor('/tmp/x/report')).toBe('/tmp/x/report.json');
  });
});

describe('a short real run', () => {
  it('drives every route of the real server with no errors, no 5xx, no non-2xx, and writes the report', () => {
    const dir = tempDir();
    const out = path.join(dir, 'loadtest.md');
    const done = runLoadtest(dir, out, ['--duration', '3']);
    // Memory is still growing three seconds in, so the RSS check may fail here (exit 1, named on
    // stderr); every other check must pass, and the exit code must follow the verdict.
    expect([0, 1], `${done.stdout}\n${done.stderr}`).toContain(done.status);
    const report = JSON.parse(fs.readFileSync(jsonPathFor(out), 'utf8')) as LoadReport;
    expect(report.pass).toBe(done.status === 0);
    expect(report.overall.requests).toBeGreaterThan(0);
    expect(report.overall.errors).toBe(0);
    expect(report.overall.timeouts).toBe(0);
    expect(report.overall.status5xx).toBe(0);
    expect(report.overall.non2xx).toBe(0);
    expect(report.nonOkExamples).toEqual([]);
    expect(Object.keys(report.overall.statusCodes)).toEqual(['200']);
    expect(report.checks.filter((c) => !c.name.startsWith('RSS growth')).every((c) => c.pass)).toBe(true);
    expect(done.stderr.split('\n').filter((l) => l.startsWith('FAIL'))).toEqual(failures(report.checks));
    expect(report.options).toEqual({ duration: 3, connections: 5, warmup: 1, workers: 1, scale: 1, hostile: false, rateLimit: 0 });
    expect(report.attack).toBeNull();
    expect(report.health.probes).toBeGreaterThan(10);
    expect(report.health.failed).toBe(0);
    expect(report.overall.errorRate).toBe(0);
    expect(report.corpus).toMatchObject({ docs: 5, clauses: 572, themes: 66, queries: QUERY_MIX.length });
    expect(report.routes.map((r) => r.route)).toEqual(Object.values(ROUTES).flat());
    expect(report.routes.reduce((sum, r) => sum + r.requests, 0)).toBe(report.overall.requests);
    expect(report.routes.every((r) => Number.isFinite(r.aloneP50))).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual(['requests completed', 'errors (connection errors + timeouts)', '5xx responses', 'non-2xx responses', 'RSS growth after 1 s warm-up']);
    expect(report.memory.samples.length).toBeGreaterThanOrEqual(3);
    expect(report.memory.afterWarmup).toBeGreaterThan(0);
    expect(report.memory.maxAfterWarmup).toBeGreaterThanOrEqual(report.memory.afterWarmup);
    // The Markdown has the summary, per-route and checks tables, the command and the verdict.
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toBe(renderMarkdown(report));
    expect(md).toContain('| requests | req/s | p50 | p97.5 | p99 |');
    expect(md).toContain('| kind | route | requests |');
    expect(md).toContain('| check | limit | figure | result |');
    expect(md).toContain('npm run loadtest -- --duration 3 --connections 5 --warmup 1');
    expect(md).toContain(report.pass ? '**Verdict: pass.**' : '**Verdict: FAIL.**');
    expect(done.stdout).toContain('**Verdict: ');
    // The fresh index folder was built by the first start, so the measured server is a second one.
    expect(done.stdout).toContain('重启服务');
  }, 300_000);
});

describe('a short real run under attack (--hostile)', () => {
  it('runs the bursts, expensive requests and slow sockets beside the normal traffic, and reports what each met', () => {
    const dir = tempDir();
    const out = path.join(dir, 'hostile.md');
    const done = runLoadtest(dir, out, ['--duration', '4', '--hostile']);
    // The verdict depends on the protections in src/web and on the machine: only its consistency
    // with the exit code is checked here, and that every part of the attack ran and was counted.
    expect([0, 1], `${done.stdout}\n${done.stderr}`).toContain(done.status);
    const report = JSON.parse(fs.readFileSync(jsonPathFor(out), 'utf8')) as LoadReport;
    expect(report.pass).toBe(done.status === 0);
    expect(report.options).toMatchObject({ hostile: true, rateLimit: 0 });
    const attack = report.attack;
    if (!attack) throw new Error('no attack figures');
    expect(attack.bursts.bursts).toBeGreaterThan(0);
    expect(attack.bursts.requestsWritten).toBe(attack.bursts.bursts * HOSTILE_DEFAULTS.burstRequests);
    expect(attack.expensive.requests).toBeGreaterThan(0);
    expect(Object.values(attack.expensive.statusCodes).reduce((a, b) => a + b, 0) + attack.expensive.errors).toBe(attack.expensive.requests);
    expect(attack.slow.opened).toBeGreaterThanOrEqual(HOSTILE_DEFAULTS.slowSockets);
    expect(report.health.probes).toBeGreaterThan(10);
    // The attacker's refusals never count as the normal traffic's: only the autocannon mix is in overall.
    expect(report.routes.reduce((sum, r) => sum + r.requests, 0)).toBe(report.overall.requests);
    expect(report.overall.status5xx - (report.overall.statusCodes['503'] ?? 0)).toBe(0);
    expect(report.checks.map((c) => c.name)).toContain('/healthz p99 under attack');
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toBe(renderMarkdown(report));
    expect(md).toContain('# Load test under attack');
    expect(md).toContain('## Under attack');
    expect(md).toContain('| normal traffic: requests | error rate | 503 | 429 | p50 | p99 | /healthz probes | failed | p50 | p99 | max |');
    expect(md).toContain('--hostile');
  }, 300_000);
});

function sampleReport(): LoadReport {
  const samples = [
    { t: 0, rss: MB },
    { t: 1, rss: 2 * MB },
  ];
  return {
    command: 'npm run loadtest',
    date: '2026-11-21',
    machine: 'test',
    loadAverage: { before: 0.5, after: 1 },
    options: { duration: 2, connections: 1, warmup: 0, workers: 1, scale: 1, hostile: false, rateLimit: 0 },
    corpus: { docs: 1, clauses: 1, themes: 1, indicators: 1, queries: 1 },
    mix: { entries: 6, distinctPaths: 6 },
    overall: { requests: 10, requestsPerSecond: 5, errors: 0, connectionErrors: 0, timeouts: 0, non2xx: 2, status5xx: 0, statusCodes: { '200': 8, '404': 2 }, errorRate: 0.2, p50: 1, p97_5: 2, p99: 3, max: 4 },
    routes: [],
    health: { probes: 20, failed: 0, p50: 1, p97_5: 2, p99: 3, max: 4 },
    attack: null,
    memory: { ...memoryFigures(samples, 0), samples },
    nonOkExamples: [{ status: 404, path: '/docs/x' }],
    checks: [],
    pass: false,
  };
}
