// A title printed over several lines is one title: 四川省生态环境厅四川省经济和信息化厅关于开展近零
// / 碳排放园区试点工作的通知, 南京江北新区碳达峰、碳中和行动计划 / （试行）, 中共四川省委 四川省人民政府
// / 关于…实施意见. Only the opening lines of a document are joined, before its first numbered
// heading, so body headings and paragraphs are never touched.
import type { Block, LineBlock } from './blocks.js';
import { dateLine } from './infer/dates.js';
import { docNumberLine } from './infer/doc-number.js';
import { splitOrgans } from './infer/issuer.js';
import { DOC_TYPES } from './infer/kind.js';
import { parseMarker } from './numbering.js';

/** How far into the document titles are looked for: the 红头, a cover notice and the plan's title. */
const FRONT_BLOCKS = 15;
const MAX_TITLE = 120;
const MAX_WRAP_LINE = 60;

/** 规划, 实施方案…, and the words notices and decisions end on. */
const TYPE_END = new RegExp(`(?:${[...DOC_TYPES, '公示', '通报', '报告', '要点', '思路', '标准', '清单', '目录'].join('|')})$`, 'u');
/** （试行）, （2021—2025年）, (2022版): a title's status or period on its own line. */
const BRACKETED_TAIL = /^[（(](?:试行|暂行|征求意见稿|公开征求意见稿|送审稿|草案|修订版?|修订稿|\d{4}\s*[—–―－−\-~～至]+\s*\d{2,4}\s*年?|\d{4}\s*年?版)[)）]$/u;

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

/** The title so far reads as finished: it ends on its type word, a closing bracket or 》. */
function finished(text: string): boolean {
  const t = squash(text);
  return TYPE_END.test(t) || /[)）》」]$/u.test(t);
}

function wrapCandidate(block: Block | undefined): block is LineBlock {
  if (!block || block.type !== 'line') return false;
  const t = block.text.trim();
  return [...t].length <= MAX_WRAP_LINE && !/[。；;：:，,]/u.test(t) && parseMarker(t) === null && dateLine(t) === null && docNumberLine(t) === null;
}

/** A title line: Chinese words, not a code such as XTCR-2021-01028 or a masthead (…文件). */
const TITLE_LIKE = /^[\p{Script=Han}“”"‘’《》〈〉（）()、\s\d\-—–―－−~～]+$/u;

/** 附件1 and 前言 stand on their own lines: they open a part, they are not part of a title. */
const ATTACHMENT_OR_HEADING = /^(?:附件[0-9一二三四五六七八九十]*|前言|序言|目录|总则)$/u;

/** Whether `next` continues the title `text`. */
export function continuesTitle(text: string, next: string, layoutTitle: string | null): boolean {
  const t = squash(text);
  const n = squash(next);
  const joined = t + n;
  if ([...joined].length > MAX_TITLE || !TITLE_LIKE.test(t) || /文件$/u.test(t) || ATTACHMENT_OR_HEADING.test(t) || ATTACHMENT_OR_HEADING.test(n)) return false;
  if (BRACKETED_TAIL.test(n)) return TYPE_END.test(t);
  // The largest type on the first page, read by the PDF layout, runs on across these lines.
  if (layoutTitle && squash(layoutTitle).startsWith(joined)) return true;
  if (finished(t)) return false;
  // 中共四川省委 四川省人民政府 / 关于…: the issuers' line above the title proper.
  if (/^(?:关于|印发)/u.test(n) && splitOrgans(text) !== null) return true;
  return finished(joined);
}

function merge(a: LineBlock, b: LineBlock): LineBlock {
  const pages: [number, number] | undefined = a.pages && b.pages ? [a.pages[0], b.pages[1]] : a.pages;
  return { ...a, text: a.text.trimEnd() + b.text.trim(), end: b.end, joins: [...a.joins, ...b.joins], ...(pages ? { pages } : {}) };
}

/** The blocks with the opening titles' wrapped lines joined into one line each. */
export function joinTitleLines(blocks: Block[], layoutTitle: string | null = null): Block[] {
  const out: Block[] = [];
  let i = 0;
  for (; i < blocks.length && i < FRONT_BLOCKS; i++) {
    const block = blocks[i] as Block;
    if (block.type === 'line' && parseMarker(block.text) !== null) break;
    const prev = out.at(-1);
    if (prev?.type === 'line' && wrapCandidate(prev) && wrapCandidate(block) && continuesTitle(prev.text, block.text, layoutTitle)) {
      // 中共四川省委 四川省人民政府关于…: joint issuers keep the space official titles print between them.
      const organs = /^(?:关于|印发)/u.test(block.text.trim()) ? splitOrgans(prev.text) : null;
      out[out.length - 1] = merge(organs && organs.length > 1 ? { ...prev, text: organs.join(' ') } : prev, block);
      continue;
    }
    out.push(block);
  }
  return [...out, ...blocks.slice(i)];
}
