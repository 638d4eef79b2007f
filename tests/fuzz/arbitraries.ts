// Hostile and odd inputs for the fuzz suites: arbitrary Unicode, lone surrogates, control and
// bidi characters, regex metacharacters, HTML/EJS/template payloads, percent-encoding garbage,
// query-syntax edge cases, NFKC oddities and real corpus substrings, alone and mixed.
import fc from 'fast-check';
import type { IndexedClause } from '../../src/index/search-index.js';
import { realIndex } from '../helpers.js';

export const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00'];

export const CONTROLS = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u061c',
  '\u180e',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u3000',
  '\ufeff',
  '\ufff9',
  '\ufffe',
  '\uffff',
];

export const REGEX_META = [...'.*+?^${}()|[]\\/', '\\d', '\\', '$&', "$'", '$`', '(?<x>', '[^', '\\u{', '\\p{L}', '(?=', '*?'];

export const PAYLOADS = [
  '<script>alert(1)</script>',
  '<%= x %>',
  '<%- x %>',
  '<% throw 1 %>',
  '%>',
  '${x}',
  '`${x}`',
  '{{x}}',
  '{{constructor.constructor("alert(1)")()}}',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<mark>',
  '</mark>',
  '&amp;',
  '&#60;',
  '&lt;script&gt;',
  '<!--',
  ']]>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
];

export const PERCENT = ['%', '%%', '%E0%A4%A', '%uD800', '%00', '%ZZ', '%2', '%C0%AE', '%FF%FE', '%ED%A0%80', '%25', '%0A', '%E2%80%AE', '+', '%2B%20'];

export const QUERY_SYNTAX = [
  '|',
  '||',
  '| |',
  '||||||||||',
  '| | | | |',
  'OR',
  'OR OR',
  'or',
  '-',
  '--',
  '--x',
  '-|',
  '|-',
  '- -',
  '-OR',
  '"',
  '""',
  '"""',
  '" "',
  '-"',
  '-""',
  '-"碳"',
  '-"碳 达峰"',
  '"碳',
  '碳"',
  '" | "',
  '-碳',
  '碳 -碳',
  '碳 | -氢',
  '- 碳',
  '到 2025 年',
  '2025 年',
  '碳 2 碳 2',
  '45 %',
];

export const NFKC = [
  'ﬁ',
  'ﬂ',
  'ﬀ',
  'Ａ',
  'ｚ',
  '１',
  '９',
  '兀',
  '⼀',
  '⼆',
  '⺟',
  '㍿',
  '㈱',
  'ﷺ',
  'ǅ',
  'İ',
  'ẞ',
  'ß',
  'K',
  'Å',
  'Ⅻ',
  '①',
  '⑳',
  '㎏',
  '㍱',
  '︵',
  '｜',
  '＂',
  '－',
  '　',
  '％',
  '〇',
  '碳\u0301',
  'e\u0301',
  '\u0344',
  '𠀀',
  '😀',
  '👩‍👩‍👧',
  '🇨🇳',
  '臺灣',
  '碳達峰',
  '氫能',
];

const pick = (list: readonly string[]) => fc.constantFrom(...list);

/** Every entry of the real index, for substrings that make the engine find things. */
export function corpusEntries(): IndexedClause[] {
  return realIndex().entries;
}

/** A substring (1–12 code units) of a real clause's display text. */
export function corpusDisplaySubstring(maxLength = 12): fc.Arbitrary<string> {
  const entries = corpusEntries();
  return fc.tuple(fc.integer({ min: 0, max: entries.length - 1 }), fc.nat(), fc.integer({ min: 1, max: maxLength })).map(([n, start, len]) => {
    const text = (entries[n] as IndexedClause).clause.text;
    const from = start % Math.max(1, text.length);
    return text.slice(from, from + len);
  });
}

/** A substring (1–8 code points) of a real clause's normalised text: a term that surely hits. */
export function corpusNormalizedSubstring(maxLength = 8): fc.Arbitrary<string> {
  const entries = corpusEntries();
  return fc.tuple(fc.integer({ min: 0, max: entries.length - 1 }), fc.nat(), fc.integer({ min: 1, max: maxLength })).map(([n, start, len]) => {
    const chars = [...(entries[n] as IndexedClause).text];
    const from = start % Math.max(1, chars.length);
    return chars.slice(from, from + len).join('');
  });
}

/** One piece of hostile or real input. */
export function piece(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 2, arbitrary: pick(LONE_SURROGATES) },
    { weight: 2, arbitrary: pick(CONTROLS) },
    { weight: 2, arbitrary: pick(REGEX_META) },
    { weight: 2, arbitrary: pick(PAYLOADS) },
    { weight: 2, arbitrary: pick(PERCENT) },
    { weight: 3, arbitrary: pick(QUERY_SYNTAX) },
    { weight: 2, arbitrary: pick(NFKC) },
    { weight: 5, arbitrary: corpusDisplaySubstring() },
    { weight: 5, arbitrary: corpusNormalizedSubstring() },
  );
}

const SEPARATORS = ['', ' ', ' ', '  ', ' | ', '|', ' OR ', ' -', '-', '"', ' "', '\t', '\u3000', '\n'];

/** A query-like string: pieces joined by separators and syntax. Mostly within the parser's limits. */
export function queryString(): fc.Arbitrary<string> {
  return fc.array(fc.tuple(pick(SEPARATORS), piece()), { minLength: 1, maxLength: 7 }).map((parts) => parts.map(([sep, p], i) => (i === 0 ? p : sep + p)).join(''));
}

/** A query built only from real substrings and syntax, so that most parse and many hit. */
export function hittingQuery(): fc.Arbitrary<string> {
  const term = fc.oneof(
    { weight: 6, arbitrary: corpusNormalizedSubstring(6) },
    { weight: 2, arbitrary: corpusDisplaySubstring(6) },
    { weight: 1, arbitrary: corpusNormalizedSubstring(2).map((s) => `"${s}"`) },
    { weight: 1, arbitrary: corpusNormalizedSubstring(4).map((s) => `-${s}`) },
    { weight: 1, arbitrary: pick([...PAYLOADS, ...NFKC, ...QUERY_SYNTAX]) },
  );
  return fc.array(fc.tuple(pick([' ', ' ', ' | ', ' ']), term), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([sep, t], i) => (i === 0 ? t : sep + t)).join(''));
}

/** Strings over the limits: 201–10,000 characters, or more than 20 terms. */
export function overLong(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(piece(), fc.integer({ min: 201, max: 10_000 })).map(([p, n]) => (p === '' ? 'x' : p).repeat(n).slice(0, n).padEnd(n, '碳')),
    fc.integer({ min: 201, max: 10_000 }).map((n) => '碳'.repeat(n)),
    fc.constant('|'.repeat(10_000)),
    fc.constant('\uD800'.repeat(10_000)),
    fc.constant('"'.repeat(10_000)),
    fc.constant(' 2'.repeat(5_000)),
    fc.constant('a '.repeat(5_000)),
    fc.integer({ min: 21, max: 90 }).map((n) => Array.from({ length: n }, (_, i) => `t${i}`).join(' ')),
  );
}

/** Any input at all for the parser: mostly query-like, sometimes over the limits. */
export function anyQueryInput(): fc.Arbitrary<string> {
  return fc.oneof({ weight: 6, arbitrary: queryString() }, { weight: 3, arbitrary: hittingQuery() }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 250 }) }, { weight: 1, arbitrary: overLong() });
}
