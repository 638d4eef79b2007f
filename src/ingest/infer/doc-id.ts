// Readable document ids from what a document is: its jurisdiction in pinyin, its type and its
// year (sichuan-implementation-opinions-2022, chengdu-scheme-2022, national-plan-2021). The same
// file gives the same id on every build; documents that would share one are told apart in
// corpus.ts by a short hash of their content.
import { pinyin } from 'pinyin-pro';
import type { Level } from '../types.js';
import { findDates } from './dates.js';
import type { Division } from './divisions.js';

/** The title's closing type words, longest first, in English. */
const TYPE_SLUGS: Array<[string, string]> = [
  ['实施意见', 'implementation-opinions'],
  ['指导意见', 'guiding-opinions'],
  ['意见', 'opinions'],
  ['实施方案', 'implementation-scheme'],
  ['行动方案', 'action-scheme'],
  ['工作方案', 'work-scheme'],
  ['方案', 'scheme'],
  ['行动计划', 'action-programme'],
  ['计划', 'programme'],
  ['规划', 'plan'],
  ['纲要', 'outline'],
  ['决定', 'decision'],
  ['通知', 'notice'],
  ['公示', 'notice'],
  ['公告', 'announcement'],
  ['办法', 'measures'],
  ['措施', 'measures'],
  ['条例', 'regulations'],
  ['细则', 'rules'],
  ['指南', 'guide'],
  ['导则', 'guidelines'],
  ['思路', 'approach'],
];

/** Official spellings where plain pinyin would make two provinces one (陕西 and 山西). */
const SPELLINGS: Record<string, string> = { 陕西: 'shaanxi' };

/** 四川省 → sichuan, 阿坝藏族羌族自治州 → aba, 通州区 → tongzhou, 渠县 → quxian. */
export function placeSlug(d: Division): string {
  const short = d.name
    .replace(/^(内蒙古|..).*自治区$/u, '$1')
    .replace(/^(.{2,}?)(?:[^族]{1,3}族)+自治(?:州|县|旗)$/u, '$1')
    .replace(/^(.{2,})(?:省|市|地区|盟|区|县|旗)$/u, '$1');
  return (
    SPELLINGS[short] ??
    pinyin(short, { toneType: 'none', type: 'array', v: true })
      .join('')
      .replace(/[^a-z]/gu, '')
  );
}

function typeSlug(title: string): string | null {
  const core = title
    .normalize('NFKC')
    .replace(/[(（][^()（）]*[)）]\s*$/u, '')
    .replace(/[(（][^()（）]*[)）]\s*$/u, '')
    .trim();
  return TYPE_SLUGS.find(([word]) => core.endsWith(word))?.[1] ?? null;
}

export interface IdentityIdInput {
  division: Division | null;
  level: Level | null;
  title: string;
  date: string | null;
}

/** The readable id, or null when the document says too little about itself to name it. */
export function identityId({ division, level, title, date }: IdentityIdInput): string | null {
  const place = division ? placeSlug(division) : level === 'national' ? 'national' : null;
  const year = date?.slice(0, 4) ?? findDates(title)[0]?.value.slice(0, 4) ?? /((?:19|20)\d{2})/u.exec(title)?.[1] ?? null;
  const type = typeSlug(title);
  if (!place || (!type && !year)) return null;
  return [place, type, year].filter(Boolean).join('-');
}
