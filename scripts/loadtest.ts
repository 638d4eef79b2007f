// `npm run loadtest [-- --duration 60 --connections 50 --warmup 15 --workers 1 --scale 1
// --out bench/loadtest.md --hostile --rate-limit 0]`: starts the real server (rate limiter off
// unless --rate-limit), reads its corpus from the JSON API, and drives it with autocannon over a
// mix of search, document, theme, clause, compare and targets routes (scripts/loadtest/mix.ts),
// sampling its RSS every second and probing /healthz from a separate client. Fails (exit 1,
// naming the check) on any error or timeout, any 5xx, any non-2xx, or RSS growth over 10% after
// the warm-up. --hostile runs the attacks of scripts/loadtest/hostile.ts beside the normal
// traffic and checks its error rate and /healthz latency instead. Writes the report to --out
// (bench/loadtest.md, or bench/loadtest-hostile.md) and the figures as JSON beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS, PROJECT_ROOT } from '../src/config.js';
import { MANIFEST_NAME } from '../src/index/store.js';
import { QUERY_MIX } from './bench/queries.js';
import { scaleEnv, scalePaths } from './bench/scales.js';
import { rssOf, startServer } from './bench/server.js';
import { mb } from './bench/stats.js';
import { drive, serviceTimes } from './loadtest/drive.js';
import { HOSTILE_DEFAULTS, startAttack, startHealthProbe } from './loadtest/hostile.js';
import { buildMix, fetchCorpusIds } from './loadtest/mix.js';
import { buildReport, jsonPathFor, renderMarkdown } from './loadtest/report.js';
import { failures } from './loadtest/verdict.js';

const DEFAULT_OUT = path.join(PROJECT_ROOT, 'bench', 'loadtest.md');
const DEFAULT_HOSTILE_OUT = path.join(PROJECT_ROOT, 'bench', 'loadtest-hostile.md');

/**
 * With the rate limiter on, the normal traffic claims one of this many client addresses in turn
 * (X-Forwarded-For, TRUST_PROXY=1), so the limiter meets it as many ordinary clients and the
 * attacker as one.
 */
const NORMAL_CLIENTS = 1000;
const normalClient = (n: number) => `10.0.${Math.floor((n % NORMAL_CLIENTS) / 250)}.${(n % NORMAL_CLIENTS) % 250}`;

/** The index manifest's modification time, or null when there is none: it changes when a start rebuilds the index. */
function manifestTime(indexDir: string): number | null {
  try {
    return fs.statSync(path.join(indexDir, MANIFEST_NAME)).mtimeMs;
  } catch {
    return null;
  }
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
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '15' },
      workers: { type: 'string', default: '1' },
      scale: { type: 'string', default: '1' },
      out: { type: 'string' },
      'index-dir': { type: 'string' },
      hostile: { type: 'boolean', default: false },
      'rate-limit': { type: 'string', default: '0' },
    },
  });
  const duration = setting(values.duration, 'duration', [1, 3600]);
  const connections = setting(values.connections, 'connections', [1, 10_000]);
  const warmup = setting(values.warmup, 'warmup', [0, duration - 1]);
  const workers = setting(values.workers, 'workers', [1, DEFAULTS.maxWebConcurrency]);
  const scale = setting(values.scale, 'scale', [1, 1000]);
  const hostile = values.hostile === true;
  const rateLimit = setting(values['rate-limit'], 'rate-limit', [0, 1_000_000]);
  const out = values.out ? path.resolve(values.out) : hostile ? DEFAULT_HOSTILE_OUT : DEFAULT_OUT;
  const indexDir = values['index-dir'] ? path.resolve(values['index-dir']) : undefined;
  const paths = scalePaths(scale, indexDir);
  if (!fs.existsSync(paths.catalogFile)) {
    console.error(`没有 ×${scale} 语料：先运行 npm run bench -- --scale ${scale} 或 npm run scale-corpus -- --scale ${scale}`);
    process.exit(2);
  }
  const env: Record<string, string> = {
    ...scaleEnv(paths),
    WEB_CONCURRENCY: String(workers),
    // Load tests measure the engine, not the limiter, unless asked to meet it.
    RATE_LIMIT_PER_MINUTE: String(rateLimit),
    ...(rateLimit ? { TRUST_PROXY: '1' } : {}),
  };
  const command = [
    `npm run loadtest -- --duration ${duration} --connections ${connections} --warmup ${warmup} --workers ${workers} --scale ${scale}`,
    ...(values.out ? [`--out ${values.out}`] : []),
    ...(values['index-dir'] ? [`--index-dir ${values['index-dir']}`] : []),
    ...(hostile ? ['--hostile'] : []),
    ...(rateLimit ? [`--rate-limit ${rateLimit}`] : []),
  ].join(' ');
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model.trim() ?? 'cpu'} ×${cpus.length}, ${mb(os.totalmem())} RAM, ${os.platform()} ${os.release()}, Node ${process.versions.node}`;

  console.log(`启动服务（×${scale}，${workers} 个工作进程，${rateLimit ? `限流每分钟 ${rateLimit} 单位` : '限流关闭'}）…`);
  const before = manifestTime(paths.indexDir);
  let server = await startServer(env);
  if (manifestTime(paths.indexDir) !== before) {
    // This start built the index (jieba and the build's garbage in the heap): measure a server
    // that loaded it from disk, as every later start does.
    console.log('服务启动时重建了索引；重启服务，从磁盘载入索引后再测…');
    await server.stop();
    server = await startServer(env);
  }
  try {
    const pid = server.child.pid as number;
    const ids = await fetchCorpusIds(server.url);
    const queries = QUERY_MIX.map(({ q }) => q);
    const mix = buildMix(ids, { queries });
    console.log(`请求组合：${mix.length} 个请求（${ids.docs.length} 篇文件，${ids.clauses.length} 条条款，${ids.themes.length} 个主题，${ids.indicators.length} 个指标，${queries.length} 个检索式）`);
    console.log(`负载 ${duration} s，${connections} 个连接，预热 ${warmup} s${hostile ? '，同时发动攻击（流水线突发、高开销检索、慢速连接）' : ''} …`);
    const loadBefore = os.loadavg()[0] as number;
    const probe = startHealthProbe(server.url);
    const attack = hostile ? startAttack({ url: server.url, docIds: ids.docs, forwardedFor: rateLimit ? HOSTILE_DEFAULTS.attackerAddress : undefined }) : null;
    const run = await drive({
      url: server.url,
      mix,
      duration,
      connections,
      warmup,
      rss: () => {
        try {
          return rssOf(pid);
        } catch {
          return null;
        }
      },
      progress: (t, responses, rss) => console.log(`  ${t} s：${responses} 个响应，RSS ${rss === null ? '—' : mb(rss)}`),
      forwardedFor: rateLimit ? normalClient : undefined,
    });
    const attackFigures = attack ? await attack.stop() : null;
    const health = await probe.stop();
    const loadAfter = os.loadavg()[0] as number;
    const alone = await serviceTimes(server.url, mix);
    const report = buildReport({
      command,
      machine,
      date: new Date().toISOString().slice(0, 10),
      loadAverage: { before: loadBefore, after: loadAfter },
      options: { duration, connections, warmup, workers, scale, hostile, rateLimit },
      ids,
      queries: queries.length,
      mix,
      run,
      alone,
      health,
      attack: attackFigures,
    });
    const md = renderMarkdown(report);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, md);
    fs.writeFileSync(jsonPathFor(out), `${JSON.stringify(report, null, 1)}\n`);
    console.log(`\n${md}`);
    console.log(`写入 ${path.relative(process.cwd(), out) || out} 和 ${path.relative(process.cwd(), jsonPathFor(out))}`);
    for (const line of failures(report.checks)) console.error(line);
    if (!report.pass) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

try {
  await main();
} catch (err) {
  console.error(`FAIL load test did not complete: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
