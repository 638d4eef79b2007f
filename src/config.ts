// Runtime configuration: every default lives here, and the environment is checked once at
// start-up so that a bad PORT fails loudly before anything is loaded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from './errors.js';

/**
 * The folder holding package.json, found from this file upwards: `npm start` runs a compiled
 * copy of src/ from .cache/js (scripts/run.mjs), where '..' is not the project.
 */
export const PROJECT_ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`找不到项目根目录（package.json）：从 ${from} 向上`);
  }
}

export interface Config {
  port: number;
  host: string;
  corpusDir: string;
  catalogFile: string;
  indexDir: string;
  themesFile: string;
  indicatorsFile: string;
  publicOrigin: string | undefined;
  nodeEnv: string;
  /** Request units per minute per client (a page 1, a search or comparison 5); 0 turns the limiter off. */
  rateLimitPerMinute: number;
  /** Clients the rate limiter remembers per process. */
  rateLimitClients: number;
  /** Expensive requests waiting or running per process before 503. */
  admissionQueue: number;
  /** Requests in flight on one connection before it is closed. */
  pipelineLimit: number;
  /** Proxy hops in front of the server whose X-Forwarded-For is believed (0: none). */
  trustProxy: number;
  /** Worker processes serving requests (node:cluster when above 1). */
  webConcurrency: number;
  /** Corpus files larger than this many MB are refused before they are read (FILE_TOO_LARGE). */
  maxFileMb: number;
  /** GB/T 7714 edition of citation entries (CITATION_EDITION). */
  citationEdition: GbtEdition;
}

export const DEFAULTS = {
  port: 3000,
  host: '127.0.0.1',
  corpusDir: path.join(PROJECT_ROOT, 'corpus'),
  catalogName: 'catalog.json',
  indexDir: path.join(PROJECT_ROOT, 'index'),
  themesName: 'themes.yaml',
  indicatorsName: 'indicators.yaml',
  rateLimitPerMinute: 600,
  /** Clients the rate limiter remembers per process; the least recently seen is forgotten first. */
  rateLimitClients: 10_000,
  /** Expensive requests (search, compare, targets) waiting or running per process before 503. */
  admissionQueue: 64,
  /** Requests in flight on one connection before it is closed: browsers do not pipeline. */
  pipelineLimit: 8,
  /**
   * A connection must send its request's headers within this time, and the whole request within
   * requestTimeoutMs, or it gets 408 and is closed: a slow-header flood holds sockets for
   * seconds, not Node's default minute. Checked every connectionsCheckMs.
   */
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  connectionsCheckMs: 1_000,
  trustProxy: 0,
  webConcurrency: 1,
  maxWebConcurrency: 64,
} as const;

/**
 * How the cluster primary (WEB_CONCURRENCY above 1) replaces dead workers: per slot, after
 * 0.5 s, 1 s, 2 s… up to 30 s for each consecutive death of a worker that had not yet stayed up
 * 30 s; it stops the server when every slot has failed 5 starts in a row with none serving.
 */
export const SUPERVISOR_DEFAULTS = {
  restartDelayMs: 500,
  maxRestartDelayMs: 30_000,
  stableMs: 30_000,
  maxStartFailures: 5,
} as const;

/**
 * Limits on one corpus file, so that a careless or hostile file cannot exhaust a build or make
 * one clause so long that ranking it takes seconds. README, Hardening, states them.
 */
export const CORPUS_LIMITS = {
  /** MAX_FILE_MB's default: a larger file is refused (FILE_TOO_LARGE) before it is read. */
  maxFileMb: 50,
  /** The largest MAX_FILE_MB accepted: the PDF worker's heap (1.5 GB) could not read more. */
  maxFileMbCeiling: 1024,
  /**
   * Characters (UTF-16 code units) in one line, paragraph or table row: a longer one is split
   * into clauses, after a sentence end (。；！？) where one falls in the second half of the
   * limit, else at the limit. The longest clause of the 91 bundled and published plans has 918.
   */
  maxClauseChars: 4000,
} as const;

/** Target extraction and the targets table. */
export const TARGET_DEFAULTS = {
  /**
   * In a document without a date, years before this are achievements (截至2020年…达38%), not
   * targets: every plan in scope belongs to the 十四五 period (2021–2025) or later.
   */
  fallbackMinYear: 2021,
  /** Years a filter may name; anything outside is a typo. */
  minYear: 1990,
  maxYear: 2100,
  /**
   * Rows on one page of /targets. A 350-plan library has 21,000 targets: rendering them all took
   * 1.4 s and megabytes of HTML; the downloads still hold every row.
   */
  pageSize: 200,
} as const;

/** Sizes of list pages. */
/** GB/T 7714 editions citation entries can follow. */
export const GBT_EDITIONS = ['2015', '2025'] as const;
export type GbtEdition = (typeof GBT_EDITIONS)[number];

export const CITATION_DEFAULTS = {
  /** GB/T 7714-2025 has been in force since 2026-07-01; CITATION_EDITION=2015 keeps the old rules. */
  edition: '2025' as GbtEdition,
};

export const EXPORT_DEFAULTS = {
  /** Clauses one reference export holds: every hit of a search up to this many, else EXPORT_TOO_LARGE. */
  maxReferences: 10_000,
};

export const LIST_DEFAULTS = {
  /** Documents on one page of /docs: 5,000 plans in one page were megabytes of HTML. */
  docsPageSize: 100,
  /** Cited policies on one page of /policies: at ×800 the page of all of them took 0.7 s. */
  policiesPageSize: 100,
  /**
   * Citing plans listed under one policy on /policies; the rest are counted and linked to a
   * search of every citing clause. A national policy cited by 900 plans made the page 0.7 MB.
   */
  policyCitingShown: 8,
  /** Parent clauses a plan left out (未承接), listed on its page before the download takes over. */
  leftOutShown: 100,
} as const;

/** Sizes of the cross-reference pages, which would otherwise grow with the library. */
export const CROSSREF_DEFAULTS = {
  /**
   * Columns of the themes grid before places stay closed and columns are paged. At 350 plans one
   * column per document made 3.3 MB of HTML that took 0.3 s to render.
   */
  gridColumns: 40,
  /** Documents side by side on one page of /compare and /themes/<id>; the CSV holds them all. */
  compareColumns: 10,
  /** Up to this many candidate documents, /compare lists each with a check box in view. */
  pickList: 30,
  /** Up to this many, the check boxes sit folded behind a box that narrows them as you type; past it, narrow by place or level first. */
  pickListMax: 1000,
  /** Characters of a title shown as a grid column's name when several documents of one place sit side by side. */
  columnTitleChars: 14,
} as const;

/** Limits and sizes of search, shared by the API, the pages and the CLI. */
export const SEARCH_DEFAULTS = {
  maxQueryChars: 200,
  maxTerms: 20,
  /** Hits per page: the results page's page size and the API's default limit. */
  limit: 20,
  /** Hits `npm run search` prints unless --limit says otherwise: a terminal's screenful. */
  cliLimit: 10,
  maxLimit: 1000,
  maxOffset: 100_000,
  snippetFragments: 3,
  /** Characters of context before and after a match in a snippet fragment. */
  snippetBefore: 24,
  snippetAfter: 48,
  /** Clauses up to this long are shown whole in a snippet. */
  snippetWhole: 150,
} as const;

/**
 * The cost budget of one query (src/search/budget.ts; README, Hardening). Past it a query is a
 * 400 with a code, not seconds of blocked event loop. At ×100 (57,200 clauses) the heaviest
 * query of the benchmark mix touches 84,000 candidates ("绿色低碳") and ranks 151,000 matches
 * (碳), a sixth of these; twenty common characters ORed touch 547,000 and are refused.
 */
export const QUERY_BUDGET = {
  /** Terms after theme expansion (expand=1): the parser's limit, so expansion never exceeds it. */
  maxTerms: SEARCH_DEFAULTS.maxTerms,
  /** Clause numbers read from the query's postings plus clauses checked literally (QUERY_TOO_COSTLY). */
  maxCandidates: 500_000,
  /** Matches scored, summed over every clause ranked (QUERY_TOO_COSTLY). */
  maxMatches: 1_000_000,
  /**
   * A larger library raises both limits to these figures per clause, so the queries a smaller
   * one answers are still answered: at ×800 (458,000 clauses) 绿色低碳 touches 670,000
   * candidates and 碳 ranks 1.2 M matches. At ×100 and below the fixed limits apply.
   */
  candidatesPerClause: 8,
  matchesPerClause: 8,
  /**
   * Matches of one term counted in one clause, for its score and its highlights: as many as
   * ingest's longest clause has characters, so only a clause that bypassed that limit is capped.
   */
  maxMatchesPerTerm: CORPUS_LIMITS.maxClauseChars,
} as const;

/** The loaded index's memory for decoded posting lists (src/index/postings.ts). */
export const INDEX_DEFAULTS = {
  /**
   * Postings kept decoded (8 bytes each in an array): at ×70 every list decoded at once would
   * be 9.6 M postings, 77 MB; this keeps the busiest lists (的, 年, 碳) without holding them all.
   */
  decodedPostings: 2_000_000,
  /**
   * Words jieba finds in at least `minClauses` clauses, of at least `minChars` characters, get
   * their own postings at build time (index/phrases.ts), so a query naming one reads a list
   * instead of verifying every clause that holds its character pairs (about 0.5 µs each).
   * Below 64 clauses that verification costs under 0.05 ms. Part of the index fingerprint.
   */
  phrases: { minChars: 3, minClauses: 64 },
} as const;

/** Limits on every URL or CLI parameter, so no request can make the server do unbounded work. */
export const PARAM_DEFAULTS = {
  /** Characters in one value (an id, a name, a highlight query). */
  maxValueChars: 200,
  /** Values of one repeatable parameter (?doc=a&doc=b or ?doc=a,b). */
  maxValues: 50,
  /** Results pages of /search: as many as the offset limit reaches at the default page size. */
  maxPage: Math.floor(SEARCH_DEFAULTS.maxOffset / SEARCH_DEFAULTS.limit),
  /** Pages of columns on /compare, /themes and /themes/<id>: past any library's documents. */
  maxColumnPage: 100_000,
} as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intSetting({ env, name: 'PORT', fallback: DEFAULTS.port, min: 0, max: 65535 });
  const host = env.HOST?.trim() || DEFAULTS.host;
  const corpusDir = path.resolve(env.CORPUS_DIR?.trim() || DEFAULTS.corpusDir);
  const catalogFile = path.resolve(env.CATALOG_FILE?.trim() || path.join(corpusDir, DEFAULTS.catalogName));
  const indexDir = path.resolve(env.INDEX_DIR?.trim() || DEFAULTS.indexDir);
  const themesFile = path.resolve(env.THEMES_FILE?.trim() || besideCorpus(corpusDir, DEFAULTS.themesName));
  const indicatorsFile = path.resolve(env.INDICATORS_FILE?.trim() || besideCorpus(corpusDir, DEFAULTS.indicatorsName));
  const publicOrigin = env.PUBLIC_ORIGIN?.trim().replace(/\/+$/u, '') || undefined;
  if (publicOrigin !== undefined && !/^https?:\/\/[^\s/]+$/u.test(publicOrigin)) {
    throw new AppError('CONFIG_INVALID', `PUBLIC_ORIGIN=${publicOrigin}（应形如 https://example.org）`);
  }
  const citationEdition = (env.CITATION_EDITION?.trim() || CITATION_DEFAULTS.edition) as GbtEdition;
  if (!GBT_EDITIONS.includes(citationEdition)) throw new AppError('CONFIG_INVALID', `CITATION_EDITION=${citationEdition}（应为 ${GBT_EDITIONS.join(' 或 ')}）`);
  const rateLimitPerMinute = intSetting({ env, name: 'RATE_LIMIT_PER_MINUTE', fallback: DEFAULTS.rateLimitPerMinute, min: 0, max: 1_000_000 });
  const rateLimitClients = intSetting({ env, name: 'RATE_LIMIT_CLIENTS', fallback: DEFAULTS.rateLimitClients, min: 100, max: 1_000_000 });
  const admissionQueue = intSetting({ env, name: 'ADMISSION_QUEUE', fallback: DEFAULTS.admissionQueue, min: 1, max: 10_000 });
  const pipelineLimit = intSetting({ env, name: 'PIPELINE_LIMIT', fallback: DEFAULTS.pipelineLimit, min: 1, max: 1_000 });
  const trustProxy = intSetting({ env, name: 'TRUST_PROXY', fallback: DEFAULTS.trustProxy, min: 0, max: 10 });
  const webConcurrency = intSetting({ env, name: 'WEB_CONCURRENCY', fallback: DEFAULTS.webConcurrency, min: 1, max: DEFAULTS.maxWebConcurrency });
  const maxFileMb = intSetting({ env, name: 'MAX_FILE_MB', fallback: CORPUS_LIMITS.maxFileMb, min: 1, max: CORPUS_LIMITS.maxFileMbCeiling });
  return {
    port,
    host,
    corpusDir,
    catalogFile,
    indexDir,
    themesFile,
    indicatorsFile,
    publicOrigin,
    nodeEnv: env.NODE_ENV ?? 'production',
    rateLimitPerMinute,
    rateLimitClients,
    admissionQueue,
    pipelineLimit,
    trustProxy,
    webConcurrency,
    maxFileMb,
    citationEdition,
  };
}

/**
 * The corpus folder's own taxonomy or indicators file, else the bundled one: a folder of a
 * user's own PDFs needs no copy of them.
 */
function besideCorpus(corpusDir: string, name: string): string {
  const own = path.join(corpusDir, name);
  return fs.existsSync(own) ? own : path.join(DEFAULTS.corpusDir, name);
}

/** A whole-number setting from the environment, unset or empty meaning the default. */
function intSetting(options: { env: NodeJS.ProcessEnv; name: string; fallback: number; min: number; max: number }): number {
  const raw = options.env[options.name]?.trim();
  if (raw === undefined || raw === '') return options.fallback;
  const value = /^\d+$/u.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < options.min || value > options.max) {
    throw new AppError('CONFIG_INVALID', `${options.name}=${raw}（应为 ${options.min}–${options.max} 的整数）`);
  }
  return value;
}
