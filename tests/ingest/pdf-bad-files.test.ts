// PDFs that cannot be read must fail with the right code and a Chinese message naming the file,
// without stopping the build: an encrypted file, a scan without a text layer, bytes that are not a
// PDF, a published PDF cut short, a file over the time or memory limit (after which the shared
// pdfjs worker is replaced and the next file still extracts), a file over the size limit (refused
// before it is read). A corpus folder holding all of them still loads its good files, and the
// extraction cache is keyed by content: a second load extracts nothing, a changed byte extracts again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { AppError, ERRORS, type ErrorCode } from '../../src/errors.js';
import type { LineBlock } from '../../src/ingest/blocks.js';
import { ingestPath, loadCorpus } from '../../src/ingest/corpus.js';
import { extractSource } from '../../src/ingest/extract/index.js';
import { EXTRACT_DEFAULTS } from '../../src/ingest/extract/limits.js';
import { encryptTrailer, noise, scanPdf, textPdfObjects, writePdf } from './pdf-fixtures.js';

const REAL = path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real');
/** Small published files: one notice of 2 pages each. */
const ZHUHAI = '581、关于开展2022年珠海市建筑领域碳达峰碳中和宣传讲座的通知.pdf';
const TIANJIN = '286、天津市关于成立委推进碳达峰碳中和工作领导小组的通知.pdf';
/** A 5-page plan, cut short for the truncation case. */
const SICHUAN_CARBON_SINK = '324、四川省林草碳汇发展推进方案（2022—2025年）.pdf';
/** The largest plan of the library by pages: 96 pages, 1.2 MB. */
const NEIMENGGU = '67、内蒙古自治区“十四五”生态环境保护规划.pdf';

const real = (file: string) => fs.readFileSync(path.join(REAL, file));

const PLAN_PAGE = ['某市碳达峰实施方案', '一、总体要求', '（一）指导思想。坚持稳中求进工作总基调，推动经济社会发展全面绿色转型。', '二、主要目标', '到2025年，非化石能源消费比重达到25%左右。'];

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-bad-files-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The rejection of an extraction, as an AppError (fails the test if it resolved). */
async function failure(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** The catalogue's Chinese message for a code starts every message of that code. */
function expectMessage(err: { code: string; message: string }, code: ErrorCode, file: string): void {
  expect(err.code).toBe(code);
  expect(err.message.startsWith(ERRORS[code].message(''))).toBe(true);
  expect(err.message).toContain(file);
}

const lineTexts = (blocks: Array<{ type: string }>) => blocks.filter((b): b is LineBlock => b.type === 'line').map((b) => b.text);

describe('an encrypted PDF', () => {
  const objects = textPdfObjects([PLAN_PAGE]);

  it('opens and extracts its text when the same objects are written without /Encrypt (the control)', async () => {
    const extracted = await extractSource({ name: 'plain.pdf', bytes: writePdf(objects), limits: EXTRACT_DEFAULTS });
    expect(extracted.format).toBe('pdf');
    expect(extracted.pages).toBe(1);
    // Every line set flush left at one width: how the layout groups them into paragraphs is not
    // the point here, only that all the text was read, in order.
    expect(lineTexts(extracted.blocks).join('')).toBe(PLAN_PAGE.join(''));
  });

  it('is PDF_ENCRYPTED when the trailer carries a Standard /Encrypt dictionary the empty password cannot open', async () => {
    const err = await failure(extractSource({ name: 'encrypted.pdf', bytes: writePdf(objects, encryptTrailer()), limits: EXTRACT_DEFAULTS }));
    expectMessage(err, 'PDF_ENCRYPTED', 'encrypted.pdf');
    expect(err.message).toBe('PDF 已加密，无法读取文字：encrypted.pdf');
  });
});

describe('a PDF without a text layer', () => {
  it('is PDF_NO_TEXT, and the message gives the page count and the Han character count', async () => {
    const err = await failure(extractSource({ name: 'scan.pdf', bytes: scanPdf(3), limits: EXTRACT_DEFAULTS }));
    expectMessage(err, 'PDF_NO_TEXT', 'scan.pdf');
    expect(err.message).toBe('PDF 没有文字层（疑似扫描图像，需先做文字识别）：scan.pdf（3 页，共 0 个汉字）');
  });
});

describe('files that are not (whole) PDFs', () => {
  it('random bytes named x.pdf are FILE_CORRUPT', async () => {
    const err = await failure(extractSource({ name: 'x.pdf', bytes: noise(4096, 7), limits: EXTRACT_DEFAULTS }));
    expectMessage(err, 'FILE_CORRUPT', 'x.pdf');
  });

  it('a saved web page renamed to .pdf is FILE_CORRUPT, not read as HTML', async () => {
    const html = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市碳达峰实施方案</title></head><body><h1>某市碳达峰实施方案</h1><p>一、总体要求</p><p>坚持稳中求进工作总基调。</p></body></html>';
    const err = await failure(extractSource({ name: 'page.pdf', bytes: Buffer.from(html), limits: EXTRACT_DEFAULTS }));
    expectMessage(err, 'FILE_CORRUPT', 'page.pdf');
  });

  // pdfjs recovers nothing from a published PDF cut short: every one of the 86 real files cut to
  // its first 30% fails to open ("Invalid PDF structure." or "Invalid Root reference."), so the
  // file is reported whole rather than loaded with a silently shorter clause tree.
  it('a published PDF cut to its first 30% is FILE_CORRUPT (no partial document)', async () => {
    const whole = real(SICHUAN_CARBON_SINK);
    const full = await extractSource({ name: SICHUAN_CARBON_SINK, bytes: whole, limits: EXTRACT_DEFAULTS });
    expect(full.pages).toBe(5);
    const cut = whole.subarray(0, Math.floor(whole.length * 0.3));
    const err = await failure(extractSource({ name: SICHUAN_CARBON_SINK, bytes: cut, limits: EXTRACT_DEFAULTS }));
    expectMessage(err, 'FILE_CORRUPT', SICHUAN_CARBON_SINK);
  });
});

describe('limits', () => {
  it('EXTRACT_TIMEOUT when a file runs over timeoutMs; the next file with normal limits still extracts', async () => {
    const err = await failure(extractSource({ name: ZHUHAI, bytes: real(ZHUHAI), limits: { ...EXTRACT_DEFAULTS, timeoutMs: 1 } }));
    expectMessage(err, 'EXTRACT_TIMEOUT', ZHUHAI);
    // The worker that was still reading was terminated: a fresh one serves the next file.
    const next = await extractSource({ name: TIANJIN, bytes: real(TIANJIN), limits: EXTRACT_DEFAULTS });
    expect(next.pages).toBe(2);
    expect(next.blocks.length).toBeGreaterThan(20);
    // And the same file that timed out extracts with the default limit.
    const again = await extractSource({ name: ZHUHAI, bytes: real(ZHUHAI), limits: EXTRACT_DEFAULTS });
    expect(again.pages).toBe(2);
  }, 60_000);

  it('FILE_TOO_LARGE from extractSource when the bytes exceed maxBytes, before any worker runs', async () => {
    const bytes = real(NEIMENGGU);
    const started = Date.now();
    const err = await failure(extractSource({ name: NEIMENGGU, bytes, limits: { ...EXTRACT_DEFAULTS, maxBytes: bytes.length - 1 } }));
    expectMessage(err, 'FILE_TOO_LARGE', NEIMENGGU);
    // pdfjs takes seconds on this file; the refusal is immediate.
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('FILE_TOO_LARGE from ingestPath by the file size on disk: the file is never read', async () => {
    const file = path.join(REAL, NEIMENGGU);
    const readFileSync = vi.spyOn(fs, 'readFileSync');
    // The loader reads from the descriptor it checked (src/ingest/read-file.ts), not by path.
    const readSync = vi.spyOn(fs, 'readSync');
    try {
      const err = await failure(ingestPath({ file, limits: { ...EXTRACT_DEFAULTS, maxBytes: 1024 * 1024 } }));
      expectMessage(err, 'FILE_TOO_LARGE', NEIMENGGU);
      expect(readFileSync.mock.calls.filter(([p]) => p === file)).toEqual([]);
      expect(readSync).not.toHaveBeenCalled();
    } finally {
      readFileSync.mockRestore();
      readSync.mockRestore();
    }
  });

  // At 16 MB the worker runs out of heap (pdfjs alone needs more than that, so this shows the
  // out-of-memory mapping and the recovery, not a size threshold).
  it('FILE_TOO_LARGE when the worker runs out of heap (maxHeapMb 16); the next file with normal limits still extracts', async () => {
    const err = await failure(extractSource({ name: NEIMENGGU, bytes: real(NEIMENGGU), limits: { ...EXTRACT_DEFAULTS, maxHeapMb: 16 } }));
    expectMessage(err, 'FILE_TOO_LARGE', NEIMENGGU);
    expect(err.message).toContain('解析所需内存超过 16 MB');
    const next = await extractSource({ name: TIANJIN, bytes: real(TIANJIN), limits: EXTRACT_DEFAULTS });
    expect(next.pages).toBe(2);
    expect(next.blocks.length).toBeGreaterThan(20);
  }, 60_000);
});

const TEXT_PLAN = '某县碳达峰实施方案\n\n一、总体要求\n\n（一）指导思想。坚持稳中求进工作总基调。\n\n二、主要目标\n\n到2025年，非化石能源消费比重达到40%。\n';

describe('a corpus folder with good and bad PDFs', () => {
  it('loads the good PDFs and the .txt plan, and reports each bad file by name with its code, sorted by file name', async () => {
    const dir = tempDir();
    for (const f of [ZHUHAI, TIANJIN, NEIMENGGU]) fs.copyFileSync(path.join(REAL, f), path.join(dir, f));
    const cut = real(SICHUAN_CARBON_SINK);
    fs.writeFileSync(path.join(dir, 'truncated.pdf'), cut.subarray(0, Math.floor(cut.length * 0.3)));
    fs.writeFileSync(path.join(dir, 'encrypted.pdf'), writePdf(textPdfObjects([PLAN_PAGE]), encryptTrailer()));
    fs.writeFileSync(path.join(dir, 'scan.pdf'), scanPdf(2));
    fs.writeFileSync(path.join(dir, 'x.pdf'), noise(4096, 11));
    fs.writeFileSync(path.join(dir, 'page.pdf'), '<!DOCTYPE html><html><body><h1>某市碳达峰实施方案</h1></body></html>');
    fs.writeFileSync(path.join(dir, 'plan.txt'), TEXT_PLAN);

    // 1 MB: the two small notices (about 140 KB) load, the 1.2 MB plan is refused by its size.
    const corpus = await loadCorpus({ corpusDir: dir, limits: { maxBytes: 1024 * 1024 } });

    expect(corpus.documents.map((d) => [d.meta.file, d.meta.format, d.meta.pages])).toEqual([
      [TIANJIN, 'pdf', 2],
      [ZHUHAI, 'pdf', 2],
      ['plan.txt', 'text', null],
    ]);
    for (const doc of corpus.documents) expect(doc.clauses.length).toBeGreaterThan(2);
    expect(corpus.documents.find((d) => d.meta.file === 'plan.txt')?.clauses.map((c) => c.eId)).toEqual(['part_1', 'part_1__item_1', 'part_2', 'part_2__p_1']);

    const expected: Array<[string, ErrorCode]> = [
      [NEIMENGGU, 'FILE_TOO_LARGE'],
      ['encrypted.pdf', 'PDF_ENCRYPTED'],
      ['page.pdf', 'FILE_CORRUPT'],
      ['scan.pdf', 'PDF_NO_TEXT'],
      ['truncated.pdf', 'FILE_CORRUPT'],
      ['x.pdf', 'FILE_CORRUPT'],
    ];
    expect(corpus.errors.map((e) => [e.file, e.code])).toEqual(expected);
    for (const e of corpus.errors) expectMessage(e, e.code as ErrorCode, e.file);
  }, 120_000);
});

describe('the extraction cache', () => {
  const cacheFiles = (dir: string) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];

  it('writes one entry per PDF; a second load extracts nothing; a file changed by one byte is extracted again', async () => {
    const dir = tempDir();
    const cacheDir = path.join(tempDir(), 'cache');
    for (const f of [ZHUHAI, TIANJIN]) fs.copyFileSync(path.join(REAL, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'plan.txt'), TEXT_PLAN);

    const first = await loadCorpus({ corpusDir: dir, cacheDir });
    expect(first.errors).toEqual([]);
    expect(first.documents).toHaveLength(3);
    // Plain text is not cached: it is cheaper to split than to read back.
    const entries = cacheFiles(cacheDir);
    expect(entries).toHaveLength(2);

    // With a 1 ms time limit any PDF that reached the worker would fail with EXTRACT_TIMEOUT:
    // a clean load proves both came from the cache, and they come back identical.
    const second = await loadCorpus({ corpusDir: dir, cacheDir, limits: { timeoutMs: 1 } });
    expect(second.errors).toEqual([]);
    expect(second.documents).toEqual(first.documents);
    expect(cacheFiles(cacheDir)).toEqual(entries);

    // One byte appended after %%EOF: same pages, new content hash, so no cache hit.
    fs.appendFileSync(path.join(dir, ZHUHAI), '\n');
    const stale = await loadCorpus({ corpusDir: dir, cacheDir, limits: { timeoutMs: 1 } });
    expect(stale.errors.map((e) => [e.file, e.code])).toEqual([[ZHUHAI, 'EXTRACT_TIMEOUT']]);
    expect(stale.documents.map((d) => d.meta.file)).toEqual([TIANJIN, 'plan.txt']);

    const third = await loadCorpus({ corpusDir: dir, cacheDir });
    expect(third.errors).toEqual([]);
    const after = cacheFiles(cacheDir);
    expect(after).toHaveLength(3);
    expect(after.filter((f) => !entries.includes(f))).toHaveLength(1);
    const before = first.documents.find((d) => d.meta.file === ZHUHAI);
    const changed = third.documents.find((d) => d.meta.file === ZHUHAI);
    expect(changed?.meta.contentHash).not.toBe(before?.meta.contentHash);
    expect(changed?.clauses).toEqual(before?.clauses);
  }, 120_000);
});
