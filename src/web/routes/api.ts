// The JSON API, mounted at /api: documents, clauses, cited policies, themes (and their diffusion
// down the hierarchy), search, targets, indicators, reuse and versions. Every route refuses parameters it does not take; errors answer in JSON.
import express from 'express';
import { AppError, quoteValue } from '../../errors.js';
import { docFiltersFrom, searchFrom } from '../../request/search.js';
import { citedBy, citedDocs } from '../../present/citations.js';
import { docsJson, docsView } from '../../present/doc-list.js';
import { policySummary, summarizeDoc, themeSummary, toHit } from '../../present/summaries.js';
import { presentSearch, searchJson } from '../../present/search-results.js';
import { targetsJson } from '../../present/target-table.js';
import { columnsFor, themeCounts } from '../../present/theme-columns.js';
import { urls } from '../../present/urls.js';
import { clauseReuseView, diffusionView, docReuseView, reuseSummaries, takersView } from '../../present/reuse-view.js';
import { docListing, findClause, findDoc, findTheme, findVersions, type RouteContext } from './context.js';
import { successorView, versionDiffView, versionLinks } from '../../present/version-view.js';
import { targetRows } from './targets.js';
import { api, paramsOf } from './takes.js';

export function apiRouter(ctx: RouteContext): express.Router {
  const { library, searcher } = ctx;
  const router = express.Router();
  const { indicators, records, queried } = targetRows(ctx);

  router.get('/docs', api('docs'), (_req, res) => {
    const view = docsView(library, docFiltersFrom(paramsOf(res, 'docs'), library), { ...docListing(library, paramsOf(res, 'docs')), page: undefined });
    res.json(docsJson(view, (id) => ctx.citeDoc(findDoc(library, id)).gbt));
  });

  router.get('/docs/:id', api('none'), (req, res) => {
    const doc = findDoc(library, req.params.id);
    const citation = ctx.citeDoc(doc);
    res.json({
      doc: { ...summarizeDoc(doc, citation.gbt), citation },
      clauses: library.clausesOf(doc.id).map((c) => toHit(library, c)),
      reuse: docReuseView(library, doc.id),
      versions: versionLinks(library, doc.id),
      citedBy: citedBy(library, doc.id),
      cites: citedDocs(library, doc.id),
    });
  });

  router.get('/clauses/:id', api('none'), (req, res) => {
    const clause = findClause(library, req.params.id);
    const doc = findDoc(library, clause.docId);
    const related = searcher.related(clause.id).map((r) => ({
      ...toHit(library, r.clause),
      score: r.score,
      /** Set when the clause is listed as the best match on this specific shared theme. */
      sharedTheme: r.theme,
      docTitle: library.getDocument(r.clause.docId)?.title ?? r.clause.docId,
    }));
    const citation = ctx.citeClause(clause);
    // The clause's entry is its document's: one record, rendered once.
    res.json({ ...toHit(library, clause), docTitle: doc.title, reference: citation.gbt, citationRecord: citation, related, reuse: clauseReuseView(library, clause), takers: takersView(library, clause), successor: successorView(library, clause) });
  });

  router.get('/versions/:before/:after', api('none'), (req, res) => {
    const [before, after] = findVersions(library, req.params.before, req.params.after);
    res.json(versionDiffView(library, before, after));
  });

  router.get('/themes/:id/diffusion', api('none'), (req, res) => {
    const theme = findTheme(library, req.params.id);
    res.json({ theme: theme.id, label: theme.label, plans: diffusionView(library, theme.id) });
  });

  // Every city's and county's plan the library can set against a plan above it, with its shares.
  router.get('/reuse', api('none'), (_req, res) => {
    res.json({ docs: reuseSummaries(library) });
  });

  router.get('/policies', api('none'), (_req, res) => {
    res.json({ policies: library.enrichment.policies.map(policySummary) });
  });

  router.get('/themes', api('none'), (_req, res) => {
    res.json({ themes: themeCounts(library).map((row) => ({ ...themeSummary(row.theme), count: row.total, counts: Object.fromEntries(row.counts) })) });
  });

  router.get('/themes/:id', api('none'), (req, res) => {
    const theme = findTheme(library, req.params.id);
    const columns = columnsFor({ library, searcher, docs: library.documents, theme: theme.id });
    res.json({
      ...themeSummary(theme),
      clauses: columns.flatMap((c) => c.clauses.map(({ segments: _s, ...hit }) => hit)),
      documents: columns.map((c) => ({ doc: c.doc.id, title: c.doc.title, jurisdiction: c.doc.jurisdiction, level: c.doc.level, count: c.clauses.length, mentioned: c.clauses.length > 0 })),
    });
  });

  router.get('/search', api('search'), (_req, res) => {
    const search = searchFrom(paramsOf(res, 'search'), library);
    res.json(searchJson(presentSearch({ library, params: search, outcome: searcher.search(search) })));
  });

  router.get('/targets', api('targets'), (_req, res) => {
    const { query, identity, targets } = queried(res);
    res.json(targetsJson(query, records(targets), identity));
  });

  router.get('/indicators', api('none'), (_req, res) => {
    res.json({
      indicators: indicators().map((s) => {
        const ind = library.enrichment.indicators.byId.get(s.id);
        return { ...s, aliases: ind?.aliases ?? [], unit: ind?.unit ?? null, better: ind?.better ?? null, url: urls.indicator(s.id) };
      }),
    });
  });

  router.use((req, _res, next) => next(new AppError('ROUTE_NOT_FOUND', quoteValue(req.originalUrl))));
  return router;
}
