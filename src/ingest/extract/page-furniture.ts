// Removes what a government site prints around an article rather than in it: the table or block
// of document metadata (索引号, 发布机构, 发文字号, 成文日期 …) and site chrome (breadcrumbs, 来源/
// 发布时间 lines, share and print buttons, ICP records) left over after the article is isolated.
import type { Block, LineBlock, TableBlock } from '../blocks.js';
import { parseMarker } from '../numbering.js';

/** Field names of the metadata that gov.cn-style pages print above or below the article. */
const META_FIELDS = [
  '索引号',
  '主题分类',
  '主题词',
  '发文机关',
  '发布机构',
  '发文单位',
  '发文字号',
  '文号',
  '文件编号',
  '成文日期',
  '发布日期',
  '公开日期',
  '印发日期',
  '生效日期',
  '施行日期',
  '废止日期',
  '有效性',
  '效力状态',
  '时效性',
  '公文种类',
  '体裁分类',
  '组配分类',
  '信息分类',
  '服务对象',
  '公开方式',
  '公开范围',
  '公开时限',
  '信息来源',
  '内容概述',
  '标题',
  '名称',
];
const FIELD = `(?:${META_FIELDS.join('|')})`;
/** A cell that names a field (索引号, 发文字号：), and one that holds a whole field (发文字号：川府发〔2022〕37号). */
const FIELD_NAME = new RegExp(`^${FIELD}\\s*[:：]?$`, 'u');
const FIELD_WITH_VALUE = new RegExp(`^${FIELD}\\s*[:：].{1,80}$`, 'u');
const META_LEAD = new RegExp(`^${FIELD}\\s*[:：]`, 'u');
const META_ANYWHERE = new RegExp(`${FIELD}\\s*[:：]`, 'gu');

/** Lines of site chrome, recognised by how they begin. */
const CHROME_WORDS = [
  '【?\\s*(?:分享到|分享至|打印(?:本页|此页|文章)?|关闭(?:本页|窗口)?|收藏|返回顶部|字体|字号)\\s*[】:：]?',
  '扫一扫',
  '用手机扫',
  '手机扫码',
  '上一篇',
  '下一篇',
  '相关(?:文章|链接|阅读|新闻|文件|稿件|解读)',
  '浏览次数',
  '阅读次数',
  '访问量',
  '点击(?:数|量|次数)',
  '责任编辑',
  '编辑[:：]',
  '来源[:：]',
  '发布时间[:：]',
  '发布日期[:：]',
  '当前位置',
  '您(?:现在)?的位置',
  '现在位置',
  '所在位置',
  '网站地图',
  '联系我们',
  '关于我们',
  '网站声明',
  '隐私声明',
  '主办单位',
  '承办单位',
  '主办[:：]',
  '承办[:：]',
  '技术支持',
];
const CHROME_LEAD = new RegExp(`^(?:${CHROME_WORDS.join('|')})`, 'u');
/** Site records that mark a line as chrome wherever they stand in it. */
const CHROME_ANYWHERE = /ICP备|ICP证|公网安备|网站标识码|政府网站标识|版权所有|Copyright|©/iu;
/** 首页 > 政务公开 > 政策文件: two or more path separators and no sentence punctuation. */
const BREADCRUMB = /^[^。，；！？]{0,60}?[>»›＞].*[>»›＞][^。，；！？]*$/u;
const MAX_CHROME_CHARS = 80;
/** A sentence of at least this length (or any numbered line) is article text; chrome only surrounds it. */
const BODY_CHARS = 30;
const SENTENCE = /[。，；]/u;

/**
 * Field–value pairs: 索引号 | 000014349/2023-00012 | 发布机构 | 乐山市人民政府, or 发文字号：… in one
 * cell. A table listing policies under 文件名称 | 文号 | 发布日期 has field names side by side in
 * its header, never a name followed by its value, and stays.
 */
function isMetaTable(table: TableBlock): boolean {
  let pairs = 0;
  for (const row of [table.header, ...table.rows]) {
    row.forEach((cell, c) => {
      const next = row[c + 1];
      if (FIELD_WITH_VALUE.test(cell)) pairs++;
      else if (FIELD_NAME.test(cell) && next !== undefined && next !== '' && !FIELD_NAME.test(next)) pairs++;
    });
  }
  return pairs >= 2;
}

const isFieldLine = (b: Block | undefined) => b?.type === 'line' && (META_LEAD.test(b.text) || FIELD_NAME.test(b.text));

/**
 * Metadata printed as lines: several fields on one line; a bare field name and the value after
 * it (a one-row metadata table read cell by cell); a run of "field：value" lines. One lone
 * "发文字号：…" line can be the article's own and stays.
 */
function isMetaLine(line: LineBlock, previous: Block | undefined, next: Block | undefined): boolean {
  if ((line.text.match(META_ANYWHERE) ?? []).length >= 2) return true;
  if (FIELD_NAME.test(line.text)) return true;
  if (previous?.type === 'line' && FIELD_NAME.test(previous.text)) return true;
  return META_LEAD.test(line.text) && (isFieldLine(previous) || isFieldLine(next));
}

function isChrome(line: LineBlock): boolean {
  if ([...line.text].length > MAX_CHROME_CHARS) return false;
  return CHROME_LEAD.test(line.text) || CHROME_ANYWHERE.test(line.text) || BREADCRUMB.test(line.text);
}

function isBody(block: Block): boolean {
  if (block.type === 'table') return !isMetaTable(block);
  if (isChrome(block)) return false;
  if (parseMarker(block.text) !== null) return true;
  return [...block.text].length >= BODY_CHARS && SENTENCE.test(block.text);
}

export interface FurnitureResult {
  blocks: Block[];
  /** How many blocks were dropped as metadata or chrome. */
  dropped: number;
}

/**
 * Metadata tables are dropped wherever they stand (their shape cannot be prose); metadata and
 * chrome lines only before the first and after the last paragraph of article text, so a 来源：
 * note under a table in the middle of a plan stays.
 */
export function dropPageFurniture(blocks: Block[]): FurnitureResult {
  const first = blocks.findIndex(isBody);
  const last = blocks.findLastIndex(isBody);
  const kept = blocks.filter((block, i) => {
    if (block.type === 'table') return !isMetaTable(block);
    const atEdge = first === -1 || i < first || i > last;
    if (!atEdge) return true;
    return !isChrome(block) && !isMetaLine(block, blocks[i - 1], blocks[i + 1]);
  });
  return { blocks: kept, dropped: blocks.length - kept.length };
}
