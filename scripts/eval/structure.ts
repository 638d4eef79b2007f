// Structure figures over a folder of published documents (PDF, Word, web pages, text): what
// layout repair left behind that it should not have. `npm run eval:structure` prints them; the
// tests assert them as properties over ../shared/corpus-real. Every check here is independent of
// the code it checks: it reads the clause texts and the extractor's page seams afresh.
import fs from 'node:fs';
import path from 'node:path';
import { assembleLibrary, BUNDLED_SOURCES } from '../../src/engine/open.js';
import type { Target } from '../../src/enrich/targets/index.js';
import type { Library } from '../../src/library/library.js';
import { buildIndex } from '../../src/index/search-index.js';
import { formatOf } from '../../src/ingest/extract/index.js';
import type { Extracted } from '../../src/ingest/extract/types.js';
import { assembleCorpus, extractPath, ingestExtracted } from '../../src/ingest/corpus.js';
import { entryKey, isContentsEntry, isContentsHeading, isPageNumber } from '../../src/ingest/furniture.js';
import type { Clause, ParsedDocument } from '../../src/ingest/types.js';
import { AppError } from '../../src/errors.js';
import { parseQuery } from '../../src/search/query.js';
import { createSearcher } from '../../src/search/engine.js';

export interface Seam {
  docId: string;
  page: number;
  /** The characters either side of the page break, as the search box would be given them. */
  query: string;
  found: boolean;
  /** The printed page number sits at the seam, glued into the sentence. */
  gluedPageNumber: boolean;
}

export interface SuspectTarget {
  id: string;
  valueText: string;
  reason: 'contents' | 'heading-number' | 'standard-number' | 'review-section';
  text: string;
}

export interface FileFigures {
  file: string;
  format: string | null;
  status: 'ok' | 'failed';
  code: string | null;
  pages: number | null;
  clauses: number;
  tables: number;
  contentsClauses: string[];
  pageNumberClauses: string[];
  /** "— 3 —" or "-3-" still inside a clause's text. */
  decoratedPageNumbers: string[];
  seams: Seam[];
  dupIds: string[];
  /** _dup ids of clauses the document did not number twice (unnumbered or a contents line). */
  unexplainedDups: string[];
  targets: number;
  suspectTargets: SuspectTarget[];
}

export interface StructureReport {
  files: FileFigures[];
  extractMs: number;
}

const CHAR_SEGMENTER = { wordLengths: (text: string) => [...text].map((c) => c.length) };
const DECORATED_PAGE = /(?:^|[^0-9０-９\-－—–])[-－—–]\s*[0-9０-９]{1,3}\s*[-－—–](?![0-9０-９\-－—–])/u;
const STANDARD_NUMBER = /(?:GB|DB|HJ|JGJ|CJJ|ISO|NB|DL|SL|YS|JB)\s*(?:\/\s*T)?\s*[0-9０-９.]+\s*(?:[-－—]\s*[0-9０-９]{4})?/giu;
/** Headings of a look back: 发展基础…, 现状…, …完成情况, …取得…成效, “十三五”…成效. */
const REVIEW_HEADING = /^(?:发展基础|工作基础|现状|回顾|基本情况)|(?:完成情况|取得.{0,12}(?:成效|成就|进展))$|^[“"]?十三五[”"]?.*(?:成效|进展|回顾|成就)/u;

export async function evaluateStructure(options: { dir: string; cacheDir?: string | null }): Promise<StructureReport> {
  const started = performance.now();
  const files = fs
    .readdirSync(options.dir)
    .filter((f) => formatOf(f) !== null && formatOf(f) !== 'text')
    .sort();
  const loaded: Array<{ file: string; doc: ParsedDocument; extracted: Extracted } | { file: string; error: AppError }> = [];
  for (const file of files) loaded.push(await loadOne(path.join(options.dir, file), options.cacheDir ?? null));
  const extractMs = performance.now() - started;
  // Claims the ids: documents that name themselves alike (成都, 方案, 2022) are told apart here.
  const corpus = assembleCorpus(
    loaded.flatMap((l) => ('doc' in l ? [l.doc] : [])),
    [],
  );
  const library = assembleLibrary(corpus, BUNDLED_SOURCES);
  const searcher = createSearcher(library, buildIndex({ library, segmenter: CHAR_SEGMENTER }).index);
  const found = (docId: string, query: string) => searcher.matching(parseQuery(`"${query}"`), { docs: [docId], levels: [] }).length > 0;
  return {
    extractMs,
    files: loaded.map((l) => ('error' in l ? failed(l.file, l.error) : figuresOf({ ...l, library, found }))),
  };
}

async function loadOne(file: string, cacheDir: string | null) {
  const name = path.basename(file);
  try {
    const found = await extractPath({ file, cacheDir });
    return { file: name, extracted: found.extracted, doc: ingestExtracted(found) };
  } catch (err) {
    return { file: name, error: err instanceof AppError ? err : new AppError('FILE_UNREADABLE', `${name}（${(err as Error).message}）`) };
  }
}

function failed(file: string, error: AppError): FileFigures {
  return {
    file,
    format: formatOf(file),
    status: 'failed',
    code: error.code,
    pages: null,
    clauses: 0,
    tables: 0,
    contentsClauses: [],
    pageNumberClauses: [],
    decoratedPageNumbers: [],
    seams: [],
    dupIds: [],
    unexplainedDups: [],
    targets: 0,
    suspectTargets: [],
  };
}

interface FiguresInput {
  file: string;
  doc: ParsedDocument;
  extracted: Extracted;
  library: Library;
  found: (docId: string, query: string) => boolean;
}

function figuresOf({ file, doc, extracted, library, found }: FiguresInput): FileFigures {
  const clauses = doc.clauses.filter((c) => c.kind !== 'row');
  const dupIds = doc.clauses.filter((c) => c.eId.includes('_dup')).map((c) => c.eId);
  const byEId = new Map(doc.clauses.map((c) => [c.eId, c]));
  const targets = library.enrichment.targets.filter((t) => t.doc === doc.meta.id);
  return {
    file,
    format: doc.meta.format,
    status: 'ok',
    code: null,
    pages: doc.meta.pages,
    clauses: doc.clauses.length,
    tables: doc.clauses.filter((c) => c.kind === 'table').length,
    contentsClauses: contentsLeft(clauses),
    // A bare year (2020) is a column's heading set apart, not a page number.
    pageNumberClauses: clauses.filter((c) => isPageNumber(c.text) && !/^\s*(?:19|20)[0-9]{2}\s*$/u.test(c.text)).map((c) => c.text),
    decoratedPageNumbers: clauses.filter((c) => DECORATED_PAGE.test(c.text)).map((c) => c.text.slice(0, 80)),
    seams: seamsOf(doc, extracted, found),
    dupIds,
    // A dup is explained when the document printed that number twice: both clauses carry it.
    unexplainedDups: dupIds
      .filter((eId) => eId.split('__').at(-1)?.includes('_dup'))
      .filter((eId) => {
        const c = byEId.get(eId) as Clause;
        const base = byEId.get(eId.replace(/_dup\d+$/u, ''));
        return c.marker === null || base?.marker == null || (c.marker !== base.marker.replace(/\s+/gu, '') && c.kind !== base.kind) || isContentsEntry(c.text);
      }),
    targets: targets.length,
    suspectTargets: targets.flatMap((t) => suspect(t, library)),
  };
}

/**
 * Contents lines left as clauses: a 目录 heading, or an entry (heading, leaders, page number)
 * whose heading the body prints again. A form's dotted blanks (填写……) are no contents line.
 */
function contentsLeft(clauses: Clause[]): string[] {
  const starts = clauses.map((c) => c.text.replace(/\s+/gu, ''));
  return clauses
    .filter((c, i) => {
      if (isContentsHeading(c.text)) return true;
      if (!isContentsEntry(c.text)) return false;
      const key = entryKey(c.text);
      return [...key].length >= 2 && starts.some((t, j) => j !== i && t.startsWith(key) && !isContentsEntry(clauses[j]?.text ?? ''));
    })
    .map((c) => c.text);
}

/** Every paragraph joined across a page break: the two characters either side, searched as one phrase. */
function seamsOf(doc: ParsedDocument, extracted: Extracted, found: FiguresInput['found']): Seam[] {
  const seams: Seam[] = [];
  for (const block of extracted.blocks) {
    if (block.type !== 'line') continue;
    for (const join of block.joins) {
      const before = [...join.before.replace(/\s+/gu, '')].slice(-2).join('');
      const after = [...join.after.replace(/\s+/gu, '')].slice(0, 2).join('');
      const query = `${before}${after}`.replace(/["|]/gu, '');
      if ([...query].length < 2 || /^[\x20-\x7e]+$/u.test(query)) continue;
      const page = block.pages?.[0] ?? 0;
      const seamPage = join.page ?? page + 1;
      const labels = extracted.pageLabels ?? {};
      const near = [labels[seamPage - 1], labels[seamPage]].filter((l): l is string => l !== undefined);
      seams.push({ docId: doc.meta.id, page: seamPage - 1, query, found: found(doc.meta.id, query), gluedPageNumber: glued(join, near) });
    }
  }
  return seams;
}

/** The page number printed on either page of the seam stands at the seam, against Han text. */
function glued(join: { before: string; after: string }, labels: string[]): boolean {
  const printed = new Set(labels.filter((l) => /^[0-9]+$/u.test(l)));
  const tail = /([0-9]+)$/u.exec(join.before.replace(/\s+/gu, ''))?.[1];
  const head = /^([0-9]+)/u.exec(join.after.replace(/\s+/gu, ''))?.[1];
  return (tail !== undefined && printed.has(tail) && /^\p{Script=Han}/u.test(join.after)) || (head !== undefined && printed.has(head) && /\p{Script=Han}$/u.test(join.before));
}

function suspect(t: Target, library: Library): SuspectTarget[] {
  const clause = library.getClause(t.clause);
  if (!clause) return [];
  const at = (reason: SuspectTarget['reason']) => [{ id: t.id, valueText: t.valueText, reason, text: clause.text.slice(0, 80) }];
  if (isContentsEntry(clause.text)) return at('contents');
  const [from] = t.span;
  if (clause.marker && from < clause.marker.length) return at('heading-number');
  if (/^(?:专栏|表|附表|附件)\s*[0-9０-９]{1,3}/u.test(clause.text.slice(Math.max(0, from - 4), from + 4)) || /(?:专栏|表|附件)\s*$/u.test(clause.text.slice(0, from))) return at('heading-number');
  for (const m of clause.text.matchAll(STANDARD_NUMBER)) {
    if (m.index <= from && from < m.index + m[0].length) return at('standard-number');
  }
  const heads = library.ancestorsOf(clause).map((a) => a.title ?? a.text);
  if (heads.some((h) => REVIEW_HEADING.test(h.replace(/\s+/gu, '')))) return at('review-section');
  return [];
}

/** Totals over the folder, for the report and for the closing note. */
export function totals(report: StructureReport) {
  const ok = report.files.filter((f) => f.status === 'ok');
  const seams = ok.flatMap((f) => f.seams);
  return {
    files: report.files.length,
    loaded: ok.length,
    failed: report.files.length - ok.length,
    pages: ok.reduce((n, f) => n + (f.pages ?? 0), 0),
    clauses: ok.reduce((n, f) => n + f.clauses, 0),
    tables: ok.reduce((n, f) => n + f.tables, 0),
    contentsClauses: ok.reduce((n, f) => n + f.contentsClauses.length, 0),
    pageNumberClauses: ok.reduce((n, f) => n + f.pageNumberClauses.length, 0),
    decoratedPageNumbers: ok.reduce((n, f) => n + f.decoratedPageNumbers.length, 0),
    seams: seams.length,
    seamsFound: seams.filter((s) => s.found).length,
    gluedPageNumbers: seams.filter((s) => s.gluedPageNumber).length,
    dupIds: ok.reduce((n, f) => n + f.dupIds.length, 0),
    unexplainedDups: ok.reduce((n, f) => n + f.unexplainedDups.length, 0),
    targets: ok.reduce((n, f) => n + f.targets, 0),
    suspectTargets: ok.reduce((n, f) => n + f.suspectTargets.length, 0),
  };
}
