// Starting the real server as a child process, as `npm start` does, for the figures only a
// separate process can give: time until /healthz answers, and resident memory.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

export interface RunningServer {
  child: ChildProcess;
  url: string;
  /** Spawn until the first 200 from /healthz. */
  readyMs: number;
  /** Spawn until every worker logged that its background reuse analysis is done. */
  settledMs: number;
  stop(): Promise<void>;
}

/** What each worker logs when the reuse analysis it starts on listening has finished (src/cli/serve.ts). */
const SETTLED = /复用分析(?:已就绪|失败)/gu;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server as `npm start` does (scripts/run.mjs) with the given environment, waits for
 * /healthz, then until each worker has finished its background reuse analysis: figures are taken
 * from a server at rest, not one still tracing plans between requests.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 600_000): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'run.mjs'), 'src/cli/serve.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`服务未能启动（退出码 ${child.exitCode}）：${output}`);
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`服务 ${timeoutMs} ms 内未就绪：${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const readyMs = performance.now() - started;
  const workers = Math.max(1, Number(env.WEB_CONCURRENCY ?? process.env.WEB_CONCURRENCY ?? 1) || 1);
  while ((output.match(SETTLED) ?? []).length < workers) {
    if (child.exitCode !== null) throw new Error(`服务已退出（退出码 ${child.exitCode}）：${output}`);
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`服务 ${timeoutMs} ms 内未完成复用分析：${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, url, readyMs, settledMs: performance.now() - started, stop };
}

/** A process's direct children (cluster workers). */
export function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/u).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident set size of a process and its children, in bytes. */
export function rssOf(pid: number): number {
  const own = Number(/VmRSS:\s+(\d+) kB/u.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  return own + childrenOf(pid).reduce((sum, c) => sum + rssOf(c), 0);
}
