// Character classes and line-level repairs of PDF/markdown export damage. These work on
// Unicode properties, never on ASCII-only classes or \b, because the text is Chinese.

export const HAN = /\p{Script=Han}/u;

/** Full-width and CJK punctuation, quotes and dashes that sit against Han text. */
const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65“”‘’—…·';
const HANLIKE = `\\p{Script=Han}${CJK_PUNCT}`;
const SPACE = '[ \\t\\u00a0\\u3000]+';

const SPACE_AFTER_HAN = new RegExp(`(?<=[${HANLIKE}])${SPACE}(?=[${HANLIKE}A-Za-z0-9%％(])`, 'gu');
const SPACE_BEFORE_HAN = new RegExp(`(?<=[A-Za-z0-9%％)])${SPACE}(?=[${HANLIKE}])`, 'gu');

/** "到 2025 年" → "到2025年", "**GDP**" spacing, "前 言" → "前言"; Latin–Latin spaces stay. */
export function repairSpacing(text: string): string {
  return text.replace(SPACE_AFTER_HAN, '').replace(SPACE_BEFORE_HAN, '').trim();
}

export interface MarkdownStripped {
  text: string;
  /** Number of leading `#` marks, 0 when the line is not a markdown heading. */
  hashes: number;
  /** The text of a bold run that opens the line, without its marks. */
  boldLead: string | null;
}

export function stripMarkdown(line: string): MarkdownStripped {
  let text = line.trim();
  let hashes = 0;
  const heading = /^(#{1,6})[ \t]+/u.exec(text);
  if (heading?.[1]) {
    hashes = heading[1].length;
    text = text.slice(heading[0].length);
  }
  const bold = /^\*\*(.+?)\*\*/u.exec(text);
  const boldLead = bold?.[1]?.trim() ?? null;
  text = text
    .replace(/\*\*/gu, '')
    .replace(/^#{1,6}[ \t]*/u, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/gu, '$1');
  return { text: text.trim(), hashes, boldLead };
}

/** One display line: markdown marks removed and export spacing repaired. */
export function cleanLine(line: string): MarkdownStripped {
  const stripped = stripMarkdown(line);
  return { ...stripped, text: repairSpacing(stripped.text) };
}

const TERMINAL = new Set(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…']);
const CLOSERS = new Set(['”', '’', '）', ')', '」', '』', '》']);
const NOTE_CLOSERS = new Set(['〕', '】']);

/** Does the line end where a sentence or a department note can end? */
export function endsComplete(text: string): boolean {
  const chars = [...text.trimEnd()];
  const last = chars.at(-1);
  if (last === undefined) return true;
  if (TERMINAL.has(last) || NOTE_CLOSERS.has(last)) return true;
  if (CLOSERS.has(last)) {
    const before = chars.at(-2);
    return before !== undefined && TERMINAL.has(before);
  }
  return false;
}

export function hasInnerPunctuation(text: string): boolean {
  return /[，、；。：,;]/u.test(text);
}

export function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

export const DATE_LINE = /^\d{4}年(\d{1,2}月(\d{1,2}日)?)?$/u;
