// The one analyzer, shared by indexing and querying: normalisation (normalize.ts), recall
// tokens for the candidate index, and word boundaries for ranking (segment.ts, loaded only by
// processes that build an index, because jieba costs seconds and hundreds of MB).
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

export { displaySpan, identityNormalized, isIdentity, normalize, normalizeCompact, normalizeText, type Normalized } from './normalize.js';

/** Bump whenever normalisation, tokens or segmentation change: stored indexes become stale. */
export const ANALYZER_VERSION = 4;

export const USER_DICT_PATH = path.join(PROJECT_ROOT, 'src', 'analyse', 'user-dict.utf8');

/**
 * Every character and every overlapping pair of characters, so that any literal substring
 * (2+ characters) has all its pairs indexed. ASCII words are not tokens of their own: a term
 * is a substring (ccus inside ccuses), so a whole-word list could not answer it, and none
 * was ever read. Frequent longer words get phrase lists at build time (index/phrases.ts).
 */
export function recallTokens(normalized: string): string[] {
  const chars = [...normalized];
  const tokens = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    tokens.add(c);
    const next = chars[i + 1];
    if (next !== undefined) tokens.add(c + next);
  }
  return [...tokens];
}

/** The index tokens that every clause containing `term` literally must have. */
export function termTokens(term: string): string[] {
  const chars = [...term];
  if (chars.length === 1) return chars;
  const tokens = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) tokens.add((chars[i] as string) + (chars[i + 1] as string));
  return [...tokens];
}

/** Offsets where `term` occurs in `text`, left to right, without overlaps. */
export function findAll(text: string, term: string): number[] {
  const found: number[] = [];
  if (term === '') return found;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) found.push(at);
  return found;
}
