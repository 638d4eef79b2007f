// The reader area: the home page, the list of documents (/docs), a document (/docs/<id>) and a
// clause's permalink (/c/<id>), each optionally highlighting a query (?hl=); a plan's reuse of the
// plans above it as a download, and two versions of one plan side by side (/versions/…).
import express, { type Response } from 'express';
import { HEADING_KINDS, LEVEL_LABELS, LEVEL_ORDER, type Clause } from '../../ingest/types.js';
import { docFiltersFrom } from '../../request/search.js';
import { parseQuery, type ParsedQuery } from '../../search/query.js';
import type { Range } from '../../search/snippet.js';
import { citedBy, citedDocs } from '../../present/citations.js';
import { docsView } from '../../present/doc-list.js';
import { summarizeDoc, toHit } from '../../present/summaries.js';
import { toBibLatex, toMarkdownQuote } from '../../present/references.js';
import { inTextOf, type ClauseCitation } from '../../present/citation.js';
import { clauseExtras, themeLabels } from '../../present/reader-extras.js';
import { renderBlocks } from '../../present/clause-text.js';
import { clauseReuseView, docReuseView, reuseTables, takersView } from '../../present/reuse-view.js';
import { LIST_DEFAULTS } from '../../config.js';
import { AppError, quoteValue } from '../../errors.js';
import { docListing, findClause, findDoc, findVersions, sendTables, type RouteContext } from './context.js';
import { successorView, versionDiffView, versionLinks } from '../../present/version-view.js';
import { file, page, paramsOf } from './takes.js';

/** The clause page's 复制为 choices: the in-text citation, the GB/T entry, BibLaTeX and a Markdown quote. */
function copyAsOf(c: ClauseCitation): { label: string; text: string }[] {
  return [
    { label: '引文', text: c.inText },
    { label: 'GB/T 7714', text: c.gbt },
    { label: 'BibTeX', text: toBibLatex([c]) },
    { label: 'Markdown 引用', text: toMarkdownQuote(c) },
  ];
}

export function readerRouter(ctx: RouteContext): express.Router {
  const { library, searcher } = ctx;
  const router = express.Router();

  router.get('/', page('none'), (_req, res) => {
    const groups: Array<{ level: string; label: string; docs: ReturnType<typeof summarizeDoc>[] }> = LEVEL_ORDER.map((level) => ({
      level,
      label: LEVEL_LABELS[level],
      docs: library.documents.filter((d) => d.level === level).map((d) => summarizeDoc(d)),
    })).filter((g) => g.docs.length > 0);
    const unplaced = library.documents.filter((d) => d.level === null).map((d) => summarizeDoc(d));
    // Its own anchor: 未分级 shared lv-county with the county group.
    if (unplaced.length) groups.push({ level: 'none', label: '未分级', docs: unplaced });
    res.render('home', { title: '文档', groups, problems: library.corpus.errors, clauseCount: library.clauseCount });
  });

  /**
   * Highlights for the reader (?hl=query): every occurrence of a positive term is marked, and the
   * clauses that satisfy the whole query (AND, OR, NOT) are listed. A query that does not parse
   * just highlights nothing: the page is still the page asked for.
   */
  const highlightsFor = (res: Response, docId: string, clauses: Clause[]) => {
    const hl = paramsOf(res, 'reader').hl ?? '';
    const marks: Record<string, Range[]> = {};
    let query: ParsedQuery | null;
    try {
      query = hl ? parseQuery(hl) : null;
    } catch {
      query = null;
    }
    if (!query) return { hl: '', marks, hits: [] as Clause[], hitEIds: new Set<string>() };
    for (const c of clauses) {
      const ranges = searcher.highlights(c.id, query);
      if (ranges.length > 0) marks[c.eId] = ranges;
    }
    const hitIds = new Set(searcher.matching(query, { docs: [docId], levels: [] }));
    const hits = clauses.filter((c) => hitIds.has(c.id));
    return { hl, marks, hits, hitEIds: new Set(hits.map((c) => c.eId)) };
  };

  router.get('/docs', page('docsPage'), (_req, res) => {
    const p = paramsOf(res, 'docsPage');
    // Page 1 when none is asked for: without a page the listing is the API's, every document at once.
    res.render('docs', { title: '全部文档', view: docsView(library, docFiltersFrom(p, library), docListing(library, { ...p, page: p.page ?? 1 })) });
  });

  router.get('/docs/:id', page('reader'), (req, res) => {
    const doc = findDoc(library, req.params.id);
    const clauses = library.clausesOf(doc.id);
    res.render('doc', {
      highlight: highlightsFor(res, doc.id, clauses),
      title: doc.title,
      doc: summarizeDoc(doc),
      blocks: renderBlocks(clauses),
      toc: clauses.filter((c) => HEADING_KINDS.has(c.kind)),
      citation: ctx.citeDoc(doc),
      inText: (c: Clause) => inTextOf(library, c),
      citedBy: citedBy(library, doc.id),
      cites: citedDocs(library, doc.id),
      reuse: docReuseView(library, doc.id),
      versions: versionLinks(library, doc.id),
      leftOutShown: LIST_DEFAULTS.leftOutShown,
      ...clauseExtras(library, searcher, clauses, { listed: true }),
    });
  });

  // A plan's clauses against the plans above it, and the parent's measures it left out.
  const reuseDownload =
    (kind: 'csv' | 'xlsx'): express.RequestHandler =>
    (req, res, next) => {
      const doc = findDoc(library, req.params.id as string);
      const tables = reuseTables(library, doc.id, ctx.origin);
      if (tables.length === 0) throw new AppError('REUSE_NOT_AVAILABLE', quoteValue(doc.id));
      const name = `reuse-${doc.id.replace(/[^A-Za-z0-9._-]/gu, '_')}`;
      sendTables(res, { kind, name, tables, about: () => ctx.aboutDownload(req, { title: `承接情况：${doc.title}`, query: '' }) }).catch(next);
    };
  router.get('/docs/:id/reuse.csv', file('none'), reuseDownload('csv'));
  router.get('/docs/:id/reuse.xlsx', file('none'), reuseDownload('xlsx'));

  // Two versions of one plan aligned: what was added, removed, moved and changed.
  router.get('/versions/:before/:after', page('none'), (req, res) => {
    const [before, after] = findVersions(library, req.params.before as string, req.params.after as string);
    res.render('versions', { title: `版本比较 · ${after.title}`, view: versionDiffView(library, before, after) });
  });

  router.get('/c/:id', page('reader'), (req, res) => {
    const clause = findClause(library, req.params.id);
    const doc = findDoc(library, clause.docId);
    const hit = toHit(library, clause);
    const citation = ctx.citeClause(clause);
    res.render('clause', {
      highlight: highlightsFor(res, doc.id, [clause]),
      title: `${clause.label} · ${doc.title}`,
      doc: summarizeDoc(doc),
      clause,
      hit,
      ancestors: library.ancestorsOf(clause),
      children: library.childrenOf(clause),
      neighbours: library.neighbours(clause),
      citation,
      copyAs: copyAsOf(citation),
      ...clauseExtras(library, searcher, [clause], { listed: false }),
      targets: library.enrichment.targetsOf(clause.id),
      reuse: clauseReuseView(library, clause),
      takers: takersView(library, clause),
      successor: successorView(library, clause),
      themeLabels: themeLabels(library, hit.themes),
    });
  });
  return router;
}
