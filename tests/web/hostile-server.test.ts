// Issue 16's attacks on the web layer, against the real server in a child process: pipelined
// bursts on sockets that close, the expensive routes and the pages saturated while /healthz is
// probed, a full queue, slow-header sockets, 20,000 distinct clients through the rate limiter,
// and a forged Host header.
// /healthz latency is asserted as the issue asks (within 100 ms under saturation, within 1 s
// around bursts), but the load generators, the prober and the rest of the suite share this
// machine's cores with the server: 9 probes in 10 must make 100 ms, and every one 1 s. Before the
// admission lanes one probe in this test waited 3.7 s. The figures under a longer, mixed attack
// are npm run loadtest -- --hostile's (README, Hardening).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpus, copySavedIndex, startLoggedServer, type LoggedServer } from '../index/process-helpers.js';

let server: LoggedServer;
let port: number;

beforeAll(async () => {
  server = await startLoggedServer({ CORPUS_DIR: copyCorpus(), INDEX_DIR: copySavedIndex(), RATE_LIMIT_PER_MINUTE: '0' });
  port = Number(new URL(server.url).port);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/u.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** GET on a new connection; resolves with the status and the milliseconds it took. */
function timedGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout ${path}`)));
  });
}

function timedGetHeaders(port: number, path: string): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
      })
      .on('error', reject);
  });
}

/** One socket writing `count` pipelined requests for `path`, closed after `closeAfterMs`. */
function pipelinedBurst(path: string, count: number, closeAfterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`.repeat(count));
      setTimeout(() => socket.destroy(), closeAfterMs);
    });
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}

const COMPARE = `/compare?q=${encodeURIComponent('的|年|和|在|发')}`;

/** A prober for a child process: GET /healthz on a new connection every `every` ms for ms; prints statuses and latencies. */
const PROBE = `
const http = require('node:http');
const [port, every, ms] = process.argv.slice(1).map(Number);
const end = Date.now() + ms;
const seen = [];
const probe = () => {
  if (Date.now() > end) return process.stdout.write(JSON.stringify(seen));
  const t = performance.now();
  http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
    res.resume();
    res.on('end', () => { seen.push({ status: res.statusCode, ms: performance.now() - t }); setTimeout(probe, every); });
  }).on('error', () => { seen.push({ status: 0, ms: performance.now() - t }); setTimeout(probe, every); });
};
probe();
`;

/** Runs a script in another process (so this one's own work does not skew what it measures); resolves with its stdout. */
function runChild(script: string, args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once('exit', () => resolve(out)));
}

interface Probe {
  status: number;
  ms: number;
}

/** A load generator for a child process: N clients looping GET path for ms, printing status counts. */
const SATURATE = `
const http = require('node:http');
const [port, path, clients, ms] = process.argv.slice(1);
// Kept-alive connections: a new one per request would run out of local ports on a busy machine.
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(clients) });
const counts = {};
const end = Date.now() + Number(ms);
const loop = () => new Promise((resolve) => {
  const go = () => {
    if (Date.now() > end) return resolve();
    http.get({ host: '127.0.0.1', port: Number(port), path, agent }, (res) => {
      counts[res.statusCode] = (counts[res.statusCode] || 0) + 1;
      res.resume();
      res.on('end', go);
    }).on('error', () => { counts.error = (counts.error || 0) + 1; go(); });
  };
  go();
});
Promise.all(Array.from({ length: Number(clients) }, loop)).then(() => { agent.destroy(); process.stdout.write(JSON.stringify(counts)); });
`;

describe('the real server under hostile load', () => {
  it('pipelined bursts on sockets that close: /healthz answers within 1 s during and after, RSS stays within 100 MB', async () => {
    await timedGet(COMPARE);
    const before = rssMb(server.child.pid as number);
    const probing = runChild(PROBE, [String(port), '20', '2500']);
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all(Array.from({ length: 20 }, () => pipelinedBurst(COMPARE, 300, 50)));
    const during = JSON.parse(await probing) as Probe[];
    const after = await timedGet('/healthz');
    expect(during.length).toBeGreaterThan(1);
    expect(during.map((p) => p.status).filter((s) => s !== 200)).toEqual([]);
    expect(during.filter((p) => p.ms > 1000)).toEqual([]);
    expect(after.status).toBe(200);
    expect(after.ms).toBeLessThan(1000);
    expect(rssMb(server.child.pid as number) - before).toBeLessThan(100);
  }, 120_000);

  it('the expensive routes and the pages saturated by 80 clients: /healthz within 100 ms, and every request answered', async () => {
    const searches = runChild(SATURATE, [String(port), COMPARE, '40', '3500']);
    const pages = runChild(SATURATE, [String(port), '/docs/chengdu-carbon-peak-2024', '40', '3500']);
    await new Promise((r) => setTimeout(r, 500));
    const probes = JSON.parse(await runChild(PROBE, [String(port), '25', '2500'])) as Probe[];
    const counts = [JSON.parse(await searches), JSON.parse(await pages)] as Record<string, number>[];
    expect(probes.length).toBeGreaterThan(10);
    expect(probes.map((p) => p.status).filter((s) => s !== 200)).toEqual([]);
    const slow = probes.filter((p) => p.ms > 100);
    expect(slow.length, `probes over 100 ms: ${slow.map((p) => Math.round(p.ms)).join(', ')}`).toBeLessThanOrEqual(Math.floor(probes.length / 10));
    expect(probes.filter((p) => p.ms > 1000)).toEqual([]);
    // Within the default queue's length nothing is refused: the lanes only order the work.
    for (const c of counts) {
      expect(Object.keys(c)).toEqual(['200']);
      expect(c['200']).toBeGreaterThan(0);
    }
  }, 120_000);

  it('slow-header sockets are answered 408 and closed once the headers timeout passes', async () => {
    const started = performance.now();
    const outcome = await new Promise<{ answer: string; ms: number }>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      const request = 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(10_000);
      let i = 0;
      let answer = '';
      const drip = setInterval(() => socket.write(request[i++ % request.length] as string), 200);
      socket.on('data', (d: Buffer) => (answer += d.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(drip);
        resolve({ answer, ms: performance.now() - started });
      });
    });
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 408/u);
    // DEFAULTS.headersTimeoutMs (10 s), checked every second, not Node's default minute.
    expect(outcome.ms).toBeLessThan(20_000);
  }, 60_000);

  it('a forged Host header never reaches a citation, a reference or a download', async () => {
    const forged = { Host: 'cache-poison.example' };
    for (const path of ['/c/chengdu-carbon-peak-2024.part_1', '/api/clauses/chengdu-carbon-peak-2024.part_1', '/docs/chengdu-carbon-peak-2024', '/targets.csv', `/compare.csv?q=${encodeURIComponent('氢能')}`]) {
      const r = await timedGet(path, forged);
      expect(r.status, path).toBe(200);
      expect(r.body, path).not.toContain('cache-poison.example');
    }
  });
});

describe('a full admission queue', () => {
  let small: LoggedServer;
  let smallPort: number;

  beforeAll(async () => {
    small = await startLoggedServer({ CORPUS_DIR: copyCorpus(), INDEX_DIR: copySavedIndex(), RATE_LIMIT_PER_MINUTE: '0', ADMISSION_QUEUE: '4' });
    smallPort = Number(new URL(small.url).port);
  }, 120_000);

  afterAll(async () => {
    await small?.stop();
  });

  it('refuses expensive requests past the queue with 503 and Retry-After, and answers the rest', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, () => timedGetHeaders(smallPort, COMPARE)));
    const refused = answers.filter((a) => a.status === 503);
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(4);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.retryAfter).toMatch(/^\d+$/u);
    // Pages have their own lane: a refused search never costs a reader its page.
    expect((await timedGetHeaders(smallPort, '/docs/chengdu-carbon-peak-2024')).status).toBe(200);
  }, 120_000);
});

describe('the rate limiter with 20,000 distinct clients', () => {
  let limited: LoggedServer;
  let limitedPort: number;

  beforeAll(async () => {
    limited = await startLoggedServer({ CORPUS_DIR: copyCorpus(), INDEX_DIR: copySavedIndex(), RATE_LIMIT_PER_MINUTE: '600', TRUST_PROXY: '1', RATE_LIMIT_CLIENTS: '10000' });
    limitedPort = Number(new URL(limited.url).port);
  }, 120_000);

  afterAll(async () => {
    await limited?.stop();
  });

  it('request cost stays flat past 10,000 clients, and memory bounded', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const get = (ip: string) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        http
          .get({ host: '127.0.0.1', port: limitedPort, path: '/api/none', agent, headers: { 'X-Forwarded-For': ip } }, (res) => {
            res.resume();
            res.on('end', () => resolve(performance.now() - started));
          })
          .on('error', reject);
      });
    const batch = async (from: number, n: number) => {
      const times: number[] = [];
      for (let i = from; i < from + n; i += 8) times.push(...(await Promise.all(Array.from({ length: 8 }, (_, k) => get(`10.${(i + k) >> 16}.${((i + k) >> 8) & 255}.${(i + k) & 255}`)))));
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
    };
    const early = await batch(0, 2000);
    await batch(2000, 16_000);
    const before = rssMb(limited.child.pid as number);
    const late = await batch(18_000, 2000);
    agent.destroy();
    // Median per-request time with 18,000 clients seen is the same as with a few hundred.
    expect(late).toBeLessThan(early * 3 + 2);
    expect(rssMb(limited.child.pid as number) - before).toBeLessThan(100);
  }, 180_000);
});
