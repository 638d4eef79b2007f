// Issue 16, attack 4, in real processes: two worker deaths within 10 s, or one in a worker's
// first 10 s, stopped the whole cluster, healthy workers included. Now the server started with
// WEB_CONCURRENCY on a small temp corpus survives two and three SIGKILLs in a row (one of them
// a worker in its first second, before it even listens) and answers /healthz throughout and a
// search afterwards; and when no worker can start at all, the primary exits with code 1 and a
// log line saying why, instead of looping.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULTS, PROJECT_ROOT, SUPERVISOR_DEFAULTS } from '../../src/config.js';
import { tempDir } from '../helpers.js';
import { nodeArgs, SERVE, startLoggedServer, type LoggedServer } from '../index/process-helpers.js';

/** Two of the bundled plans and the catalogue, copied: enough to search, quick to index. */
function smallCorpus(): string {
  const dir = path.join(tempDir(), 'corpus');
  fs.mkdirSync(dir);
  for (const f of ['catalog.json', 'leshan-carbon-peak-pilot.txt', 'quxian-carbon-peak-revised.txt']) fs.copyFileSync(path.join(DEFAULTS.corpusDir, f), path.join(dir, f));
  return dir;
}

/** Worker id → pid, from the primary's 启动工作进程 lines. */
function workerPids(log: string): Map<number, number> {
  const pids = new Map<number, number>();
  for (const m of log.matchAll(/启动工作进程 (\d+)（pid (\d+)，槽位 \d+）/gu)) pids.set(Number(m[1]), Number(m[2]));
  return pids;
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`等待超时：${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** GET on a new connection each time (a kept-alive one stays with one worker): status, or 0 on a socket error. */
function get(url: string, timeoutMs = 2000): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, body: '' }));
  });
}

/**
 * Sends GET /healthz every 50 ms, each on its own connection and without waiting for the last:
 * a request handed to a worker at the moment it is SIGKILLed is lost (or hangs until the
 * timeout), and must not hide that the others are answered. The figure is the longest stretch
 * between two 200s.
 */
function healthProbe(url: string) {
  const answers: { at: number; status: number }[] = [];
  const pending: Promise<void>[] = [];
  const started = Date.now();
  const timer = setInterval(() => {
    pending.push(get(`${url}/healthz`).then(({ status }) => void answers.push({ at: Date.now(), status })));
  }, 50);
  return {
    async stop() {
      clearInterval(timer);
      const stopped = Date.now();
      await Promise.all(pending);
      const okTimes = answers
        .filter((a) => a.status === 200)
        .map((a) => a.at)
        .sort((a, b) => a - b);
      let longestGap = 0;
      let last = started;
      for (const t of [...okTimes.filter((t) => t <= stopped), stopped]) {
        longestGap = Math.max(longestGap, t - last);
        last = t;
      }
      return { ok: okTimes.length, failed: answers.length - okTimes.length, longestGap };
    },
  };
}

describe('worker deaths under WEB_CONCURRENCY (issue 16, attack 4)', () => {
  let server: LoggedServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  it('two and three SIGKILLs in a row within 10 s, one before the worker listens, leave the server answering', async () => {
    const dir = smallCorpus();
    server = await startLoggedServer({ WEB_CONCURRENCY: '3', CORPUS_DIR: dir, INDEX_DIR: path.join(path.dirname(dir), 'index') }, 120_000);
    const s = server;
    await until('三个工作进程都在服务', () => s.log().includes('全部 3 个工作进程已开始服务'));
    const probe = healthProbe(s.url);
    const started = Date.now();
    const kill = (id: number) => {
      const pid = workerPids(s.log()).get(id);
      if (pid === undefined) throw new Error(`no pid for worker ${id}: ${s.log()}`);
      process.kill(pid, 'SIGKILL');
    };

    // Deaths 1–3 within a second or two: worker 1 (slot 1); its replacement, worker 4, in its
    // first moments, before it listens; and worker 2 (slot 2). Worker 3 alone serves meanwhile.
    kill(1);
    await until('工作进程 4 启动', () => workerPids(s.log()).has(4));
    kill(4);
    await until('工作进程 5 启动', () => workerPids(s.log()).has(5));
    kill(2);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Death 4: worker 5, slot 1's next replacement, the moment it starts serving.
    await until('工作进程 5 开始服务', () => s.log().includes('工作进程 5（槽位 1）已开始服务'));
    kill(5);

    await until('两个替换进程开始服务', () => /工作进程 \d+（槽位 1）已开始服务[\s\S]*工作进程 \d+（槽位 1）已开始服务/u.test(s.log()) && /工作进程 \d+（槽位 2）已开始服务/u.test(s.log()));
    const figures = await probe.stop();
    expect(figures.ok).toBeGreaterThan(20);
    // /healthz answered the whole time: never a second without a 200. Only a request in flight
    // to a worker as it was killed may be lost, so at most one per kill.
    expect(figures.longestGap, JSON.stringify(figures)).toBeLessThan(1000);
    expect(figures.failed, JSON.stringify(figures)).toBeLessThanOrEqual(4);

    expect(s.child.exitCode).toBeNull();
    expect(s.log()).not.toContain('服务停止');
    expect(s.log()).toMatch(/工作进程 4（pid \d+，槽位 1）启动 [\d.]+ 秒后、开始服务前退出（连续第 1 次启动失败）（SIGKILL）/u);
    expect(s.log()).toMatch(/工作进程 5（pid \d+，槽位 1）运行 [\d.]+ 秒后退出（SIGKILL）；2\.0 秒后替换（该槽位连续第 3 次退出）/u);
    // Afterwards: every worker slot answers, and a search finds the plans' clauses.
    const seen = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const res = await get(`${s.url}/healthz`);
      expect(res.status).toBe(200);
      seen.add((JSON.parse(res.body) as { worker: number }).worker);
    }
    expect(seen.size).toBe(3);
    expect([...seen].some((id) => id > 5)).toBe(true);
    const search = await get(`${s.url}/api/search?q=${encodeURIComponent('碳达峰')}`);
    expect(search.status).toBe(200);
    expect((JSON.parse(search.body) as { total: number }).total).toBeGreaterThan(0);
  }, 180_000);

  it('a corpus folder that does not exist: the primary exits after the first worker fails, saying why, without looping', () => {
    const done = spawnSync(process.execPath, nodeArgs(SERVE), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', WEB_CONCURRENCY: '2', CORPUS_DIR: path.join(tempDir(), 'no-such-folder'), INDEX_DIR: path.join(tempDir(), 'index') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const log = `${done.stdout}${done.stderr}`;
    expect(done.status, log).toBe(1);
    expect(done.stderr).toContain('语料目录不存在');
    expect(done.stderr).toMatch(/首个工作进程 1（pid \d+）未能启动（退出码 1）：.*服务停止/u);
    expect(workerPids(log).size).toBe(1);
  });

  it('every slot failing its starts in a row after the corpus folder vanished: the primary stops, saying why', async () => {
    const dir = smallCorpus();
    server = await startLoggedServer({ WEB_CONCURRENCY: '2', CORPUS_DIR: dir, INDEX_DIR: path.join(path.dirname(dir), 'index') }, 120_000);
    const s = server;
    await until('两个工作进程都在服务', () => s.log().includes('全部 2 个工作进程已开始服务'));
    fs.rmSync(dir, { recursive: true });
    const exited = new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));
    for (const pid of workerPids(s.log()).values()) process.kill(pid, 'SIGKILL');
    const code = await exited;
    const log = s.log();
    expect(code, log).toBe(1);
    const n = SUPERVISOR_DEFAULTS.maxStartFailures;
    expect(log).toMatch(new RegExp(`全部 2 个槽位的工作进程均已连续 ${n} 次启动失败.*服务停止`, 'u'));
    // Two workers at start, then each slot's failed starts, and nothing after the stop.
    expect(workerPids(log).size).toBe(2 + 2 * n);
    expect(log.match(/语料目录不存在/gu)).toHaveLength(2 * n);
  }, 180_000);
});
