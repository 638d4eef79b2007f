// What the zero-result page offers: how many clauses match if one AND group or one exclusion is
// left out, the count of the query split where a term was joined across export spacing, and for
// a single word the nearest shorter words that occur and the themes whose terms hold it.
// Worked out only when nothing matched, each with the query to offer, written as the user would
// type it, so presentation only has to show them.
import { parseQuery, queryTooLong, queryWithout, queryWithoutExclusion, splitQuery, type ParsedQuery } from './query.js';

export interface ZeroResultHints {
  /** Per AND group, when there are several: the query without it and what it matches. */
  withoutGroup: { group: number; query: string; count: number }[];
  /** Per exclusion: the query without it and what it matches. */
  withoutExclusion: { exclusion: number; query: string; count: number }[];
  /** When a term was joined across export spacing: the split query and what it matches. */
  split: { query: string; count: number } | null;
  /**
   * For one word alone: the longest shorter words cut from either end that occur (加氢母站 →
   * 加氢母, 氢母站 …), each with what it matches; empty when none of two characters or more does.
   */
  shorter: { query: string; count: number }[];
  /** For one word alone: the themes whose include terms hold it or are held by it. */
  themes: { id: string; label: string }[];
}

/** How the hints count and what they may offer: the taxonomy's themes with normalised terms. */
export interface HintSources {
  count: (q: ParsedQuery, skip: { group?: number; exclusion?: number }) => number;
  themes: readonly { id: string; label: string; includeTerms: string[] }[];
}

/** `count` runs a query (with one part skipped) under the request's filters. */
export function zeroResultHints(query: ParsedQuery, sources: HintSources): ZeroResultHints {
  const { count } = sources;
  const withoutGroup = query.groups.length > 1 ? query.groups.map((_, group) => ({ group, query: queryWithout(query, group), count: count(query, { group }) })) : [];
  const withoutExclusion = query.exclude.map((_, exclusion) => ({ exclusion, query: queryWithoutExclusion(query, exclusion), count: count(query, { exclusion }) }));
  const splitText = splitQuery(query);
  const split = splitText ? { query: splitText, count: count(parseQuery(splitText), {}) } : null;
  const word = singleWord(query);
  return { withoutGroup, withoutExclusion, split, shorter: word ? shorterWords(word, count) : [], themes: word ? themesHolding(word, sources.themes) : [] };
}

export const noHints = (): ZeroResultHints => ({ withoutGroup: [], withoutExclusion: [], split: null, shorter: [], themes: [] });

/** The query's one term, when it is one word (or phrase) with nothing else. */
function singleWord(query: ParsedQuery): string | null {
  const only = query.groups.length === 1 && query.exclude.length === 0 && query.groups[0]?.length === 1 ? query.groups[0][0] : undefined;
  return only && [...only.text].length >= 2 ? only.text : null;
}

/**
 * The longest words cut from `word` that match something, most frequent first: one to three
 * characters fewer, so a long typo costs a few lookups, never one per length.
 */
function shorterWords(word: string, count: HintSources['count']): { query: string; count: number }[] {
  const chars = [...word];
  for (let length = chars.length - 1; length >= Math.max(2, chars.length - SHORTER_BY); length--) {
    const cuts = new Set<string>();
    for (let from = 0; from + length <= chars.length; from++) cuts.add(chars.slice(from, from + length).join(''));
    // A cut of a word at the length limit, quoted, would be over it: such cuts are not offered.
    const offered = [...cuts].map(quoted).filter((q) => queryTooLong(q) === null);
    const found = offered.map((query) => ({ query, count: count(parseQuery(query), {}) })).filter((c) => c.count > 0);
    if (found.length) return found.sort((a, b) => b.count - a.count).slice(0, 3);
  }
  return [];
}

/** How many characters fewer the near words of a zero-result word may have. */
const SHORTER_BY = 3;

/** Typed back as a phrase, so spaces or operators in it are not read as syntax. */
const quoted = (text: string) => `"${text.replace(/"/gu, '')}"`;

/** The themes whose include terms hold the (normalised) word or are held by it. */
export function themesHolding(word: string, themes: HintSources['themes']): { id: string; label: string }[] {
  return themes.filter((t) => t.includeTerms.some((term) => term.includes(word) || (word.includes(term) && [...term].length >= 2))).map((t) => ({ id: t.id, label: t.label }));
}
