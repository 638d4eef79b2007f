// `npm run index` (the real CLI in a child process) on a hostile corpus folder (issue 16): a
// symlink to a plan outside the folder is refused with FILE_OUTSIDE_CORPUS and not indexed, a
// file over MAX_FILE_MB is refused, a file name's escape sequence is not printed raw, a NUL after
// the first 64 KB is stripped, and a plan with one 5 MB line loads as clauses within the limit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_LIMITS, PROJECT_ROOT } from '../../src/config.js';
import { readData, readManifest, type Manifest } from '../../src/index/store.js';
import { tempDir } from '../helpers.js';
import { ESC_NAME, GOOD, hostileCorpus, LATE_NUL_WORDS, MAX_FILE_MB, SECRET_MARK } from '../ingest/hostile-corpus.js';

describe('npm run index on a hostile corpus folder', () => {
  const indexDir = path.join(tempDir(), 'index');
  let done: ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
  let manifest: Manifest;

  beforeAll(() => {
    const { dir } = hostileCorpus();
    done = spawnSync('npx', ['tsx', 'src/cli/build-index.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CORPUS_DIR: dir, INDEX_DIR: indexDir, MAX_FILE_MB },
      encoding: 'utf8',
      timeout: 120_000,
    }) as typeof done;
    if (done.error) throw done.error;
    manifest = readManifest(indexDir) as Manifest;
  }, 130_000);

  it('exits 2 naming the two refused files, and saves the index of the rest', () => {
    expect(done.status, done.stderr).toBe(2);
    expect(done.stderr).toContain('2 个语料文件未能载入（big.txt、p.txt）');
    expect(manifest.corpus.map((c) => c.file).sort()).toEqual(['late-nul.txt', 'long-line.txt', GOOD, '\uFFFD[31mred.txt'].sort());
  });

  it('regression: a symlink to a file outside the corpus was read and indexed; now FILE_OUTSIDE_CORPUS, and nothing of it is indexed', () => {
    expect(done.stdout).toMatch(/^ {2}失败 {2}p\.txt \[FILE_OUTSIDE_CORPUS\] 文件不在语料目录内，拒绝读取：p\.txt（符号链接）$/mu);
    expect(readData(indexDir, manifest).texts.join('\n')).not.toContain(SECRET_MARK);
    expect(fs.readFileSync(path.join(indexDir, manifest.library?.file ?? ''), 'utf16le')).not.toContain(SECRET_MARK);
  });

  it('refuses a file over MAX_FILE_MB with FILE_TOO_LARGE, its size and the limit', () => {
    expect(done.stdout).toMatch(/^ {2}失败 {2}big\.txt \[FILE_TOO_LARGE\] 文件过大或解压后过大：big\.txt（6\.5 MB，上限 6 MB）$/mu);
  });

  it('regression: a file name with an escape sequence was printed raw; now no control character reaches the terminal', () => {
    const printed = done.stdout + done.stderr;
    expect(printed).not.toContain(ESC_NAME);
    // Newlines end lines and progress may use \r; nothing else below U+0020, and no DEL or C1.
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/u);
    expect(done.stdout).toMatch(/^ {2}成功 {2}\uFFFD\[31mred\.txt → /mu);
  });

  it('regression: a NUL after the first 64 KB passed the binary check; now the text loads and its clauses have none', () => {
    expect(done.stdout).toMatch(/^ {2}成功 {2}late-nul\.txt → late-nul（文本，/mu);
    expect(done.stdout).toContain('警告 已删除 1 个控制字符（NUL 等）：late-nul.txt');
    const data = readData(indexDir, manifest);
    const texts = data.texts.filter((_, i) => data.ids[i]?.startsWith('late-nul.'));
    expect(texts.some((t) => t.includes(LATE_NUL_WORDS))).toBe(true);
    expect(data.texts.join('')).not.toContain('\u0000');
  });

  it('regression: a plan with one 5 MB line became one 5 MB clause; now every clause is within the limit, with a warning naming the file', () => {
    expect(done.stdout).toMatch(/^ {8}警告 1 处段落或表格超过 4000 字（最长 \d+ 字，第 7 行起），已拆分为每段不超过 4000 字的条款：long-line\.txt$/mu);
    const data = readData(indexDir, manifest);
    const texts = data.texts.filter((_, i) => data.ids[i]?.startsWith('long-line.'));
    expect(texts.length).toBeGreaterThan(400);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(CORPUS_LIMITS.maxClauseChars);
  });
});
