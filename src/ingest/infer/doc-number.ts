// 文号: the issuing organ's abbreviation, the year in 六角括号 and the serial, 国发〔2021〕23号.
// OCR and web copies print the brackets as [2021], (2021), （2021）, 【2021】 or 〔2021]; all are
// read, and normalised to 〔〕 as GB/T 9704 prints them. The one pattern for the whole engine:
// identity inference reads a document's own 文号 with it, the policy graph the 文号 it cites.

const HAN = '\\p{Script=Han}';
const OPEN_BRACKET = '[〔［\\[【（(]';
const CLOSE_BRACKET = '[〕］\\]】）)]';
const DIGITS = '[0-9０-９]';
/** 国发〔2021〕23号 and its export variants: [] 【】 （） brackets, spaces, full-width digits, 第. */
export const DOC_NUMBER_SOURCE = `(${HAN}{1,10})\\s*${OPEN_BRACKET}\\s*((?:19|20|１９|２０)${DIGITS}{2})\\s*${CLOSE_BRACKET}\\s*第?\\s*(${DIGITS}{1,5})\\s*号`;
const DOC_NUMBER = new RegExp(DOC_NUMBER_SOURCE, 'gu');

/** Verbs and joiners that run into a 文号 or an issuer in running text (落实国发〔…〕, 按照市委). */
export const LEAD_IN = /^.*(?:贯彻落实|落实|贯彻|根据|按照|依照|依据|遵照|结合|执行|参照|对照|详见|参见|印发|转发|学习|按)/u;
/** An agency code (国发, 达市委) never holds these, so running text before them is not part of it. */
const NOT_IN_AGENCY_CODE = /^.*(?:和|及|与|或|的|文件|号)/u;

export function normalizeDocNumber(prefix: string, year: string, serial: string): string {
  const digits = (s: string) => s.normalize('NFKC');
  return `${prefix}〔${digits(year)}〕${String(Number(digits(serial)))}号`;
}

/** The organ's abbreviation at the end of what the pattern took before the bracket. */
export function agencyCode(prefix: string): string {
  return prefix.replace(LEAD_IN, '').replace(NOT_IN_AGENCY_CODE, '');
}

/** A match of DOC_NUMBER_SOURCE, normalised; null when no organ is left before the bracket. */
export function docNumberOf(match: RegExpExecArray | RegExpMatchArray): string | null {
  const prefix = agencyCode(match[1] ?? '');
  return prefix ? normalizeDocNumber(prefix, match[2] ?? '', match[3] ?? '') : null;
}

/** The 文号 in a string such as 成府发〔2024〕10号, normalised; null when there is none. */
export function parseDocNumber(text: string): string | null {
  const match = new RegExp(DOC_NUMBER_SOURCE, 'u').exec(text);
  return match ? docNumberOf(match) : null;
}

export interface DocNumberMatch {
  /** Normalised: 国发〔2021〕23号. */
  value: string;
  /** Offset of the match in the text searched. */
  at: number;
}

/** Every 文号 in a text, normalised, in reading order. */
export function findDocNumbers(text: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  for (const m of text.matchAll(DOC_NUMBER)) {
    const value = docNumberOf(m);
    if (value) out.push({ value, at: m.index ?? 0 });
  }
  return out;
}

/** A line that is only a 文号 (the line under the 发文机关标志), normalised; null otherwise. */
export function docNumberLine(line: string): string | null {
  const t = line.replace(/\s+/gu, '');
  const found = findDocNumbers(t);
  const only = found.length === 1 && found[0] !== undefined && t.replace(/^[（(]|[）)]$/gu, '').length <= found[0].value.length + 2;
  return only ? (found[0] as DocNumberMatch).value : null;
}
