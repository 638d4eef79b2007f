// Test fixtures for the Word and web-page extractors, made from a plan's text blocks: a .docx
// written with the docx library, a saved government page with its site chrome, and hand-made
// zip archives (a tiny writer that can also lie about sizes, for the zip-bomb tests).
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Block, LineBlock, TableBlock } from '../../src/ingest/blocks.js';
import { isTitleOnly } from '../../src/ingest/blocks.js';
import { parseMarker } from '../../src/ingest/numbering.js';

/** Paragraph style whose only name is Chinese, as Chinese Word and WPS files name headings. */
export const CHINESE_HEADING_STYLE = { id: 'CnHeading2', name: '标题 2' };

const HEADING_BY_HASHES = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** How a plan line is set in Word: markdown headings and numbered title lines take heading styles. */
export function headingKind(block: LineBlock, index: number): 'title' | 'hashes' | 'part' | 'item' | null {
  if (index === 0) return 'title';
  if (block.hashes > 0) return 'hashes';
  const marker = parseMarker(block.text);
  if (marker && isTitleOnly(marker.rest) && marker.kind === 'part') return 'part';
  if (marker && isTitleOnly(marker.rest) && marker.kind === 'item') return 'item';
  return null;
}

/** Lines that are neither headings nor tables may be merged with the next by a line break. */
function plain(blocks: Block[], i: number): boolean {
  const b = blocks[i];
  return b?.type === 'line' && headingKind(b, i) === null;
}

/** Every fifth plain line shares its paragraph with the next one, split by a soft line break. */
export function joinsNext(blocks: Block[], i: number): boolean {
  return i % 5 === 2 && plain(blocks, i) && plain(blocks, i + 1);
}

function runs(block: LineBlock, indent: boolean): TextRun[] {
  const pad = indent ? '\u3000\u3000' : '';
  const lead = block.boldLead;
  if (lead && block.text.startsWith(lead)) {
    return [new TextRun({ text: pad + lead, bold: true }), new TextRun(block.text.slice(lead.length))];
  }
  return [new TextRun(pad + block.text)];
}

function wordParagraph(blocks: Block[], i: number): Paragraph {
  const block = blocks[i] as LineBlock;
  const kind = headingKind(block, i);
  const children = runs(block, i % 7 === 3);
  if (joinsNext(blocks, i)) children.push(new TextRun({ break: 1 }), ...runs(blocks[i + 1] as LineBlock, false));
  if (kind === 'title') return new Paragraph({ heading: HeadingLevel.TITLE, children });
  if (kind === 'hashes') return new Paragraph({ heading: HEADING_BY_HASHES[block.hashes - 1], children });
  if (kind === 'part') return new Paragraph({ heading: HeadingLevel.HEADING_1, children });
  if (kind === 'item') return new Paragraph({ style: CHINESE_HEADING_STYLE.id, children });
  return new Paragraph({ children });
}

/**
 * Vertical runs of empty cells under a filled body cell become one merged cell (类别 spanning its
 * indicators): the row span of the cell at [row][col], 0 where a cell above covers it.
 */
export function rowSpans(rows: string[][]): number[][] {
  const spans = rows.map((row) => row.map(() => 1));
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let owner = -1;
    rows.forEach((row, r) => {
      const ownerRow = spans[owner];
      if ((row[c] ?? '') !== '') owner = r;
      else if (ownerRow) {
        ownerRow[c] = (ownerRow[c] ?? 1) + 1;
        (spans[r] as number[])[c] = 0;
      }
    });
  }
  return spans;
}

function wordTable(table: TableBlock): Table {
  const spans = rowSpans(table.rows);
  const header = new TableRow({ tableHeader: true, children: table.header.map((h) => new TableCell({ children: [new Paragraph(h)] })) });
  const body = table.rows.map(
    (row, r) =>
      new TableRow({
        children: row.flatMap((cell, c) => {
          const span = spans[r]?.[c] ?? 1;
          return span === 0 ? [] : [new TableCell({ rowSpan: span, children: [new Paragraph(cell)] })];
        }),
      }),
  );
  return new Table({ rows: [header, ...body] });
}

/** The plan as a Word document: one paragraph per line, heading styles, Word tables. */
export async function planAsDocx(blocks: Block[]): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.type === 'table') children.push(wordTable(block));
    else {
      children.push(wordParagraph(blocks, i));
      if (joinsNext(blocks, i)) i++;
    }
  }
  const doc = new Document({
    styles: { paragraphStyles: [{ ...CHINESE_HEADING_STYLE, basedOn: 'Normal', run: { bold: true } }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const escapeHtml = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function htmlLine(block: LineBlock, i: number): string {
  const lead = block.boldLead;
  const body = lead && block.text.startsWith(lead) ? `<strong>${escapeHtml(lead)}</strong>${escapeHtml(block.text.slice(lead.length))}` : escapeHtml(block.text);
  // Indentation as government editors type it: non-breaking spaces or ideographic spaces.
  return i % 7 === 3 ? `&nbsp;&nbsp;&nbsp;&nbsp;${body}` : i % 7 === 5 ? `\u3000\u3000${body}` : body;
}

function htmlTable(table: TableBlock): string {
  const spans = rowSpans(table.rows);
  const head = `<tr>${table.header.map((h) => `<td><p align="center"><strong>${escapeHtml(h)}</strong></p></td>`).join('')}</tr>`;
  const body = table.rows.map((row, r) => {
    const cells = row.flatMap((cell, c) => {
      const span = spans[r]?.[c] ?? 1;
      return span === 0 ? [] : [`<td${span > 1 ? ` rowspan="${span}"` : ''}><p>${escapeHtml(cell)}</p></td>`];
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table border="1" cellspacing="0" width="100%"><tbody>${head}${body.join('\n')}</tbody></table>`;
}

/** The plan's text as a government CMS writes an article body: <p>s, some <br>-joined, tables. */
export function planAsArticleHtml(blocks: Block[]): string {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.type === 'table') {
      out.push(htmlTable(block));
      continue;
    }
    const kind = headingKind(block, i);
    // The page prints the title in its own <h1> above the article body.
    if (kind === 'title') continue;
    if (kind === 'hashes') out.push(`<h${block.hashes + 1}>${escapeHtml(block.text)}</h${block.hashes + 1}>`);
    else if (joinsNext(blocks, i)) {
      out.push(`<p>${htmlLine(block, i)}<br>\n${htmlLine(blocks[i + 1] as LineBlock, i + 1)}</p>`);
      i++;
    } else out.push(`<p style="text-indent:2em">${htmlLine(block, i)}</p>`);
  }
  return out.join('\n');
}

/** Site chrome that must never reach a block; none of it occurs in the bundled plans. */
export const CHROME_MARKERS = ['政务公开', '互动交流', '当前位置', '索引号', '发布机构', '浏览次数', '分享到', 'QQ空间', '打印本页', '关闭窗口', '相关文章', '网站标识码', 'ICP备', '公网安备', '版权所有', '主办单位', '网站地图'];

export interface PageOptions {
  title: string;
  docNumber: string;
  article: string;
  /** The charset declaration as written in <head>. */
  charsetMeta: string;
  /**
   * nested: chrome in its own containers around the article's (most sites); flat: breadcrumb,
   * metadata table, article paragraphs, share bar and site records all in one container;
   * tables: a 2000s county site laid out in nested tables (menu column, article cell, footer row).
   */
  layout: PageLayout;
}

export type PageLayout = 'nested' | 'flat' | 'tables';
export const PAGE_LAYOUTS: PageLayout[] = ['nested', 'flat', 'tables'];

/** A saved page from a municipal government site: header, nav, breadcrumb, metadata table, article, share bar, related list, footer. */
export function governmentPage(options: PageOptions): string {
  if (options.layout === 'flat') return flatPage(options);
  return options.layout === 'tables' ? tablePage(options) : nestedPage(options);
}

function head(title: string, charsetMeta: string): string {
  return `<head>
${charsetMeta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}_政策文件_乐山市人民政府网站</title>
<link rel="stylesheet" href="/css/main.css">
<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); hm.src = "https://hm.baidu.com/hm.js?x"; })();</script>
</head>`;
}

const META_ROWS = (t: string, docNumber: string) => `<tr><td class="label">索引号：</td><td>11511100008618245Q/2023-00128</td><td class="label">发布机构：</td><td>乐山市人民政府办公室</td></tr>
<tr><td class="label">发文字号：</td><td>${escapeHtml(docNumber)}</td><td class="label">成文日期：</td><td>2023年05月06日</td></tr>
<tr><td class="label">标题：</td><td colspan="3">${t}</td></tr>`;

/** Everything in one container, as some older CMS templates print it. */
function flatPage({ title, docNumber, article, charsetMeta }: PageOptions): string {
  const t = escapeHtml(title);
  return `<!DOCTYPE html>
<html>
${head(t, charsetMeta)}
<body>
<div id="content">
<p>当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></p>
<table width="100%">${META_ROWS(t, docNumber)}</table>
<p align="center"><strong>${t}</strong></p>
<p>来源：乐山市人民政府办公室　发布时间：2023-05-10　浏览次数：1234</p>
${article}
<p>分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></p>
<p><a href="#">【打印本页】</a> <a href="#">【关闭窗口】</a></p>
<p>主办单位：乐山市人民政府办公室</p>
<p>网站标识码：5111000001 蜀ICP备05003360号 版权所有 © 乐山市人民政府</p>
</div>
</body>
</html>`;
}

function tablePage({ title, article, charsetMeta }: PageOptions): string {
  const t = escapeHtml(title);
  return `<html>
${head(t, charsetMeta)}
<body>
<table width="990" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><img src="/images/banner.jpg"></td></tr>
<tr><td width="200" valign="top"><table width="100%"><tr><td><a href="/">首页</a></td></tr><tr><td><a href="/zwgk/">政务公开</a></td></tr><tr><td><a href="/hdjl/">互动交流</a></td></tr></table></td>
<td valign="top"><table width="100%">
<tr><td>当前位置：首页 &gt; 政务公开 &gt; 政策文件</td></tr>
<tr><td align="center"><font size="5"><b>${t}</b></font></td></tr>
<tr><td>发布时间：2023-05-10&nbsp;&nbsp;浏览次数：1234</td></tr>
<tr><td class="content">${article}</td></tr>
<tr><td align="right">【打印本页】 【关闭窗口】</td></tr>
</table></td></tr>
<tr><td colspan="2" align="center">版权所有：乐山市人民政府&nbsp;&nbsp;蜀ICP备05003360号&nbsp;&nbsp;网站标识码：5111000001</td></tr>
</table>
</body>
</html>`;
}

function nestedPage({ title, docNumber, article, charsetMeta }: PageOptions): string {
  const t = escapeHtml(title);
  return `<!DOCTYPE html>
<html lang="zh-CN">
${head(t, charsetMeta)}
<body>
<div class="top-bar"><div class="w1200"><span>今天是：<script>document.write(new Date().toLocaleDateString())</script></span><a href="/wza/">无障碍</a> <a href="/en/">English</a></div></div>
<div class="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="乐山市人民政府"></a></div>
<div class="search-box"><form action="/search"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjls/">走进乐山</a></li></ul></div>
<div class="w1200 main">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
<table class="xxgk-meta" width="100%">
${META_ROWS(t, docNumber)}
</table>
<div class="article">
<h1 class="article-title">${t}</h1>
<div class="article-info">来源：乐山市人民政府办公室&nbsp;&nbsp;发布时间：2023-05-10 09:30&nbsp;&nbsp;浏览次数：1234&nbsp;&nbsp;<span class="font-size">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="TRS_Editor" id="zoom">
${article}
</div>
<div class="bdsharebuttonbox">分享到：<a href="#" class="bds_weixin">微信</a> <a href="#" class="bds_tsina">微博</a> <a href="#" class="bds_qzone">QQ空间</a></div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a.html">乐山市能源领域碳达峰实施方案</a></li><li><a href="/b.html">乐山市工业领域碳达峰实施方案</a></li></ul></div>
</div>
<div class="footer"><div class="w1200">
<p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a></p>
<p>主办单位：乐山市人民政府办公室&nbsp;&nbsp;承办：乐山市大数据中心</p>
<p>网站标识码：5111000001&nbsp;&nbsp;蜀ICP备05003360号&nbsp;&nbsp;川公网安备 51110202000001号</p>
<p>版权所有 © 乐山市人民政府</p>
</div></div>
</body>
</html>`;
}

// ---------------------------------------------------------------- zip archives made by hand

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipPart {
  name: string;
  /** The stored bytes: already deflated (raw) when method is 8. */
  data: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size the directory declares; defaults to data's length (stored parts). */
  declaredSize?: number;
  /** Declare the size as 0xFFFFFFFF with the real figure in a ZIP64 extra field. */
  zip64?: boolean;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function zip64Extra(part: ZipPart, size: number): Buffer {
  if (!part.zip64) return Buffer.alloc(0);
  const body = Buffer.alloc(16);
  body.writeBigUInt64LE(BigInt(size), 0);
  body.writeBigUInt64LE(BigInt(part.data.length), 8);
  return Buffer.concat([u16(0x0001), u16(16), body]);
}

/** A zip archive whose directory says whatever the parts declare; the data is never checked. */
export function writeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const size = part.declaredSize ?? part.data.length;
    const extra = zip64Extra(part, size);
    const sizes = part.zip64 ? [u32(0xffffffff), u32(0xffffffff)] : [u32(part.data.length), u32(size)];
    const common = [u16(0x0800), u16(part.method ?? 0), u16(0), u16(0x21), u32(crc32(part.data)), ...sizes, u16(name.length), u16(extra.length)];
    const local = Buffer.concat([u32(0x04034b50), u16(20), ...common, name, extra, part.data]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name, extra]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const eocd = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(parts.length), u16(parts.length), u32(directory.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, directory, eocd]);
}
