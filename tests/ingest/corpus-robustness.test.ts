// A broken corpus file is reported by name while every other file still loads.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { tempDir } from '../helpers.js';

function corpusWithProblems(): string {
  const dir = tempDir();
  for (const f of fs.readdirSync(DEFAULTS.corpusDir)) fs.copyFileSync(path.join(DEFAULTS.corpusDir, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
  fs.writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0xe7, 0xa2, 0xb3, 0xff, 0xfe, 0xff, 0x80]));
  const gbk = '某县碳达峰实施方案\n\n一、总体要求\n\n（一）指导思想。坚持稳中求进。\n\n二、主要目标\n\n到2025年，非化石能源消费比重达到40%。\n';
  fs.writeFileSync(path.join(dir, 'some-county.txt'), iconv.encode(gbk, 'gbk'));
  return dir;
}

describe('loadCorpus with broken files', () => {
  const dir = corpusWithProblems();
  const corpus = loadCorpus({ corpusDir: dir });

  it('reports each broken file by name with its code', () => {
    const byFile = Object.fromEntries(corpus.errors.map((e) => [e.file, e.code]));
    expect(byFile).toEqual({ 'empty.txt': 'FILE_EMPTY', 'binary.txt': 'FILE_BINARY', 'broken.txt': 'FILE_UNDECODABLE' });
    for (const e of corpus.errors) expect(e.message).toContain(e.file);
  });

  it('still loads the five plans and the uncatalogued GBK file', () => {
    expect(corpus.documents).toHaveLength(6);
    const extra = corpus.documents.find((d) => d.meta.id === 'some-county');
    expect(extra?.meta).toMatchObject({ title: '某县碳达峰实施方案', encoding: 'gb18030', catalogued: false, level: null });
    expect(extra?.clauses.map((c) => c.label)).toEqual(['一', '一（一）', '二', '二第1段']);
    expect(extra?.clauses[1]?.citation).toBe('《某县碳达峰实施方案》一（一）“指导思想”');
  });

  it('warns, naming the file, when a document has no catalogue entry', () => {
    expect(corpus.warnings.some((w) => w.file === 'some-county.txt' && w.message.includes('some-county.txt'))).toBe(true);
  });

  it('reports a duplicate document id instead of loading it twice', () => {
    const dup = tempDir();
    fs.writeFileSync(path.join(dup, 'A-B.txt'), '甲方案\n\n一、总则\n\n内容。');
    fs.writeFileSync(path.join(dup, 'a-b.txt'), '乙方案\n\n一、总则\n\n内容。');
    const c = loadCorpus({ corpusDir: dup });
    expect(c.documents).toHaveLength(1);
    expect(c.errors).toEqual([expect.objectContaining({ file: 'a-b.txt', code: 'FILE_DUPLICATE_ID' })]);
  });

  it('regression: uncatalogued files with Chinese names get distinct ids', () => {
    const dir2 = tempDir();
    fs.writeFileSync(path.join(dir2, '成都方案.txt'), '甲方案\n\n一、总则\n\n内容。');
    fs.writeFileSync(path.join(dir2, '绵阳方案.txt'), '乙方案\n\n一、总则\n\n内容。');
    const c = loadCorpus({ corpusDir: dir2 });
    expect(c.errors).toEqual([]);
    expect(c.documents).toHaveLength(2);
    for (const d of c.documents) expect(d.meta.id).toMatch(/^doc-[0-9a-f]{8}$/u);
  });

  it('fails clearly when the corpus folder does not exist', () => {
    expect(() => loadCorpus({ corpusDir: path.join(dir, 'nope') })).toThrow(/语料目录不存在/u);
  });
});
