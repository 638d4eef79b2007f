// scripts/run.mjs, what `npm start` runs: the server from a compiled copy of src/ (no tsx loader
// in the process), no esbuild service left running beside it, and a clear refusal of a bad entry.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { childrenOf, startServer, type RunningServer } from '../../scripts/bench/server.js';
import { copySavedIndex } from '../index/process-helpers.js';
import { tempDir } from '../helpers.js';

const RUN = path.join(PROJECT_ROOT, 'scripts', 'run.mjs');

describe('scripts/run.mjs', () => {
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.stop();
  });

  it('serves from a compiled copy, with no other process left running', async () => {
    server = await startServer({ INDEX_DIR: copySavedIndex() }, 120_000);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const page = await fetch(`${server.url}/search?q=${encodeURIComponent('加氢站')}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('加氢站');
    // esbuild's service process, had it been left running, would be a child of the server.
    expect(childrenOf(server.child.pid as number)).toEqual([]);
    const copies = fs.readdirSync(path.join(PROJECT_ROOT, '.cache', 'js')).filter((d) => fs.existsSync(path.join(PROJECT_ROOT, '.cache', 'js', d, 'done')));
    expect(copies.length).toBeGreaterThan(0);
  }, 150_000);

  it('passes the arguments after the entry point to it, as tsx did', () => {
    const done = spawnSync(process.execPath, [RUN, 'src/cli/search.ts', '--json', '--limit', '3', '加氢站'], { cwd: PROJECT_ROOT, env: { ...process.env, INDEX_DIR: copySavedIndex() }, encoding: 'utf8', timeout: 120_000 });
    expect(done.status, done.stderr).toBe(0);
    const answer = JSON.parse(done.stdout) as { hits: unknown[]; total: number };
    expect(answer.hits).toHaveLength(3);
    expect(answer.total).toBeGreaterThan(3);
  }, 150_000);

  it('builds the index in a child with a heap of three quarters of the memory, and exits as it does', async () => {
    const indexDir = path.join(tempDir(), 'index');
    const env = { ...process.env, INDEX_DIR: indexDir, NODE_OPTIONS: '' };
    const run = spawn(process.execPath, [RUN, 'src/cli/build-index.ts'], { cwd: PROJECT_ROOT, env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => run.once('exit', resolve));
    // A child read just after fork still shows the parent's command line: wait for the exec.
    let seen = '';
    for (let tries = 0; !seen.includes('--max-old-space-size=') && tries < 400; tries++) {
      seen = childrenOf(run.pid as number)
        .map((pid) => {
          try {
            return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\u0000').join(' ');
          } catch {
            return ''; // gone between listing and reading
          }
        })
        .join('\n');
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(seen).toContain(`--max-old-space-size=${Math.floor((os.totalmem() / 1024 ** 2) * 0.75)}`);
    expect(await exited).toBe(0);
    expect(fs.readdirSync(indexDir).some((f) => f.startsWith('data-'))).toBe(true);
    // Given a limit, it runs in this process; a failure's exit code comes through either way.
    const bad = { ...process.env, CORPUS_DIR: path.join(tempDir(), 'missing'), INDEX_DIR: path.join(tempDir(), 'index') };
    const direct = spawnSync(process.execPath, ['--max-old-space-size=2048', RUN, 'src/cli/build-index.ts'], { cwd: PROJECT_ROOT, env: bad, encoding: 'utf8' });
    const viaChild = spawnSync(process.execPath, [RUN, 'src/cli/build-index.ts'], { cwd: PROJECT_ROOT, env: { ...bad, NODE_OPTIONS: '' }, encoding: 'utf8' });
    expect(direct.status).not.toBe(0);
    expect(viaChild.status).toBe(direct.status);
  }, 150_000);

  it.each([
    [['src/cli/missing.ts'], '入口文件不存在：src/cli/missing.ts'],
    [['package.json'], '用法'],
    [[], '用法'],
  ])('refuses %j with exit code 2', (args, message) => {
    const done = spawnSync(process.execPath, [RUN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(done.status).toBe(2);
    expect(done.stderr).toContain(message);
  });
});
