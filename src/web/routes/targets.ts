// The targets area: /targets (the table, filtered and sorted), its CSV and JSON downloads, and
// /targets/<indicator> (charts per year and measure). /api/targets reads the same rows.
import express, { type Request, type Response } from 'express';
import type { Target } from '../../enrich/targets/index.js';
import { TARGET_DEFAULTS } from '../../config.js';
import { AppError, quoteValue } from '../../errors.js';
import type { Library } from '../../library/library.js';
import { targetSelectionFrom } from '../../request/targets.js';
import { selectDocuments } from '../../search/documents.js';
import type { IdentityFilters } from '../../search/types.js';
import { chartGroups, indicatorSummaries, selectTargets, sortTargets, TARGET_SORTS, verticalChecks, type IndicatorSummary, type LevelCheck, type TargetQuery } from '../../search/targets/index.js';
import { identityChoices, identityParams } from '../../present/doc-list.js';
import { summarizeDoc } from '../../present/summaries.js';
import { barChart, distributionChart, DISTRIBUTION_FROM, targetRecord, targetsJson, targetsTable } from '../../present/target-table.js';
import { urls } from '../../present/urls.js';
import { paginate } from '../../present/paging.js';
import { sendTables, type RouteContext } from './context.js';
import { api, file, page, paramsOf } from './takes.js';

interface TargetFacts {
  /** The vertical check per target: it depends only on the corpus, so it is worked out once. */
  checks: Map<string, LevelCheck[]>;
  indicators: IndicatorSummary[];
  years: number[];
}

const factsOf = new WeakMap<Library, TargetFacts>();

function targetFacts(library: Library): TargetFacts {
  let facts = factsOf.get(library);
  if (!facts) {
    const years = [...new Set(library.enrichment.targets.map((t) => t.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
    facts = { checks: verticalChecks(library), indicators: indicatorSummaries(library), years };
    factsOf.set(library, facts);
  }
  return facts;
}

/**
 * The rows of the table and its downloads, and the rows a request asks for. The facts are
 * worked out on first use, not when the app is made: at ×70 they were 0.2 s of every start.
 */
export function targetRows(ctx: RouteContext) {
  const { library } = ctx;
  return {
    indicators: () => targetFacts(library).indicators,
    records: (targets: Target[]) => {
      const { checks } = targetFacts(library);
      return targets.map((target) => targetRecord({ library, target, check: checks.get(target.id), origin: ctx.origin }));
    },
    queried: (res: Response) => selectTargets(library, targetSelectionFrom(paramsOf(res, 'targets'), library)),
  };
}

/** The same filters, as a query string for the downloads and the sort links. */
function targetHref(to: (qs: string) => string, q: TargetQuery, identity: Required<IdentityFilters>, change: Partial<Record<'sort' | 'order' | 'page', string>> = {}) {
  const params = new URLSearchParams();
  for (const id of q.filters.indicators) params.append('indicator', id);
  for (const id of q.filters.docs) params.append('doc', id);
  for (const y of q.filters.years) params.append('year', String(y));
  for (const l of q.filters.levels) params.append('level', l);
  for (const o of q.filters.obligations ?? []) params.append('obligation', o);
  for (const [name, values] of identityParams(identity)) for (const v of values) params.append(name, v);
  const sort = change.sort ?? q.sort;
  const order = change.order ?? q.order;
  if (sort !== 'indicator') params.set('sort', sort);
  if (order !== 'asc') params.set('order', order);
  if (change.page && change.page !== '1') params.set('page', change.page);
  return to(params.toString());
}

function sortLinks(to: (qs: string) => string, q: TargetQuery, identity: Required<IdentityFilters>) {
  return Object.fromEntries(TARGET_SORTS.map((key) => [key, { href: targetHref(to, q, identity, { sort: key, order: q.sort === key && q.order === 'asc' ? 'desc' : 'asc' }), active: q.sort === key ? q.order : null }]));
}

export function targetsRouter(ctx: RouteContext): express.Router {
  const { library } = ctx;
  const router = express.Router();
  const { indicators, records, queried } = targetRows(ctx);

  /** One page of a targets table (TARGET_DEFAULTS.pageSize rows); the downloads hold every row. */
  const tablePage = (targets: Target[], asked: number | undefined, href: (p: number) => string) => {
    const { items, page: pageNo, pages, offset } = paginate(targets, { page: asked, size: TARGET_DEFAULTS.pageSize });
    return { rows: records(items), count: targets.length, offset, pager: { page: pageNo, pages, href } };
  };

  router.get('/targets', page('targetsPage'), (_req, res) => {
    const { query, identity, targets } = queried(res);
    const { docs, facets } = selectDocuments(library, { levels: query.filters.levels, ...identity });
    res.render('targets', {
      title: '量化目标',
      query,
      ...tablePage(targets, paramsOf(res, 'targetsPage').page, (p) => targetHref(urls.targets, query, identity, { page: String(p) })),
      indicators: indicators(),
      docs: docs.map((d) => summarizeDoc(d)),
      choices: identityChoices(library, facets, { levels: query.filters.levels, ...identity }),
      years: targetFacts(library).years,
      sorts: sortLinks(urls.targets, query, identity),
      csvHref: targetHref(urls.targetsCsv, query, identity),
      xlsxHref: targetHref(urls.targetsXlsx, query, identity),
      jsonHref: targetHref(urls.targetsJson, query, identity),
      total: library.enrichment.targets.length,
    });
  });

  const download = async (req: Request, res: Response, kind: 'csv' | 'json' | 'xlsx') => {
    const { query, identity, targets } = queried(res);
    const name = query.filters.indicators.length === 1 ? `targets-${query.filters.indicators[0]}` : 'targets';
    if (kind === 'json') {
      res.set('Content-Disposition', `attachment; filename="${name}.json"`);
      res.json(targetsJson(query, records(targets), identity));
      return;
    }
    await sendTables(res, { kind, name, tables: [targetsTable(records(targets))], about: () => ctx.aboutDownload(req, { title: '量化目标', query: req.originalUrl.split('?')[1] ?? '全部' }) });
  };
  router.get('/targets.csv', file('targets'), (req, res) => download(req, res, 'csv'));
  router.get('/targets.xlsx', file('targets'), (req, res, next) => download(req, res, 'xlsx').catch(next));
  router.get('/targets.json', api('targets'), (req, res) => download(req, res, 'json'));

  router.get('/targets/:indicator', page('targetsPage'), (req, res) => {
    const summary = indicators().find((s) => s.id === req.params.indicator);
    const indicator = library.enrichment.indicators.byId.get(req.params.indicator);
    if (!summary && !indicator) throw new AppError('INDICATOR_NOT_FOUND', quoteValue(req.params.indicator));
    const { page: asked, ...params } = paramsOf(res, 'targetsPage');
    const selection = selectTargets(library, targetSelectionFrom({ ...params, indicator: [req.params.indicator] }, library));
    const { query, identity } = selection;
    const targets = sortTargets(library, selection.targets, { sort: 'doc', order: 'asc' });
    const label = summary?.label ?? indicator?.label ?? req.params.indicator;
    res.render('target', {
      title: `${label} · 量化目标`,
      label,
      summary,
      indicator,
      charts: chartGroups(library, targets).map((group) => (group.bars.length > DISTRIBUTION_FROM ? { kind: 'distribution', chart: distributionChart(group) } : { kind: 'bars', chart: barChart(group) })),
      // The indicator is the page's own: its pager links leave it out of the query.
      ...tablePage(targets, asked, (p) => `${targetHref((qs) => urls.indicator(req.params.indicator, qs), { ...query, filters: { ...query.filters, indicators: [] } }, identity, { page: String(p) })}#rows`),
      csvHref: targetHref(urls.targetsCsv, query, identity),
      xlsxHref: targetHref(urls.targetsXlsx, query, identity),
      jsonHref: targetHref(urls.targetsJson, query, identity),
    });
  });
  return router;
}
