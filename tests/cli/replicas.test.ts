// The scale-out recipe of the README: one index folder, built once and then read-only, shared by
// several server instances. Each starts from the saved library snapshot and index without
// parsing or writing anything, and they answer alike.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyCorpus, copySavedIndex, getJson, startLoggedServer, type LoggedServer } from '../index/process-helpers.js';

/** Every file of a folder with its size, modification time and content hash. */
function stateOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => {
        const file = path.join(dir, name);
        const stat = fs.statSync(file);
        return [name, `${stat.size} ${stat.mtimeMs} ${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`];
      }),
  );
}

const servers: LoggedServer[] = [];
const indexDir = copySavedIndex();
const corpusDir = copyCorpus();

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  fs.chmodSync(indexDir, 0o755);
});

describe('replicas sharing one read-only index folder', () => {
  it('start without parsing or writing, and give the same answers', async () => {
    expect(fs.readdirSync(indexDir).some((f) => /^library-[0-9a-f]{16}\.bin$/u.test(f))).toBe(true);
    const before = stateOf(indexDir);
    for (const name of fs.readdirSync(indexDir)) fs.chmodSync(path.join(indexDir, name), 0o444);
    fs.chmodSync(indexDir, 0o555);
    const env = { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir };
    servers.push(await startLoggedServer(env), await startLoggedServer(env));
    for (const path_ of ['/api/search?q=加氢站', '/api/search?q=碳汇%20湿地', '/api/docs', '/api/themes/hydrogen']) {
      const [a, b] = await Promise.all(servers.map((s) => getJson<unknown>(`${s.url}${path_}`)));
      expect(a, path_).toEqual(b);
    }
    const total = (await getJson<{ total: number }>(`${servers[0]?.url}/api/search?q=加氢站`)).total;
    expect(total).toBeGreaterThan(0);
    for (const s of servers) {
      expect(s.log()).not.toMatch(/正在建立索引|语料快照无法保存|索引无法保存/u);
      expect(s.log()).toMatch(/语料快照已载入：5 份文档/u);
      expect(s.log()).not.toMatch(/语料已解析/u);
    }
    // Reuse is traced in the background once each listens; the log says when it is ready.
    for (const s of servers) {
      for (let waited = 0; !/复用分析已就绪/u.test(s.log()) && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(s.log()).toMatch(/复用分析已就绪：4 份市县文件（\d+ ms）/u);
    }
    await Promise.all(servers.map((s) => s.stop()));
    expect(stateOf(indexDir)).toEqual(before);
  }, 120_000);
});
