// 文号: the issuing organ's abbreviation, the year in 六角括号 and the serial, 国发〔2021〕23号.
// OCR and web copies print the brackets as [2021], (2021), （2021）, 【2021】 or 〔2021]; all are
// read, and normalised to 〔〕 as GB/T 9704 prints them.

const OPEN = '[〔\\[［(（【{｛]';
const CLOSE = '[〕\\]］)）】}｝]';
const DOC_NUMBER = new RegExp(`(\\p{Script=Han}[\\p{Script=Han}A-Za-z]{0,11})\\s*${OPEN}\\s*((?:19|20)[0-9]{2})\\s*${CLOSE}\\s*([0-9]{1,4})\\s*号`, 'gu');
/** Words that end a sentence's run-up to a number, not an organ's abbreviation (根据国发… → 国发). */
const LEAD_IN = /^.*?(?:根据|按照|依据|落实|贯彻|关于|印发|转发|的|和|及|与|、)/u;

export interface DocNumberMatch {
  /** Normalised: 国发〔2021〕23号. */
  value: string;
  /** Offset of the match in the text searched. */
  at: number;
}

/** Every 文号 in a text, normalised, in reading order. */
export function findDocNumbers(text: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  for (const m of text.normalize('NFKC').matchAll(DOC_NUMBER)) {
    const organ = (m[1] ?? '').replace(LEAD_IN, '');
    if (organ === '') continue;
    out.push({ value: `${organ}〔${m[2]}〕${Number(m[3])}号`, at: m.index ?? 0 });
  }
  return out;
}

/** A line that is only a 文号 (the line under the 发文机关标志), normalised; null otherwise. */
export function docNumberLine(line: string): string | null {
  const t = line.normalize('NFKC').replace(/\s+/gu, '');
  const found = findDocNumbers(t);
  const only = found.length === 1 && found[0] !== undefined && t.replace(/^[（(]|[）)]$/gu, '').length <= (found[0].value.length + 2);
  return only ? (found[0] as DocNumberMatch).value : null;
}
