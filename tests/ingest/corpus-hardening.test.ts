// Issue 16, corpus side: reading stays in the corpus folder (no symlinks, nothing resolving
// outside it), files over MAX_FILE_MB are refused before they are read, no clause is longer than
// CORPUS_LIMITS.maxClauseChars, control characters are removed wherever they are in a text, and
// file names are printed with their control characters replaced.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CORPUS_LIMITS, DEFAULTS, loadConfig } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import type { Block, LineBlock, TableBlock } from '../../src/ingest/blocks.js';
import { ingestBytes, ingestExtracted, ingestPath, loadCorpus } from '../../src/ingest/corpus.js';
import { EXTRACT_DEFAULTS, maxBytesOf } from '../../src/ingest/extract/limits.js';
import { extractText } from '../../src/ingest/extract/text.js';
import { fileOutcomes, formatFileReport } from '../../src/ingest/report.js';
import { safeBlocks, splitLongText, stripControls } from '../../src/ingest/safe-text.js';
import { printableName } from '../../src/printable-name.js';
import { errorCode, tempDir } from '../helpers.js';

const MAX = CORPUS_LIMITS.maxClauseChars;
const PLAN = '某县碳达峰实施方案\n\n一、总体要求\n\n（一）指导思想。坚持稳中求进工作总基调。\n\n二、主要目标\n\n到2025年，非化石能源消费比重达到40%。\n';
const SENTENCE = '到2025年，全市非化石能源消费比重达到45%左右，单位地区生产总值二氧化碳排放比2020年下降19%。';
const ESC_NAME = '\u001b[31mred.txt';

/** A plan whose one body line is `bytes` (UTF-8) of real sentences. */
function planWithLongLine(bytes: number, sentence = SENTENCE): { text: string; line: string } {
  const line = sentence.repeat(Math.ceil(bytes / Buffer.byteLength(sentence)));
  return { text: `某市碳达峰实施方案\n\n一、总体要求\n\n（一）指导思想。坚持稳中求进。\n\n${line}\n\n二、主要目标\n\n到2030年实现碳达峰。\n`, line };
}

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const line = (text: string, start = 1): LineBlock => ({ type: 'line', text, hashes: 0, boldLead: null, start, end: start, joins: [] });

describe('printableName', () => {
  it('replaces C0, DEL, C1 and bidirectional controls with U+FFFD and keeps everything else', () => {
    expect(printableName(ESC_NAME)).toBe('\uFFFD[31mred.txt');
    expect(printableName('a\nb\tc\rd\u0000e\u007ff\u009bg.txt')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg.txt');
    expect(printableName('evil\u202etxt.exe')).toBe('evil\uFFFDtxt.exe');
    expect(printableName('成都市碳达峰实施方案（2022—2025年）.pdf')).toBe('成都市碳达峰实施方案（2022—2025年）.pdf');
  });
});

describe('stripControls', () => {
  it('removes NUL, escapes, DEL and C1 and keeps tab, newline, carriage return and form feed', () => {
    expect(stripControls('碳\u0000达\u001b[0m峰\u007f\u0085。\t\n\r\f')).toEqual({ text: '碳达[0m峰。\t\n\r\f', removed: 4 });
    const clean = '到2025年。\n';
    expect(stripControls(clean).text).toBe(clean);
    expect(stripControls(clean).removed).toBe(0);
  });
});

describe('splitLongText', () => {
  it('leaves text within the limit alone', () => {
    expect(splitLongText(SENTENCE, 100)).toEqual([SENTENCE]);
  });

  it('cuts after the last sentence end in the second half of each window, keeping a closing quote', () => {
    const text = `${'甲'.repeat(60)}。${'乙'.repeat(20)}。”${'丙'.repeat(80)}`;
    const pieces = splitLongText(text, 100);
    expect(pieces[0]).toBe(`${'甲'.repeat(60)}。${'乙'.repeat(20)}。”`);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(100);
  });

  it('cuts at the limit when no sentence ends in the second half, never inside a surrogate pair', () => {
    const text = '𠀀'.repeat(150); // 300 code units, no punctuation
    const pieces = splitLongText(text, 101);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(101);
      expect(p).toMatch(/^(?:𠀀)+$/u);
    }
  });

  it('is linear: 5 MB of text without punctuation splits in well under a second', () => {
    const text = '碳'.repeat(5 * 1024 * 1024);
    const started = Date.now();
    const pieces = splitLongText(text, MAX);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(pieces).toHaveLength(Math.ceil(text.length / MAX));
  });
});

describe('safeBlocks', () => {
  it('splits a long line into bounded lines, the first keeping its heading marks, with one warning naming the file', () => {
    const long = { ...line(SENTENCE.repeat(200), 7), hashes: 2, boldLead: '加粗' };
    const { blocks, warnings } = safeBlocks([line('标题'), long], 'plan.txt', 1000);
    expect(blocks.length).toBeGreaterThan(6);
    for (const b of blocks) expect((b as LineBlock).text.length).toBeLessThanOrEqual(1000);
    expect(blocks[1]).toMatchObject({ hashes: 2, boldLead: '加粗', start: 7 });
    expect(blocks[2]).toMatchObject({ hashes: 0, boldLead: null, start: 7 });
    expect(
      blocks
        .slice(1)
        .map((b) => (b as LineBlock).text)
        .join(''),
    ).toBe(long.text);
    expect(warnings).toEqual([`1 处段落或表格超过 1000 字（最长 ${long.text.length} 字，第 7 行起），已拆分为每段不超过 1000 字的条款：plan.txt`]);
  });

  it('reads a table with a row over the limit as paragraphs, one per row, then splits them', () => {
    const table: TableBlock = {
      type: 'table',
      layout: 'tsv',
      header: ['指标', '目标'],
      rows: [
        ['非化石能源比重', '45%'],
        ['说明', SENTENCE.repeat(40)],
      ],
      start: 3,
      end: 5,
    };
    const { blocks, warnings } = safeBlocks([table], 't.txt', 500);
    expect(blocks.every((b) => b.type === 'line' && b.text.length <= 500)).toBe(true);
    expect((blocks[0] as LineBlock).text).toBe('指标 目标');
    expect(warnings[0]).toContain('t.txt');
  });

  it('keeps a table within the limit a table, its cells cleaned of control characters', () => {
    const table: TableBlock = { type: 'table', layout: 'tsv', header: ['指标\u0000', '目标'], rows: [['非化石\u001b能源比重', '45%']], start: 1, end: 2, notes: ['注：\u0007数据'] };
    const { blocks, warnings } = safeBlocks([table], 't.txt');
    expect(blocks).toEqual([{ ...table, header: ['指标', '目标'], rows: [['非化石能源比重', '45%']], notes: ['注：数据'] }]);
    expect(warnings).toEqual(['已删除 3 个控制字符（NUL 等）：t.txt']);
  });
});

describe('control characters in any format', () => {
  it('are removed from the blocks of a web page or Word file too (and from a cached extraction)', () => {
    const blocks: Block[] = [line('某市碳达峰实施方案'), line('一、总体要求'), line('（一）指导思想。坚持\u0000稳中\u009b31m求进。')];
    const doc = ingestExtracted({ name: 'page.html', contentHash: 'x', extracted: { format: 'html', pages: null, blocks, warnings: [], layoutTitle: '某市\u0000碳达峰实施方案' } });
    expect(doc.clauses.map((c) => c.text).join('')).not.toMatch(/\p{Cc}/u);
    expect(doc.clauses.some((c) => c.text.includes('坚持稳中31m求进'))).toBe(true);
    expect(doc.warnings).toContain('已删除 2 个控制字符（NUL 等）：page.html');
  });
});

describe('a NUL after the first 64 KB', () => {
  const filler = '（二）主要目标。到2025年，非化石能源消费比重达到40%左右。\n\n'.repeat(2000);
  const bytes = Buffer.from(`某县碳达峰实施方案\n\n一、总体要求\n\n${filler}（三）工作原则。坚持\u0000节约优先。\n`);

  it('regression: passed the binary check and reached clauses (and so HTML and CSV) raw; now the text loads without it', () => {
    expect(bytes.indexOf(0)).toBeGreaterThan(64 * 1024);
    const doc = ingestBytes({ name: 'late-nul.txt', bytes });
    const all = doc.clauses.map((c) => `${c.text}${c.title ?? ''}${c.lead ?? ''}`).join('');
    expect(all).not.toContain('\u0000');
    expect(doc.clauses.some((c) => c.text === '（三）工作原则。坚持节约优先。')).toBe(true);
    expect(doc.warnings).toContain('已删除 1 个控制字符（NUL 等）：late-nul.txt');
  });

  it('a NUL in the first 64 KB is still a binary file', () => {
    expect(errorCode(() => extractText(Buffer.from(`某县\u0000方案\n`), 'bin.txt'))).toBe('FILE_BINARY');
  });
});

describe('a plan with one 5 MB line', () => {
  it('regression: became one 5 MB clause (ranking it took 80 s); now loads as clauses within the limit, with a warning naming the file', async () => {
    const { text, line: long } = planWithLongLine(5 * 1024 * 1024);
    const dir = folderWith({ 'long-line.txt': text, 'plan.txt': PLAN });
    expect(fs.statSync(path.join(dir, 'long-line.txt')).size).toBeGreaterThan(5 * 1024 * 1024);
    const started = Date.now();
    const corpus = await loadCorpus({ corpusDir: dir });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(corpus.errors).toEqual([]);
    const doc = corpus.documents.find((d) => d.meta.file === 'long-line.txt');
    const clauses = doc?.clauses ?? [];
    expect(clauses.length).toBeGreaterThan(long.length / MAX);
    for (const c of clauses) expect(c.text.length).toBeLessThanOrEqual(MAX);
    // Nothing lost: the pieces, in reading order, are the line.
    expect(
      clauses
        .filter((c) => c.lines[0] === 7)
        .map((c) => c.text)
        .join(''),
    ).toBe(long);
    // Each piece ends a sentence: the line has one every 52 characters.
    for (const c of clauses.filter((x) => x.lines[0] === 7)) expect(c.text.endsWith('。')).toBe(true);
    expect(corpus.warnings.filter((w) => w.file === 'long-line.txt').map((w) => w.message)).toContainEqual(expect.stringMatching(/^1 处段落或表格超过 4000 字.*long-line\.txt$/u));
    expect(corpus.documents.map((d) => d.meta.file)).toContain('plan.txt');
  }, 30_000);

  it('a numbered title-only line does not take a body at the limit into one clause past it', () => {
    const body = '坚持节约优先'.repeat(Math.ceil(MAX / 6)).slice(0, MAX);
    const doc = ingestBytes({ name: 'merge.txt', bytes: Buffer.from(`某县碳达峰实施方案\n\n一、总体要求\n\n（一）重点任务\n\n1.加快发展千亿级产业集群。\n${body}\n`) });
    for (const c of doc.clauses) expect(c.text.length).toBeLessThanOrEqual(MAX);
    expect(doc.clauses.some((c) => c.text === body)).toBe(true);
  });
});

describe('symlinks and files outside the corpus folder', () => {
  function corpusWithLinks(): { dir: string; outside: string } {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'secret.txt'), PLAN.replace('某县', '外部县'));
    const dir = folderWith({ 'plan.txt': PLAN });
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'p.txt'));
    // Even a link to a file inside the folder: what is published is the folder's own files.
    fs.symlinkSync(path.join(dir, 'plan.txt'), path.join(dir, 'same.txt'));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd.txt'));
    return { dir, outside };
  }

  it('regression: a symlink p.txt to a file outside was loaded and served; now FILE_OUTSIDE_CORPUS, named, and the rest loads', async () => {
    const { dir } = corpusWithLinks();
    const corpus = await loadCorpus({ corpusDir: dir });
    expect(corpus.documents.map((d) => d.meta.file)).toEqual(['plan.txt']);
    expect(corpus.errors.map((e) => [e.file, e.code])).toEqual([
      ['p.txt', 'FILE_OUTSIDE_CORPUS'],
      ['passwd.txt', 'FILE_OUTSIDE_CORPUS'],
      ['same.txt', 'FILE_OUTSIDE_CORPUS'],
    ]);
    expect(corpus.errors[0]?.message).toBe('文件不在语料目录内，拒绝读取：p.txt（符号链接）');
    expect(JSON.stringify(corpus)).not.toContain('外部县');
  });

  it('refuses the link before reading what it points at', async () => {
    const { dir } = corpusWithLinks();
    const readSync = vi.spyOn(fs, 'readSync');
    try {
      const err = await ingestPath({ file: path.join(dir, 'p.txt') }).catch((e: unknown) => e);
      expect((err as AppError).code).toBe('FILE_OUTSIDE_CORPUS');
      expect(readSync).not.toHaveBeenCalled();
    } finally {
      readSync.mockRestore();
    }
  });

  it('a corpus folder that is itself a symlink still loads: only the entries inside it are checked', async () => {
    const { dir } = corpusWithLinks();
    const link = path.join(tempDir(), 'corpus-link');
    fs.symlinkSync(dir, link);
    const corpus = await loadCorpus({ corpusDir: link });
    expect(corpus.documents.map((d) => d.meta.file)).toEqual(['plan.txt']);
    expect(corpus.errors.map((e) => e.code)).toEqual(['FILE_OUTSIDE_CORPUS', 'FILE_OUTSIDE_CORPUS', 'FILE_OUTSIDE_CORPUS']);
  });

  it('regression: catalog.json as a symlink was followed; now FILE_OUTSIDE_CORPUS before it is read', async () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'catalog.json'), JSON.stringify({ documents: [{ file: 'plan.txt', id: 'secret-plan', title: '外部目录' }] }));
    for (const target of [path.join(outside, 'catalog.json'), '/etc/passwd']) {
      const dir = folderWith({ 'plan.txt': PLAN });
      fs.symlinkSync(target, path.join(dir, 'catalog.json'));
      const err = await loadCorpus({ corpusDir: dir }).catch((e: unknown) => e);
      expect((err as AppError).code, target).toBe('FILE_OUTSIDE_CORPUS');
      expect((err as AppError).message).not.toContain('root');
    }
  });

  it('a catalogue that is not JSON is CATALOG_INVALID without quoting its content', async () => {
    const dir = folderWith({ 'plan.txt': PLAN, 'catalog.json': 'root:x:0:0:root:/root:/bin/bash\n' });
    const err = await loadCorpus({ corpusDir: dir }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('CATALOG_INVALID');
    expect((err as AppError).message).not.toContain('root:x');
  });

  it('a catalogue sourceUrl is kept when it is an absolute http(s) address, and CATALOG_INVALID naming the value otherwise', async () => {
    const entry = (sourceUrl: unknown) => JSON.stringify({ documents: [{ file: 'plan.txt', id: 'plan', title: '某市碳达峰实施方案', sourceUrl }] });
    const ok = await loadCorpus({ corpusDir: folderWith({ 'plan.txt': PLAN, 'catalog.json': entry('https://www.example.gov.cn/a.html') }) });
    expect(ok.documents[0]?.meta.sourceUrl).toBe('https://www.example.gov.cn/a.html');
    for (const bad of ['javascript:alert(1)', '/a.html', 42]) {
      const err = await loadCorpus({ corpusDir: folderWith({ 'plan.txt': PLAN, 'catalog.json': entry(bad) }) }).catch((e: unknown) => e);
      expect((err as AppError).code, String(bad)).toBe('CATALOG_INVALID');
      expect((err as AppError).message).toContain(JSON.stringify(bad));
    }
  });

  it('a file named ..plan.txt is inside the folder and loads', async () => {
    const corpus = await loadCorpus({ corpusDir: folderWith({ '..plan.txt': PLAN }) });
    expect(corpus.errors).toEqual([]);
    expect(corpus.documents).toHaveLength(1);
  });

  it('a FIFO named *.txt is FILE_UNREADABLE and does not block the build', async () => {
    const dir = folderWith({ 'plan.txt': PLAN });
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const corpus = await loadCorpus({ corpusDir: dir });
    expect(corpus.errors).toEqual([expect.objectContaining({ file: 'pipe.txt', code: 'FILE_UNREADABLE', message: '文件无法读取：pipe.txt（不是普通文件）' })]);
    expect(corpus.documents).toHaveLength(1);
  });
});

describe('MAX_FILE_MB', () => {
  it('defaults to 50 and is the extract limit: one default, in src/config.ts', () => {
    expect(CORPUS_LIMITS.maxFileMb).toBe(50);
    expect(loadConfig({}).maxFileMb).toBe(50);
    expect(EXTRACT_DEFAULTS.maxBytes).toBe(maxBytesOf(CORPUS_LIMITS.maxFileMb));
    expect(loadConfig({ MAX_FILE_MB: '5' }).maxFileMb).toBe(5);
  });

  it.each(['0', '-1', '2.5', 'lots', '1025'])('MAX_FILE_MB=%s is a start-up error naming it', (value) => {
    let error: unknown;
    try {
      loadConfig({ MAX_FILE_MB: value });
    } catch (err) {
      error = err;
    }
    expect((error as AppError).code).toBe('CONFIG_INVALID');
    expect((error as AppError).message).toContain(`MAX_FILE_MB=${value}`);
  });

  it('a file over the limit is FILE_TOO_LARGE, named with its size and the limit, and never read', async () => {
    const big = Buffer.concat([Buffer.from(PLAN), Buffer.alloc(1024 * 1024 + 300 * 1024, 0x0a)]);
    const dir = folderWith({ 'big.txt': big, 'plan.txt': PLAN });
    const readSync = vi.spyOn(fs, 'readSync');
    try {
      const corpus = await loadCorpus({ corpusDir: dir, limits: { maxBytes: maxBytesOf(1) } });
      expect(corpus.errors).toEqual([{ file: 'big.txt', code: 'FILE_TOO_LARGE', message: '文件过大或解压后过大：big.txt（1.3 MB，上限 1 MB）' }]);
      expect(corpus.documents.map((d) => d.meta.file)).toEqual(['plan.txt']);
      // plan.txt was read; big.txt's 1.3 MB never were.
      expect(readSync.mock.calls.every((call) => ((call as unknown[])[3] as number) < 1024 * 1024)).toBe(true);
    } finally {
      readSync.mockRestore();
    }
  });
});

describe('file names with control characters', () => {
  it('regression: an escape sequence in a file name reached the terminal through the report; now every message and line shows U+FFFD', async () => {
    const dir = folderWith({ [ESC_NAME]: PLAN, 'empty\u001b[2J.txt': '' });
    const corpus = await loadCorpus({ corpusDir: dir, catalogFile: path.join(DEFAULTS.corpusDir, 'catalog.json') });
    expect(corpus.documents.map((d) => d.meta.file)).toEqual(['\uFFFD[31mred.txt']);
    expect(corpus.errors).toEqual([{ file: 'empty\uFFFD[2J.txt', code: 'FILE_EMPTY', message: '文件为空：empty\uFFFD[2J.txt' }]);
    const report = formatFileReport(fileOutcomes(corpus), `${dir}\u001b]0;title\u0007`).join('\n');
    expect(report).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u);
    expect(report).toContain('成功  \uFFFD[31mred.txt → ');
  });

  it('the missing corpus folder is named printably', async () => {
    const err = await loadCorpus({ corpusDir: '/nonexistent/\u001b[31mcorpus' }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('CORPUS_DIR_MISSING');
    expect((err as AppError).message).toBe('语料目录不存在：/nonexistent/\uFFFD[31mcorpus');
  });
});
