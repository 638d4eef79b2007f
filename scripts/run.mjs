// Runs one of this project's TypeScript entry points as JavaScript: `node scripts/run.mjs
// src/cli/serve.ts` (what `npm start` does). src/ is compiled by esbuild, file by file, into
// .cache/js/<signature>/, once per version of the sources, and the entry point is imported
// from there. Under tsx every start paid about a second for the loader (its own thread, every
// import a round trip to it) and that thread's memory, for the whole life of the server: at
// ×70, 1 of the 4.1 s from spawn to /healthz. The compiled copy is named by a signature of
// every source file's path, size and modification time, so an edited file is compiled before
// the next start and two starts never write into a copy another is reading.
import { spawn } from 'node:child_process';
import cluster from 'node:cluster';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const CACHE = path.join(ROOT, '.cache', 'js');
/** Set by the primary for the cluster workers it forks: they run the copy it compiled. */
const DIR_VARIABLE = 'RUN_MJS_COMPILED_DIR';
/**
 * Entry points that may need more than V8's default heap (about 4 GB): building the index of a
 * national library (4,000 documents) ran out of it while holding the parsed library. They are
 * started again with a heap limit of this share of the machine's memory, unless one is given.
 */
const LARGE_HEAP = new Set(['src/cli/build-index.ts']);
const LARGE_HEAP_SHARE = 0.75;
/** Copies of other source versions are removed once this old: a server may still run from one. */
const KEEP_OLD_MS = 24 * 3600 * 1000;

/** Files under src/ that run: TypeScript to compile, .mjs workers to copy beside them. */
function sources() {
  return fs
    .readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') || f.endsWith('.mjs'))
    .sort();
}

function signature(files) {
  const hash = crypto.createHash('sha256').update(`node ${process.version}\n`);
  for (const f of files) {
    const stat = fs.statSync(path.join(SRC, f));
    hash.update(`${f}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The compiled copy of the current sources, compiled now if there is none. */
async function compiled() {
  // Cluster workers run this file again: they use the primary's copy, even if src/ has changed since.
  if (cluster.isWorker && process.env[DIR_VARIABLE]) return process.env[DIR_VARIABLE];
  const files = sources();
  const dir = path.join(CACHE, signature(files));
  if (fs.existsSync(path.join(dir, 'done'))) return dir;
  const { build, stop } = await import('esbuild');
  const temp = `${dir}.tmp-${process.pid}`;
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts')).map((f) => path.join(SRC, f)),
    outdir: path.join(temp, 'src'),
    outbase: SRC,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    sourcemap: 'linked',
    logLevel: 'error',
  });
  // esbuild's service process would otherwise live (and hold 50 MB) as long as the server.
  await stop();
  for (const f of files.filter((name) => name.endsWith('.mjs'))) fs.copyFileSync(path.join(SRC, f), path.join(temp, 'src', f));
  fs.writeFileSync(path.join(temp, 'done'), '');
  try {
    fs.renameSync(temp, dir);
  } catch {
    // Another start compiled the same sources first: use its copy.
    fs.rmSync(temp, { recursive: true, force: true });
  }
  removeOld(dir);
  return dir;
}

function removeOld(current) {
  for (const name of fs.readdirSync(CACHE)) {
    const done = path.join(CACHE, name, 'done');
    if (name === path.basename(current) || !fs.existsSync(done)) continue;
    if (Date.now() - fs.statSync(done).mtimeMs > KEEP_OLD_MS) fs.rmSync(path.join(CACHE, name), { recursive: true, force: true });
  }
}

function heapLimitGiven() {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/u)].some((arg) => arg.startsWith('--max-old-space-size'));
}

/** Runs this file again in a child with a larger heap, passing signals on, and exits as it does. */
async function rerunWithLargerHeap() {
  const mb = Math.floor((os.totalmem() / 1024 ** 2) * LARGE_HEAP_SHARE);
  const child = spawn(process.execPath, [`--max-old-space-size=${mb}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0));
}

const entry = process.argv[2];
if (!entry || !entry.startsWith('src/') || !entry.endsWith('.ts')) {
  console.error(`用法：node scripts/run.mjs src/<入口>.ts（收到：${entry ?? '无'}）`);
  process.exit(2);
}
if (!fs.existsSync(path.join(ROOT, entry))) {
  console.error(`入口文件不存在：${entry}`);
  process.exit(2);
}
if (LARGE_HEAP.has(entry) && !heapLimitGiven()) await rerunWithLargerHeap();
// Stack traces name the TypeScript lines; the maps are read only when a trace is made.
process.setSourceMapsEnabled(true);
const dir = await compiled();
process.env[DIR_VARIABLE] = dir;
// The entry point reads its own arguments from process.argv[2] on, as under tsx; cluster
// workers are started through this file with the entry point again.
if (cluster.isPrimary) cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: process.argv.slice(2) });
process.argv.splice(2, 1);
await import(pathToFileURL(path.join(dir, entry.replace(/\.ts$/u, '.js'))).href);
