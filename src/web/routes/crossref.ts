// The cross-reference area: cited policies (/policies), themes (/themes, /themes/<id>) and the
// side-by-side comparison of documents on a theme or a query (/compare and its CSV).
import express, { type Response } from 'express';
import { AppError } from '../../errors.js';
import { paramsQuery } from '../../request/params.js';
import { docFiltersFrom, searchFrom } from '../../request/search.js';
import { selectDocuments } from '../../search/documents.js';
import type { Expansion } from '../../search/expand.js';
import { identityChoices } from '../../present/doc-list.js';
import { policySummary, summarizeDoc } from '../../present/summaries.js';
import { columnsFor, compareCsv, themeGrid, type Column } from '../../present/theme-columns.js';
import { urls } from '../../present/urls.js';
import { findDoc, findTheme, type RouteContext } from './context.js';
import { file, page, paramsOf } from './takes.js';

export function crossrefRouter(ctx: RouteContext): express.Router {
  const { library, searcher } = ctx;
  const router = express.Router();

  router.get('/policies', page('none'), (_req, res) => {
    const policies = library.enrichment.policies.map((p) => ({
      ...policySummary(p),
      citing: p.citedBy.map((c) => ({
        doc: library.getDocument(c.docId),
        clauses: c.clauseIds.map((id) => library.getClause(id)).filter((x) => x !== undefined),
      })),
    }));
    res.render('policies', { title: '引用政策', policies });
  });

  router.get('/themes', page('none'), (_req, res) => {
    res.render('themes', { title: '主题', grid: themeGrid(library), docs: library.documents.map(summarizeDoc) });
  });

  router.get('/themes/:id', page('none'), (req, res) => {
    const theme = findTheme(library, req.params.id);
    const columns = columnsFor({ library, searcher, docs: library.documents, theme: theme.id });
    const related = theme.related.map((id) => library.enrichment.taxonomy.byId.get(id)).filter((t) => t !== undefined);
    res.render('theme', { title: `${theme.label} · 主题`, theme, columns, related });
  });

  /** The compare page and its CSV share one reading of the parameters; level and identity filters narrow the columns. */
  const compareInput = (res: Response) => {
    const p = paramsOf(res, 'compare');
    const { theme: themeId, q, docs: docIds = [], expand } = p;
    const theme = themeId ? findTheme(library, themeId) : null;
    const docFilters = docFiltersFrom(p, library);
    const selected = selectDocuments(library, docFilters).docs;
    if (!theme && !q) return { theme: null, q: '', docs: selected, docFilters, columns: [] as Column[], expansions: [] as Expansion[] };
    for (const id of docIds) findDoc(library, id);
    const docs = docIds.length ? selected.filter((d) => docIds.includes(d.id)) : selected;
    const search = q ? searchFrom({ q, expand }, library) : null;
    const columns = columnsFor({ library, searcher, docs, theme: theme?.id, query: search?.query });
    return { theme, q: q ?? '', docs, docFilters, columns, expansions: search?.expansions ?? [] };
  };

  router.get('/compare', page('compare'), (_req, res) => {
    const input = compareInput(res);
    const title = input.theme ? `${input.theme.label} · 比较` : input.q ? `${input.q} · 比较` : '并排比较';
    // From the checked values: the CSV refuses parameters the page ignores (a tracking tag).
    const csvHref = urls.compareCsv(paramsQuery(paramsOf(res, 'compare')));
    const { docs: choices, facets } = selectDocuments(library, input.docFilters);
    res.render('compare', { title, ...input, allDocs: choices, choices: identityChoices(library, facets, input.docFilters), themes: library.enrichment.taxonomy.themes, csvHref });
  });

  router.get('/compare.csv', file('compare'), (_req, res) => {
    const input = compareInput(res);
    if (!input.theme && !input.q) throw new AppError('PARAM_INVALID', 'theme 或 q（至少给出一个）');
    const name = input.theme ? `compare-${input.theme.id}` : 'compare-search';
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="${name}.csv"`);
    res.send(compareCsv(input.columns, ctx.origin));
  });
  return router;
}
