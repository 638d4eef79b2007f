// `npm run index` in a child process: it prints one line per corpus file (loaded with id and
// clause count, or failed with code and message, warnings under it), saves the index of the
// good files either way, and exits 2 when a file failed so that corpus maintainers notice.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { readData, readManifest } from '../../src/index/store.js';
import { realLibrary, tempDir } from '../helpers.js';
import { copyCorpus } from '../index/process-helpers.js';

function runIndex(env: Record<string, string>) {
  const done = spawnSync('npm', ['run', '--silent', 'index'], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 90_000 });
  if (done.error) throw done.error;
  return done;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

function expectGoodFilesListed(stdout: string): void {
  for (const d of realLibrary().documents) {
    expect(stdout).toMatch(new RegExp(`^  成功  ${escape(d.file)} → ${escape(d.id)}（文本，${d.clauseCount} 个条款）$`, 'mu'));
  }
}

describe('npm run index', () => {
  it('on the bundled corpus lists every file as loaded, with its warnings, and exits 0', () => {
    const indexDir = path.join(tempDir(), 'index');
    const done = runIndex({ CORPUS_DIR: copyCorpus(), INDEX_DIR: indexDir });
    expect(done.status, done.stderr).toBe(0);
    expectGoodFilesListed(done.stdout);
    expect(done.stdout).not.toContain('失败  ');
    expect(done.stdout).toMatch(/^ {8}警告 已略去网页页脚.*mianyang-carbon-peak-2024\.txt$/mu);
    expect(done.stdout).toContain('合计：成功 5 个，失败 0 个，警告 1 条');
    expect(readManifest(indexDir)?.clauseCount).toBe(realLibrary().clauseCount);
  }, 100_000);

  it('with one undecodable file names it with its code, still saves the index of the others, and exits 2', () => {
    const corpus = copyCorpus();
    fs.writeFileSync(path.join(corpus, 'garbled.txt'), Buffer.from([0xe7, 0xa2, 0xb3, 0xff, 0xfe, 0xff, 0x80, 0x0a]));
    const indexDir = path.join(tempDir(), 'index');
    const done = runIndex({ CORPUS_DIR: corpus, INDEX_DIR: indexDir });
    expect(done.status, done.stderr).toBe(2);
    expect(done.stdout).toMatch(/^ {2}失败 {2}garbled\.txt \[FILE_UNDECODABLE\] 文件无法按 UTF-8 或 GB18030 解码：garbled\.txt$/mu);
    expectGoodFilesListed(done.stdout);
    expect(done.stdout).toContain('合计：成功 5 个，失败 1 个');
    expect(done.stderr).toContain('1 个语料文件未能载入（garbled.txt）');
    // The index of the five good plans was written, and it is complete (hash checked on read).
    const manifest = readManifest(indexDir);
    expect(manifest?.corpus.map((c) => c.file).sort()).toEqual(
      realLibrary()
        .documents.map((d) => d.file)
        .sort(),
    );
    expect(readData(indexDir, manifest ?? (null as never)).ids).toHaveLength(realLibrary().clauseCount);
  }, 100_000);
});
