// `npm run bench -- --scale 1,10,100 [--rounds 15]`: at each scale, builds the index as
// `npm run index` does, measures its size, restarts the real server on it (time to /healthz,
// resident memory), then times the fixed query mix in a fresh process against a literal scan
// and MiniSearch in the same run. Writes bench/results.md and bench/results.json.
// Synthetic corpora (scripts/scale-corpus.ts) are generated under .bench/ when missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config.js';
import { MANIFEST_NAME, readManifest } from '../src/index/store.js';
import type { MeasureInput, MeasureOutput } from './bench/measure.js';
import { QUERY_MIX } from './bench/queries.js';
import { goals, renderMarkdown, type ScaleResult } from './bench/report.js';
import { rssOf, startServer } from './bench/server.js';
import { BENCH_DIR, scaleEnv, scalePaths, type ScalePaths } from './bench/scales.js';
import { mb, median, ms } from './bench/stats.js';
import { writeScaleCorpus } from './scale-corpus.js';

const OUT_DIR = path.join(PROJECT_ROOT, 'bench');
const SEED = 1;

/** The scale's paths, generating its synthetic corpus when missing; the index is rebuilt in .bench/. */
function pathsFor(scale: number): ScalePaths {
  const paths = scalePaths(scale, path.join(BENCH_DIR, `index-x${scale}`));
  if (scale > 1 && !fs.existsSync(paths.catalogFile)) {
    console.log(`  生成 ×${scale} 合成语料 → ${path.relative(PROJECT_ROOT, paths.corpusDir)}`);
    writeScaleCorpus({ scale, seed: SEED, out: paths.corpusDir });
  }
  return paths;
}

/** Runs a TypeScript entry point in a fresh node process; throws with its output on failure. */
function runTs(options: { file: string; args?: string[]; env: Record<string, string>; nodeArgs?: string[] }): { stdout: string; ms: number } {
  const started = performance.now();
  const done = spawnSync(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.file, ...(options.args ?? [])], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const took = performance.now() - started;
  if (done.status !== 0) throw new Error(`${path.relative(PROJECT_ROOT, options.file)} 失败（${done.status ?? done.signal}）：\n${done.stderr}${done.stdout}`);
  return { stdout: done.stdout, ms: took };
}

async function serverFigures(env: Record<string, string>, restarts: number): Promise<{ warmRestartMs: number; rssAfterLoad: number; rssAfterQueries: number }> {
  const ready: number[] = [];
  let rssAfterLoad = 0;
  let rssAfterQueries = 0;
  for (let i = 0; i < restarts; i++) {
    const server = await startServer(env);
    try {
      ready.push(server.readyMs);
      if (i === restarts - 1) {
        rssAfterLoad = rssOf(server.child.pid as number);
        for (let round = 0; round < 3; round++) {
          for (const { q } of QUERY_MIX) {
            const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`);
            if (!res.ok) throw new Error(`/api/search?q=${q} → ${res.status}`);
            await res.arrayBuffer();
          }
        }
        rssAfterQueries = rssOf(server.child.pid as number);
      }
    } finally {
      await server.stop();
    }
  }
  return { warmRestartMs: median(ready), rssAfterLoad, rssAfterQueries };
}

async function benchScale(scale: number, rounds: number): Promise<ScaleResult> {
  console.log(`\n×${scale}`);
  const paths = pathsFor(scale);
  const { corpusDir, catalogFile, indexDir } = paths;
  fs.rmSync(indexDir, { recursive: true, force: true });
  const env = scaleEnv(paths);

  const build = runTs({ file: path.join(PROJECT_ROOT, 'src', 'cli', 'build-index.ts'), env });
  const manifest = readManifest(indexDir);
  if (!manifest) throw new Error(`建索引后没有清单：${indexDir}`);
  const indexBytes = fs.statSync(path.join(indexDir, manifest.dataFile)).size + fs.statSync(path.join(indexDir, MANIFEST_NAME)).size;
  console.log(`  建索引 ${ms(build.ms)}（索引本身 ${ms(manifest.buildMs)}），磁盘 ${mb(indexBytes)}`);

  const server = await serverFigures(env, scale <= 10 ? 3 : 1);
  console.log(`  热重启 ${ms(server.warmRestartMs)}，RSS ${mb(server.rssAfterLoad)} / 查询后 ${mb(server.rssAfterQueries)}`);

  const input: MeasureInput = { corpusDir, catalogFile, indexDir, rounds, take: 20 };
  const measuredRun = runTs({ file: path.join(PROJECT_ROOT, 'scripts', 'bench', 'measure.ts'), args: [JSON.stringify(input)], env: {}, nodeArgs: ['--expose-gc', '--max-old-space-size=16384'] });
  const measured = JSON.parse(measuredRun.stdout.trim().split('\n').at(-1) as string) as MeasureOutput;
  const { engine, scan, mini } = measured.latency;
  console.log(`  查询 p50/p99：索引 ${ms(engine.p50)}/${ms(engine.p99)}，扫描 ${ms(scan.p50)}/${ms(scan.p99)}，MiniSearch ${ms(mini.p50)}/${ms(mini.p99)}`);
  for (const m of measured.mismatches) console.log(`  不一致：${m}`);
  return {
    scale,
    corpusDir: path.relative(PROJECT_ROOT, corpusDir),
    buildWallMs: build.ms,
    buildIndexMs: manifest.buildMs,
    indexBytes,
    warmRestartMs: server.warmRestartMs,
    serverRssAfterLoad: server.rssAfterLoad,
    serverRssAfterQueries: server.rssAfterQueries,
    measured,
  };
}

function parseScales(text: string): number[] {
  const scales = text.split(',').map((s) => Number(s.trim()));
  if (scales.length === 0 || scales.some((s) => !Number.isInteger(s) || s < 1 || s > 1000)) {
    console.error(`--scale ${text}：应为逗号分隔的 1–1000 的整数，例如 1,10,100`);
    process.exit(2);
  }
  return [...new Set(scales)].sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, rounds: { type: 'string', default: '15' } } });
  const scales = parseScales(values.scale);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    console.error(`--rounds ${values.rounds}：应为正整数`);
    process.exit(2);
  }
  const results: ScaleResult[] = [];
  for (const scale of scales) results.push(await benchScale(scale, rounds));
  const command = `npm run bench -- --scale ${scales.join(',')}${rounds === 15 ? '' : ` --rounds ${rounds}`}`;
  const machine = `${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.versions.node}`;
  const date = new Date().toISOString().slice(0, 10);
  const markdown = renderMarkdown({ results, command, machine, date });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'results.md'), markdown);
  fs.writeFileSync(path.join(OUT_DIR, 'results.json'), `${JSON.stringify({ command, machine, date, queries: QUERY_MIX, results, goals: goals(results) }, null, 1)}\n`);
  console.log(`\n${markdown}`);
  console.log(`已写入 bench/results.md 与 bench/results.json`);
  if (results.some((r) => r.measured.mismatches.length > 0)) process.exitCode = 1;
}

await main();
