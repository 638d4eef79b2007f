// Who issued a document, as it says itself: the 发文机关标志 (XX人民政府文件, 中共XX委员会
// XX人民政府), the organs named before 关于 in its title, or the signature above its date.
// Organs printed without a separator (四川省生态环境厅四川省经济和信息化厅) are split where a
// new place or 中共 begins. Abbreviations are expanded only to a full name the document prints.
import { divisionsNamed, mentions } from './divisions.js';

/** The end of an organ's name: 人民政府, 委员会, 厅, 局, 部… */
const ORGAN_END = /(?:人民政府|政府|委员会|党委|省委|市委|县委|区委|州委|国务院|中共中央|办公厅|办公室|总局|管理局|厅|局|部|委|署|中心|支行|分行|监管局|分局|管委会|联席会议办公室|领导小组|银行)$/u;
const NOT_ORGAN = /[的之与和]$|^(?:关于|印发|各|全省|全市|我|为|根据|按照)/u;
/** Organ names are Chinese words only: no 《, digits or punctuation (those are sentences). */
const ORGAN_CHARS = /^[\p{Script=Han}（）]+$/u;
const MAX_ORGAN = 30;

export function isOrgan(piece: string): boolean {
  const n = [...piece].length;
  return n >= 3 && n <= MAX_ORGAN && ORGAN_CHARS.test(piece) && ORGAN_END.test(piece) && !NOT_ORGAN.test(piece) && !piece.includes('关于');
}

/**
 * Organs in a run of names: split at spaces and 、, then where a new organ starts glued to the
 * last (a place name or 中共 right after an organ's ending). Null when any piece is not an organ.
 */
export function splitOrgans(run: string): string[] | null {
  const pieces = run
    .normalize('NFKC')
    .replace(/\(.*?代章\)/gu, '')
    .split(/[\s、,，]+/u)
    .filter(Boolean);
  const out: string[] = [];
  for (const piece of pieces) {
    const parts = splitGlued(piece);
    if (!parts.every(isOrgan)) return null;
    out.push(...parts);
  }
  return out.length > 0 ? out : null;
}

function splitGlued(piece: string): string[] {
  const starts = new Set<number>();
  for (const m of mentions(piece)) if (m.at > 0) starts.add(m.at);
  for (const m of piece.matchAll(/中共|国家|中国人民银行/gu)) if (m.index > 0) starts.add(m.index);
  const cuts = [...starts].sort((x, y) => x - y);
  const out: string[] = [];
  let from = 0;
  for (const at of cuts) {
    const head = piece.slice(from, at);
    // 中国人民银行邯郸市中心支行 is one organ: a national body's branch carries the place after it.
    if (isOrgan(head) && !(head.startsWith('中国') && mentions(head).length === 0)) {
      out.push(head);
      from = at;
    }
  }
  out.push(piece.slice(from));
  return out;
}

/** 四川省生态环境厅四川省经济和信息化厅关于开展…的通知 → its issuers; null when the title opens with none. */
export function issuersBeforeAbout(title: string): string[] | null {
  const at = title.search(/关于|印发|贯彻|转发|批转|《/u);
  if (at <= 0 || at > 80) return null;
  const head = title.slice(0, at).replace(/(?:等\d*|等[一二三四五六七八九十]+)个?部门$/u, '');
  return splitOrgans(head);
}

/** XX人民政府文件 / 中共XX委员会 XX人民政府: the organs of a 发文机关标志 line. */
export function issuersOfMasthead(line: string): string[] | null {
  const t = line.trim();
  if (!/文件$/u.test(t) || [...t].length > 80) return null;
  return splitOrgans(t.replace(/文件$/u, ''));
}

/**
 * Abbreviations a document prints beside the full names it also prints (省发展改革委 and
 * 四川省发展和改革委员会): the organ takes the full form when the text holds it.
 */
const EXPANSIONS: Array<[RegExp, string]> = [
  [/发展改革委/u, '发展和改革委员会'],
  [/住房城乡建设/u, '住房和城乡建设'],
  [/经信(厅|局|委)/u, '经济和信息化$1'],
  [/市场监管/u, '市场监督管理'],
  [/科技(厅|局)/u, '科学技术$1'],
  [/^(.+?[省市县州区])政府/u, '$1人民政府'],
];

export function expandOrgan(organ: string, text: string, place: string | null): string {
  let out = organ;
  // 市科技局 in a 南京市 document is 南京市科技局.
  const relative = /^(?:自治区|自治州|[省市县州区])(?!委员会)/u.exec(out)?.[0];
  if (place && relative && place.endsWith(relative)) out = place + out.slice(relative.length);
  // 阿坝州人民政府 → 阿坝藏族羌族自治州人民政府 where the document prints the full name.
  const first = mentions(out)[0];
  const full = first && first.at === 0 && first.divisions.length === 1 ? (first.divisions[0] as { name: string }).name : null;
  if (first && full && full !== first.name && divisionsNamed(full).length > 0 && text.includes(full)) out = full + out.slice(first.name.length);
  for (const [re, to] of EXPANSIONS) {
    const long = out.replace(re, to);
    if (long !== out && text.includes(long)) out = long;
  }
  return out;
}
