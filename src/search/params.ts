// Reading search parameters (URL query or CLI flags), shared by /search, /api/search and the
// CLI: every bad value is an error with a code that names it, never a silent default.
import { SEARCH_DEFAULTS } from '../config.js';
import { AppError, quoteValue } from '../errors.js';
import type { Library } from '../index/library.js';
import { NO_LEVEL } from '../index/search-index.js';
import { isLevel, type Filters } from './engine.js';
import { parseQuery, type ParsedQuery } from './query.js';

export interface SearchParams {
  query: ParsedQuery;
  filters: Filters;
  limit: number;
  offset: number;
}

type Raw = Record<string, unknown>;

/** All values of a parameter, repeated (?doc=a&doc=b) or comma-separated (?doc=a,b). */
export function listParam(raw: Raw, name: string): string[] {
  const value = raw[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (values.some((v) => typeof v !== 'string')) throw new AppError('PARAM_INVALID', `${name}（格式错误）`);
  return (values as string[]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
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
  // Themes arrive with the theme taxonomy; until then no theme exists to filter by.
  for (const theme of listParam(raw, 'theme')) throw new AppError('FILTER_UNKNOWN', `theme=${quoteValue(theme)}（没有这个主题）`);
  return { docs: [...new Set(docs)], levels: [...new Set(levels)] };
}

export function searchParams(raw: Raw, library: Library): SearchParams {
  const q = singleParam(raw, 'q') ?? '';
  const query = parseQuery(q);
  return {
    query,
    filters: filtersFrom(raw, library),
    limit: intParam(raw, { name: 'limit', fallback: SEARCH_DEFAULTS.limit, max: SEARCH_DEFAULTS.maxLimit }),
    offset: intParam(raw, { name: 'offset', fallback: 0, max: SEARCH_DEFAULTS.maxOffset }),
  };
}
