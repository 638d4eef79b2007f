// What a document says about itself when no catalogue entry does: its 文号 (under the
// 发文机关标志), its date (the 成文日期 under the signature, or under the title), its type and
// status (from the title). Each inferred field records where it came from and how sure it is.
import type { Block } from '../blocks.js';
import { findDates, dateLine } from './dates.js';
import { docNumberLine, findDocNumbers } from './doc-number.js';
import { issuersBeforeAbout, issuersOfMasthead, splitOrgans } from './issuer.js';
import { docStatus, docType } from './kind.js';

export type Provenance = 'cover' | 'signature' | 'title' | 'body' | 'file';

export interface Inferred {
  value: string;
  source: Provenance;
  /** 0–1: how sure the engine is. */
  confidence: number;
}

export interface InferredIdentity {
  docNumber: Inferred | null;
  date: Inferred | null;
  /** Organs joined with 、, as printed (abbreviations are expanded once the place is known). */
  issuers: Inferred | null;
  /** The text lines read, for the type and status once the title is known (inferKind). */
  lines: string[];
}

/** Blocks of the cover and notice, where the 文号 and the notice's signature date stand. */
const FRONT = 25;

/** 文号 and date from the blocks; type and status once the title is known (see inferKind). */
export function inferIdentity(blocks: Block[]): InferredIdentity {
  const lines = blocks.flatMap((b) => (b.type === 'line' ? [b.text] : []));
  const front = lines.slice(0, FRONT);
  return { docNumber: docNumberOf(front), date: dateOf(lines, front), issuers: issuersOf(lines, front), lines };
}

/** Lines above a signature's date that may hold its organs (one per line, or several to a line). */
const SIGNATURE_LINES = 8;

/**
 * The organs that issued the document: its 发文机关标志, the organs its title names before
 * 关于, or its signature; the signature when it lists more (a title says 等17部门).
 */
function issuersOf(lines: string[], front: string[]): Inferred | null {
  const head = front.slice(0, 8);
  const masthead = head.map(issuersOfMasthead).find((x) => x !== null) ?? null;
  const prefix = head.map(issuersBeforeAbout).find((x) => x !== null) ?? null;
  const signature = signatureOf(lines, front);
  const source = head.map(sourceLine).find((x) => x !== null) ?? null;
  const pick = (organs: string[], source: Provenance, confidence: number): Inferred => ({ value: [...new Set(organs)].join('、'), source, confidence });
  if (signature && signature.length > Math.max(prefix?.length ?? 0, masthead?.length ?? 0)) return pick(signature, 'signature', 0.85);
  if (masthead) return pick(masthead, 'cover', 0.9);
  if (prefix) return pick(prefix, 'title', 0.85);
  if (signature) return pick(signature, 'signature', 0.8);
  if (source) return pick(source, 'cover', 0.7);
  const cover = front.map(signedCover).find((x) => x !== null);
  if (cover) return pick(cover.organs, 'cover', 0.65);
  const printed = lines
    .slice(-12)
    .map(printedBy)
    .find((x) => x !== null);
  if (printed) return pick(printed, 'signature', 0.7);
  const reporter = lines
    .slice(0, 3)
    .map(reportedBy)
    .find((x) => x !== null);
  if (reporter) return pick(reporter, 'body', 0.6);
  const interprets = lines.map(interpretedBy).findLast((x) => x !== null);
  return interprets ? pick(interprets, 'body', 0.55) : null;
}

/** 内江市生态环境局二〇二二年三月: a plan's cover line giving the organ that drew it up and when. */
function signedCover(line: string): { organs: string[]; date: string } | null {
  const t = line.normalize('NFKC').replace(/\s+/gu, '');
  const found = findDates(t);
  const last = found.at(-1);
  if (found.length !== 1 || !last || last.at + last.length !== t.length || last.at < 3) return null;
  const organs = splitOrgans(t.slice(0, last.at));
  return organs ? { organs, date: last.value } : null;
}

/** 合肥市城乡建设局2021年8月31日印发: the 版记's printing line names the organ that issued it. */
function printedBy(line: string): string[] | null {
  const m = /^([\p{Script=Han}\s、]{3,60}?)\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/u.exec(line.trim());
  return m ? splitOrgans(m[1] as string) : null;
}

/** 近日，湖南省工业和信息化厅发布《X》: a report names the organ that issued the plan it reports. */
function reportedBy(line: string): string[] | null {
  const m = /(?:^|[，,。])([\p{Script=Han}、]{3,40}?)(?:近日|日前)?(?:印发|发布|出台)(?:了)?《/u.exec(line);
  return m ? splitOrgans((m[1] as string).replace(/^(?:近日|日前)/u, '')) : null;
}

/** 本办法由云南省生态环境厅负责解释: rules name the organ that issued them as their interpreter. */
function interpretedBy(line: string): string[] | null {
  const m = /本(?:办法|细则|规定|条例|方案|指南|导则|规划|意见|通知)由([\p{Script=Han}、]{3,40}?)负责解释/u.exec(line);
  return m ? splitOrgans(m[1] as string) : null;
}

/** 时间：2022-03-25来源：生态环境部, 发布机构：…: a web copy's line naming the publishing organ. */
function sourceLine(line: string): string[] | null {
  const named = /(?:来源|发布机构|发文机关|发文单位)[:：]\s*([\p{Script=Han}、\s]{3,60})/u.exec(line)?.[1];
  return named ? splitOrgans(named.trim()) : null;
}

/** The organs on the lines right above the first date line of the cover and notice, else of the end. */
function signatureOf(lines: string[], front: string[]): string[] | null {
  const at = front.findIndex((l) => dateLine(l) !== null);
  const end = at !== -1 ? at : lines.findLastIndex((l) => dateLine(l) !== null);
  if (end <= 0) return null;
  const organs: string[] = [];
  for (let i = end - 1; i >= Math.max(0, end - SIGNATURE_LINES); i--) {
    const found = splitOrgans(lines[i] as string);
    if (!found) break;
    organs.unshift(...found);
  }
  return organs.length ? organs : null;
}

/** Type and status from the title (已废止 from the text). */
export function inferKind(lines: string[], title: string | null): { status: Inferred | null; docType: Inferred | null } {
  const status = title ? docStatus(title, lines.join('\n')) : null;
  const type = title ? docType(title) : null;
  return {
    status: status ? { value: status, source: status === '已废止' ? 'body' : 'title', confidence: 0.9 } : null,
    docType: type ? { value: type, source: 'title', confidence: 0.8 } : null,
  };
}

/** （2021年12月28日中国共产党…全体会议通过）: the date a decision was adopted, in brackets under its title. */
function adoptedOn(line: string): string | null {
  const t = line.trim();
  // The line may be cut where a centred heading wraps (…第十次全 / 体会议通过）).
  if (!/^[（(]/u.test(t)) return null;
  const first = findDates(t)[0];
  return first && first.at <= 2 ? first.value : null;
}

/** …规划的通知》（环土壤〔2021〕120号）文件要求: a 文号 inside a sentence is another document's. */
function citesIt(line: string): boolean {
  return /[《》〈〉“”，,。；]|要求|精神|规定|印发|根据|按照|贯彻/u.test(line);
}

function docNumberOf(front: string[]): Inferred | null {
  for (const line of front) {
    const value = docNumberLine(line);
    if (value) return { value, source: 'cover', confidence: 0.9 };
  }
  // （川府发〔2022〕8号） printed right under a title, or 文号 beside the issuer on one line.
  for (const line of front.slice(0, 8)) {
    const found = findDocNumbers(line);
    if (found.length === 1 && [...line].length <= 40 && !citesIt(line)) return { value: (found[0] as { value: string }).value, source: 'cover', confidence: 0.7 };
  }
  return null;
}

/**
 * The 成文日期: the first line that is only a date in the cover and notice (the signature's
 * date, or the date in brackets under a title); else the last such line in the document (the
 * signature at the end); else the date a line says the document was issued (…印发).
 */
function dateOf(lines: string[], front: string[]): Inferred | null {
  for (const line of front) {
    const value = dateLine(line) ?? adoptedOn(line);
    if (value) return { value, source: /^[（(]/u.test(line.trim()) ? 'cover' : 'signature', confidence: 0.9 };
    const cover = signedCover(line);
    if (cover) return { value: cover.date, source: 'cover', confidence: 0.8 };
  }
  // A notice whose attachments run long signs before them: the first date line in the text.
  for (const line of lines) {
    const value = dateLine(line);
    if (value) return { value, source: 'signature', confidence: 0.75 };
  }
  for (const line of [...lines].reverse().slice(0, 10)) {
    const issued = /印发|发布/u.test(line) ? findDates(line).at(-1) : undefined;
    if (issued) return { value: issued.value, source: 'body', confidence: 0.6 };
  }
  return null;
}

/**
 * A report about a plan rather than the plan (6月5日，我市印发《X》。 / 近日，某厅发布《X》): its
 * subject is X, named in its opening lines.
 */
export function planReportedIn(lines: string[]): string | null {
  for (const line of lines.slice(0, 3)) {
    const named = /(?:印发|发布|出台)(?:了)?《([^《》]{4,80})》/u.exec(line)?.[1];
    if (named) return named;
  }
  return null;
}

/** 141、包头市深入推进…实施方案.pdf → 包头市深入推进…实施方案: the file's name, without its number. */
export function titleFromFileName(name: string): string | null {
  const base = name
    .replace(/\.[^.]*$/u, '')
    .replace(/^\s*\d+\s*[、.．_-]\s*/u, '')
    .trim();
  return /\p{Script=Han}{4}/u.test(base) ? base : null;
}
