// The one citation model: what a reference to a document or a clause says (who issued it, its
// title, 文号, date, where it can be read, which part is cited), built once from the library and
// rendered by every page, the API and the CLI, so they never disagree. GB/T 7714 entries are one
// rendering of it; the reference-manager formats read the same record.
import { legalPinpoint, pageNote } from '../ingest/identity.js';
import type { Clause, DocumentMeta } from '../ingest/types.js';
import type { Library } from '../library/library.js';
import { urls } from './urls.js';
import type { GbtEdition } from '../config.js';

export type { GbtEdition };

export interface CiteSettings {
  /** PUBLIC_ORIGIN, or '' when none is configured (links are then relative). */
  origin: string;
  /** The access date, YYYY-MM-DD. */
  today: string;
  edition: GbtEdition;
}

/** The cover notice that issued a plan: its 文号 belongs to the notice, not to the plan it attaches. */
export interface CoverNotice {
  title: string;
  docNumber: string;
}

export interface DocumentCitation {
  kind: 'document';
  id: string;
  title: string;
  /** The issuers as the document names them, joined (四川省生态环境厅、四川省经济和信息化厅). */
  issuer: string | null;
  /** Each issuer on its own: joint issuers are several corporate authors to a reference manager. */
  issuers: string[];
  /** The jurisdiction the document is for (成都市), or 国家. */
  place: string | null;
  docNumber: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD as the document states it; null when it does not. */
  date: string | null;
  status: string | null;
  coverNotice: CoverNotice | null;
  /** The address the entry gives: the official source, else this site's page, else none. */
  url: string | null;
  /** Where url points: the official publication, or this tool's permalink (said so on the page). */
  urlKind: 'source' | 'permalink' | null;
  /** This site's page for the document: absolute when PUBLIC_ORIGIN is set. */
  permalink: string;
  accessed: string;
  /** GB/T 7714 entry in the configured edition. */
  gbt: string;
  edition: GbtEdition;
}

export interface ClauseCitation extends Omit<DocumentCitation, 'kind'> {
  kind: 'clause';
  clauseId: string;
  /** 第三部分第（四）项第11条: Chinese legal practice. */
  pinpoint: string;
  /** 三（四）11: the printed label, for tight spaces. */
  shortPinpoint: string;
  /** The clause's own words, whole. */
  quote: string;
  /** Printed pages (PDF), for a page pinpoint. */
  pages: [number, number] | null;
  /** This site's page for the clause. */
  clausePermalink: string;
  /** 《成都市碳达峰实施方案》（成府发〔2024〕10号文印发）第三部分第（二）项第5条“深化能源消费结构调整”: the in-text citation. */
  inText: string;
}

/** Cover notices found so far, per library: exporting 2,000 hits cites their few documents over and over. */
const noticeCache = new WeakMap<Library, Map<string, CoverNotice | null>>();

/** The notice a plan was issued under, when the library read one whose text carries the 文号. */
export function coverNoticeOf(library: Library, meta: DocumentMeta): CoverNotice | null {
  let known = noticeCache.get(library);
  if (!known) noticeCache.set(library, (known = new Map()));
  const key = `${meta.id}\u0000${meta.docNumber ?? ''}`;
  if (!known.has(key)) known.set(key, findCoverNotice(library, meta));
  return known.get(key) ?? null;
}

function findCoverNotice(library: Library, meta: DocumentMeta): CoverNotice | null {
  if (!meta.docNumber) return null;
  const notice = library.clausesOf(meta.id).filter((c) => c.kind === 'notice');
  if (!notice.some((c) => c.text.includes(meta.docNumber as string))) return null;
  const title = notice.find((c) => /通知$|通知》?$/u.test(c.text.trim()) && c.text.length <= 120);
  return title ? { title: title.text.trim(), docNumber: meta.docNumber } : null;
}

const absolute = (origin: string, path: string) => `${origin}${path}`;

/** Joint issuers as the document lists them, split on 、，, or a space. */
export function issuersOf(issuer: string | null): string[] {
  return (issuer ?? '')
    .split(/[、，,\s]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The record of a document's citation. */
export function citeDocument(library: Library, meta: DocumentMeta, settings: CiteSettings): DocumentCitation {
  const permalink = absolute(settings.origin, urls.doc(meta.id));
  const source = meta.sourceUrl ?? null;
  const url = source ?? (settings.origin ? permalink : null);
  const base: Omit<DocumentCitation, 'gbt'> = {
    kind: 'document',
    id: meta.id,
    title: meta.title,
    issuer: meta.issuer,
    issuers: issuersOf(meta.issuer),
    place: meta.jurisdiction,
    docNumber: meta.docNumber,
    date: meta.date,
    status: meta.status,
    coverNotice: coverNoticeOf(library, meta),
    url,
    urlKind: source ? 'source' : url ? 'permalink' : null,
    permalink,
    accessed: settings.today,
    edition: settings.edition,
  };
  return { ...base, gbt: gbtEntry(base) };
}

/** The record of a clause's citation: its document's, with the pinpoint and the quoted words. */
export function citeClause(library: Library, clause: Clause, settings: CiteSettings): ClauseCitation {
  const meta = library.getDocument(clause.docId) as DocumentMeta;
  const { kind: _kind, gbt: _gbt, ...doc } = citeDocument(library, meta, settings);
  const pinpoint = legalPinpoint(clause.label);
  const record: Omit<ClauseCitation, 'gbt'> = {
    ...doc,
    kind: 'clause',
    clauseId: clause.id,
    pinpoint,
    shortPinpoint: clause.label,
    quote: clause.text,
    pages: clause.pages ?? null,
    clausePermalink: absolute(settings.origin, urls.clause(clause.id)),
    inText: inTextOf(library, clause),
  };
  return { ...record, gbt: gbtEntry(record) };
}

/**
 * The in-text citation: 《题名》（文号）, or （文号文印发） when the 文号 is the cover notice's,
 * then the legal pinpoint, the clause's opening phrase and its printed pages. It needs no
 * settings, so lists of hits render it without building the whole record.
 */
export function inTextOf(library: Library, clause: Clause): string {
  const meta = library.getDocument(clause.docId) as DocumentMeta;
  const notice = coverNoticeOf(library, meta);
  const number = notice ? `（${notice.docNumber}文印发）` : meta.docNumber ? `（${meta.docNumber}）` : '';
  const phrase = clause.lead ? `“${clause.lead}”` : '';
  const page = clause.pages ? pageNote(clause.pages) : '';
  return `《${meta.title}》${number}${legalPinpoint(clause.label)}${phrase}${page}`;
}

/**
 * The punctuation each edition sets: 2015 writes ". " and ": " and (date) in half-width;
 * 2025 writes "." without a space, the full-width "：" before other title information and
 * （date）, as its typeset examples do.
 */
const PUNCTUATION: Record<GbtEdition, { stop: string; colon: string; comma: string; open: string; close: string }> = {
  '2015': { stop: '. ', colon: ': ', comma: ', ', open: '(', close: ')' },
  '2025': { stop: '.', colon: '：', comma: '，', open: '（', close: '）' },
};

/** Up to three 责任者 in full; past three, the first three and 等, as both editions say. */
function authorsOf(issuers: string[], comma: string): string {
  return issuers.length > 3 ? `${issuers.slice(0, 3).join(comma)}${comma}等` : issuers.join(comma);
}

/** The notice's title and 文号; the attached plan named after them when the title does not name it. */
function noticeTitle(notice: CoverNotice, options: { plan: string; colon: string }): string {
  const attached = notice.title.includes(options.plan) ? '' : `（附件：${options.plan}）`;
  return `${notice.title}${options.colon}${notice.docNumber}${attached}`;
}

/**
 * GB/T 7714 entry. Online ([EB/OL]) when there is an address to give: the official source,
 * else this site's page; the printed form ([A], an official document as issued) otherwise.
 * A plan issued under a cover notice is cited as the notice, whose 文号 it is, with the plan
 * named. Unknown parts (issuer, date) are left out, never filled with 不详.
 */
export function gbtEntry(c: Omit<DocumentCitation, 'gbt' | 'kind'> & { kind: 'document' | 'clause' }): string {
  const p = PUNCTUATION[c.edition];
  const author = c.issuers.length ? `${authorsOf(c.issuers, p.comma)}${p.stop}` : '';
  const titled = c.coverNotice ? noticeTitle(c.coverNotice, { plan: c.title, colon: p.colon }) : c.docNumber ? `${c.title}${p.colon}${c.docNumber}` : c.title;
  if (c.url) {
    const published = c.date ? `${p.open}${c.date}${p.close}` : '';
    return `${author}${titled}[EB/OL]${p.stop}${published}[${c.accessed}]${p.stop}${c.url}.`;
  }
  return `${author}${titled}[A]${c.date ? `${p.stop}${c.date}` : ''}.`;
}
