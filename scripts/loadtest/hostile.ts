// The load test's hostile mix (`npm run loadtest -- --hostile`), run beside the normal traffic:
// the attacks of issue 16 as a hostile client makes them, each counted on its own so that what
// the server refuses the attacker (503 SERVER_BUSY, 429, closed sockets) never mixes with the
// normal traffic's errors.
// - pipelined bursts: raw TCP sockets writing hundreds of pipelined GETs of an expensive route in
//   one write, then closing after ~50 ms without reading;
// - expensive requests back to back: long OR queries, common single characters, /compare,
//   /compare.csv, /targets.csv and highlighted reader pages;
// - slow sockets: connections that send a request's headers one byte at a time.
// Also a /healthz prober, on a new connection each time, whose latency is what a load balancer
// sees; it runs in every load test, attacked or not.
import http from 'node:http';
import net from 'node:net';
import { latencyOf, type LatencyFigures } from '../bench/stats.js';

export const HOSTILE_DEFAULTS = {
  /** Pipelined requests written at once on one socket (issue 16: 300 × /compare). */
  burstRequests: 300,
  /** The burst's socket is closed this long after the write, without reading. */
  burstCloseMs: 50,
  /** Sockets sending bursts, one after another each. */
  bursters: 2,
  /** Pause between one socket's bursts. */
  burstPauseMs: 250,
  /** Connections sending expensive requests back to back. */
  expensiveConnections: 4,
  /** Connections sending headers one byte at a time. */
  slowSockets: 20,
  slowByteMs: 200,
  /** /healthz probes per second, each on a new connection. */
  probeIntervalMs: 100,
  /** A probe with no answer in this time counts as failed (a load balancer's usual timeout). */
  probeTimeoutMs: 5000,
  /** The attacker's address in X-Forwarded-For when the rate limiter is on (--rate-limit). */
  attackerAddress: '203.0.113.66',
} as const;

/** 的|年|和|在|发: five of the corpus's most common characters, as in issue 16's burst. */
export const BURST_QUERY = '的|年|和|在|发';
/** Twenty common characters ORed: the longest OR query the parser takes. */
export const LONG_OR_QUERY = '的|年|和|在|发|展|能|源|碳|推|进|建|设|加|强|业|产|区|市|化';

const enc = encodeURIComponent;

/** The expensive paths the attacker cycles through; a document page highlighted when there is one. */
export function expensivePaths(docIds: readonly string[]): string[] {
  const paths = [
    `/search?q=${enc(LONG_OR_QUERY)}`,
    `/api/search?q=${enc(LONG_OR_QUERY)}&limit=1000`,
    `/api/search?q=${enc('的')}&limit=1000`,
    `/search?q=${enc('年')}`,
    `/compare?q=${enc(BURST_QUERY)}`,
    `/compare.csv?q=${enc(BURST_QUERY)}`,
    '/targets.csv',
  ];
  const doc = docIds[0];
  if (doc !== undefined) paths.push(`/docs/${enc(doc)}?hl=${enc(BURST_QUERY)}`);
  return paths;
}

/** The bytes of `count` pipelined GETs of one path. */
export function pipelinedBurst(options: { host: string; path: string; count: number; forwardedFor?: string }): Buffer {
  const xff = options.forwardedFor ? `X-Forwarded-For: ${options.forwardedFor}\r\n` : '';
  const one = `GET ${options.path} HTTP/1.1\r\nHost: ${options.host}\r\n${xff}\r\n`;
  return Buffer.from(one.repeat(options.count));
}

/** Status lines in what a burst's socket received: the answers the server sent before it closed. */
export function countResponses(received: string): number {
  return received.match(/HTTP\/1\.1 \d{3} /gu)?.length ?? 0;
}

export interface BurstFigures {
  bursts: number;
  requestsWritten: number;
  /** Answers received before the socket closed (read, though the attacker would not). */
  responses: number;
  /** Bursts whose socket the server closed before the attacker did (the pipelining limit). */
  closedByServer: number;
  /** Connections refused or reset before the write. */
  connectErrors: number;
}

export interface ExpensiveFigures {
  requests: number;
  /** Answers by status code: 200, 429 (rate limit), 503 (admission), anything else. */
  statusCodes: Record<string, number>;
  /** Socket errors and timeouts. */
  errors: number;
  latency: LatencyFigures;
}

export interface SlowFigures {
  sockets: number;
  opened: number;
  /** Requests whose headers were all sent and that got an answer. */
  answered: number;
  /** Connections the server closed before the headers were complete (its headers timeout). */
  closedByServer: number;
  /** Longest a slow connection stayed open, in ms. */
  longestOpenMs: number;
}

export interface AttackFigures {
  bursts: BurstFigures;
  expensive: ExpensiveFigures;
  slow: SlowFigures;
}

export interface HealthFigures extends LatencyFigures {
  probes: number;
  /** Probes with no 200 within the timeout (errors, timeouts, other statuses). */
  failed: number;
}

interface Target {
  host: string;
  port: number;
}

const targetOf = (url: string): Target => {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port) };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One burst: connect, write every request at once, close after `closeMs` without answering. */
function burst(target: Target, payload: Buffer, closeMs: number, figures: BurstFigures): Promise<void> {
  return new Promise((resolve) => {
    let received = '';
    let closedByUs = false;
    const socket = net.connect(target.port, target.host, () => {
      figures.bursts++;
      socket.write(payload);
      setTimeout(() => {
        closedByUs = true;
        socket.destroy();
      }, closeMs);
    });
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (received += d));
    socket.on('error', () => {
      if (!socket.bytesWritten) figures.connectErrors++;
    });
    socket.on('close', () => {
      if (!closedByUs && socket.bytesWritten) figures.closedByServer++;
      figures.responses += countResponses(received);
      resolve();
    });
  });
}

/** GET on a connection of `agent`; the status, or 0 on an error or timeout. */
function request(options: { target: Target; path: string; agent: http.Agent | false; timeoutMs: number; headers?: Record<string, string> }): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: options.target.host, port: options.target.port, path: options.path, agent: options.agent, headers: options.headers, timeout: options.timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
  });
}

/** One slow connection: the request's bytes one at a time, then its answer; again until stopped. */
async function slowSocket(target: Target, running: () => boolean, figures: SlowFigures): Promise<void> {
  const text = Buffer.from(`GET /search?q=${enc('碳达峰')} HTTP/1.1\r\nHost: ${target.host}\r\nUser-Agent: slow-loadtest\r\nAccept: text/html\r\n\r\n`);
  while (running()) {
    await new Promise<void>((resolve) => {
      const opened = performance.now();
      let answered = false;
      let timer: NodeJS.Timeout | undefined;
      const socket = net.connect(target.port, target.host, () => {
        figures.opened++;
        let i = 0;
        const drip = () => {
          if (!running() || socket.destroyed) return socket.destroy();
          if (i >= text.length) return;
          socket.write(text.subarray(i, i + 1));
          i++;
          timer = setTimeout(drip, HOSTILE_DEFAULTS.slowByteMs);
        };
        drip();
      });
      socket.on('data', (d: Buffer) => {
        if (!answered && d.toString('latin1').startsWith('HTTP/1.1')) {
          answered = true;
          figures.answered++;
          socket.destroy();
        }
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(timer);
        if (!answered && running()) figures.closedByServer++;
        figures.longestOpenMs = Math.max(figures.longestOpenMs, performance.now() - opened);
        resolve();
      });
    });
  }
}

/**
 * Starts every attack against `url` and keeps it up until stop(), which waits for the last
 * requests and returns the figures.
 */
export function startAttack(options: { url: string; docIds: readonly string[]; forwardedFor?: string }): { stop(): Promise<AttackFigures> } {
  const target = targetOf(options.url);
  const d = HOSTILE_DEFAULTS;
  let running = true;
  const headers = options.forwardedFor ? { 'X-Forwarded-For': options.forwardedFor } : undefined;
  const bursts: BurstFigures = { bursts: 0, requestsWritten: 0, responses: 0, closedByServer: 0, connectErrors: 0 };
  const payload = pipelinedBurst({ host: `${target.host}:${target.port}`, path: `/compare?q=${enc(BURST_QUERY)}`, count: d.burstRequests, forwardedFor: options.forwardedFor });
  const burster = async () => {
    while (running) {
      await burst(target, payload, d.burstCloseMs, bursts);
      bursts.requestsWritten = bursts.bursts * d.burstRequests;
      await sleep(d.burstPauseMs);
    }
  };

  const paths = expensivePaths(options.docIds);
  const statusCodes: Record<string, number> = {};
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: d.expensiveConnections });
  const expensiveLoop = async () => {
    while (running) {
      const path = paths[next++ % paths.length] as string;
      const t = performance.now();
      const status = await request({ target, path, agent, timeoutMs: 30_000, headers });
      latencies.push(performance.now() - t);
      if (status === 0) errors++;
      else statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      // A refused client retries at once: the attacker ignores Retry-After.
      if (status === 0) await sleep(10);
    }
  };

  const slow: SlowFigures = { sockets: d.slowSockets, opened: 0, answered: 0, closedByServer: 0, longestOpenMs: 0 };
  const loops = [...Array.from({ length: d.bursters }, burster), ...Array.from({ length: d.expensiveConnections }, expensiveLoop), ...Array.from({ length: d.slowSockets }, () => slowSocket(target, () => running, slow))];
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return { bursts, expensive: { requests: latencies.length, statusCodes, errors, latency: latencyOf(latencies) }, slow };
    },
  };
}

/** Probes GET /healthz every `probeIntervalMs` on a new connection each, not waiting for the last. */
export function startHealthProbe(url: string): { stop(): Promise<HealthFigures> } {
  const target = targetOf(url);
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    const t = performance.now();
    pending.push(
      request({ target, path: '/healthz', agent: false, timeoutMs: HOSTILE_DEFAULTS.probeTimeoutMs }).then((status) => {
        // A failed probe counts at the timeout: what a load balancer waited before giving up.
        latencies.push(status === 200 ? performance.now() - t : Math.max(performance.now() - t, HOSTILE_DEFAULTS.probeTimeoutMs));
        if (status !== 200) failed++;
      }),
    );
  }, HOSTILE_DEFAULTS.probeIntervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return { probes: latencies.length, failed, ...latencyOf(latencies) };
    },
  };
}
