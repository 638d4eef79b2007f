// The query language: space = AND, `|` or `OR` = OR (binds tighter than AND), `-term` = NOT,
// `"…"` = exact phrase. Terms go through the same analyzer as the documents; a space between a
// Chinese character and a digit is export spacing, not a separator (到 2025 年 = 到2025年).
import { normalizeText } from '../analyse/analyzer.js';
import { SEARCH_DEFAULTS } from '../config.js';
import { AppError, quoteValue } from '../errors.js';

export interface Term {
  /** Normalised text, matched literally on normalised clause text. */
  text: string;
  /** As typed, with its quotes and minus sign, for rebuilding a query without it. */
  source: string;
  phrase: boolean;
}

export interface ParsedQuery {
  raw: string;
  /** Every group must match; a group matches when any of its terms does. */
  groups: Term[][];
  exclude: Term[];
}

type Token = { kind: 'or' } | { kind: 'term'; text: string; source: string; phrase: boolean; negated: boolean };

const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9]/u;

export function parseQuery(raw: string): ParsedQuery {
  if (raw.trim() === '') throw new AppError('QUERY_EMPTY', '');
  if ([...raw].length > SEARCH_DEFAULTS.maxQueryChars) throw new AppError('QUERY_TOO_LONG', `${[...raw].length} 个字符`);
  const tokens = lex(raw.normalize('NFKC'));
  const { groups, exclude } = group(tokens, raw);
  const termCount = groups.reduce((n, g) => n + g.length, 0) + exclude.length;
  if (termCount > SEARCH_DEFAULTS.maxTerms) throw new AppError('QUERY_TOO_MANY_TERMS', `${termCount} 个`);
  if (groups.length === 0) {
    if (exclude.length > 0) throw new AppError('QUERY_ONLY_EXCLUSIONS', quoteValue(raw));
    throw new AppError('QUERY_EMPTY', '');
  }
  return { raw, groups, exclude };
}

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '|') {
      tokens.push({ kind: 'or' });
      i++;
    } else {
      const negated = c === '-' && i + 1 < query.length && !/[\s|]/u.test(query[i + 1] as string);
      const start = negated ? i + 1 : i;
      const end = query[start] === '"' ? phraseEnd(query, start) : wordEnd(query, start);
      const body = query.slice(start, end);
      const phrase = body.startsWith('"');
      // A word holds spaces only where they are export spacing (到 2025 年), which goes.
      const text = phrase ? body.slice(1, body.endsWith('"') && body.length > 1 ? -1 : undefined) : body.replace(/\s+/gu, '');
      if (!phrase && !negated && text === 'OR') tokens.push({ kind: 'or' });
      else tokens.push({ kind: 'term', text, source: query.slice(i, end), phrase, negated });
      i = end;
    }
  }
  return tokens;
}

/** A quote runs to the next quote, or to the end when it is never closed. */
function phraseEnd(query: string, start: number): number {
  const close = query.indexOf('"', start + 1);
  return close < 0 ? query.length : close + 1;
}

/** A word runs to the next separator; spaces between Chinese and digits belong to the word. */
function wordEnd(query: string, start: number): number {
  let i = start;
  while (i < query.length) {
    const c = query[i] as string;
    if (c === '|' || c === '"') break;
    if (/\s/u.test(c) && !isExportSpace(query, i)) break;
    i++;
  }
  return i;
}

function isExportSpace(query: string, at: number): boolean {
  let end = at;
  while (end < query.length && /\s/u.test(query[end] as string)) end++;
  const prev = query.slice(0, at).at(-1) ?? '';
  const next = query[end] ?? '';
  return (HAN.test(prev) && DIGIT.test(next)) || (DIGIT.test(prev) && (HAN.test(next) || next === '%'));
}

function group(tokens: Token[], raw: string): { groups: Term[][]; exclude: Term[] } {
  const groups: Term[][] = [];
  const exclude: Term[] = [];
  let joinNext = false;
  let afterExclusion = false;
  for (const token of tokens) {
    if (token.kind === 'or') {
      if (afterExclusion) throw new AppError('QUERY_EXCLUSION_IN_OR', quoteValue(raw));
      joinNext = groups.length > 0;
      continue;
    }
    afterExclusion = token.negated;
    const text = normalizeText(token.text);
    if (text === '') {
      joinNext = false;
      continue;
    }
    const term: Term = { text, source: token.source, phrase: token.phrase };
    if (token.negated) {
      if (joinNext) throw new AppError('QUERY_EXCLUSION_IN_OR', quoteValue(raw));
      if (!exclude.some((t) => t.text === text)) exclude.push(term);
    } else if (joinNext) {
      const last = groups.at(-1) as Term[];
      if (!last.some((t) => t.text === text)) last.push(term);
    } else if (!groups.some((g) => g.length === 1 && g[0]?.text === text)) {
      groups.push([term]);
    }
    joinNext = false;
  }
  return { groups, exclude };
}

/** The query with one AND group left out, for "drop a term" suggestions. */
export function queryWithout(query: ParsedQuery, dropped: number): string {
  const parts = query.groups.filter((_, i) => i !== dropped).map((g) => g.map((t) => t.source).join(' | '));
  return [...parts, ...query.exclude.map((t) => t.source)].join(' ');
}

/** Every positive term, in order, for highlighting. */
export function positiveTerms(query: ParsedQuery): Term[] {
  return query.groups.flat();
}
