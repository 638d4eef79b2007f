// The web application: HTML reader pages and the JSON API, built from injected dependencies
// so tests drive it in-process; src/cli/serve.ts is what listens.
import cluster from 'node:cluster';
import path from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { DEFAULTS, PROJECT_ROOT } from '../config.js';
import { groupBy } from '../group.js';
import { AppError, quoteValue } from '../errors.js';
import type { Library } from '../library/library.js';
import type { Clause } from '../ingest/types.js';
import { HEADING_KINDS, LEVEL_LABELS, LEVEL_ORDER } from '../ingest/types.js';
import type { Searcher } from '../search/engine.js';
import { parseQuery, type ParsedQuery } from '../search/query.js';
import { displayRanges, type Range } from '../search/snippet.js';
import type { Expansion } from '../search/expand.js';
import { paramsQuery, readParams, type ParamKind, type ParamsOf } from '../request/params.js';
import { docFiltersFrom, searchFrom } from '../request/search.js';
import { targetSelectionFrom } from '../request/targets.js';
import type { IdentityFilters } from '../search/engine.js';
import { selectDocuments } from '../search/documents.js';
import { docsJson, docsView, identityChoices, identityParams } from './docs-view.js';
import { columnsFor, compareCsv, themeGrid, type Column } from './themes-view.js';
import { inferredNote, onlineReference, pageLabel, policySummary, summarizeDoc, themeSummary, toHit } from './present.js';
import { cellSegments, renderBlocks, richSegments } from './render.js';
import { citationLinks, citedBy, citedDocs } from './citations-view.js';
import { presentSearch, searchJson } from './search-view.js';
import { chartGroups, indicatorSummaries, selectTargets, sortTargets, TARGET_SORTS, verticalChecks, type TargetQuery } from '../search/targets/index.js';
import type { Target } from '../enrich/targets/index.js';
import { AMBITION_LABELS, barChart, DIRECTION_LABELS, figureLabel, LEVEL_RELATION_LABELS, RELATION_LABELS, SOURCE_LABELS, targetRecord, targetsCsv, targetsJson } from './targets-view.js';
import { searchPage } from './search-page.js';
import { normOf } from '../index/search-index.js';
import { admission } from './admission.js';
import { capForwardedFor, rateLimiter } from './rate-limit.js';
import { securityHeaders } from './security.js';

export interface AppDeps {
  library: Library;
  searcher: Searcher;
  /** Shown in error responses only when true. */
  development?: boolean;
  /** Public base URL for references (e.g. https://policy.example.org); else the request's host. */
  publicOrigin?: string;
  /** Today's date for GB/T 7714 access dates; injectable for tests. */
  today?: () => string;
  /** Request units per minute per client (a page 1, a search or comparison more); 0 or absent = no limit. */
  rateLimitPerMinute?: number;
  /** Clients the rate limiter remembers (least recently seen forgotten first). */
  rateLimitClients?: number;
  /** Expensive requests waiting or running per process before 503 (search, compare, targets). */
  admissionQueue?: number;
  /** Requests in flight on one connection before it is closed (pipelined bursts). */
  pipelineLimit?: number;
  /** Whether the library and index are loaded and the server can answer (GET /readyz). */
  ready?: () => boolean;
  /** Proxy hops whose X-Forwarded-For gives the client IP (0 or absent = none). */
  trustProxy?: number;
  /** The clock the rate limiter reads; injectable for tests. */
  now?: () => number;
}

/** Emitted on the app for each connection its server accepts (see admission). */
export const ACCEPTED_EVENT = 'accepted';

/** Routes that search or compare the whole library, and pages asked to highlight a query. */
const EXPENSIVE_PATH = /^\/(?:api\/)?search$|^\/compare(?:\.csv)?$|^\/(?:api\/)?targets(?:\.csv|\.json)?$|^\/targets\/|^\/(?:api\/)?themes\/|^\/policies$/u;
/** What an expensive request costs in rate-limit units, against 1 for a page. */
const EXPENSIVE_COST = 5;

function isExpensive(req: Request): boolean {
  if (EXPENSIVE_PATH.test(req.path)) return true;
  const q = req.query as Record<string, unknown>;
  return (typeof q.q === 'string' && q.q !== '') || (typeof q.hl === 'string' && q.hl !== '');
}

export function createApp(deps: AppDeps): express.Express {
  const { library, searcher } = deps;
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));
  const app = express();
  app.disable('x-powered-by');
  app.set('views', path.join(PROJECT_ROOT, 'views'));
  app.set('view engine', 'ejs');
  // Express caches compiled templates only when it sees NODE_ENV=production; decide it here.
  app.set('view cache', deps.development !== true);
  app.locals.LEVEL_LABELS = LEVEL_LABELS;
  app.locals.richSegments = richSegments;
  app.locals.cellSegments = cellSegments;
  app.locals.marks = null;
  app.locals.targetLabels = { direction: DIRECTION_LABELS, relation: RELATION_LABELS, levelRelation: LEVEL_RELATION_LABELS, ambition: AMBITION_LABELS, source: SOURCE_LABELS };
  app.locals.figureLabel = figureLabel;
  app.locals.pageLabel = pageLabel;
  app.locals.inferredNote = inferredNote;
  app.locals.citationLinksOf = (clauseId: string) => citationLinks(library, clauseId);
  app.locals.headingKinds = HEADING_KINDS;
  const targetsByClause = groupBy(library.enrichment.targets, (t) => t.clause);
  app.locals.targetsOf = (clauseId: string) => targetsByClause.get(clauseId) ?? [];
  app.locals.themeLabel = (id: string) => library.enrichment.taxonomy.byId.get(id)?.label ?? id;
  app.locals.relatedOf = (clauseId: string) =>
    searcher.related(clauseId).map((r) => {
      const d = library.getDocument(r.clause.docId);
      return { ...r, jurisdiction: d?.jurisdiction ?? d?.title ?? '', levelLabel: d?.level ? LEVEL_LABELS[d.level] : '未分级' };
    });
  const admit = admission({ queue: deps.admissionQueue ?? DEFAULTS.admissionQueue, perSocket: deps.pipelineLimit ?? DEFAULTS.pipelineLimit });
  // The server that listens (src/cli/serve.ts) reports each connection it accepts.
  (app as unknown as NodeJS.EventEmitter).on(ACCEPTED_EVENT, admit.accepted);
  // First of all: the rest of a pipelined burst whose socket was closed costs one check each.
  app.use(admit.perSocket);
  app.use(securityHeaders());
  // Health first: never queued, limited or parsed behind anything that costs.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', documents: library.documents.length, clauses: library.clauseCount, worker: cluster.worker?.id ?? 0 });
  });
  app.get('/readyz', (_req, res, next) => {
    if (deps.ready && !deps.ready()) return next(new AppError('NOT_READY', '检索索引正在载入'));
    res.json({ ready: true, documents: library.documents.length, clauses: library.clauseCount, index: 'loaded' });
  });
  // The header's search box shows the query of the page, once its parameters are checked.
  app.locals.searchQuery = '';
  if (deps.trustProxy) {
    app.set('trust proxy', deps.trustProxy);
    app.use(capForwardedFor(deps.trustProxy));
  }
  app.use('/static', express.static(path.join(PROJECT_ROOT, 'public'), { fallthrough: false, index: false, redirect: false, dotfiles: 'ignore' }));
  // Classified once: the limiter's cost and the admission queue read the same answer.
  app.use((req, res, next) => {
    res.locals.expensive = isExpensive(req);
    next();
  });
  app.use(rateLimiter({ perMinute: deps.rateLimitPerMinute ?? 0, maxClients: deps.rateLimitClients ?? DEFAULTS.rateLimitClients, now: deps.now }, (_req, res) => (res.locals.expensive ? EXPENSIVE_COST : 1)));
  const pageLane = admit.admit('page');
  const expensiveLane = admit.admit('expensive');
  app.use((req, res, next) => (res.locals.expensive ? expensiveLane : pageLane)(req, res, next));

  // The Host header is the client's to set, and a shared cache may keep what it produced: only a
  // configured PUBLIC_ORIGIN enters citation URLs; without one, links are relative.
  const origin = (_req: Request) => deps.publicOrigin ?? '';
  /**
   * Every route declares the parameters it takes (src/search/params.ts) and they are checked
   * before it runs; the API and downloads also refuse unknown ones. Handlers read the checked
   * values from res.locals.params.
   */
  // `any` route parameters: a typed middleware would override the path's own (:id) in the handler.
  const takes = (kind: ParamKind, options: { strict: boolean; json: boolean }): RequestHandler<any> =>
    function checkParams(req, res, next) {
      // Set first: errors, the parameters' own among them, answer in the route's format.
      res.locals.json = options.json;
      const p = readParams(kind, req.query as Record<string, unknown>, options) as { q?: string; hl?: string };
      res.locals.params = p;
      res.locals.searchQuery = p.q ?? p.hl ?? '';
      next();
    };
  /** JSON answers, unknown parameters refused. */
  const api = (kind: ParamKind) => takes(kind, { strict: true, json: true });
  /** Downloads: unknown parameters refused, errors as pages (a link opened in the browser). */
  const file = (kind: ParamKind) => takes(kind, { strict: true, json: false });
  /** Pages: unknown parameters (tracking tags on shared links) ignored. */
  const page = (kind: ParamKind) => takes(kind, { strict: false, json: false });
  const params = <K extends ParamKind>(res: Response, _kind: K) => res.locals.params as ParamsOf<K>;

  const findDoc = (id: string) => {
    const doc = library.getDocument(id);
    if (!doc) throw new AppError('DOC_NOT_FOUND', quoteValue(id));
    return doc;
  };
  const findClause = (id: string): Clause => {
    const clause = library.getClause(id);
    if (!clause) throw new AppError('CLAUSE_NOT_FOUND', quoteValue(id));
    return clause;
  };


  app.get('/api/docs', api('docs'), (_req, res) => {
    res.json(docsJson(docsView(library, docFiltersFrom(params(res, 'docs'), library))));
  });

  app.get('/api/docs/:id', api('none'), (req, res) => {
    const doc = findDoc(req.params.id);
    res.json({
      doc: summarizeDoc(doc),
      clauses: library.clausesOf(doc.id).map((c) => toHit(library, c)),
      citedBy: citedBy(library, doc.id),
      cites: citedDocs(library, doc.id),
    });
  });

  app.get('/api/clauses/:id', api('none'), (req, res) => {
    const clause = findClause(req.params.id);
    const doc = findDoc(clause.docId);
    const related = searcher.related(clause.id).map((r) => ({
      ...toHit(library, r.clause),
      score: r.score,
      /** Set when the clause is listed as the best match on this specific shared theme. */
      sharedTheme: r.theme,
      docTitle: library.getDocument(r.clause.docId)?.title ?? r.clause.docId,
    }));
    res.json({ ...toHit(library, clause), docTitle: doc.title, reference: onlineReference(doc, origin(req), today()), related });
  });

  const findTheme = (id: string) => {
    const theme = library.enrichment.taxonomy.byId.get(id);
    if (!theme) throw new AppError('THEME_NOT_FOUND', quoteValue(id));
    return theme;
  };

  app.get('/api/policies', api('none'), (_req, res) => {
    res.json({ policies: library.enrichment.policies.map(policySummary) });
  });

  app.get('/api/themes', api('none'), (_req, res) => {
    res.json({ themes: themeGrid(library).map((row) => ({ ...themeSummary(row.theme), count: row.total, counts: Object.fromEntries(row.cells.map((c) => [c.doc, c.count])) })) });
  });

  app.get('/api/themes/:id', api('none'), (req, res) => {
    const theme = findTheme(req.params.id);
    const columns = columnsFor({ library, searcher, docs: library.documents, theme: theme.id });
    res.json({
      ...themeSummary(theme),
      clauses: columns.flatMap((c) => c.clauses.map(({ segments: _s, ...hit }) => hit)),
      documents: columns.map((c) => ({ doc: c.doc.id, title: c.doc.title, jurisdiction: c.doc.jurisdiction, level: c.doc.level, count: c.clauses.length, mentioned: c.clauses.length > 0 })),
    });
  });

  app.get('/api/search', api('search'), (req, res) => {
    const search = searchFrom(params(res, 'search'), library);
    res.json(searchJson(presentSearch({ library, params: search, outcome: searcher.search(search) })));
  });

  // The vertical check depends only on the corpus: worked out once.
  const checks = verticalChecks(library);
  const indicators = indicatorSummaries(library);
  const records = (req: Request, targets: Target[]) => {
    const base = origin(req);
    return targets.map((target) => targetRecord({ library, target, check: checks.get(target.id), origin: base }));
  };
  const queried = (res: Response) => selectTargets(library, targetSelectionFrom(params(res, 'targets'), library));

  app.get('/api/targets', api('targets'), (req, res) => {
    const { query, identity, targets } = queried(res);
    res.json(targetsJson(query, records(req, targets), identity));
  });

  app.get('/api/indicators', api('none'), (_req, res) => {
    res.json({
      indicators: indicators.map((s) => {
        const ind = library.enrichment.indicators.byId.get(s.id);
        return { ...s, aliases: ind?.aliases ?? [], unit: ind?.unit ?? null, better: ind?.better ?? null, url: `/targets/${encodeURIComponent(s.id)}` };
      }),
    });
  });

  app.use('/api', (req, _res, next) => next(new AppError('ROUTE_NOT_FOUND', quoteValue(req.originalUrl))));

  app.get('/', page('none'), (_req, res) => {
    const groups: Array<{ level: string; label: string; docs: ReturnType<typeof summarizeDoc>[] }> = LEVEL_ORDER.map((level) => ({
      level,
      label: LEVEL_LABELS[level],
      docs: library.documents.filter((d) => d.level === level).map(summarizeDoc),
    })).filter((g) => g.docs.length > 0);
    const unplaced = library.documents.filter((d) => d.level === null).map(summarizeDoc);
    // Its own anchor: 未分级 shared lv-county with the county group.
    if (unplaced.length) groups.push({ level: 'none', label: '未分级', docs: unplaced });
    res.render('home', { title: '文档', groups, problems: library.corpus.errors, clauseCount: library.clauseCount });
  });

  app.get('/policies', page('none'), (_req, res) => {
    const policies = library.enrichment.policies.map((p) => ({
      ...policySummary(p),
      citing: p.citedBy.map((c) => ({
        doc: library.getDocument(c.docId),
        clauses: c.clauseIds.map((id) => library.getClause(id)).filter((x) => x !== undefined),
      })),
    }));
    res.render('policies', { title: '引用政策', policies });
  });

  app.get('/themes', page('none'), (_req, res) => {
    res.render('themes', { title: '主题', grid: themeGrid(library), docs: library.documents.map(summarizeDoc) });
  });

  app.get('/themes/:id', page('none'), (req, res) => {
    const theme = findTheme(req.params.id);
    const columns = columnsFor({ library, searcher, docs: library.documents, theme: theme.id });
    const related = theme.related.map((id) => library.enrichment.taxonomy.byId.get(id)).filter((t) => t !== undefined);
    res.render('theme', { title: `${theme.label} · 主题`, theme, columns, related });
  });

  /** The compare page and its CSV share one reading of the parameters; level and identity filters narrow the columns. */
  const compareInput = (res: Response) => {
    const p = params(res, 'compare');
    const { theme: themeId, q, docs: docIds = [], expand } = p;
    const theme = themeId ? findTheme(themeId) : null;
    const docFilters = docFiltersFrom(p, library);
    const selected = selectDocuments(library, docFilters).docs;
    if (!theme && !q) return { theme: null, q: '', docs: selected, docFilters, columns: [] as Column[], expansions: [] as Expansion[] };
    for (const id of docIds) findDoc(id);
    const docs = docIds.length ? selected.filter((d) => docIds.includes(d.id)) : selected;
    const search = q ? searchFrom({ q, expand }, library) : null;
    const columns = columnsFor({ library, searcher, docs, theme: theme?.id, query: search?.query });
    return { theme, q: q ?? '', docs, docFilters, columns, expansions: search?.expansions ?? [] };
  };

  app.get('/compare', page('compare'), (req, res) => {
    const input = compareInput(res);
    const title = input.theme ? `${input.theme.label} · 比较` : input.q ? `${input.q} · 比较` : '并排比较';
    // From the checked values: the CSV refuses parameters the page ignores (a tracking tag).
    const csvHref = `/compare.csv?${paramsQuery(params(res, 'compare'))}`;
    const { docs: choices, facets } = selectDocuments(library, input.docFilters);
    res.render('compare', { title, ...input, allDocs: choices, choices: identityChoices(library, facets, input.docFilters), themes: library.enrichment.taxonomy.themes, csvHref });
  });

  app.get('/compare.csv', file('compare'), (req, res) => {
    const input = compareInput(res);
    if (!input.theme && !input.q) throw new AppError('PARAM_INVALID', 'theme 或 q（至少给出一个）');
    const name = input.theme ? `compare-${input.theme.id}` : 'compare-search';
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="${name}.csv"`);
    res.send(compareCsv(input.columns, origin(req)));
  });

  /** The same filters, as a query string for the downloads and the sort links. */
  const targetHref = (path: string, q: TargetQuery, identity: Required<IdentityFilters>, change: Partial<Record<'sort' | 'order', string>> = {}) => {
    const params = new URLSearchParams();
    for (const id of q.filters.indicators) params.append('indicator', id);
    for (const id of q.filters.docs) params.append('doc', id);
    for (const y of q.filters.years) params.append('year', String(y));
    for (const l of q.filters.levels) params.append('level', l);
    for (const [name, values] of identityParams(identity)) for (const v of values) params.append(name, v);
    const sort = change.sort ?? q.sort;
    const order = change.order ?? q.order;
    if (sort !== 'indicator') params.set('sort', sort);
    if (order !== 'asc') params.set('order', order);
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  };
  const sortLinks = (path: string, q: TargetQuery, identity: Required<IdentityFilters>) =>
    Object.fromEntries(TARGET_SORTS.map((key) => [key, { href: targetHref(path, q, identity, { sort: key, order: q.sort === key && q.order === 'asc' ? 'desc' : 'asc' }), active: q.sort === key ? q.order : null }]));
  const allYears = [...new Set(library.enrichment.targets.map((t) => t.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);

  app.get('/targets', page('targets'), (req, res) => {
    const { query, identity, targets } = queried(res);
    const { docs, facets } = selectDocuments(library, { levels: query.filters.levels, ...identity });
    res.render('targets', {
      title: '量化目标',
      query,
      rows: records(req, targets),
      indicators,
      docs: docs.map(summarizeDoc),
      choices: identityChoices(library, facets, { levels: query.filters.levels, ...identity }),
      years: allYears,
      sorts: sortLinks('/targets', query, identity),
      csvHref: targetHref('/targets.csv', query, identity),
      jsonHref: targetHref('/targets.json', query, identity),
      total: library.enrichment.targets.length,
    });
  });

  const download = (req: Request, res: Response, kind: 'csv' | 'json') => {
    const { query, identity, targets } = queried(res);
    const name = query.filters.indicators.length === 1 ? `targets-${query.filters.indicators[0]}` : 'targets';
    res.set('Content-Disposition', `attachment; filename="${name}.${kind}"`);
    if (kind === 'csv') {
      res.set('Content-Type', 'text/csv; charset=utf-8');
      res.send(targetsCsv(records(req, targets)));
    } else {
      res.json(targetsJson(query, records(req, targets), identity));
    }
  };
  app.get('/targets.csv', file('targets'), (req, res) => download(req, res, 'csv'));
  app.get('/targets.json', api('targets'), (req, res) => download(req, res, 'json'));

  app.get('/targets/:indicator', page('targets'), (req, res) => {
    const summary = indicators.find((s) => s.id === req.params.indicator);
    const indicator = library.enrichment.indicators.byId.get(req.params.indicator);
    if (!summary && !indicator) throw new AppError('INDICATOR_NOT_FOUND', quoteValue(req.params.indicator));
    const selection = selectTargets(library, targetSelectionFrom({ ...params(res, 'targets'), indicator: [req.params.indicator] }, library));
    const { query, identity } = selection;
    const targets = sortTargets(library, selection.targets, { sort: 'doc', order: 'asc' });
    const label = summary?.label ?? indicator?.label ?? req.params.indicator;
    res.render('target', {
      title: `${label} · 量化目标`,
      label,
      summary,
      indicator,
      charts: chartGroups(library, targets).map(barChart),
      rows: records(req, targets),
      csvHref: targetHref('/targets.csv', query, identity),
      jsonHref: targetHref('/targets.json', query, identity),
    });
  });

  app.get('/search', (req, res) => {
    const page = searchPage({ library, searcher, raw: req.query });
    res.locals.searchQuery = page.q;
    res.status(page.status).render('search', page);
  });

  /**
   * Highlights for the reader (?hl=query): every occurrence of a positive term is marked, and the
   * clauses that satisfy the whole query (AND, OR, NOT) are listed. A query that does not parse
   * just highlights nothing: the page is still the page asked for.
   */
  const highlightsFor = (res: Response, docId: string, clauses: Clause[]) => {
    const hl = params(res, 'reader').hl ?? '';
    const marks: Record<string, Range[]> = {};
    let query: ParsedQuery | null = null;
    try {
      query = hl ? parseQuery(hl) : null;
    } catch {
      query = null;
    }
    if (!query) return { hl: '', marks, hits: [] as Clause[], hitEIds: new Set<string>() };
    for (const c of clauses) {
      const entry = searcher.entry(c.id);
      const matches = searcher.matchesIn(c.id, query);
      if (entry && matches.length > 0) marks[c.eId] = displayRanges(normOf(entry), matches);
    }
    const hitIds = new Set(searcher.matching(query, { docs: [docId], levels: [] }));
    const hits = clauses.filter((c) => hitIds.has(c.id));
    return { hl, marks, hits, hitEIds: new Set(hits.map((c) => c.eId)) };
  };

  app.get('/docs', page('docs'), (_req, res) => {
    res.render('docs', { title: '全部文档', view: docsView(library, docFiltersFrom(params(res, 'docs'), library)) });
  });

  app.get('/docs/:id', page('reader'), (req, res) => {
    const doc = findDoc(req.params.id);
    const clauses = library.clausesOf(doc.id);
    res.render('doc', {
      highlight: highlightsFor(res, doc.id, clauses),
      title: doc.title,
      doc: summarizeDoc(doc),
      blocks: renderBlocks(clauses),
      toc: clauses.filter((c) => HEADING_KINDS.has(c.kind)),
      reference: onlineReference(doc, origin(req), today()),
      citedBy: citedBy(library, doc.id),
      cites: citedDocs(library, doc.id),
    });
  });

  app.get('/c/:id', page('reader'), (req, res) => {
    const clause = findClause(req.params.id);
    const doc = findDoc(clause.docId);
    res.render('clause', {
      highlight: highlightsFor(res, doc.id, [clause]),
      title: `${clause.label} · ${doc.title}`,
      doc: summarizeDoc(doc),
      clause,
      hit: toHit(library, clause),
      ancestors: library.ancestorsOf(clause),
      children: library.childrenOf(clause),
      neighbours: library.neighbours(clause),
      reference: onlineReference(doc, origin(req), today()),
    });
  });

  app.use((req, _res, next) => next(new AppError('ROUTE_NOT_FOUND', quoteValue(req.originalUrl))));
  app.use(errorHandler(deps.development === true));
  return app;
}

function errorHandler(development: boolean) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const appError = toAppError(err);
    // Routes declare their format (takes); /api's 404 and rate limit answer before any route does.
    const wantsJson = res.locals.json === true || req.path === '/api' || req.path.startsWith('/api/');
    const detail = development && !(err instanceof AppError) ? String((err as Error)?.stack ?? err) : null;
    // Refusals (503 SERVER_BUSY, NOT_READY) are expected under load: a stack trace each, written
    // to a pipe, would cost the loop more than the refusal saves.
    if (appError.status >= 500 && appError.status !== 503) console.error(err);
    res.status(appError.status);
    if (wantsJson) {
      res.json({ error: appError.toJSON() });
      return;
    }
    res.render('error', { title: appError.status === 404 ? '未找到' : '出错了', error: appError, status: appError.status, detail });
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const status = (err as { status?: number; statusCode?: number })?.status ?? (err as { statusCode?: number })?.statusCode;
  // serve-static answers 403 to traversal attempts: to the user it is simply not there.
  if (status === 404 || status === 403) return new AppError('ROUTE_NOT_FOUND', '静态文件');
  if (status !== undefined && status >= 400 && status < 500) return new AppError('BAD_REQUEST', 'URL 或参数格式错误');
  return new AppError('INTERNAL', '');
}
