// One corpus folder with a plan in each published format: a real PDF, a Word file and a saved
// government page built from a bundled plan, and a text plan, all through loadCorpus. Each
// loads with its format; the Word file and the web page give the same clause tree as the text
// they were made from; and the PDF's clauses carry their pages into the citation.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { splitBlocks } from '../../src/ingest/blocks.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import type { LineBlock } from '../../src/ingest/blocks.js';
import { governmentPage, planAsArticleHtml, planAsDocx } from './extract-fixtures.js';
import { tempDir } from '../helpers.js';

const REAL = path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real');
const PDF = '140、包头市深入推进林业草原碳汇三年行动计划（2021—2023年）.pdf';
const PLAN = path.join(PROJECT_ROOT, 'corpus', 'quxian-carbon-peak-revised.txt');

describe('a corpus folder of PDF, Word, web page and text', async () => {
  const dir = tempDir();
  const text = fs.readFileSync(PLAN, 'utf8');
  const blocks = splitBlocks(text).blocks;
  fs.copyFileSync(path.join(REAL, PDF), path.join(dir, 'baotou.pdf'));
  fs.writeFileSync(path.join(dir, 'quxian.txt'), text);
  fs.writeFileSync(path.join(dir, 'quxian-word.docx'), await planAsDocx(blocks));
  const title = (blocks[0] as LineBlock).text;
  fs.writeFileSync(path.join(dir, 'quxian-page.html'), governmentPage({ title, docNumber: '渠府发〔2023〕1号', article: planAsArticleHtml(blocks), charsetMeta: '<meta charset="utf-8">', layout: 'nested' }));
  const corpus = await loadCorpus({ corpusDir: dir, cacheDir: path.join(dir, '.cache') });
  const byFile = (file: string) => corpus.documents.find((d) => d.meta.file === file);

  it('loads all four, each with its format', () => {
    expect(corpus.errors).toEqual([]);
    expect(corpus.documents.map((d) => [d.meta.file, d.meta.format]).sort()).toEqual([
      ['baotou.pdf', 'pdf'],
      ['quxian-page.html', 'html'],
      ['quxian-word.docx', 'docx'],
      ['quxian.txt', 'text'],
    ]);
  });

  it('the Word file and the web page parse into the clause tree of the text they came from', () => {
    const tree = (file: string) => byFile(file)?.clauses.map((c) => [c.eId, c.label, c.kind, c.text]);
    expect(tree('quxian-word.docx')).toEqual(tree('quxian.txt'));
    expect(tree('quxian-page.html')).toEqual(tree('quxian.txt'));
    expect(tree('quxian.txt')?.length).toBeGreaterThan(50);
  });

  it('the PDF has its page count, and every clause its pages, in range', () => {
    const pdf = byFile('baotou.pdf');
    expect(pdf?.meta.pages).toBe(4);
    expect(pdf?.meta.title).toBe('包头市深入推进林业草原碳汇三年行动计划（2021—2023年）');
    for (const c of pdf?.clauses ?? []) {
      expect(c.pages?.[0]).toBeGreaterThanOrEqual(1);
      expect(c.pages?.[1]).toBeLessThanOrEqual(4);
    }
    expect(byFile('quxian.txt')?.clauses.every((c) => c.pages === null)).toBe(true);
  });
});
