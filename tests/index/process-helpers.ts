// Helpers for tests that run the real entry points in child processes: copies of the corpus and
// of the saved index in temp folders, and a server whose log the test can read.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { DEFAULTS, PROJECT_ROOT } from '../../src/config.js';
import { freePort } from '../../scripts/bench/server.js';
import { tempDir } from '../helpers.js';

export const SERVE = path.join(PROJECT_ROOT, 'src', 'cli', 'serve.ts');
export const BUILD_INDEX = path.join(PROJECT_ROOT, 'src', 'cli', 'build-index.ts');

/** The bundled corpus (plans, catalogue, themes, indicators) copied into a new temp folder. */
export function copyCorpus(): string {
  const dir = tempDir();
  for (const f of fs.readdirSync(DEFAULTS.corpusDir)) fs.copyFileSync(path.join(DEFAULTS.corpusDir, f), path.join(dir, f));
  return dir;
}

/** The index tests/global-setup.ts built for the bundled corpus, copied into a new temp folder. */
export function copySavedIndex(): string {
  const from = inject('indexDir');
  const dir = path.join(tempDir(), 'index');
  fs.mkdirSync(dir);
  for (const name of fs.readdirSync(from)) fs.copyFileSync(path.join(from, name), path.join(dir, name));
  return dir;
}

/** Node with tsx loaded in-process, so a signal sent to the child reaches the script itself. */
export function nodeArgs(script: string): string[] {
  return ['--import', 'tsx', script];
}

export interface LoggedServer {
  child: ChildProcess;
  url: string;
  /** Everything the server printed on stdout and stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts src/cli/serve.ts with the given environment and waits for GET /healthz to answer 200. */
export async function startLoggedServer(env: Record<string, string>, timeoutMs = 60_000): Promise<LoggedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, nodeArgs(SERVE), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), RATE_LIMIT_PER_MINUTE: '0', WEB_CONCURRENCY: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`server not ready within ${timeoutMs} ms: ${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return { child, url, log: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
