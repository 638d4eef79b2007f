// The web application: HTML reader pages and the JSON API, built from injected dependencies
// so tests drive it in-process; src/cli/serve.ts is what listens.
import cluster from 'node:cluster';
import path from 'node:path';
import ejs from 'ejs';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DEFAULTS, PROJECT_ROOT } from '../config.js';
import { AppError, quoteValue } from '../errors.js';
import type { Library } from '../library/library.js';
import { HEADING_KINDS, LEVEL_LABELS } from '../ingest/types.js';
import { OBLIGATION_LABELS, OBLIGATION_VALUES, obligationLabel } from '../enrich/obligation.js';
import type { Searcher } from '../search/engine.js';
import { inferredNote, pageLabel } from '../present/summaries.js';
import { cellSegments, richSegments } from '../present/clause-text.js';
import { AMBITION_LABELS, DIRECTION_LABELS, figureLabel, LEVEL_RELATION_LABELS, RELATION_LABELS, SOFTER_LABEL, SOURCE_LABELS } from '../present/target-table.js';
import { admission } from './admission.js';
import { capForwardedFor, rateLimiter } from './rate-limit.js';
import { apiRouter } from './routes/api.js';
import type { RouteContext } from './routes/context.js';
import { crossrefRouter } from './routes/crossref.js';
import { readerRouter } from './routes/reader.js';
import { referencesRouter } from './routes/references.js';
import { searchRouter } from './routes/search.js';
import { targetsRouter } from './routes/targets.js';
import { securityHeaders } from './security.js';
import { urls } from '../present/urls.js';
import { citeClause, citeDocument } from '../present/citation.js';
import { CITATION_DEFAULTS, type GbtEdition } from '../config.js';

export interface AppDeps {
  library: Library;
  searcher: Searcher;
  /** Shown in error responses only when true. */
  development?: boolean;
  /** Public base URL for references (e.g. https://policy.example.org); else the request's host. */
  publicOrigin?: string;
  /** Today's date for GB/T 7714 access dates; injectable for tests. */
  today?: () => string;
  /** GB/T 7714 edition of citation entries (CITATION_EDITION); 2025 by default. */
  citationEdition?: GbtEdition;
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
const EXPENSIVE_PATH = /^\/references\.(?:ris|bib|json)$|^\/search\.xlsx$|^\/(?:api\/)?search$|^\/compare(?:\.csv|\.xlsx)?$|^\/(?:api\/)?targets(?:\.csv|\.json|\.xlsx)?$|^\/targets\/|^\/(?:api\/)?themes\/|^\/policies(?:\.xlsx)?$/u;
/** What an expensive request costs in rate-limit units, against 1 for a page. */
const EXPENSIVE_COST = 5;

function isExpensive(req: Request): boolean {
  if (EXPENSIVE_PATH.test(req.path)) return true;
  const q = req.query as Record<string, unknown>;
  return (typeof q.q === 'string' && q.q !== '') || (typeof q.hl === 'string' && q.hl !== '');
}

/** A query string as a person reads it: q=加氢站&level=city, not percent-escapes. */
function decodeQuery(query: string): string {
  try {
    return decodeURIComponent(query.replace(/\+/gu, ' '));
  } catch {
    return query;
  }
}

export function createApp(deps: AppDeps): express.Express {
  const { library, searcher } = deps;
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));
  const app = express();
  app.disable('x-powered-by');
  app.set('views', path.join(PROJECT_ROOT, 'views'));
  app.set('view engine', 'ejs');
  // Includes are written from the views root (/partials/…), which ejs resolves without the
  // disk: a relative include made it check existsSync on every call, 400 ms of a 350-column
  // /compare at ×70. Express cannot pass ejs its `root` option, so the engine is wrapped.
  const viewOptions = { root: path.join(PROJECT_ROOT, 'views'), cache: deps.development !== true };
  app.engine('ejs', (file, data, done) => {
    ejs.renderFile(file, data as ejs.Data, viewOptions, done as (err: Error | null, html?: string) => void);
  });
  // Express caches compiled templates only when it sees NODE_ENV=production; decide it here.
  app.set('view cache', deps.development !== true);
  app.locals.LEVEL_LABELS = LEVEL_LABELS;
  app.locals.richSegments = richSegments;
  app.locals.cellSegments = cellSegments;
  app.locals.marks = null;
  app.locals.targetLabels = { direction: DIRECTION_LABELS, relation: RELATION_LABELS, levelRelation: LEVEL_RELATION_LABELS, ambition: AMBITION_LABELS, source: SOURCE_LABELS, softer: SOFTER_LABEL };
  app.locals.figureLabel = figureLabel;
  app.locals.pageLabel = pageLabel;
  app.locals.inferredNote = inferredNote;
  app.locals.headingKinds = HEADING_KINDS;
  app.locals.urls = urls;
  app.locals.OBLIGATION_LABELS = OBLIGATION_LABELS;
  app.locals.OBLIGATION_VALUES = OBLIGATION_VALUES;
  app.locals.obligationLabel = obligationLabel;
  // Copied permalinks are absolute: under PUBLIC_ORIGIN here, else from the page's address in the browser (public/copy.js).
  app.locals.publicOrigin = deps.publicOrigin ?? '';
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
  // What a printed page says about itself: its address and the day it was made.
  app.use((req, res, next) => {
    res.locals.printMeta = { url: `${deps.publicOrigin ?? ''}${req.originalUrl}`, date: today() };
    next();
  });
  // Classified once: the limiter's cost and the admission queue read the same answer.
  app.use((req, res, next) => {
    res.locals.expensive = isExpensive(req);
    next();
  });
  app.use(rateLimiter({ perMinute: deps.rateLimitPerMinute ?? 0, maxClients: deps.rateLimitClients ?? DEFAULTS.rateLimitClients, now: deps.now }, (_req, res) => (res.locals.expensive ? EXPENSIVE_COST : 1)));
  const pageLane = admit.admit('page');
  const expensiveLane = admit.admit('expensive');
  app.use((req, res, next) => (res.locals.expensive ? expensiveLane : pageLane)(req, res, next));

  const origin = deps.publicOrigin ?? '';
  const settings = () => ({ origin, today: today(), edition: deps.citationEdition ?? CITATION_DEFAULTS.edition });
  const ctx: RouteContext = {
    library,
    searcher,
    origin,
    today,
    citeDoc: (meta) => citeDocument(library, meta, settings()),
    citeClause: (clause) => citeClause(library, clause, settings()),
    aboutDownload: (req, options) => ({
      ...options,
      query: decodeQuery(options.query),
      corpus: `${library.documents.length} 份文档，${library.clauseCount} 个条款`,
      address: `${origin}${req.originalUrl}`,
      generated: today(),
    }),
  };
  app.use('/api', apiRouter(ctx));
  app.use(readerRouter(ctx));
  app.use(searchRouter(ctx));
  app.use(crossrefRouter(ctx));
  app.use(referencesRouter(ctx));
  app.use(targetsRouter(ctx));

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
