// The query language, as people type it: space, `AND`, `，` `、` `；` = AND; `|` or `OR` = OR
// (binds tighter than AND); `-term` or `NOT term` = NOT; `"…"` `“…”` `「…」` `『…』` = exact
// phrase. Operators are upper case: lower-case and/or/not are words. Terms go through the same
// analyzer as the documents; a space between a Chinese character and a digit is export spacing,
// not a separator (到 2025 年 = 到2025年), and single Chinese characters spaced out (碳 达 峰)
// are one word.
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

type Token = { kind: 'or' } | { kind: 'not' } | { kind: 'term'; text: string; source: string; phrase: boolean; negated: boolean };

/** Opening quote → its closing quote (after NFKC, which turns ＂ into "). */
const QUOTES: Record<string, string> = { '"': '"', '\u201c': '\u201d', '\u300c': '\u300d', '\u300e': '\u300f' };
/** Separators that mean AND, as Chinese users write lists: ，、； (NFKC makes ，； ASCII). */
const AND_SEPARATORS = /[,;\u3001]/u;

const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9]/u;

/**
 * Lone surrogates (only a broken client sends them) as U+FFFD, like String#toWellFormed: the
 * query is shown again and put into URLs, where encodeURIComponent throws on a lone surrogate.
 */
function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}

/** A query (or highlight) over the length limit, naming its length; null when it is within it. */
export function queryTooLong(text: string): AppError | null {
  const length = [...text].length;
  return length > SEARCH_DEFAULTS.maxQueryChars ? new AppError('QUERY_TOO_LONG', `${length} 个字符（最多 ${SEARCH_DEFAULTS.maxQueryChars} 个）`) : null;
}

export function parseQuery(input: string): ParsedQuery {
  const raw = wellFormed(input);
  if (raw.trim() === '') throw new AppError('QUERY_EMPTY', '');
  const tooLong = queryTooLong(raw);
  if (tooLong) throw tooLong;
  // Per character, like the documents: whole-string NFKC would compose what documents keep apart.
  const tokens = lex([...raw].map((c) => c.normalize('NFKC')).join(''));
  const { groups, exclude } = group(tokens, raw);
  const count = termCount({ groups, exclude });
  if (count > SEARCH_DEFAULTS.maxTerms) throw new AppError('QUERY_TOO_MANY_TERMS', `${count} 个（最多 ${SEARCH_DEFAULTS.maxTerms} 个）`);
  if (groups.length === 0) {
    if (exclude.length > 0) throw new AppError('QUERY_ONLY_EXCLUSIONS', quoteValue(raw));
    throw new AppError('QUERY_EMPTY', '');
  }
  return { raw, groups, exclude };
}

/** Terms that count against the limit: every OR alternative and every exclusion. */
export function termCount(query: Pick<ParsedQuery, 'groups' | 'exclude'>): number {
  return query.groups.reduce((n, g) => n + g.length, 0) + query.exclude.length;
}

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    if (/\s/u.test(c) || isSeparator(query, i)) {
      i++;
    } else if (c === '|') {
      tokens.push({ kind: 'or' });
      i++;
    } else {
      const negated = c === '-' && i + 1 < query.length && !/[\s|]/u.test(query[i + 1] as string);
      const start = negated ? i + 1 : i;
      const close = Object.hasOwn(QUOTES, query[start] as string) ? QUOTES[query[start] as string] : undefined;
      const end = close ? phraseEnd(query, start, close) : wordEnd(query, start);
      const body = query.slice(start, end);
      // A word holds spaces only where they are export spacing (到 2025 年), which goes.
      const text = close ? body.slice(1, body.endsWith(close) && body.length > 1 ? -1 : undefined) : body.replace(/\s+/gu, '');
      const operator = !close && !negated ? OPERATORS.get(text) : undefined;
      if (operator === 'and') {
        // Space already means AND.
      } else if (operator) tokens.push({ kind: operator });
      else tokens.push({ kind: 'term', text, source: query.slice(i, end), phrase: Boolean(close), negated });
      i = end;
    }
  }
  return joinSpacedLetters(tokens);
}

const OPERATORS = new Map<string, 'and' | 'or' | 'not'>([
  ['AND', 'and'],
  ['OR', 'or'],
  ['NOT', 'not'],
]);

/** A comma or semicolon between two digits is part of a number (1,000); elsewhere it separates. */
function isSeparator(query: string, at: number): boolean {
  const c = query[at] as string;
  if (!AND_SEPARATORS.test(c)) return false;
  return c === '\u3001' || !(DIGIT.test(query[at - 1] ?? '') && DIGIT.test(query[at + 1] ?? ''));
}

/**
 * Runs of two or more single Chinese characters typed with spaces between them (碳 达 峰) are
 * one word: nobody searches for three characters apart, and letter-spacing is how some copy
 * titles out of PDFs.
 */
function joinSpacedLetters(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const single = (t: Token | undefined): t is Extract<Token, { kind: 'term' }> => t?.kind === 'term' && !t.phrase && !t.negated && [...t.text].length === 1 && HAN.test(t.text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let j = i;
    while (single(tokens[j]) && single(tokens[j + 1])) j++;
    if (j === i || !single(t)) {
      out.push(t);
      continue;
    }
    const run = tokens.slice(i, j + 1) as Extract<Token, { kind: 'term' }>[];
    out.push({ kind: 'term', text: run.map((r) => r.text).join(''), source: run.map((r) => r.source).join(''), phrase: false, negated: false });
    i = j;
  }
  return out;
}

/** A quote runs to its closing quote, or to the end when it is never closed. */
function phraseEnd(query: string, start: number, close: string): number {
  const at = query.indexOf(close, start + 1);
  return at < 0 ? query.length : at + 1;
}

/** A word runs to the next separator; spaces between Chinese and digits belong to the word. */
function wordEnd(query: string, start: number): number {
  let i = start;
  while (i < query.length) {
    const c = query[i] as string;
    if (c === '|' || c === '"' || isSeparator(query, i)) break;
    if (/\s/u.test(c) && !isExportSpace(query, i)) break;
    i++;
  }
  return i;
}

function isExportSpace(query: string, at: number): boolean {
  let end = at;
  while (end < query.length && /\s/u.test(query[end] as string)) end++;
  const prev = [...query.slice(Math.max(0, at - 2), at)].at(-1) ?? '';
  const next = String.fromCodePoint(query.codePointAt(end) ?? 32);
  return (HAN.test(prev) && DIGIT.test(next)) || (DIGIT.test(prev) && (HAN.test(next) || next === '%'));
}

function group(tokens: Token[], raw: string): { groups: Term[][]; exclude: Term[] } {
  const groups: Term[][] = [];
  const exclude: Term[] = [];
  let joinNext = false;
  let afterExclusion = false;
  let notNext = false;
  for (const token of tokens) {
    if (token.kind === 'not') {
      notNext = true;
      continue;
    }
    if (token.kind === 'or') {
      if (afterExclusion || notNext) throw new AppError('QUERY_EXCLUSION_IN_OR', quoteValue(raw));
      joinNext = groups.length > 0;
      continue;
    }
    const negated = token.negated || notNext;
    notNext = false;
    afterExclusion = negated;
    const text = normalizeText(token.text);
    // A term that normalises to nothing (a lone zero-width space) leaves a pending OR pending.
    if (text === '') continue;
    // NOT 碳达峰 is kept as -碳达峰, so a query rebuilt without a part still parses the same.
    const term: Term = { text, source: token.negated || !negated ? token.source : `-${token.source}`, phrase: token.phrase };
    if (negated) {
      if (joinNext) throw new AppError('QUERY_EXCLUSION_IN_OR', quoteValue(raw));
      exclude.push(term);
    } else if (joinNext) {
      (groups.at(-1) as Term[]).push(term);
    } else {
      groups.push([term]);
    }
    joinNext = false;
  }
  return { groups: dedupeGroups(groups), exclude: exclude.filter((t, i) => exclude.findIndex((x) => x.text === t.text) === i) };
}

/** Duplicates go only after grouping, so `A A | B` keeps A as its own AND group. */
function dedupeGroups(groups: Term[][]): Term[][] {
  const seen = new Set<string>();
  const out: Term[][] = [];
  for (const g of groups) {
    const terms = g.filter((t, i) => g.findIndex((x) => x.text === t.text) === i);
    const key = terms
      .map((t) => t.text)
      .sort()
      .join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(terms);
  }
  return out;
}

/**
 * A term as it can be typed again: its source, with the closing quote of a phrase that was
 * never closed, so that the next part of a rebuilt query does not run into the phrase.
 */
function typed(t: Term): string {
  if (!t.phrase) return t.source;
  const body = t.source.startsWith('-') ? t.source.slice(1) : t.source;
  const close = QUOTES[body[0] as string] ?? '"';
  return body.length > 1 && body.endsWith(close) ? t.source : `${t.source}${close}`;
}

/**
 * AND parts (each a list of OR alternatives, as typed) joined into a query that parses back to
 * them: where the joining space would read as export spacing (碳 2 once the term between them
 * is left out), the next word is quoted, which keeps its text.
 */
function rebuild(parts: string[][]): string {
  let out = '';
  let last = '';
  for (const part of parts) {
    const terms = [...part];
    if (out !== '') {
      // Two single characters side by side would read as one letter-spaced word (前 创 → 前创).
      const spaced = isSingleHan(last) && isSingleHan(terms[0] ?? '');
      if (spaced || isExportSpace(`${out} ${terms[0] ?? ''}`, out.length)) terms[0] = `"${terms[0] ?? ''}"`;
      out += ' ';
    }
    out += terms.join(' | ');
    last = terms.at(-1) ?? '';
  }
  return out;
}

const isSingleHan = (typed: string) => [...typed].length === 1 && HAN.test(typed);

/** The query with one exclusion left out. */
export function queryWithoutExclusion(query: ParsedQuery, dropped: number): string {
  return rebuild([...query.groups.map((g) => g.map(typed)), ...query.exclude.filter((_, i) => i !== dropped).map((t) => [typed(t)])]);
}

/**
 * For a term joined across export spacing (加氢站 2025 → 加氢站2025), the query with those parts
 * as separate AND terms; null when no term was joined, or when the split query would be over
 * the parser's limits (more characters or terms than a query may have).
 */
export function splitQuery(query: ParsedQuery): string | null {
  let split = false;
  const part = (t: Term) => {
    if (t.phrase || !/\s/u.test(t.source)) return typed(t);
    split = true;
    return t.source
      .split(/\s+/u)
      .map((p) => `"${p}"`)
      .join(' ');
  };
  const text = rebuild([...query.groups.map((g) => g.map(part)), ...query.exclude.map((t) => [typed(t)])]);
  if (!split) return null;
  try {
    parseQuery(text);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
  return text;
}

/** The query with one AND group left out, for "drop a term" suggestions. */
export function queryWithout(query: ParsedQuery, dropped: number): string {
  return rebuild([...query.groups.filter((_, i) => i !== dropped).map((g) => g.map(typed)), ...query.exclude.map((t) => [typed(t)])]);
}
