// `npm run loadtest [-- --duration 10 --connections 50 --workers 1 --scale 1]`: starts the real
// server (rate limiter off), then drives it with autocannon: /healthz first, as the ceiling of
// what the HTTP stack alone can do, then /api/search over the bench's query mix, in the same run
// on the same server. Reports throughput, latency, errors and non-2xx answers, and the ratio.
// Writes bench/loadtest.md and bench/loadtest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DEFAULTS, PROJECT_ROOT } from '../src/config.js';
import { QUERY_MIX } from './bench/queries.js';
import { scaleEnv, scalePaths } from './bench/scales.js';
import { rssOf, startServer } from './bench/server.js';
import { mb } from './bench/stats.js';

interface Phase {
  name: string;
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function drive(options: { url: string; paths: string[]; duration: number; connections: number; name: string }): Promise<Phase> {
  let next = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        setupRequest: (req: autocannon.Request) => {
          req.path = options.paths[next++ % options.paths.length] as string;
          return req;
        },
      },
    ],
  });
  return {
    name: options.name,
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

function setting(raw: string | undefined, name: string, range: [number, number]): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
    console.error(`--${name} ${raw}：应为 ${range[0]}–${range[1]} 的整数`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, workers: { type: 'string', default: '1' }, scale: { type: 'string', default: '1' } } });
  const duration = setting(values.duration, 'duration', [1, 3600]);
  const connections = setting(values.connections, 'connections', [1, 10_000]);
  const workers = setting(values.workers, 'workers', [1, DEFAULTS.maxWebConcurrency]);
  const scale = setting(values.scale, 'scale', [1, 1000]);
  const paths = scalePaths(scale);
  if (!fs.existsSync(paths.catalogFile)) {
    console.error(`没有 ×${scale} 语料：先运行 npm run bench -- --scale ${scale} 或 npm run scale-corpus -- --scale ${scale}`);
    process.exit(2);
  }
  const env: Record<string, string> = {
    ...scaleEnv(paths),
    WEB_CONCURRENCY: String(workers),
    // Load tests measure the engine, not the limiter.
    RATE_LIMIT_PER_MINUTE: '0',
  };
  console.log(`启动服务（×${scale}，${workers} 个工作进程，限流关闭）…`);
  const server = await startServer(env);
  try {
    const rssBefore = rssOf(server.child.pid as number);
    const health = await drive({ url: server.url, paths: ['/healthz'], duration, connections, name: '/healthz' });
    const searchPaths = QUERY_MIX.map(({ q }) => `/api/search?q=${encodeURIComponent(q)}`);
    const search = await drive({ url: server.url, paths: searchPaths, duration, connections, name: '/api/search' });
    const rssAfter = rssOf(server.child.pid as number);
    const ratio = search.requestsPerSecond / health.requestsPerSecond;
    const command = `npm run loadtest -- --duration ${duration} --connections ${connections} --workers ${workers} --scale ${scale}`;
    const machine = `${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, Node ${process.versions.node}`;
    const md = [
      '# Load test',
      '',
      `\`${command}\` · ${new Date().toISOString().slice(0, 10)} · ${machine} · autocannon in the same machine`,
      '',
      '| route | req/s | p50 | p99 | requests | errors | timeouts | non-2xx |',
      '|---|---|---|---|---|---|---|---|',
      ...[health, search].map((p) => `| ${p.name} | ${p.requestsPerSecond.toFixed(0)} | ${p.latencyP50} ms | ${p.latencyP99} ms | ${p.requests} | ${p.errors} | ${p.timeouts} | ${p.non2xx} |`),
      '',
      `/api/search keeps **${(ratio * 100).toFixed(0)}%** of /healthz throughput (goal ≥ 50%: ${ratio >= 0.5 ? 'met' : '**not met**'}). Server RSS ${mb(rssBefore)} before, ${mb(rssAfter)} after.`,
      '',
    ].join('\n');
    fs.mkdirSync(path.join(PROJECT_ROOT, 'bench'), { recursive: true });
    fs.writeFileSync(path.join(PROJECT_ROOT, 'bench', 'loadtest.md'), md);
    fs.writeFileSync(path.join(PROJECT_ROOT, 'bench', 'loadtest.json'), `${JSON.stringify({ command, machine, phases: [health, search], ratio, rssBefore, rssAfter }, null, 1)}\n`);
    console.log(`\n${md}`);
    if ([health, search].some((p) => p.errors > 0 || p.non2xx > 0)) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

await main();
