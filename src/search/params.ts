// Reading search parameters (URL query or CLI flags), shared by /search, /api/search and the
// CLI: every bad value is an error with a code that names it, never a silent default.
import { SEARCH_DEFAULTS } from '../config.js';
import { AppError, quoteValue } from '../errors.js';
import type { Library } from '../index/library.js';
import { NO_LEVEL } from '../index/search-index.js';
import { isLevel, type Filters } from './engine.js';
import { expandQuery, type Expansion } from './expand.js';
import { parseQuery, type ParsedQuery } from './query.js';

export interface SearchParams {
  query: ParsedQuery;
  /** Theme expansions applied to the query (expand=1); empty when off. */
  expansions: Expansion[];
  filters: Filters;
  limit: number;
  offset: number;
}

type Raw = Record<string, unknown>;

/** All values of a parameter, repeated (?doc=a&doc=b) or comma-separated (?doc=a,b). */
export function listParam(raw: Raw, name: string): string[] {
  return repeatedParam(raw, name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function singleParam(raw: Raw, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new AppError('PARAM_INVALID', `${name}（只能出现一次）`);
  return value;
}

export function intParam(raw: Raw, options: { name: string; fallback: number; max: number }): number {
  const value = singleParam(raw, options.name);
  if (value === undefined) return options.fallback;
  if (!/^\d{1,9}$/u.test(value)) throw new AppError('PARAM_INVALID', `${options.name}=${quoteValue(value, 20)}（应为非负整数）`);
  const n = Number(value);
  if (n > options.max) throw new AppError('PARAM_INVALID', `${options.name}=${quoteValue(value, 20)}（不能大于 ${options.max}）`);
  return n;
}

export function filtersFrom(raw: Raw, library: Library): Filters {
  const docs = listParam(raw, 'doc');
  for (const id of docs) if (!library.getDocument(id)) throw new AppError('FILTER_UNKNOWN', `doc=${quoteValue(id)}（没有这份文档）`);
  const levels = listParam(raw, 'level');
  for (const level of levels) if (!isLevel(level) && level !== NO_LEVEL) throw new AppError('FILTER_UNKNOWN', `level=${quoteValue(level)}（应为 province、city、county 或 none）`);
  const { enrichment } = library;
  const themes = listParam(raw, 'theme');
  for (const theme of themes) if (!enrichment.taxonomy.byId.has(theme)) throw new AppError('FILTER_UNKNOWN', `theme=${quoteValue(theme)}（没有这个主题）`);
  // Policy keys and department names hold commas rarely but may: these take repeats only.
  const policies = repeatedParam(raw, 'policy');
  for (const key of policies) if (!enrichment.policies.some((p) => p.key === key)) throw new AppError('FILTER_UNKNOWN', `policy=${quoteValue(key)}（语料中没有引用这份政策）`);
  const departments = repeatedParam(raw, 'department');
  for (const name of departments) if (!enrichment.departments.includes(name)) throw new AppError('FILTER_UNKNOWN', `department=${quoteValue(name)}（语料中没有这个部门）`);
  const unique = (list: string[]) => [...new Set(list)];
  return { docs: unique(docs), levels: unique(levels), themes: unique(themes), policies: unique(policies), departments: unique(departments) };
}

/** All values of a parameter given repeatedly (?policy=a&policy=b), never split at commas. */
export function repeatedParam(raw: Raw, name: string): string[] {
  const value = raw[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (values.some((v) => typeof v !== 'string')) throw new AppError('PARAM_INVALID', `${name}（格式错误）`);
  return (values as string[]).map((v) => v.trim()).filter(Boolean);
}

export function searchParams(raw: Raw, library: Library): SearchParams {
  const q = singleParam(raw, 'q') ?? '';
  const expand = singleParam(raw, 'expand');
  if (expand !== undefined && expand !== '0' && expand !== '1') throw new AppError('PARAM_INVALID', `expand=${quoteValue(expand, 20)}（应为 0 或 1）`);
  const parsed = parseQuery(q);
  const { query, expansions } = expand === '1' ? expandQuery(parsed, library.enrichment.taxonomy) : { query: parsed, expansions: [] };
  return {
    query,
    expansions,
    filters: filtersFrom(raw, library),
    limit: intParam(raw, { name: 'limit', fallback: SEARCH_DEFAULTS.limit, max: SEARCH_DEFAULTS.maxLimit }),
    offset: intParam(raw, { name: 'offset', fallback: 0, max: SEARCH_DEFAULTS.maxOffset }),
  };
}
