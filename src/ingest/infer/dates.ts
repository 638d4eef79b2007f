// The dates a policy document prints: 2022年7月18日, 二〇二二年七月十八日, 2022.07.18, 2022-7-18,
// or a month alone (2022年7月). The precision printed is kept: 2022-07-18 or 2022-07.

const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', Ｏ: '0', O: '0', o: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 二〇二二 → 2022; 十八 → 18; 三十一 → 31. */
function cnNumber(s: string, positional: boolean): number | null {
  if (/^[0-9]+$/u.test(s)) return Number(s);
  if (positional) {
    const digits = [...s].map((c) => CN_DIGIT[c]);
    return digits.every((d) => d !== undefined) ? Number(digits.join('')) : null;
  }
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || s === '') return null;
  const tens = m[2] ? (m[1] ? Number(CN_DIGIT[m[1]]) : 1) : 0;
  const ones = m[3] ? Number(CN_DIGIT[m[3]]) : m[1] && !m[2] ? Number(CN_DIGIT[m[1]]) : 0;
  return tens * 10 + ones;
}

export interface FoundDate {
  /** YYYY-MM-DD, or YYYY-MM when only the month is printed. */
  value: string;
  at: number;
  length: number;
}

const YEAR = '((?:19|20)[0-9]{2}|[一二][〇零OoＯ九][〇零OoＯ一二三四五六七八九]{2})';
const MONTH = '([0-9]{1,2}|十[一二]?|[一二三四五六七八九])';
const DAY = '([0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const CN_DATE = new RegExp(`${YEAR}\\s*年\\s*${MONTH}\\s*月(?:\\s*${DAY}\\s*日)?`, 'gu');
const DOT_DATE = /(?<![0-9.])((?:19|20)[0-9]{2})[.．\-/]([0-9]{1,2})[.．\-/]([0-9]{1,2})(?![0-9.])/gu;

function valid(y: number, m: number, d: number | null): boolean {
  return y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && (d === null || (d >= 1 && d <= 31));
}

function format(y: number, m: number, d: number | null): string {
  const mm = String(m).padStart(2, '0');
  return d === null ? `${y}-${mm}` : `${y}-${mm}-${String(d).padStart(2, '0')}`;
}

/** Every date printed in a text, in reading order. */
export function findDates(text: string): FoundDate[] {
  const t = text.normalize('NFKC');
  const out: FoundDate[] = [];
  for (const m of t.matchAll(CN_DATE)) {
    const y = cnNumber(m[1] ?? '', true);
    const mo = cnNumber(m[2] ?? '', false);
    const d = m[3] === undefined ? null : cnNumber(m[3], false);
    if (y !== null && mo !== null && valid(y, mo, d)) out.push({ value: format(y, mo, d), at: m.index ?? 0, length: m[0].length });
  }
  for (const m of t.matchAll(DOT_DATE)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(y, mo, d)) out.push({ value: format(y, mo, d), at: m.index ?? 0, length: m[0].length });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** A line that is only a date, perhaps in brackets or followed by 印发/发布: its date, else null. */
export function dateLine(line: string): string | null {
  const t = line.normalize('NFKC').replace(/\s+/gu, '');
  const found = findDates(t);
  if (found.length !== 1) return null;
  const [only] = found as [FoundDate];
  const rest = t.slice(0, only.at) + t.slice(only.at + only.length);
  // 2022年6月8日附件： — the signature's date with the attachment list glued on by the extractor.
  const tail = t.slice(only.at + only.length);
  if (t.slice(0, only.at) === '' && /^附件/u.test(tail)) return only.value;
  return /^[（(]?[）)]?(?:印发|发布|成文|通过)?[）)]?$/u.test(rest) ? only.value : null;
}
