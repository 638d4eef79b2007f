// The PDF layout on made-up pages with exact positions: paragraphs join by indentation and line
// width across page breaks, typesetting carry-overs do not end a paragraph, and page numbers,
// running headers and contents pages are left out. Regression tests name what broke.
import { describe, expect, it } from 'vitest';
import type { LineBlock } from '../../src/ingest/blocks.js';
import type { PdfPage, RawItem } from '../../src/ingest/pdf/lines.js';
import { layoutPages } from '../../src/ingest/pdf/layout.js';

const SIZE = 16;
const LEFT = 90;

/** One text line: Han characters are one type size wide, Latin letters and digits 0.55. */
function item(text: string, x: number, y: number, size = SIZE): RawItem {
  const width = [...text].reduce((w, c) => w + (/[\x20-\x7e]/u.test(c) ? 0.55 : 1) * size, 0);
  return [x, y, width, size, text, 'f'];
}

/** Lines of body text from the top margin down, 28 points apart. */
function page(lines: Array<string | [string, number]>, extra: RawItem[] = []): PdfPage {
  const items = lines.map((l, i) => {
    const [text, indent] = typeof l === 'string' ? [l, 0] : l;
    return item(text, LEFT + indent * SIZE, 100 + i * 28);
  });
  return { width: 595, height: 842, items: [...items, ...extra] };
}

const full = (n: number, ch = '测') => ch.repeat(n);
const texts = (pages: PdfPage[]) =>
  layoutPages(pages)
    .blocks.filter((b): b is LineBlock => b.type === 'line')
    .map((b) => b.text);

describe('paragraphs from positions', () => {
  it('regression: an indented first line that reaches the margin was taken for a centred heading and split from its paragraph', () => {
    const p = page([[`（一）指导思想。${full(15)}`, 2], full(25), full(25), '最后一行。', full(25, '甲'), full(10, '乙')]);
    // Frame: two full lines at 90…490; the indented first line also ends at 490.
    const out = texts([p]);
    expect(out[0]).toBe(`（一）指导思想。${full(15)}${full(25)}${full(25)}最后一行。`);
  });

  it('a line cut short because a number wraps whole (181.4万公顷) does not end the paragraph', () => {
    const p = page([[full(23), 2], `${full(22)}`, '181.4万公顷，占全省国土面积的9.76%。', [full(23, '新'), 2], full(25, '新')]);
    expect(texts([p])[0]).toBe(`${full(23)}${full(22)}181.4万公顷，占全省国土面积的9.76%。`);
  });

  it('a line short by one character because 五” may not start a line does not end the paragraph', () => {
    const p = page([[full(23), 2], `${full(23)}至“十三`, '五”期末，全省发展林下经济。', [full(23, '新'), 2], full(25, '新')]);
    expect(texts([p])[0]).toBe(`${full(23)}${full(23)}至“十三五”期末，全省发展林下经济。`);
  });

  it('a short last line, then an indented line, is two paragraphs', () => {
    const p = page([[full(23), 2], full(25), '结束。', [full(23, '新'), 2], full(25, '新')]);
    expect(texts([p])).toEqual([`${full(23)}${full(25)}结束。`, `${full(23, '新')}${full(25, '新')}`]);
  });

  it('a paragraph runs on across a page break, with its pages and the seam recorded', () => {
    const one = page([[full(23), 2], full(25), full(25, '前')], [item('— 1 —', 270, 800, 12)]);
    const two = page([`${full(10, '后')}。`, [full(23, '新'), 2], full(25, '新')], [item('— 2 —', 270, 800, 12)]);
    const blocks = layoutPages([one, two]).blocks.filter((b): b is LineBlock => b.type === 'line');
    expect(blocks[0]?.text).toBe(`${full(23)}${full(25)}${full(25, '前')}${full(10, '后')}。`);
    expect(blocks[0]?.pages).toEqual([1, 2]);
    expect(blocks[0]?.joins).toEqual([expect.objectContaining({ before: full(8, '前'), after: full(8, '后'), page: 2 })]);
    expect(blocks.some((b) => /—/u.test(b.text))).toBe(false);
  });
});

describe('page furniture and contents', () => {
  it('page numbers and a running header repeated at the head of every page are left out, and the printed numbers kept', () => {
    const words = ['甲', '乙', '丙'];
    const pages = [1, 2, 3].map((n) => page([[full(23, words[n - 1]), 2], full(25, words[n - 1]), `${words[n - 1]}段结束。`], [item('某市碳达峰实施方案', 200, 60, 12), item(`- ${n} -`, 280, 800, 12)]));
    const result = layoutPages(pages);
    const out = result.blocks.filter((b): b is LineBlock => b.type === 'line').map((b) => b.text);
    expect(out.every((t) => !t.includes('某市碳达峰实施方案') && !/-\s?\d\s?-/u.test(t))).toBe(true);
    expect(result.pageLabels).toEqual({ 1: '1', 2: '2', 3: '3' });
    expect(result.stats.runningHeaders).toBe(3);
  });

  it('a contents page with leader dots and page numbers is left out; the body keeps its headings', () => {
    const contents = page(['目  录', '一、总体要求……………………1', '二、主要目标……………………3', '三、重点任务……………………5']);
    const body = page([['一、总体要求', 2], [full(23), 2], full(25), ['二、主要目标', 2]]);
    const out = texts([contents, body]);
    expect(out).toEqual(['一、总体要求', `${full(23)}${full(25)}`, '二、主要目标']);
  });
});

describe('the title in large type', () => {
  it('regression: the 发文机关标志 in the largest type was taken for the title, and a title wrapped over lines of slightly different scanned sizes was cut', () => {
    const p = page([[full(23), 2], full(25), '结束。'], [item('某市人民政府文件', 150, 20, 30), item('某市人民政府关于印发《某市碳达峰', 120, 52, 22), item('实施方案》的通知', 200, 78, 21.2)]);
    expect(layoutPages([p]).layoutTitle).toBe('某市人民政府关于印发《某市碳达峰实施方案》的通知');
  });
});
