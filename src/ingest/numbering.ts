// Printed numbering (GB/T 9704 style): recognises heading markers and converts Chinese
// numerals, so that ids and levels follow the document's own numbers, not markdown hashes.

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 九十九 → 99. Returns null for anything else. */
export function chineseToInt(numeral: string): number | null {
  if (numeral === '') return null;
  if (/^[0-9０-９]+$/u.test(numeral)) return Number(toAsciiDigits(numeral));
  const chars = [...numeral];
  if (!chars.every((c) => c in DIGITS || c === '十' || c === '百')) return null;
  let total = 0;
  let current = 0;
  for (const c of chars) {
    if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = DIGITS[c] ?? 0;
    }
  }
  return total + current;
}

const SMALL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function intToChinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return SMALL[ones] ?? '';
  return `${tens === 1 ? '' : SMALL[tens]}十${SMALL[ones] ?? ''}`;
}

export type MarkerKind = 'volume' | 'chapter' | 'section' | 'article' | 'part' | 'item' | 'para' | 'subpara' | 'point' | 'indent' | 'box';

export interface Marker {
  kind: MarkerKind;
  /** The marker as printed, e.g. `（一）` or `(一) ` or `1.`. */
  printed: string;
  /** Numeric value of the printed number; null for dash items. */
  num: number | null;
  /** Text after the marker, leading spaces removed. */
  rest: string;
}

const CN = '[一二三四五六七八九十]{1,3}';
const CN_BIG = '[一二三四五六七八九十百零〇]{1,5}';
const PATTERNS: Array<{ kind: MarkerKind; re: RegExp }> = [
  { kind: 'volume', re: new RegExp(`^第[ \\t]*(${CN_BIG})[ \\t]*篇[ \\t\u3000]*`, 'u') },
  { kind: 'chapter', re: new RegExp(`^第[ \\t]*(${CN_BIG})[ \\t]*章[ \\t\u3000]*`, 'u') },
  { kind: 'section', re: new RegExp(`^第[ \\t]*(${CN_BIG})[ \\t]*节[ \\t\u3000]*`, 'u') },
  { kind: 'article', re: new RegExp(`^第[ \\t]*(${CN_BIG})[ \\t]*条[ \\t\u3000]*`, 'u') },
  { kind: 'part', re: new RegExp(`^(${CN})、[ \\t]*`, 'u') },
  { kind: 'item', re: new RegExp(`^[（(](${CN})[）)][ \\t]*`, 'u') },
  { kind: 'subpara', re: /^[（(](\d{1,3})[）)][ \t]*/u },
  { kind: 'para', re: /^(\d{1,3})[.．、](?![0-9])[ \t]*/u },
  { kind: 'point', re: new RegExp(`^(${CN})是(?=\\p{Script=Han})`, 'u') },
  { kind: 'indent', re: /^——(?!—)/u },
  { kind: 'box', re: /^专栏[ \t]*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})[ \t:：]*/u },
];

/** （一）到（四）, 一、二、三 and （1）至（3） cite numbers: they open no unit. */
const CROSS_REFERENCE = /^(?:到|至|和|或|、|－|—|~|～)/u;

export function parseMarker(text: string): Marker | null {
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    if (CROSS_REFERENCE.test(text.slice(m[0].length))) continue;
    const num = m[1] === undefined ? null : chineseToInt(m[1]);
    if (m[1] !== undefined && num === null) continue;
    const rest = text.slice(m[0].length);
    if (rest === '' && kind !== 'box') continue;
    // "一是" opens a point only when it reads as an enumeration, not a word like 一是非.
    if (kind === 'point' && num === null) continue;
    return { kind, printed: text.slice(0, m[0].length).trimEnd(), num, rest };
  }
  return null;
}

/** Chapters, sections and articles sit above the 一、 parts they contain. */
export const MARKER_LEVEL: Record<MarkerKind, number> = {
  volume: 0.15,
  chapter: 0.2,
  section: 0.4,
  article: 0.6,
  part: 1,
  item: 2,
  box: 3,
  para: 3,
  subpara: 4,
  point: 5,
  indent: 5,
};

export interface AttachmentMarker {
  num: number | null;
  /** The printed number, sub-numbers included: 2, 2-1. */
  key: string | null;
  printed: string;
  title: string;
}

/** 附件 / 附件1 / 附件2：XX清单 on a line of its own opens an attachment. */
export function parseAttachment(text: string): AttachmentMarker | null {
  const m = /^附\s*件\s*[:：]?\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?(?:\s*[-－—]\s*([0-9０-９]{1,2}))?\s*[:：]?\s*/u.exec(text);
  if (!m) return null;
  // 附件：1、… or 附件：1.… is an item of the notice's list of attachments.
  if (m[1] && /^[、.．]/u.test(text.slice(m[0].length))) return null;
  const title = text.slice(m[0].length);
  if ([...title].length > 60 || /[。；，]/u.test(title)) return null;
  const num = m[1] ? chineseToInt(toAsciiDigits(m[1])) : null;
  const key = num === null ? null : m[2] ? `${num}_${toAsciiDigits(m[2])}` : String(num);
  return { num, key, printed: m[0].trim(), title };
}

/** Full-width digits (OCR, 专栏 １) as ASCII. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
