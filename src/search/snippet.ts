// Our own highlighter: matches found on normalised text are mapped back to display offsets and
// wrapped in <mark>; everything else is escaped, so <mark> is the only markup in a snippet.
import { displaySpan, type Normalized } from '../analyse/analyzer.js';
import { SEARCH_DEFAULTS } from '../config.js';
import { normOf } from '../index/search-index.js';
import type { Match, RankedHit } from './rank.js';

export type Range = [number, number];

export interface MarkedSegment {
  text: string;
  mark: boolean;
}

/** Ranges sorted by start, with overlapping or touching ones joined. */
function mergeRanges(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Display ranges of the matches, sorted and merged where they touch. */
export function displayRanges(norm: Normalized, matches: Match[]): Range[] {
  return mergeRanges(matches.map((m) => displaySpan(norm, m.from, m.to)));
}

/** `text` cut into marked and unmarked runs; ranges must be sorted and disjoint. */
export function markSegments(text: string, ranges: Range[]): MarkedSegment[] {
  const segments: MarkedSegment[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) segments.push({ text: text.slice(at, from), mark: false });
    if (to > from) segments.push({ text: text.slice(from, to), mark: true });
    at = Math.max(at, to);
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

export function toHtml(segments: MarkedSegment[]): string {
  return segments.map((s) => (s.mark ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');
}

const ELLIPSIS: MarkedSegment = { text: '…', mark: false };

/**
 * Up to three fragments around the matches, chosen so that each distinct term shows once
 * before any term shows twice; short clauses are shown whole. Plain segments, so pages render
 * them with escaping templates and the API turns them into HTML with toHtml().
 */
export function snippetParts(text: string, norm: Normalized, matches: Match[]): MarkedSegment[] {
  const ranges = displayRanges(norm, matches);
  if (ranges.length === 0) {
    if (text.length <= SEARCH_DEFAULTS.snippetWhole) return [{ text, mark: false }];
    const [, end] = widen(text, 0, SEARCH_DEFAULTS.snippetWhole);
    return end < text.length ? [{ text: text.slice(0, end), mark: false }, ELLIPSIS] : [{ text, mark: false }];
  }
  if (text.length <= SEARCH_DEFAULTS.snippetWhole) return markSegments(text, ranges);
  const windows = chooseWindows({ text, norm, matches, ranges });
  const parts: MarkedSegment[] = [];
  windows.forEach(([from, to], i) => {
    if (i > 0 || from > 0) parts.push(ELLIPSIS);
    const inside = ranges.filter(([a, b]) => b > from && a < to).map(([a, b]): Range => [Math.max(a, from) - from, Math.min(b, to) - from]);
    parts.push(...markSegments(text.slice(from, to), inside));
  });
  if ((windows.at(-1) as Range)[1] < text.length) parts.push(ELLIPSIS);
  return parts;
}

/** A ranked hit's snippet. */
export function hitSnippet(hit: RankedHit): MarkedSegment[] {
  return snippetParts(hit.entry.clause.text, normOf(hit.entry), hit.matches);
}

export function snippetHtml(text: string, norm: Normalized, matches: Match[]): string {
  return toHtml(snippetParts(text, norm, matches));
}

/** Up to the fragment limit of windows, first one per term; `ranges` are the matches' display ranges. */
function chooseWindows(options: { text: string; norm: Normalized; matches: Match[]; ranges: Range[] }): Range[] {
  const { text, norm, matches, ranges } = options;
  const firstOfTerm = new Map<number, Match>();
  for (const m of matches) if (!firstOfTerm.has(m.term)) firstOfTerm.set(m.term, m);
  const order = [...firstOfTerm.values(), ...matches.filter((m) => firstOfTerm.get(m.term) !== m)];
  const windows: Range[] = [];
  for (const m of order) {
    const [from, to] = displaySpan(norm, m.from, m.to);
    if (windows.some(([a, b]) => from >= a && to <= b)) continue;
    if (windows.length >= SEARCH_DEFAULTS.snippetFragments) break;
    windows.push(cover(windowAround(text, from, to), ranges));
  }
  return mergeRanges(windows);
}

const PAUSE = /[。；，：、！？;,:!?]/u;
const STOP = /[。；！？;!?]/u;

/** Fewest characters of context wanted before a match when the window starts at a pause. */
const MIN_BEFORE = 8;

/**
 * Context around a match: start after a full stop within reach, else after a pause that leaves
 * some context, else mid-sentence; end at a full stop when one is near.
 */
function windowAround(text: string, from: number, to: number): Range {
  const reach = Math.max(0, from - SEARCH_DEFAULTS.snippetBefore);
  let start = reach;
  let pause = -1;
  for (let i = from - 1; i >= reach; i--) {
    const c = text[i] as string;
    if (STOP.test(c)) {
      start = i + 1;
      pause = -1;
      break;
    }
    if (pause < 0 && PAUSE.test(c) && from - (i + 1) >= MIN_BEFORE) pause = i + 1;
  }
  if (pause >= 0) start = pause;
  let end = Math.min(text.length, to + SEARCH_DEFAULTS.snippetAfter);
  for (let i = to; i < end; i++) {
    if (STOP.test(text[i] as string)) {
      end = i + 1;
      break;
    }
  }
  return widen(text, start, end);
}

/** Grow a window so that no highlighted range is cut in two at its edges. */
function cover(window: Range, ranges: Range[]): Range {
  let [from, to] = window;
  for (const [a, b] of ranges) {
    if (a < from && b > from) from = a;
    if (a < to && b > to) to = b;
  }
  return [from, to];
}

/** Clamp to the text, and never split a surrogate pair. */
function widen(text: string, from: number, to: number): Range {
  let a = Math.max(0, from);
  let b = Math.min(text.length, to);
  if (a > 0 && isLowSurrogate(text.charCodeAt(a))) a--;
  if (b < text.length && isLowSurrogate(text.charCodeAt(b))) b++;
  return [a, b];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
