// A broken corpus file (empty, blank, binary, undecodable, a duplicate id, unreadable) is
// reported by name with its code, while every other file, in any supported encoding, still loads.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { realCorpus, tempDir } from '../helpers.js';

const GBK_PLAN = '某县碳达峰实施方案\n\n一、总体要求\n\n（一）指导思想。坚持稳中求进。\n\n二、主要目标\n\n到2025年，非化石能源消费比重达到40%。\n';
// Needs GB18030 proper: ཀ (U+0F40) and 𠀀 (U+20000) are four-byte sequences, outside GBK.
const GB18030_PLAN = '某自治县碳达峰实施方案\n\n一、总体要求\n\n（一）基本原则。尊重藏文名称ཀ和生僻字𠀀的写法。\n';
const UTF16_PLAN = '某区碳达峰实施方案\n\n一、总体要求\n\n（一）工作目标。到2030年实现碳达峰。\n';

/** What each broken file in the folder must be reported as. */
const BROKEN: Record<string, string> = {
  'empty.txt': 'FILE_EMPTY',
  'blank.txt': 'FILE_EMPTY',
  'bom-only.txt': 'FILE_EMPTY',
  'binary.txt': 'FILE_BINARY',
  'broken.txt': 'FILE_UNDECODABLE',
  'stray-byte.txt': 'FILE_UNDECODABLE',
  'chengdu-carbon-peak-2024.md': 'FILE_DUPLICATE_ID',
  'folder.txt': 'FILE_UNREADABLE',
};

function corpusWithProblems(): string {
  const dir = tempDir();
  for (const f of fs.readdirSync(DEFAULTS.corpusDir)) fs.copyFileSync(path.join(DEFAULTS.corpusDir, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'blank.txt'), ' \n\t\r\n\u3000\n');
  fs.writeFileSync(path.join(dir, 'bom-only.txt'), Buffer.from([0xef, 0xbb, 0xbf]));
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
  fs.writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0xe7, 0xa2, 0xb3, 0xff, 0xfe, 0xff, 0x80]));
  // A real plan with one stray byte in the middle: invalid UTF-8, and not GB18030 either.
  const plan = fs.readFileSync(path.join(DEFAULTS.corpusDir, 'leshan-carbon-peak-pilot.txt'));
  const middle = plan.indexOf(0x0a, Math.floor(plan.length / 2)) + 1;
  fs.writeFileSync(path.join(dir, 'stray-byte.txt'), Buffer.concat([plan.subarray(0, middle), Buffer.from([0xc3]), plan.subarray(middle)]));
  // An uncatalogued copy whose file name gives the id of a catalogued plan.
  fs.copyFileSync(path.join(DEFAULTS.corpusDir, 'chengdu-carbon-peak-2024.txt'), path.join(dir, 'chengdu-carbon-peak-2024.md'));
  fs.mkdirSync(path.join(dir, 'folder.txt'));
  fs.writeFileSync(path.join(dir, 'some-county.txt'), iconv.encode(GBK_PLAN, 'gbk'));
  fs.writeFileSync(path.join(dir, 'gb18030-county.txt'), iconv.encode(GB18030_PLAN, 'gb18030'));
  fs.writeFileSync(path.join(dir, 'utf16-district.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UTF16_PLAN, 'utf16le')]));
  return dir;
}

const dir = corpusWithProblems();
const corpus = await loadCorpus({ corpusDir: dir });

describe('loadCorpus with broken files', () => {
  it('reports each broken file by name with its code, in file-name order', () => {
    const byFile = Object.fromEntries(corpus.errors.map((e) => [e.file, e.code]));
    expect(byFile).toEqual(BROKEN);
    for (const e of corpus.errors) expect(e.message).toContain(e.file);
    expect(corpus.errors.map((e) => e.file)).toEqual(Object.keys(BROKEN).sort());
  });

  it('still loads the five plans and the uncatalogued GBK, GB18030 and UTF-16 files', () => {
    expect(corpus.documents.map((d) => d.meta.id).sort()).toEqual([...realCorpus().documents.map((d) => d.meta.id), 'some-county', 'gb18030-county', 'utf16-district'].sort());
    const extra = corpus.documents.find((d) => d.meta.id === 'some-county');
    expect(extra?.meta).toMatchObject({ title: '某县碳达峰实施方案', encoding: 'gb18030', catalogued: false, level: null });
    expect(extra?.clauses.map((c) => c.label)).toEqual(['一', '一（一）', '二', '二第1段']);
    expect(extra?.clauses[1]?.lead).toBe('指导思想');
    const gb = corpus.documents.find((d) => d.meta.id === 'gb18030-county');
    expect(gb?.meta.encoding).toBe('gb18030');
    expect(gb?.clauses.some((c) => c.text.includes('藏文名称ཀ和生僻字𠀀'))).toBe(true);
    const utf16 = corpus.documents.find((d) => d.meta.id === 'utf16-district');
    expect(utf16?.meta).toMatchObject({ title: '某区碳达峰实施方案', encoding: 'utf-16le' });
  });

  it('loads the good plans exactly as from the clean corpus', () => {
    for (const clean of realCorpus().documents) {
      const loaded = corpus.documents.find((d) => d.meta.id === clean.meta.id);
      expect(loaded?.meta.file).toBe(clean.meta.file);
      expect(loaded?.clauses.map((c) => [c.id, c.text])).toEqual(clean.clauses.map((c) => [c.id, c.text]));
    }
  });

  it('warns, naming the file, when a document has no catalogue entry', () => {
    expect(corpus.warnings.some((w) => w.file === 'some-county.txt' && w.message.includes('some-county.txt'))).toBe(true);
  });

  it('reports a duplicate document id instead of loading it twice, naming both files', async () => {
    const dup = tempDir();
    fs.writeFileSync(path.join(dup, 'A-B.txt'), '甲方案\n\n一、总则\n\n内容。');
    fs.writeFileSync(path.join(dup, 'a-b.txt'), '乙方案\n\n一、总则\n\n内容。');
    const c = await loadCorpus({ corpusDir: dup });
    expect(c.documents).toHaveLength(1);
    expect(c.errors).toEqual([expect.objectContaining({ file: 'a-b.txt', code: 'FILE_DUPLICATE_ID' })]);
    expect(c.errors[0]?.message).toMatch(/a-b\.txt.*A-B\.txt/u);
  });

  it('reports two catalogue entries with the same id as a duplicate', async () => {
    const dup = tempDir();
    fs.writeFileSync(path.join(dup, 'one.txt'), '甲方案\n\n一、总则\n\n内容。');
    fs.writeFileSync(path.join(dup, 'two.txt'), '乙方案\n\n一、总则\n\n内容。');
    fs.writeFileSync(
      path.join(dup, 'catalog.json'),
      JSON.stringify({
        documents: [
          { file: 'one.txt', id: 'same', title: '甲' },
          { file: 'two.txt', id: 'same', title: '乙' },
        ],
      }),
    );
    const c = await loadCorpus({ corpusDir: dup });
    expect(c.documents.map((d) => d.meta.file)).toEqual(['one.txt']);
    expect(c.errors).toEqual([expect.objectContaining({ file: 'two.txt', code: 'FILE_DUPLICATE_ID' })]);
  });

  it('regression: a catalogued plan keeps its id when an uncatalogued file name gives the same id (the stray copy sorted first and won)', () => {
    const chengdu = corpus.documents.find((d) => d.meta.id === 'chengdu-carbon-peak-2024');
    expect(chengdu?.meta).toMatchObject({ file: 'chengdu-carbon-peak-2024.txt', catalogued: true });
    expect(corpus.errors.find((e) => e.file === 'chengdu-carbon-peak-2024.md')?.message).toContain('chengdu-carbon-peak-2024.txt');
  });

  it("regression: a file that cannot be read gets a Chinese FILE_UNREADABLE message naming it, not Node's English error", () => {
    const e = corpus.errors.find((p) => p.file === 'folder.txt');
    expect(e?.message).toBe('文件无法读取：folder.txt（EISDIR）');
  });

  it('regression: uncatalogued files with Chinese names get distinct ids', async () => {
    const dir2 = tempDir();
    fs.writeFileSync(path.join(dir2, '成都方案.txt'), '甲方案\n\n一、总则\n\n内容。');
    fs.writeFileSync(path.join(dir2, '绵阳方案.txt'), '乙方案\n\n一、总则\n\n内容。');
    const c = await loadCorpus({ corpusDir: dir2 });
    expect(c.errors).toEqual([]);
    expect(c.documents).toHaveLength(2);
    for (const d of c.documents) expect(d.meta.id).toMatch(/^doc-[0-9a-f]{8}$/u);
  });

  it('fails clearly when the corpus folder does not exist', async () => {
    await expect(loadCorpus({ corpusDir: path.join(dir, 'nope') })).rejects.toThrow(/语料目录不存在/u);
  });
});
