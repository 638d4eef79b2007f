// What the zero-result page offers: how many clauses match if one AND group or one exclusion is
// left out, and the count of the query split where a term was joined across export spacing.
// Worked out only when nothing matched, each with the query to offer, written as the user would
// type it, so presentation only has to show them.
import { parseQuery, queryWithout, queryWithoutExclusion, splitQuery, type ParsedQuery } from './query.js';

export interface ZeroResultHints {
  /** Per AND group, when there are several: the query without it and what it matches. */
  withoutGroup: { group: number; query: string; count: number }[];
  /** Per exclusion: the query without it and what it matches. */
  withoutExclusion: { exclusion: number; query: string; count: number }[];
  /** When a term was joined across export spacing: the split query and what it matches. */
  split: { query: string; count: number } | null;
}

/** `count` runs a query (with one part skipped) under the request's filters. */
export function zeroResultHints(query: ParsedQuery, count: (q: ParsedQuery, skip: { group?: number; exclusion?: number }) => number): ZeroResultHints {
  const withoutGroup = query.groups.length > 1 ? query.groups.map((_, group) => ({ group, query: queryWithout(query, group), count: count(query, { group }) })) : [];
  const withoutExclusion = query.exclude.map((_, exclusion) => ({ exclusion, query: queryWithoutExclusion(query, exclusion), count: count(query, { exclusion }) }));
  const splitText = splitQuery(query);
  const split = splitText ? { query: splitText, count: count(parseQuery(splitText), {}) } : null;
  return { withoutGroup, withoutExclusion, split };
}

export const noHints = (): ZeroResultHints => ({ withoutGroup: [], withoutExclusion: [], split: null });
