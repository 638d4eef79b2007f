// WEB_CONCURRENCY: `npm start` as N node:cluster workers on one port. Real processes: the
// first worker builds the index into an empty INDEX_DIR, the second only loads it, both
// answer, a killed worker is replaced, SIGTERM stops them all, and bad values stop the
// primary before any worker starts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { childrenOf, startServer, type RunningServer } from '../../scripts/bench/server.js';
import { tempDir } from '../helpers.js';

const SERVE = path.join(PROJECT_ROOT, 'src', 'cli', 'serve.ts');

/**
 * /healthz on a new connection each time: a kept-alive connection stays with one worker. A
 * connection handed to the worker just killed never answers: it times out and counts as no answer.
 */
function workerOf(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, { agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve((JSON.parse(body) as { worker: number }).worker));
      res.on('error', () => resolve(null));
    });
    req.setTimeout(HEALTH_TIMEOUT_MS, () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

const HEALTH_TIMEOUT_MS = 5_000;

async function workersSeen(url: string, requests: number): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let i = 0; i < requests; i++) {
    const worker = await workerOf(url);
    if (worker !== null) seen.add(worker);
  }
  return seen;
}

describe('WEB_CONCURRENCY', () => {
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.stop();
  });

  it('runs two workers on one port that share the index the first one built, and replaces a dead one', async () => {
    const indexDir = path.join(tempDir(), 'index');
    server = await startServer({ WEB_CONCURRENCY: '2', INDEX_DIR: indexDir }, 120_000);
    // Workers 1 and 2 both answer (round robin), and one index was written, not two.
    let seen = await workersSeen(server.url, 20);
    for (let tries = 0; seen.size < 2 && tries < 600; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await workersSeen(server.url, 10);
    }
    expect([...seen].sort()).toEqual([1, 2]);
    expect(fs.readdirSync(indexDir).filter((f) => f.startsWith('data-'))).toHaveLength(1);
    const workers = childrenOf(server.child.pid as number);
    expect(workers).toHaveLength(2);

    // A worker that dies is replaced by worker 3, however soon after the start (issue 16).
    process.kill(workers[0] as number, 'SIGKILL');
    let replaced = false;
    for (let tries = 0; !replaced && tries < 600; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      replaced = (await workersSeen(server.url, 4)).has(3);
    }
    expect(replaced).toBe(true);

    const primary = server.child;
    await server.stop();
    server = null;
    expect(primary.exitCode).toBe(0);
    for (const pid of workers.slice(1)) expect(fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/status`, 'utf8').includes('zombie')).toBe(false);
  }, 180_000);

  it.each(['0', 'many', '1000'])('WEB_CONCURRENCY=%s stops the primary with CONFIG_INVALID before any worker starts', (value) => {
    const done = spawnSync(process.execPath, ['--import', 'tsx', SERVE], { cwd: PROJECT_ROOT, env: { ...process.env, WEB_CONCURRENCY: value, PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
    expect(done.status).toBe(1);
    expect(done.stderr).toContain(`WEB_CONCURRENCY=${value}`);
    expect(done.stdout).not.toContain('已载入');
  });
});
