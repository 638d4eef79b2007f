// The Word and web-page extractors against the text path: each bundled plan, written as a .docx
// by the docx library and as a saved government page (UTF-8, GB18030 under gb2312/gbk), must
// parse into the same clause tree as its text; site chrome must not reach a block; broken,
// hostile and empty files must fail with a code that names them.
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { splitBlocks, type Block, type LineBlock, type TableBlock } from '../../src/ingest/blocks.js';
import { loadCatalog } from '../../src/ingest/catalog.js';
import { extractDocx } from '../../src/ingest/extract/docx.js';
import { extractHtml } from '../../src/ingest/extract/html.js';
import { htmlToBlocks } from '../../src/ingest/extract/html-blocks.js';
import { dropPageFurniture } from '../../src/ingest/extract/page-furniture.js';
import { readCentralDirectory } from '../../src/ingest/extract/zip-guard.js';
import { parseDocument } from '../../src/ingest/parse.js';
import type { Clause } from '../../src/ingest/types.js';
import { CHROME_MARKERS, governmentPage, PAGE_LAYOUTS, planAsArticleHtml, planAsDocx, writeZip, type PageLayout } from './extract-fixtures.js';

const CORPUS = 'corpus';
const catalog = loadCatalog(path.join(CORPUS, 'catalog.json'));
const PLANS = [...catalog.keys()].filter((f) => fs.existsSync(path.join(CORPUS, f))).sort();
const WITH_TABLE = 'leshan-carbon-peak-pilot.txt';

function plan(file: string): { text: string; blocks: Block[]; parse: (blocks: Block[]) => Clause[] } {
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  const entry = catalog.get(file);
  if (!entry) throw new Error(`no catalogue entry for ${file}`);
  // As ingestBytes calls it: the catalogue's id and title, whatever the blocks' source.
  const parse = (blocks: Block[]) => parseDocument({ docId: entry.id, title: entry.title, blocks }).clauses;
  return { text, blocks: splitBlocks(text).blocks, parse };
}

/** What a clause tree is made of, in order: ids, labels, kinds, texts, parents and table cells. */
const tree = (clauses: Clause[]) => clauses.map((c) => ({ eId: c.eId, label: c.label, kind: c.kind, text: c.text, parent: c.parentEId, cells: c.cells }));

const lineTexts = (blocks: Block[]) => blocks.map((b) => (b.type === 'line' ? b.text : `[表 ${b.header.join('|')} ×${b.rows.length}]`));

async function failure(run: Promise<unknown>): Promise<AppError> {
  try {
    await run;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the extractor to refuse the file');
}

/** Deterministic noise (xorshift32), so a failure can be replayed. */
function noise(length: number, seed = 2463534242): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('extractDocx: a Word file of each plan parses like its text', () => {
  it.each(PLANS)('%s', async (file) => {
    const p = plan(file);
    const extracted = await extractDocx(await planAsDocx(p.blocks), file.replace(/\.txt$/u, '.docx'));
    expect(extracted.format).toBe('docx');
    expect(extracted.pages).toBeNull();
    expect(extracted.layoutTitle).toBe((p.blocks[0] as LineBlock).text);
    // Soft line breaks split back into lines, indentation is trimmed: the very same blocks.
    expect(lineTexts(extracted.blocks)).toEqual(lineTexts(p.blocks));
    const want = tree(p.parse(p.blocks));
    expect(want.length).toBeGreaterThan(50);
    expect(tree(p.parse(extracted.blocks))).toEqual(want);
  });

  it('marks heading-styled paragraphs (English and Chinese style names) as headings, numbered by paragraph', async () => {
    const p = plan(WITH_TABLE);
    const { blocks } = await extractDocx(await planAsDocx(p.blocks), 'leshan.docx');
    const line = (text: string) => blocks.find((b): b is LineBlock => b.type === 'line' && b.text === text);
    expect(line('国家碳达峰试点（乐山）实施方案')).toMatchObject({ heading: true, hashes: 1 }); // Title
    expect(line('一、建设目标')).toMatchObject({ heading: true, hashes: 1 }); // Heading 1
    expect(line('（一）碳达峰主要目标。')).toMatchObject({ heading: true, hashes: 2 }); // 标题 2
    const body = blocks.find((b) => b.type === 'line' && b.text.startsWith('总目标：'));
    expect(body).toMatchObject({ hashes: 0, joins: [] });
    expect(body).not.toHaveProperty('heading');
    expect(blocks.map((b) => b.start)).toEqual(blocks.map((_, i) => i + 1));
    expect(blocks.every((b) => b.start === b.end)).toBe(true);
  });

  it('reads a Word table with merged 类别 cells as a markup table of the header width', async () => {
    const p = plan(WITH_TABLE);
    const { blocks } = await extractDocx(await planAsDocx(p.blocks), 'leshan.docx');
    const table = blocks.find((b): b is TableBlock => b.type === 'table');
    const source = p.blocks.find((b): b is TableBlock => b.type === 'table');
    expect(table?.layout).toBe('markup');
    expect(table?.header).toEqual(source?.header);
    expect(table?.rows.every((r) => r.length === table.header.length)).toBe(true);
    // The text export left merged cells empty; the Word table's merged cell fills each row it spans.
    expect(source?.rows[1]?.[1]).toBe('');
    expect(table?.rows[1]?.[1]).toBe('绿色低碳发展指标');
  });
});

interface PageCase {
  label: string;
  charsetMeta: string;
  encode: (html: string) => Uint8Array;
}

const ENCODINGS: PageCase[] = [
  { label: 'UTF-8', charsetMeta: '<meta charset="utf-8">', encode: (h) => Buffer.from(h, 'utf8') },
  { label: 'GB18030 under <meta charset="gb2312">', charsetMeta: '<meta charset="gb2312">', encode: (h) => iconv.encode(h, 'gb18030') },
  { label: 'GB18030 under http-equiv charset=gbk', charsetMeta: '<meta http-equiv="Content-Type" content="text/html; charset=gbk">', encode: (h) => iconv.encode(h, 'gb18030') },
];

function pageOf(file: string, options: { charsetMeta: string; layout: PageLayout }): string {
  const p = plan(file);
  const entry = catalog.get(file);
  return governmentPage({ title: (p.blocks[0] as LineBlock).text, docNumber: entry?.docNumber ?? '乐府发〔2023〕5号', article: planAsArticleHtml(p.blocks), ...options });
}

describe('extractHtml: a saved government page of each plan parses like its text', () => {
  it.each(PLANS)('%s (UTF-8, chrome in its own containers)', async (file) => {
    const p = plan(file);
    const extracted = await extractHtml(Buffer.from(pageOf(file, { charsetMeta: '<meta charset="utf-8">', layout: 'nested' })), 'page.html');
    expect(extracted.format).toBe('html');
    expect(extracted.layoutTitle).toBe((p.blocks[0] as LineBlock).text);
    expect(extracted.warnings).toEqual([]);
    expect(tree(p.parse(extracted.blocks))).toEqual(tree(p.parse(p.blocks)));
  });

  const cases = ENCODINGS.flatMap((enc) => PAGE_LAYOUTS.flatMap((layout) => [true, false].map((readability) => ({ enc, layout, readability }))));

  it.each(cases)('$enc.label, $layout layout, Readability $readability: same tree, no chrome', async ({ enc, layout, readability }) => {
    const p = plan(WITH_TABLE);
    const bytes = enc.encode(pageOf(WITH_TABLE, { charsetMeta: enc.charsetMeta, layout }));
    // The GB18030 pages must really be GB18030 (not UTF-8 passed through), or this proves nothing.
    expect(isUtf8(bytes)).toBe(enc.label === 'UTF-8');
    const extracted = await extractHtml(bytes, 'leshan.html', { readability });
    expect(extracted.encoding).toBe(enc.label === 'UTF-8' ? 'utf-8' : 'gb18030');
    expect(extracted.warnings).toEqual([]);
    expect(extracted.layoutTitle).toBe('国家碳达峰试点（乐山）实施方案');
    expect(tree(p.parse(extracted.blocks))).toEqual(tree(p.parse(p.blocks)));
    const markers = CHROME_MARKERS.filter((m) => !p.text.includes(m));
    expect(markers.length).toBeGreaterThan(10);
    const everyText = extracted.blocks.flatMap((b) => (b.type === 'line' ? [b.text] : [...b.header, ...b.rows.flat()]));
    for (const marker of [...markers, '微信', '微博', '首页', '乐山市人民政府网站']) {
      expect(
        everyText.filter((t) => t.includes(marker)),
        marker,
      ).toEqual([]);
    }
  });

  it('decodes by the bytes when a page re-saved as UTF-8 still declares gb2312, and says so', async () => {
    const html = pageOf(WITH_TABLE, { charsetMeta: '<meta charset="gb2312">', layout: 'nested' });
    const extracted = await extractHtml(Buffer.from(html, 'utf8'), 'resaved.html');
    expect(extracted.layoutTitle).toBe('国家碳达峰试点（乐山）实施方案');
    expect(extracted.warnings).toEqual(['网页声明的编码为 gb2312，实际按 utf-8 解码：resaved.html']);
  });

  it('a saved page states its own address (canonical link, else og:url): the source a citation points to; nothing else is taken', async () => {
    const body = '<body><h1>某市碳达峰实施方案</h1><div id="zoom"><p>一、总体要求</p><p>为深入贯彻落实党中央、国务院关于碳达峰碳中和的重大战略决策，扎实推进本市碳达峰工作，结合实际制定本方案。</p></div></body></html>';
    const page = (head: string) => Buffer.from(`<html><head><meta charset="utf-8">${head}</head>${body}`, 'utf8');
    expect((await extractHtml(page('<link rel="canonical" href="https://www.example.gov.cn/zwgk/1.html">'), 'a.html')).sourceUrl).toBe('https://www.example.gov.cn/zwgk/1.html');
    expect((await extractHtml(page('<meta property="og:url" content="http://www.example.gov.cn/2.html">'), 'b.html')).sourceUrl).toBe('http://www.example.gov.cn/2.html');
    for (const bad of ['<link rel="canonical" href="javascript:alert(1)">', '<link rel="canonical" href="/zwgk/1.html">', '']) {
      expect((await extractHtml(page(bad), 'c.html')).sourceUrl, bad).toBeNull();
    }
  });

  it('keeps the title line once: printed as the <h1> and again as the body’s first paragraph', async () => {
    const html = `<html><head><meta charset="utf-8"><title>某市碳达峰实施方案 - 某市人民政府</title></head><body><div class="article">
      <h1>某市碳达峰实施方案</h1><div id="zoom"><p align="center"><strong>某市 碳达峰实施方案</strong></p><p>一、总体要求</p>
      <p>为深入贯彻落实党中央、国务院关于碳达峰碳中和的重大战略决策，扎实推进本市碳达峰工作，结合实际制定本方案。</p></div></div></body></html>`;
    for (const readability of [true, false]) {
      const extracted = await extractHtml(Buffer.from(html), 'twice.html', { readability });
      expect(extracted.layoutTitle).toBe('某市碳达峰实施方案');
      expect(lineTexts(extracted.blocks).slice(0, 2)).toEqual(['某市碳达峰实施方案', '一、总体要求']);
    }
  });

  it('without Readability, finds an article whose paragraphs are each wrapped in a <div>, not the sidebar', async () => {
    const para = (n: number) => `<div class="para">（${n}）推进第${n}项重点任务。加快构建清洁低碳安全高效的能源体系，推动产业结构和能源结构优化调整。</div>`;
    const html = `<html><head><meta charset="utf-8"><title>某县碳达峰实施方案_某县人民政府</title></head><body>
      <div class="side"><div>热点专题</div><ul><li><a href="#">全国文明城市创建工作动态与各部门最新进展通报</a></li><li><a href="#">优化营商环境十条措施政策解读与常见问题问答</a></li></ul></div>
      <div class="article"><h2>某县碳达峰实施方案</h2><div class="body">${[1, 2, 3, 4, 5].map(para).join('')}</div></div></body></html>`;
    const extracted = await extractHtml(Buffer.from(html), 'divs.html', { readability: false });
    expect(lineTexts(extracted.blocks)).toEqual(['某县碳达峰实施方案', ...[1, 2, 3, 4, 5].map((n) => `（${n}）推进第${n}项重点任务。加快构建清洁低碳安全高效的能源体系，推动产业结构和能源结构优化调整。`)]);
  });

  it('decodes a declared charset outside the UTF-8 and GB families (Big5)', async () => {
    const html = '<html><head><meta charset="big5"><title>臺灣減碳方案</title></head><body><h1>臺灣減碳方案</h1><p>一、總體要求</p><p>推動能源轉型，發展再生能源。</p></body></html>';
    const extracted = await extractHtml(iconv.encode(html, 'big5'), 'big5.html');
    expect(lineTexts(extracted.blocks)).toEqual(['臺灣減碳方案', '一、總體要求', '推動能源轉型，發展再生能源。']);
  });
});

describe('htmlToBlocks', () => {
  it('splits a <p> at <br>, trims &nbsp; and ideographic-space indentation, drops blank paragraphs', () => {
    const blocks = htmlToBlocks('<p>&nbsp;&nbsp;一、总体要求<br/>\u3000\u3000（一）指导思想。<br><br>到 2025 年，目标。</p><p>&nbsp; \u3000</p><div>   </div>');
    expect(lineTexts(blocks)).toEqual(['一、总体要求', '（一）指导思想。', '到2025年，目标。']);
    expect(blocks.map((b) => [b.start, b.end])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('reads headings with their level, a <br> inside one as a wrap, and a leading bold run as the lead', () => {
    const blocks = htmlToBlocks('<h3>某市碳达峰<br>实施方案</h3><p><b>（一）指导思想。</b>以新发展理念为指导。</p><div>直接文字<p>段落</p>尾部</div>');
    expect(blocks[0]).toMatchObject({ text: '某市碳达峰实施方案', hashes: 3, heading: true });
    expect(blocks[1]).toMatchObject({ text: '（一）指导思想。以新发展理念为指导。', hashes: 0, boldLead: '（一）指导思想。' });
    expect(lineTexts(blocks.slice(2))).toEqual(['直接文字', '段落', '尾部']);
  });

  it('ends a line at each newline inside <pre>', () => {
    expect(lineTexts(htmlToBlocks('<pre>一、总体要求\n  （一）指导思想。\r\n\n到2025年，目标。</pre><p>后记</p>'))).toEqual(['一、总体要求', '（一）指导思想。', '到2025年，目标。', '后记']);
  });

  it('leaves out scripts, styles and hidden elements', () => {
    const blocks = htmlToBlocks('<p>正文。<script>var a = "脚本";</script></p><style>p{}</style><p hidden>隐藏一</p><p style="display: none">隐藏二</p><p>结尾。</p>');
    expect(lineTexts(blocks)).toEqual(['正文。', '结尾。']);
  });

  it('expands rowspan down and colspan across, merging a two-row header', () => {
    const [table] = htmlToBlocks(`<table>
      <thead><tr><th rowspan="2">序号</th><th rowspan="2">指标</th><th colspan="2">2025年</th></tr><tr><th>目标</th><th>属性</th></tr></thead>
      <tbody><tr><td>1</td><td rowspan="2">非化石能源消费比重</td><td>30%</td><td>约束性</td></tr>
      <tr><td>2</td><td>35%</td><td>预期性</td></tr>
      <tr><td colspan="4">注：合计</td></tr><tr><td>3</td></tr></tbody></table>`);
    expect(table).toMatchObject({
      type: 'table',
      layout: 'markup',
      header: ['序号', '指标', '2025年 目标', '2025年 属性'],
      rows: [
        ['1', '非化石能源消费比重', '30%', '约束性'],
        ['2', '非化石能源消费比重', '35%', '预期性'],
        ['注：合计', '', '', ''],
        ['3', '', '', ''],
      ],
    });
  });

  it('takes the first row as the header when there is no thead, and joins a cell’s paragraphs', () => {
    const [table] = htmlToBlocks('<table><tr><td><p>类别</p></td><td>项目</td></tr><tr><td><p>能源</p><p>结构</p></td><td>光伏<br>风电</td></tr></table>');
    expect(table).toMatchObject({ header: ['类别', '项目'], rows: [['能源结构', '光伏风电']] });
  });

  it('reads layout tables (one column, one row, or holding another table) as paragraphs', () => {
    const blocks = htmlToBlocks(`<table><tr><td><p>专栏1 重点工程</p><p>光伏发电工程。建设光伏电站。</p></td></tr></table>
      <table><tr><td>某市人民政府</td><td>2024年1月11日</td></tr></table>
      <table><tr><td>导航</td><td><p>一、总体要求</p><table><tr><td>指标</td><td>目标</td></tr><tr><td>比重</td><td>30%</td></tr></table></td></tr></table>`);
    expect(lineTexts(blocks)).toEqual(['专栏1重点工程', '光伏发电工程。建设光伏电站。', '某市人民政府', '2024年1月11日', '导航', '一、总体要求', '[表 指标|目标 ×1]']);
  });
});

describe('dropPageFurniture', () => {
  const line = (text: string, n: number): LineBlock => ({ type: 'line', text, hashes: 0, boldLead: null, start: n, end: n, joins: [] });
  const table = (header: string[], rows: string[][], n: number): TableBlock => ({ type: 'table', layout: 'markup', header, rows, start: n, end: n });
  const body = '为深入贯彻落实党中央、国务院关于碳达峰碳中和的重大战略决策，扎实推进本市碳达峰工作，结合实际制定本方案。';

  it('drops a metadata table and metadata lines, keeps a lone 发文字号 line and a policy list table', () => {
    const blocks: Block[] = [
      table(['索引号', '000014349/2023-00012', '发布机构', '乐山市人民政府'], [['发文字号', '乐府发〔2023〕5号', '成文日期', '2023-05-06']], 1),
      line('发布机构：乐山市人民政府 成文日期：2023年5月6日', 2),
      line('主题分类：城乡建设', 3),
      line('公文种类：通知', 4),
      line('某市碳达峰实施方案', 5),
      line('发文字号：乐府发〔2023〕5号', 6),
      line(body, 7),
      table(['序号', '文件名称', '文号', '发布日期'], [['1', '四川省碳达峰实施方案', '川府发〔2022〕37号', '2022-12-09']], 8),
      line(body, 9),
    ];
    const { blocks: kept, dropped } = dropPageFurniture(blocks);
    expect(lineTexts(kept)).toEqual(['某市碳达峰实施方案', '发文字号：乐府发〔2023〕5号', body, '[表 序号|文件名称|文号|发布日期 ×1]', body]);
    expect(dropped).toBe(4);
  });

  it('drops a one-row metadata table, which the converter reads cell by cell', () => {
    const html = `<table><tr><td>索引号：</td><td>000014349/2023-00012</td><td>发文字号：</td><td>乐府发〔2023〕5号</td></tr></table>
      <p>某市碳达峰实施方案</p><p>${body}</p>`;
    expect(lineTexts(dropPageFurniture(htmlToBlocks(html)).blocks)).toEqual(['某市碳达峰实施方案', body]);
  });

  it('drops chrome before and after the article but keeps a 来源 note between its paragraphs', () => {
    const blocks: Block[] = [
      line('首页 > 政务公开 > 政策文件', 1),
      line('来源：市发展改革委 发布时间：2023-05-10', 2),
      line(body, 3),
      line('来源：四川统计年鉴2022。', 4),
      line(body, 5),
      line('【打印本页】 【关闭窗口】', 6),
      line('蜀ICP备05003360号', 7),
    ];
    expect(lineTexts(dropPageFurniture(blocks).blocks)).toEqual([body, '来源：四川统计年鉴2022。', body]);
  });
});

describe('refused files', () => {
  const docMain = (xml: string) => ({ name: 'word/document.xml', data: Buffer.from(xml, 'utf8') });
  const contentTypes = { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'utf8') };

  it('reads the docx library’s own archive: its parts and sizes, nothing inflated', async () => {
    const bytes = await planAsDocx(plan(WITH_TABLE).blocks);
    const main = readCentralDirectory(bytes, 'x.docx').find((e) => e.name === 'word/document.xml');
    expect(main?.uncompressedSize).toBeGreaterThan(main?.compressedSize ?? Infinity);
  });

  it('a truncated .docx, random bytes, a zip without word/document.xml, unreadable XML: FILE_CORRUPT', async () => {
    const whole = await planAsDocx(plan(WITH_TABLE).blocks);
    const inputs: Array<[string, Uint8Array]> = [
      ['truncated.docx', whole.subarray(0, Math.floor(whole.length * 0.6))],
      ['cut-in-directory.docx', whole.subarray(0, whole.length - 30)],
      ['noise.docx', noise(8192)],
      ['old-word.docx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from(noise(4096))])],
      ['no-main-part.docx', writeZip([contentTypes, { name: 'word/styles.xml', data: Buffer.from('<w:styles/>') }])],
      ['bad-xml.docx', writeZip([contentTypes, docMain('<w:document><w:body><w:p>未闭合')])],
    ];
    for (const [name, bytes] of inputs) {
      const err = await failure(extractDocx(bytes, name));
      expect([name, err.code]).toEqual([name, 'FILE_CORRUPT']);
      expect(err.message).toContain(name);
    }
    const oldWord = inputs.find(([name]) => name === 'old-word.docx')?.[1] ?? new Uint8Array();
    expect((await failure(extractDocx(oldWord, 'old-word.docx'))).message).toContain('旧版 .doc 或加密的 Word 文件');
  });

  it('a zip bomb by its declared sizes: FILE_TOO_LARGE from the central directory alone', async () => {
    // The stored data is noise, not deflate: inflating any of it would fail as FILE_CORRUPT instead.
    const bombs: Array<[string, Parameters<typeof writeZip>[0], RegExp]> = [
      // 40 parts of 8 MB: each under the ratio rule's 10 MB floor, together 320 MB.
      [
        'total.docx',
        [contentTypes, ...Array.from({ length: 40 }, (_, i) => ({ name: i === 0 ? 'word/document.xml' : `word/media/image${i}.xml`, data: noise(1024, i + 1), method: 8 as const, declaredSize: 8 * 1024 * 1024 }))],
        /解压后共 320\.0 MB，上限 200\.0 MB/u,
      ],
      ['ratio.docx', [contentTypes, { name: 'word/document.xml', data: noise(1024), method: 8, declaredSize: 50 * 1024 * 1024 }], /压缩比超过 200:1/u],
      ['zip64.docx', [contentTypes, { name: 'word/document.xml', data: noise(2048), method: 8, declaredSize: 5 * 1024 ** 3, zip64: true }], /word\/document\.xml/u],
    ];
    for (const [name, parts, detail] of bombs) {
      const started = performance.now();
      const err = await failure(extractDocx(writeZip(parts), name));
      expect([name, err.code]).toEqual([name, 'FILE_TOO_LARGE']);
      expect(err.message).toMatch(detail);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it('a part that inflates past the size its directory declares: FILE_TOO_LARGE, inflation stopped there', async () => {
    const zeros = zlib.deflateRawSync(Buffer.alloc(20 * 1024 * 1024));
    const liar = writeZip([contentTypes, { name: 'word/document.xml', data: zeros, method: 8, declaredSize: 1000 }]);
    const err = await failure(extractDocx(liar, 'liar.docx'));
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toContain('超过其声明的 1000 字节');
  });

  it('a Word file without text, an empty file: FILE_EMPTY', async () => {
    const blank = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })));
    expect((await failure(extractDocx(blank, 'blank.docx'))).code).toBe('FILE_EMPTY');
    expect((await failure(extractDocx(new Uint8Array(0), 'zero.docx'))).code).toBe('FILE_EMPTY');
  });

  it('a page with no article text is FILE_EMPTY (not FILE_NO_STRUCTURE: there is no text to structure)', async () => {
    const shell = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件_乐山市人民政府网站</title><script>render("#app")</script></head>
      <body><nav><a href="/">首页</a><a href="/zwgk/">政务公开</a></nav><div id="app"></div><p>&nbsp;</p></body></html>`;
    const err = await failure(extractHtml(Buffer.from(shell), 'shell.html'));
    expect(err.code).toBe('FILE_EMPTY');
    expect(err.message).toBe('文件为空：shell.html（网页中没有正文文字）');
  });

  it('random bytes named .html: FILE_BINARY; an empty .html: FILE_EMPTY', async () => {
    expect((await failure(extractHtml(noise(4096), 'noise.html'))).code).toBe('FILE_BINARY');
    expect((await failure(extractHtml(new Uint8Array(0), 'zero.html'))).code).toBe('FILE_EMPTY');
  });
});
