// Figures and their units as Chinese plans write them (45%左右, 1.29亿千瓦, ≤4.03, 4.03吨CO2/万元),
// read on normalised text, and the one place where 万/亿 scales and unit spellings are resolved,
// so that 1.29亿千瓦 and 12900万千瓦 compare as the same number. Also the numbers that name
// rather than measure (GB 50189-2015, 专栏3, a contents line's page number), which are no figure.

import { normalizeText } from '../analyse/analyzer.js';

/** Number, then an optional scale and unit; on normalised text (full-width folded, lower case). */
const NUMBER = String.raw`\d+(?:\.\d+)?`;
const SCALE = '万亿|亿|万';
/** Longest first, so 千瓦时 wins over 千瓦 and 人次 over 人. */
const UNITS = [
  '个百分点',
  '%',
  '‰',
  '千瓦时',
  '兆瓦时',
  '千瓦',
  '兆瓦',
  'kwh',
  'mwh',
  'gwh',
  'kw',
  'mw',
  'gw',
  '吨标准煤',
  '吨标煤',
  '吨co2当量',
  '吨co2',
  '吨二氧化碳',
  '吨',
  '立方米',
  '平方公里',
  '平方米',
  '公顷',
  '亩',
  '公里',
  '千米',
  '辆',
  '个',
  '座',
  '家',
  '处',
  '条',
  '项',
  '台',
  '户',
  '所',
  '套',
  '艘',
  '架',
  '场',
  '人次',
  '人',
  '元',
  '部',
  '次',
  '笔',
];
const DENOMINATORS = ['年', '万元', '元', '吨', '人', '平方米', '千瓦时'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const UNIT = `(?:${UNITS.map(escape).join('|')})(?:/(?:${DENOMINATORS.map(escape).join('|')}))?`;
const BEFORE = '≤|≥|<|>|≦|≧';
const AFTER = '及以上|及以下|以上|以下|以内|左右|上下';
const RANGE_SEP = '—|–|-|~|至|到';

/** A figure at the start of a string: optional symbol, number, optional range, scale and unit, qualifier. */
export const FIGURE = new RegExp(String.raw`^(?<before>${BEFORE})?\s*(?<num>${NUMBER})(?:(?<scale1>${SCALE})?(?<unit1>${UNIT})?\s*(?:${RANGE_SEP})\s*(?<num2>${NUMBER}))?(?<scale>${SCALE})?(?<unit>${UNIT})?(?<after>${AFTER})?`, 'du');

export interface Figure {
  /** Length matched, in normalised characters. */
  length: number;
  value: number;
  valueMax: number | null;
  /** Scale and unit as written in normalised form (万千瓦, %, 吨co2/万元); null when there is none. */
  unit: string | null;
  before: string | null;
  after: string | null;
  /** The number itself was followed by a ratio colon (1:10), which is not a figure of its own. */
  ratio: boolean;
  /** Where scale and unit sit inside the match, for showing them as written; null without a unit. */
  unitAt: [number, number] | null;
}

/** Reads a figure at the start of normalised text, or null. */
export function readFigure(text: string): Figure | null {
  const m = FIGURE.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  const num = g.num as string;
  const rest = text.slice(m[0].length);
  // A single 万 after a number is a scale only when a unit follows or nothing else could.
  const unit = `${g.scale ?? ''}${g.unit ?? ''}` || null;
  const valueMax = g.num2 ? Number(g.num2) : null;
  // 4%—5%: the first unit belongs to the range; 4—5% carries it on the second number.
  const unit1 = `${g.scale1 ?? ''}${g.unit1 ?? ''}`;
  if (unit1 && unit && unit1 !== unit) return null;
  return {
    length: m[0].length,
    value: Number(num),
    valueMax,
    unit,
    before: g.before ?? null,
    after: g.after ?? null,
    ratio: /^:\d/u.test(rest) && !g.unit && !g.scale,
    unitAt: unit ? [(m.indices?.groups?.scale ?? m.indices?.groups?.unit)?.[0] ?? 0, (m.indices?.groups?.unit ?? m.indices?.groups?.scale)?.[1] ?? 0] : null,
  };
}

export interface BaseQuantity {
  /** The unit with its 万/亿 scale taken out and its spelling made canonical (亿千瓦 → 千瓦). */
  unit: string | null;
  factor: number;
}

const SPELLINGS: Record<string, [string, number]> = {
  kw: ['千瓦', 1],
  mw: ['千瓦', 1e3],
  gw: ['千瓦', 1e6],
  兆瓦: ['千瓦', 1e3],
  kwh: ['千瓦时', 1],
  mwh: ['千瓦时', 1e3],
  gwh: ['千瓦时', 1e6],
  兆瓦时: ['千瓦时', 1e3],
  吨标煤: ['吨标准煤', 1],
  吨co2: ['吨', 1],
  吨二氧化碳: ['吨', 1],
  吨co2当量: ['吨', 1],
  千米: ['公里', 1],
};
const SCALES: [string, number][] = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
];

/** Scale and canonical spelling of a unit as written: 亿千瓦 → 千瓦 × 1e8, 吨co2/万元 → 吨/万元 × 1. */
export function baseUnit(written: string | null): BaseQuantity {
  const unit = written ? normalizeText(written) : '';
  if (!unit) return { unit: null, factor: 1 };
  const slash = unit.indexOf('/');
  let head = slash >= 0 ? unit.slice(0, slash) : unit;
  const tail = slash >= 0 ? unit.slice(slash) : '';
  let factor = 1;
  for (const [prefix, f] of SCALES) {
    if (head.startsWith(prefix)) {
      factor = f;
      head = head.slice(prefix.length);
      break;
    }
  }
  const spelled = SPELLINGS[head];
  if (spelled) {
    head = spelled[0];
    factor *= spelled[1];
  }
  return { unit: `${head}${tail}` || null, factor };
}

/** value × factor without binary noise: 1.29 × 1e8 is 129000000, not 129000000.00000001. */
export function scaled(value: number, factor: number): number {
  return Number.parseFloat((value * factor).toPrecision(12));
}

/** A value in `to` (万千瓦) from a value in `from` (亿千瓦); null when the units do not share a base. */
export function convert(value: number, from: string | null, to: string | null): number | null {
  const a = baseUnit(from);
  const b = baseUnit(to);
  if (a.unit !== b.unit) return null;
  return scaled(value, a.factor / b.factor);
}

/** 1.29亿千瓦 → "1.29"; integers print without a decimal point, long tails are trimmed. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number.parseFloat(value.toPrecision(10)));
}

/**
 * Standard numbers: a code of Latin letters (GB, GB/T, DB33/T, HJ, ISO, T/CECS…) before the number.
 * A known code or a /T-style code is enough; any other letters need the -2015 year suffix, so that
 * "PUE 1.3" stays a figure.
 */
const STANDARD_CODES = 'gb|gbj|gbz|db\\d{0,2}|hj|jgj|cjj|jg|jc|jtg|jt|nb|dl|sh|yb|hg|qb|sj|yd|tb|sl|ly|ny|ga|mt|sy|ws|cecs|iso|iec|en|astm|ashrae|ieee';
const STANDARD_TAIL = String.raw`(?:[./\-—–]\d+)*(?::\d{4})?`;
const STANDARD = new RegExp(String.raw`(?<![a-z])(?:(?:${STANDARD_CODES})(?:/[a-z]{1,4})?|[a-z]{1,5}\d{0,2}/[a-z]{1,4})\s?\d+${STANDARD_TAIL}|(?<![a-z])[a-z]{1,5}\s?\d+(?:\.\d+)?[-—–](?:19|20)\d{2}(?!\d)`, 'gu');
/** 专栏3, 附件1、2, 第3章, 表2-1, 见图4: the number of a heading, box, table or annex. 表/图 only as a word of their own. */
const HEADING_NUMBER = /(?:专栏|附件|附表|附图|附录|第|(?<![\p{Script=Han}])(?:表|图)|(?<=[见如按据详参附和及与])(?:表|图))\s?\d+(?:[.\-—–]\d+)*(?:[、和及与至~]\d+(?:[.\-—–]\d+)*)*/gu;
/** A contents line's page number after its leader (.......20, ······21, …… 12). */
const PAGE_NUMBER = /(?<=(?:\.{2,}|·{2,}|…|⋯|‥)\s?)\d{1,4}(?!\d|\.\d|\s?(?:%|‰|万|亿|千|吨|个|平方|立方|公里))/gu;

/** Each label pattern with a cheap test of whether a text could hold one at all. */
const LABELS: [RegExp, RegExp][] = [
  [/[a-z]/u, STANDARD],
  [/专栏|附|第|表|图/u, HEADING_NUMBER],
  [/\.\.|··|[…⋯‥]/u, PAGE_NUMBER],
];

/** Spans of normalised text holding numbers that name something (standard, heading, page) rather than measure it. */
export function labelSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const [could, re] of LABELS) {
    if (!could.test(text)) continue;
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
