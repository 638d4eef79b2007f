// Reading parameters (URL query or CLI flags) for every route and command: one zod schema per
// kind of request declares which parameters exist, how often each may appear, their lengths,
// ranges and enumerations. A bad value is an AppError whose message names it, never a silent
// default; the checks that need the corpus (does this document exist?) follow the schema.
import { z } from 'zod';
import { PARAM_DEFAULTS, SEARCH_DEFAULTS, TARGET_DEFAULTS } from '../config.js';
import { AppError, quoteValue, type ErrorCode } from '../errors.js';
import { LEVEL_ORDER, NO_LEVEL } from '../ingest/types.js';
import { OBLIGATION_VALUES } from '../enrich/obligation.js';
import { queryTooLong } from '../search/query.js';
import { TARGET_SORTS } from '../search/targets/index.js';
import { DOC_SORTS } from '../search/documents.js';

export type Raw = Record<string, unknown>;
/** A custom issue may carry the error code it stands for; anything else is PARAM_INVALID. */
type CodedParams = { code: ErrorCode };

const chars = (v: string) => [...v].length;
const coded = (code: ErrorCode): { params: CodedParams } => ({ params: { code } });

/** Given at most once, at most `max` characters. */
function one(options: { max?: number; code?: ErrorCode } = {}) {
  const max = options.max ?? PARAM_DEFAULTS.maxValueChars;
  return z.string({ error: '只能出现一次' }).refine((v) => chars(v) <= max, { error: `最多 ${max} 个字符`, ...coded(options.code ?? 'PARAM_INVALID') });
}

/** One value from a closed set. */
function oneOf(values: readonly string[], options: { code?: ErrorCode } = {}) {
  const hint = `可选 ${values.join('、')}`;
  return z.string({ error: '只能出现一次' }).refine((v) => values.includes(v), { error: hint, ...coded(options.code ?? 'PARAM_INVALID') });
}

/** A whole number in [min, max], written in plain digits. */
function int(min: number, max: number) {
  return one({ max: 12 })
    .regex(/^\d{1,9}$/u, { error: '应为非负整数' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `不能小于 ${min}` })
        .max(max, { error: `不能大于 ${max}` }),
    );
}

/**
 * Repeatable (?doc=a&doc=b); with `split`, also comma-separated (?doc=a,b). Policy keys and
 * department names may hold commas, so those take repeats only.
 */
function many(item: z.ZodType<string, string> = z.string(), options: { split?: boolean } = {}) {
  const max = PARAM_DEFAULTS.maxValueChars;
  return z
    .union([z.string(), z.array(z.string())], { error: '格式错误' })
    .transform((v) =>
      [v]
        .flat()
        .flatMap((s) => (options.split ? s.split(',') : [s]))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .refine((v) => chars(v) <= max, { error: `每个取值最多 ${max} 个字符` })
            .pipe(item),
        )
        .max(PARAM_DEFAULTS.maxValues, { error: `最多 ${PARAM_DEFAULTS.maxValues} 个取值` })
        .transform((list) => [...new Set(list)]),
    );
}

/** How the targets table may be sorted. */

const LEVEL_VALUES = [...LEVEL_ORDER, NO_LEVEL] as const;

/** Obligation grades or none, as search and compare filter on them. */
function obligationField() {
  return many(oneOf(OBLIGATION_VALUES, { code: 'FILTER_UNKNOWN' }), { split: true });
}
const flag = () => oneOf(['0', '1']);
/** A query or highlight: its length is checked as the parser checks it, with the parser's error. */
const query = () => z.string({ error: '只能出现一次' }).refine((v) => queryTooLong(v) === null, coded('QUERY_TOO_LONG'));
const YEAR_HINT = `应为 ${TARGET_DEFAULTS.minYear}–${TARGET_DEFAULTS.maxYear} 的年份`;
const year = () => z.string().refine((y) => /^\d{4}$/u.test(y) && Number(y) >= TARGET_DEFAULTS.minYear && Number(y) <= TARGET_DEFAULTS.maxYear, { error: YEAR_HINT });

/**
 * A document's identity (src/index/doc-facets.ts): province or 全国, issuing organ (names may hold
 * commas: repeats only), type, status and year of issue (`issued`: `year` is the targets' year).
 */
const IDENTITY_FIELDS = {
  region: many(z.string(), { split: true }),
  issuer: many(),
  type: many(z.string(), { split: true }),
  status: many(z.string(), { split: true }),
  issued: many(year(), { split: true }),
};

/** Filters on documents: /docs, /compare, and with the search filters in search. */
const DOC_FILTER_FIELDS = {
  level: many(oneOf(LEVEL_VALUES, { code: 'FILTER_UNKNOWN' }), { split: true }),
  ...IDENTITY_FIELDS,
};

const FILTER_FIELDS = {
  doc: many(z.string(), { split: true }),
  ...DOC_FILTER_FIELDS,
  theme: many(z.string(), { split: true }),
  policy: many(),
  department: many(),
  obligation: obligationField(),
};

const TARGET_FIELDS = {
  indicator: many(z.string(), { split: true }),
  doc: many(z.string(), { split: true }),
  year: many(year(), { split: true }),
  level: many(oneOf(LEVEL_ORDER, { code: 'FILTER_UNKNOWN' }), { split: true }),
  obligation: obligationField(),
  ...IDENTITY_FIELDS,
  sort: oneOf(TARGET_SORTS),
  order: oneOf(['asc', 'desc']),
};

/** Every kind of request and the parameters it takes. */
export const PARAMS = {
  none: z.object({}),
  search: z.object({ q: query(), expand: flag(), limit: int(1, SEARCH_DEFAULTS.maxLimit), offset: int(0, SEARCH_DEFAULTS.maxOffset), ...FILTER_FIELDS }).partial(),
  searchPage: z.object({ q: query(), expand: flag(), page: int(1, PARAM_DEFAULTS.maxPage), ...FILTER_FIELDS }).partial(),
  docs: z.object({ ...DOC_FILTER_FIELDS, place: one(), sort: oneOf(DOC_SORTS), order: oneOf(['asc', 'desc']) }).partial(),
  docsPage: z.object({ ...DOC_FILTER_FIELDS, place: one(), sort: oneOf(DOC_SORTS), order: oneOf(['asc', 'desc']), page: int(1, PARAM_DEFAULTS.maxColumnPage) }).partial(),
  compare: z
    .object({ theme: one(), q: query(), docs: many(z.string(), { split: true }), expand: flag(), place: one(), page: int(1, PARAM_DEFAULTS.maxColumnPage), layout: oneOf(['columns', 'rows']), obligation: obligationField(), ...DOC_FILTER_FIELDS })
    .partial(),
  policies: z.object({ page: int(1, PARAM_DEFAULTS.maxColumnPage) }).partial(),
  themes: z.object({ place: one(), level: DOC_FILTER_FIELDS.level, page: int(1, PARAM_DEFAULTS.maxColumnPage) }).partial(),
  theme: z.object({ place: one(), level: DOC_FILTER_FIELDS.level, page: int(1, PARAM_DEFAULTS.maxColumnPage) }).partial(),
  reader: z.object({ hl: query() }).partial(),
  references: z.object({ clause: one(), q: query(), expand: flag(), ...FILTER_FIELDS }).partial(),
  targets: z.object(TARGET_FIELDS).partial(),
  targetsPage: z.object({ ...TARGET_FIELDS, page: int(1, PARAM_DEFAULTS.maxPage) }).partial(),
} as const;

export type ParamKind = keyof typeof PARAMS;
export type ParamsOf<K extends ParamKind> = z.output<(typeof PARAMS)[K]>;

/**
 * Checks raw parameters against a kind's schema. `strict` (the API, downloads, the CLI) also
 * refuses parameters the kind does not take, so a typo (?lmit=5) is an error, not ignored;
 * pages ignore them, so shared links with tracking parameters still open.
 */
export function readParams<K extends ParamKind>(kind: K, raw: Raw, options: { strict?: boolean } = {}): ParamsOf<K> {
  const schema = options.strict ? PARAMS[kind].strict() : PARAMS[kind];
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data as ParamsOf<K>;
  throw toAppError(result.error.issues[0] as z.core.$ZodIssue, Object.keys(PARAMS[kind].shape));
}

function toAppError(issue: z.core.$ZodIssue, known: string[]): AppError {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => quoteValue(k, 40)).join('、');
    return new AppError('PARAM_UNKNOWN', `${names}（${known.length ? `可用参数：${known.join('、')}` : '此地址不接受参数'}）`);
  }
  const name = String(issue.path[0] ?? '');
  const code = issue.code === 'custom' ? ((issue.params as CodedParams | undefined)?.code ?? 'PARAM_INVALID') : 'PARAM_INVALID';
  const input = (issue as { input?: unknown }).input;
  const shown = typeof input === 'string' || typeof input === 'number' ? `${name}=${quoteValue(String(input), 40)}` : name;
  if (code === 'QUERY_TOO_LONG') return queryTooLong(String(input)) as AppError;
  return new AppError(code, `${shown}（${issue.message}）`);
}

/** Checked values back into a query string, for links that must pass the same checks again. */
export function paramsQuery(values: Record<string, string | number | string[] | undefined>): string {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) for (const v of [value ?? []].flat()) out.append(name, String(v));
  return out.toString();
}
