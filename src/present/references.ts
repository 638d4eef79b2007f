// Reference-manager exports of the citation model: RIS (EndNote, NoteExpress, Zotero), BibLaTeX
// (fields biblatex-gb7714-2015 renders: @online → [EB/OL], @archive → [A], the 文号 as subtitle)
// and CSL-JSON. Written here rather than by citation-js: its BibTeX output has no subtitle or
// titleaddon for a 文号 and its RIS writer drops the access date; tests read every format back
// with independent parsers (citation-js, @retorquere/bibtex-parser).
import type { ClauseCitation, DocumentCitation } from './citation.js';
import { EXPORT_DEFAULTS } from '../config.js';
import { AppError, quoteValue } from '../errors.js';
import type { Clause } from '../ingest/types.js';
import type { Library } from '../library/library.js';
import type { Searcher } from '../search/engine.js';
import type { SearchParams } from '../request/search.js';

export type Reference = DocumentCitation | ClauseCitation;

export const REFERENCE_FORMATS = {
  ris: { type: 'application/x-research-info-systems; charset=utf-8', extension: 'ris' },
  bib: { type: 'application/x-bibtex; charset=utf-8', extension: 'bib' },
  csl: { type: 'application/vnd.citationstyles.csl+json; charset=utf-8', extension: 'json' },
  gbt: { type: 'text/plain; charset=utf-8', extension: 'txt' },
} as const;

export type ReferenceFormat = keyof typeof REFERENCE_FORMATS;

const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The title of the work: a plan issued under a cover notice is the notice, as its GB/T entry says. */
const workTitle = (r: Reference) => r.coverNotice?.title ?? r.title;
const workNumber = (r: Reference) => r.coverNotice?.docNumber ?? r.docNumber;
/** The clause's own address for a clause, the source (or the document page) for a document. */
const linkOf = (r: Reference) => (r.kind === 'clause' ? r.clausePermalink : (r.url ?? r.permalink));
const dateParts = (date: string) => date.split('-').map(Number);

/** RIS dates are YYYY/MM/DD/other, the parts a document does not state left empty: 2022/10//. */
function risDate(date: string): string {
  const [y, m = '', d = ''] = date.split('-');
  return `${y}/${m}/${d}/`;
}

/** RIS, one record per reference: GOVDOC, the 文号 in SN, a clause's pinpoint in SE and its words in AB. */
export function toRis(refs: Reference[]): string {
  return refs.map(risRecord).join('');
}

function risRecord(r: Reference): string {
  const lines: [string, string | null | undefined][] = [
    ['TY', 'GOVDOC'],
    ['TI', workTitle(r)],
    ['T2', r.coverNotice ? r.title : null],
    ...r.issuers.map((name): [string, string] => ['AU', name]),
    ['PB', r.issuer],
    ['CY', r.place],
    ['PY', r.date?.slice(0, 4)],
    ['DA', r.date ? risDate(r.date) : null],
    // SN: the document's number (report number) for GOVDOC, as RefMan's spec and Zotero read it.
    ['SN', workNumber(r)],
    ['SE', r.kind === 'clause' ? r.pinpoint : null],
    ['AB', r.kind === 'clause' ? oneLine(r.quote) : null],
    ['N1', r.kind === 'clause' ? r.inText : null],
    ['UR', linkOf(r)],
    ['UR', r.kind === 'clause' && r.urlKind === 'source' ? r.url : null],
    ['Y2', r.accessed],
    ['LA', 'zh-CN'],
    ['ID', r.kind === 'clause' ? r.clauseId : r.id],
  ];
  const body = lines.filter(([, v]) => v).map(([tag, v]) => `${tag}  - ${oneLine(v as string)}\r\n`);
  return `${body.join('')}ER  - \r\n\r\n`;
}

/** TeX's special characters escaped; a URL field only needs its braces balanced, so it is left alone. */
function tex(text: string): string {
  return oneLine(text).replace(/[\\{}%&$#_^~]/gu, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`));
}

/** A BibTeX key: ASCII letters, digits and - _ : only. */
const bibKey = (r: Reference) => (r.kind === 'clause' ? r.clauseId : r.id).replace(/[^A-Za-z0-9_:-]/gu, '_');

/** BibLaTeX for biblatex-gb7714-2015: @online with a URL ([EB/OL]), @archive without ([A]). */
export function toBibLatex(refs: Reference[]): string {
  return refs.map(bibEntry).join('\n');
}

function bibEntry(r: Reference): string {
  const url = linkOf(r);
  const absolute = /^https?:\/\//u.test(url);
  const fields: [string, string | null | undefined][] = [
    // Double braces: a corporate author, never split into family and given names.
    ['author', r.issuers.length ? r.issuers.map((name) => `{${tex(name)}}`).join(' and ') : null],
    ['title', tex(workTitle(r))],
    ['subtitle', workNumber(r) ? tex(workNumber(r) as string) : null],
    // The attached plan, where the notice's title does not name it (as the GB/T entry does).
    ['titleaddon', r.coverNotice && !r.coverNotice.title.includes(r.title) ? tex(`附件：${r.title}`) : null],
    ['location', r.place ? tex(r.place) : null],
    ['date', r.date],
    ['urldate', absolute ? r.accessed : null],
    ['url', absolute ? url : null],
    ['note', r.kind === 'clause' ? tex(r.pinpoint) : null],
    ['addendum', r.kind === 'clause' ? tex(`“${r.quote}”`) : null],
    ['langid', 'chinese'],
  ];
  const body = fields.filter(([, v]) => v).map(([k, v]) => `  ${k} = {${v as string}},`);
  return `@${absolute ? 'online' : 'archive'}{${bibKey(r)},\n${body.join('\n')}\n}\n`;
}

/** CSL-JSON items (an array), for Zotero and citeproc. */
export function toCslJson(refs: Reference[]): string {
  return `${JSON.stringify(refs.map(cslItem), null, 1)}\n`;
}

export function cslItem(r: Reference): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: r.kind === 'clause' ? r.clauseId : r.id,
    type: 'document',
    genre: '政府文件',
    title: workTitle(r),
    language: 'zh-CN',
    URL: linkOf(r),
    accessed: { 'date-parts': [dateParts(r.accessed)] },
  };
  if (r.issuer) Object.assign(item, { author: r.issuers.map((literal) => ({ literal })), publisher: r.issuer });
  if (r.place) item['publisher-place'] = r.place;
  if (r.date) item.issued = { 'date-parts': [dateParts(r.date)] };
  if (workNumber(r)) item.number = workNumber(r);
  if (r.coverNotice) item['title-short'] = r.title;
  if (r.kind === 'clause') Object.assign(item, { section: r.pinpoint, abstract: r.quote, note: r.inText });
  return item;
}

/** A clause as a Markdown block quote with its in-text citation linked to its permalink. */
export function toMarkdownQuote(c: ClauseCitation): string {
  const quote = c.quote
    .split(/\n+/u)
    .map((line) => `> ${line}`)
    .join('\n');
  return `${quote}\n>\n> —— [${c.inText}](${c.clausePermalink})\n`;
}

/** A reference list as a paper prints it: [1] GB/T entry, one per line, a clause's pinpoint after its entry. */
export function toGbtList(refs: Reference[]): string {
  return refs.map((r, i) => `[${i + 1}] ${r.gbt}${r.kind === 'clause' ? ` ${r.pinpoint}` : ''}\n`).join('');
}

export function renderReferences(refs: Reference[], format: ReferenceFormat): string {
  if (format === 'ris') return toRis(refs);
  if (format === 'bib') return toBibLatex(refs);
  if (format === 'gbt') return toGbtList(refs);
  return toCslJson(refs);
}

/** Every hit of a search, not one page, as clause citations; more than the export limit is refused. */
export function searchReferences(o: { library: Library; searcher: Searcher; search: SearchParams; cite: (clause: Clause) => ClauseCitation }): ClauseCitation[] {
  const ids = o.searcher.matching(o.search.query, o.search.filters);
  if (ids.length > EXPORT_DEFAULTS.maxReferences) throw new AppError('EXPORT_TOO_LARGE', `${quoteValue(o.search.query.raw)} 命中 ${ids.length} 条，上限 ${EXPORT_DEFAULTS.maxReferences} 条`);
  return ids.map((id) => o.cite(o.library.getClause(id) as Clause));
}
