// The cross-reference area: cited policies (/policies), themes by jurisdiction (/themes,
// /themes/<id>) and the side-by-side comparison of documents on a theme or a query (/compare and
// its CSV), each paged by columns so a library of hundreds of plans stays one screen wide.
import express, { type Request, type Response } from 'express';
import { AppError } from '../../errors.js';
import { paramsQuery } from '../../request/params.js';
import { docFiltersFrom, searchFrom } from '../../request/search.js';
import { selectDocuments } from '../../search/documents.js';
import type { Expansion } from '../../search/expand.js';
import { themesHolding } from '../../search/suggestions.js';
import { identityChoices } from '../../present/doc-list.js';
import { policySummary } from '../../present/summaries.js';
import { atLevels, columnsFor, compareTable, pageOf, placeChoices, themeGrid, type Column } from '../../present/theme-columns.js';
import { citationGraphTable } from '../../present/downloads.js';
import { policyDistinction, policyLabel } from '../../present/citations.js';
import { diffusionTable, diffusionView } from '../../present/reuse-view.js';
import { CROSSREF_DEFAULTS, LIST_DEFAULTS } from '../../config.js';
import { LEVEL_LABELS, LEVEL_ORDER, NO_LEVEL } from '../../ingest/types.js';

/** The level choices of /themes/<id>, value and label. */
const LEVEL_OPTIONS = [...LEVEL_ORDER.map((l) => [l, LEVEL_LABELS[l]]), [NO_LEVEL, '未分级']];
import { urls } from '../../present/urls.js';
import { paginate } from '../../present/paging.js';
import { findDoc, findPlace, findPolicy, findTheme, sendTables, sendWorkbook, type RouteContext } from './context.js';
import { file, page, paramsOf } from './takes.js';

/** How /compare offers its candidates: check boxes in view, folded behind a filter box, or none (narrow first). */
function pickListOf(candidates: number): 'inline' | 'folded' | 'none' {
  if (candidates <= CROSSREF_DEFAULTS.pickList) return 'inline';
  return candidates <= CROSSREF_DEFAULTS.pickListMax ? 'folded' : 'none';
}

export function crossrefRouter(ctx: RouteContext): express.Router {
  const { library, searcher } = ctx;
  const router = express.Router();

  router.get('/policies', page('policies'), (_req, res) => {
    const all = library.enrichment.policies;
    const shown = paginate(all, { page: paramsOf(res, 'policies').page, size: LIST_DEFAULTS.policiesPageSize });
    const pager = { page: shown.page, pages: shown.pages, href: (n: number) => urls.policies(n > 1 ? { page: String(n) } : undefined) };
    const policies = shown.items.map((p) => ({
      ...policySummary(p),
      distinguish: policyDistinction(library, p),
      citing: p.citedBy.slice(0, LIST_DEFAULTS.policyCitingShown).map((c) => ({
        doc: library.getDocument(c.docId),
        clauses: c.clauseIds.map((id) => library.getClause(id)).filter((x) => x !== undefined),
      })),
      moreCiting: Math.max(0, p.citedBy.length - LIST_DEFAULTS.policyCitingShown),
      allCitingHref: urls.policy(p.key),
    }));
    res.render('policies', { title: '引用政策', policies, total: all.length, offset: shown.offset, pager });
  });

  router.get('/policies/:key', page('policies'), (req, res) => {
    const policy = findPolicy(library, req.params.key);
    const shown = paginate(policy.citedBy, { page: paramsOf(res, 'policies').page, size: LIST_DEFAULTS.policiesPageSize });
    const pager = { page: shown.page, pages: shown.pages, href: (n: number) => urls.policy(policy.key, n > 1 ? { page: String(n) } : undefined) };
    const citing = shown.items.map((c) => ({ doc: library.getDocument(c.docId), clauses: c.clauseIds.map((id) => library.getClause(id)).filter((x) => x !== undefined) }));
    res.render('policy', { title: `${policyLabel(library, policy)} · 引用政策`, label: policyLabel(library, policy), policy: policySummary(policy), citing, total: policy.citedBy.length, offset: shown.offset, pager });
  });

  router.get('/themes', page('themes'), (_req, res) => {
    const p = paramsOf(res, 'themes');
    const place = findPlace(library, p.place ?? '');
    const levels = p.level ?? [];
    const grid = themeGrid(library, { place: place.id, levels, page: p.page ?? 1 });
    const pager = { page: grid.page, pages: grid.pages, href: (n: number) => urls.themes({ place: place.id || undefined, level: levels.join(',') || undefined, page: String(n) }) };
    const levelParam = levels.join(',') || undefined;
    res.render('themes', { title: place.id ? `${place.name} · 主题` : '主题', grid, place, pager, levelParam, themeScope: { place: place.id || undefined, level: levelParam } });
  });

  router.get('/themes/:id', page('theme'), (req, res) => {
    const theme = findTheme(library, req.params.id);
    const p = paramsOf(res, 'theme');
    const place = findPlace(library, p.place ?? '');
    const levels = p.level ?? [];
    const docs = atLevels(place.allDocs, levels);
    const paged = pageOf(docs, p.page ?? 1);
    const columns = columnsFor({ library, searcher, docs: paged.items, theme: theme.id });
    const related = theme.related.map((id) => library.enrichment.taxonomy.byId.get(id)).filter((t) => t !== undefined);
    const scope = { place: place.id || undefined, level: levels.join(',') || undefined };
    const pager = { page: paged.page, pages: paged.pages, href: (n: number) => urls.theme(theme.id, { ...scope, page: String(n) }) };
    res.render('theme', { title: `${theme.label} · 主题`, theme, columns, related, pager, docCount: docs.length, place, places: placeChoices(library.regions, place.id), scope, levelOptions: LEVEL_OPTIONS });
  });

  // Which cities and counties take the theme's measures from the plans above, and which write their own.
  router.get('/themes/:id/diffusion', page('none'), (req, res) => {
    const theme = findTheme(library, req.params.id);
    res.render('diffusion', { title: `${theme.label} · 上下级承接`, theme, rows: diffusionView(library, theme.id) });
  });
  const diffusionDownload = async (req: Request, res: Response, kind: 'csv' | 'xlsx') => {
    const theme = findTheme(library, req.params.id as string);
    const tables = [diffusionTable(diffusionView(library, theme.id), ctx.origin)];
    await sendTables(res, { kind, name: `diffusion-${theme.id}`, tables, about: () => ctx.aboutDownload(req, { title: `上下级承接：${theme.label}`, query: '' }) });
  };
  router.get('/themes/:id/diffusion.csv', file('none'), (req, res, next) => diffusionDownload(req, res, 'csv').catch(next));
  router.get('/themes/:id/diffusion.xlsx', file('none'), (req, res, next) => diffusionDownload(req, res, 'xlsx').catch(next));

  /**
   * The compare page and its CSV share one reading of the parameters: the place, level and
   * identity filters narrow the documents, checked ones pick among them. The page shows one
   * page of columns; the CSV every column.
   */
  const compareInput = (res: Response, options: { paged: boolean }) => {
    const p = paramsOf(res, 'compare');
    const { theme: themeId, q, docs: docIds = [], expand } = p;
    const theme = themeId ? findTheme(library, themeId) : null;
    const place = findPlace(library, p.place ?? '');
    const docFilters = docFiltersFrom(p, library);
    const under = new Set(place.allDocs.map((d) => d.id));
    const selection = selectDocuments(library, docFilters);
    const selected = selection.docs.filter((d) => under.has(d.id));
    for (const id of docIds) findDoc(library, id);
    const docs = docIds.length ? selected.filter((d) => docIds.includes(d.id)) : selected;
    const paged = pageOf(docs, options.paged ? (p.page ?? 1) : undefined);
    const base = {
      theme,
      q: q ?? '',
      obligations: p.obligation ?? [],
      place,
      candidates: selected,
      docs,
      docFilters,
      facets: selection.facets,
      paged,
      columns: [] as Column[],
      expansions: [] as Expansion[],
      widen: [] as { id: string; label: string }[],
      expanded: false,
    };
    if (!theme && !q) return base;
    const search = q ? searchFrom({ q, expand }, library) : null;
    const columns = columnsFor({ library, searcher, docs: paged.items, theme: theme?.id, query: search?.query, obligations: p.obligation ?? [] });
    // For a keyword, an empty column means the words were not found, not that the plan is silent
    // on the subject: the page offers the themes holding them and the theme-expanded query.
    const words = search ? search.query.groups.flat().map((t) => t.text) : [];
    const widen = [...new Map(words.flatMap((w) => themesHolding(w, library.enrichment.taxonomy.themes)).map((t) => [t.id, t])).values()];
    return { ...base, columns, expansions: search?.expansions ?? [], widen, expanded: expand === '1' };
  };

  router.get('/compare', page('compare'), (_req, res) => {
    const input = compareInput(res, { paged: true });
    const title = input.theme ? `${input.theme.label} · 比较` : input.q ? `${input.q} · 比较` : '并排比较';
    // From the checked values: the CSV refuses parameters the page ignores (a tracking tag).
    const { page: _page, ...checked } = paramsOf(res, 'compare');
    const { layout: _layout, ...exported } = checked;
    const csvHref = urls.compareCsv(paramsQuery(exported));
    const xlsxHref = urls.compareXlsx(paramsQuery(exported));
    const pager = { page: input.paged.page, pages: input.paged.pages, href: (n: number) => urls.compare(paramsQuery({ ...checked, page: n > 1 ? n : undefined })) };
    const { theme: _theme, q: _q, expand: _expand, ...scope } = checked;
    const themeHref = (id: string) => urls.compare(paramsQuery({ ...scope, theme: id }));
    const expandHref = urls.compare(paramsQuery({ ...checked, expand: '1' }));
    const layoutHref = (layout: 'rows' | 'columns') => urls.compare(paramsQuery({ ...checked, layout: layout === 'rows' ? 'rows' : undefined, page: input.paged.page > 1 ? input.paged.page : undefined }));
    res.render('compare', {
      title,
      ...input,
      pager,
      pickList: pickListOf(input.candidates.length),
      pickLimit: CROSSREF_DEFAULTS.pickListMax,
      picked: new Set(paramsOf(res, 'compare').docs ?? []),
      places: placeChoices(library.regions, input.place.id),
      choices: identityChoices(library, input.facets, input.docFilters),
      themes: library.enrichment.taxonomy.themes,
      csvHref,
      xlsxHref,
      themeHref,
      expandHref,
      layoutHref,
      layout: paramsOf(res, 'compare').layout ?? 'columns',
    });
  });

  const compareDownload = async (req: Request, res: Response, kind: 'csv' | 'xlsx') => {
    const input = compareInput(res, { paged: false });
    if (!input.theme && !input.q) throw new AppError('PARAM_INVALID', 'theme 或 q（至少给出一个）');
    const name = input.theme ? `compare-${input.theme.id}` : 'compare-search';
    const title = input.theme ? `并排比较：${input.theme.label}` : `并排比较：${input.q}`;
    const about = () => ctx.aboutDownload(req, { title, query: req.originalUrl.split('?')[1] ?? '' });
    await sendTables(res, { kind, name, tables: [compareTable(input.columns, ctx.origin)], about });
  };
  router.get('/compare.csv', file('compare'), (req, res, next) => compareDownload(req, res, 'csv').catch(next));
  router.get('/compare.xlsx', file('compare'), (req, res, next) => compareDownload(req, res, 'xlsx').catch(next));

  // The citation graph: each cited policy, each plan citing it, each citing clause.
  router.get('/policies.xlsx', file('none'), (req, res, next) => {
    sendWorkbook(res, { file: 'policies.xlsx', tables: [citationGraphTable(library, ctx.origin)], about: ctx.aboutDownload(req, { title: '被引用的政策文件与引用条款', query: '全部' }) }).catch(next);
  });
  return router;
}
