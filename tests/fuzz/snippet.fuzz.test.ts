// Fuzzing the analyzer's offset maps and the snippet builder on hostile display text: markup,
// templates, lone surrogates, controls, astral and NFKC-expanding characters, mixed with real
// clause text. Ranges stay inside the text and in order, fragments are pieces of the text in
// reading order that never split a surrogate pair, and the HTML escapes everything but <mark>.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displaySpan, findAll, normalize, normalizeText, recallTokens, termTokens } from '../../src/analyse/analyzer.js';
import { SEARCH_DEFAULTS } from '../../src/config.js';
import type { IndexedClause } from '../../src/index/search-index.js';
import type { ParsedQuery } from '../../src/search/query.js';
import { matchesOf, type Match } from '../../src/search/rank.js';
import { displayRanges, markSegments, snippetHtml, snippetParts, toHtml, type MarkedSegment } from '../../src/search/snippet.js';
import { CONTROLS, corpusDisplaySubstring, LONE_SURROGATES, NFKC, PAYLOADS, PERCENT, piece, REGEX_META } from './arbitraries.js';
import { expectEscapedHtml } from './checks.js';

/** FUZZ_SCALE=N runs N times as many cases (for a long hunt); the default keeps the suite quick. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const TIMEOUT = 20_000 * SCALE;
const LONE = /\p{Cs}/u;

/** Display text: hostile pieces and real clause text, up to several snippet windows long. */
const displayText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: piece() },
      { weight: 3, arbitrary: corpusDisplaySubstring(80) },
      { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS, ...NFKC, '𠀀𠀁𠀂', '😀', '。', '；', '，', '到 2025 年') },
      { weight: 1, arbitrary: fc.constantFrom(...CONTROLS, ...LONE_SURROGATES, ...REGEX_META, ...PERCENT) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

function fakeEntry(text: string): IndexedClause {
  const boundary = new Uint8Array(text.length + 1);
  boundary[0] = 1;
  boundary[text.length] = 1;
  return { text, identity: false, boundary, leadEnd: 0, heading: false, clause: null as never };
}

/** Terms: substrings of the normalised text (so they match), and hostile pieces normalised. */
function termsFor(normText: string): fc.Arbitrary<string[][]> {
  const chars = [...normText];
  const sub = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 })).map(([start, len]) => chars.slice(start % Math.max(1, chars.length), (start % Math.max(1, chars.length)) + len).join(''));
  const term = fc.oneof({ weight: 4, arbitrary: sub }, { weight: 1, arbitrary: piece().map(normalizeText) }).filter((t) => t !== '');
  return fc.array(fc.array(term, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });
}

const queryOf = (groups: string[][]): ParsedQuery => ({ raw: '', groups: groups.map((g) => g.map((text) => ({ text, source: text, phrase: false }))), exclude: [] });

/** Arbitrary matches at any unit offsets of the normalised text, as a defensive extra. */
function rawMatches(length: number): fc.Arbitrary<Match[]> {
  if (length === 0) return fc.constant([]);
  return fc
    .array(fc.tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 12 }), fc.nat(3)), { maxLength: 8 })
    .map((list) => list.map(([from, len, term]) => ({ from, to: Math.min(length, from + len), term, whole: false })).sort((a, b) => a.from - b.from || b.to - a.to));
}

/** Runs of text between ellipsis segments (display text holds no '…' in these properties). */
function fragments(parts: MarkedSegment[]): MarkedSegment[][] {
  const out: MarkedSegment[][] = [[]];
  for (const p of parts) {
    if (!p.mark && p.text === '…') out.push([]);
    else (out.at(-1) as MarkedSegment[]).push(p);
  }
  return out.filter((f) => f.length > 0);
}

function checkSnippet(display: string, matches: Match[]): void {
  const label = JSON.stringify(display);
  const norm = normalize(display);
  const ranges = displayRanges(norm, matches);
  let last = -1;
  for (const [a, b] of ranges) {
    expect(a, label).toBeGreaterThan(last);
    expect(a, label).toBeGreaterThanOrEqual(0);
    expect(b, label).toBeGreaterThan(a);
    expect(b, label).toBeLessThanOrEqual(display.length);
    last = b;
  }
  const whole = markSegments(display, ranges);
  expect(whole.map((s) => s.text).join(''), label).toBe(display);
  expect(
    whole.filter((s) => s.mark).map((s) => s.text),
    label,
  ).toEqual(ranges.map(([a, b]) => display.slice(a, b)));

  const parts = snippetParts(display, norm, matches);
  const html = snippetHtml(display, norm, matches);
  expect(html).toBe(toHtml(parts));
  expectEscapedHtml(html, parts.map((p) => p.text).join(''), label);
  // (An empty text is one empty segment; clauses are never empty.)
  if (display !== '') for (const p of parts) expect(p.text.length, label).toBeGreaterThan(0);

  const runs = fragments(parts);
  if (ranges.length > 0) {
    expect(runs.length, label).toBeLessThanOrEqual(SEARCH_DEFAULTS.snippetFragments);
    expect(
      parts.some((p) => p.mark),
      label,
    ).toBe(true);
  }
  if (ranges.length > 0 && display.length <= SEARCH_DEFAULTS.snippetWhole) expect(parts, label).toEqual(whole);
  // Each fragment is a piece of the text, after the previous one, its marks whole ranges.
  const rangeTexts = new Set(ranges.map(([a, b]) => display.slice(a, b)));
  let at = 0;
  for (const run of runs) {
    const text = run.map((p) => p.text).join('');
    const found = display.indexOf(text, at);
    expect(found, `${label}: fragment ${JSON.stringify(text)} in order`).toBeGreaterThanOrEqual(0);
    at = found + text.length;
    for (const p of run) if (p.mark) expect(rangeTexts.has(p.text), `${label}: mark ${JSON.stringify(p.text)}`).toBe(true);
  }
  // Without lone surrogates in the text, no segment may hold half of a pair.
  if (!LONE.test(display)) for (const p of parts) expect(LONE.test(p.text), `${label}: ${JSON.stringify(p.text)} splits a pair`).toBe(false);
}

describe('normalisation on hostile text', { timeout: TIMEOUT }, () => {
  it('offset maps stay inside the display text, in order; terms are idempotent; the index holds every term token', () => {
    fc.assert(
      fc.property(displayText, fc.nat(), fc.integer({ min: 1, max: 8 }), (display, start, len) => {
        const norm = normalize(display);
        const label = JSON.stringify(display);
        expect(norm.starts.length, label).toBe(norm.text.length);
        expect(norm.ends.length, label).toBe(norm.text.length);
        let prev = 0;
        for (let i = 0; i < norm.text.length; i++) {
          const s = norm.starts[i] as number;
          const e = norm.ends[i] as number;
          expect(s, label).toBeGreaterThanOrEqual(prev);
          expect(e, label).toBeGreaterThan(s);
          expect(e, label).toBeLessThanOrEqual(display.length);
          prev = s;
        }
        // No newline (the index's token separator), no control, format or lone surrogate.
        expect(norm.text, label).not.toMatch(/[\n\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(normalizeText(norm.text), label).toBe(norm.text);
        // The recall premise: any substring of a normalised text has all its tokens indexed.
        const chars = [...norm.text];
        if (chars.length === 0) return;
        const from = start % chars.length;
        const term = chars.slice(from, from + len).join('');
        const tokens = new Set(recallTokens(norm.text));
        for (const t of termTokens(term)) expect(tokens.has(t), `${label}: ${JSON.stringify(t)}`).toBe(true);
        const found = findAll(norm.text, term);
        expect(found.length, label).toBeGreaterThan(0);
        for (const f of found) {
          expect(norm.text.slice(f, f + term.length)).toBe(term);
          const [a, b] = displaySpan(norm, f, f + term.length);
          expect(0 <= a && a < b && b <= display.length, label).toBe(true);
        }
      }),
      { numRuns: 400 * SCALE },
    );
  });
});

describe('snippets of hostile text', { timeout: TIMEOUT }, () => {
  it('for matches of real terms: ranges in order, fragments in order, whole marks, escaped HTML', () => {
    const input = displayText.map((d) => d.replace(/…/gu, '...')).chain((display) => fc.tuple(fc.constant(display), termsFor(normalize(display).text)));
    fc.assert(
      fc.property(input, ([display, groups]) => {
        const norm = normalize(display);
        checkSnippet(display, matchesOf(fakeEntry(norm.text), queryOf(groups)));
      }),
      { numRuns: 400 * SCALE },
    );
  });

  it('for arbitrary match offsets (any unit, overlapping, touching): the same, without throwing', () => {
    const input = displayText.map((d) => d.replace(/…/gu, '...')).chain((display) => fc.tuple(fc.constant(display), rawMatches(normalize(display).text.length)));
    fc.assert(
      fc.property(input, ([display, matches]) => checkSnippet(display, matches)),
      { numRuns: 300 * SCALE },
    );
  });

  it('HTML payloads around a match come out escaped, in long and short clauses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAYLOADS), fc.constantFrom(...PAYLOADS), fc.integer({ min: 0, max: 200 }), fc.constantFrom('加氢站', '碳达峰', 'ccer'), (before, after, pad, term) => {
        const display = `${before}${'推进能源结构调整'.repeat(pad).slice(0, pad)}${term}${after}${'，'.repeat(pad % 7)}${before}`;
        const norm = normalize(display);
        const matches = matchesOf(fakeEntry(norm.text), queryOf([[normalizeText(term)]]));
        expect(matches.length).toBeGreaterThan(0);
        checkSnippet(display, matches);
        const html = snippetHtml(display, norm, matches);
        expect(html).not.toContain('<script');
        expect(html).not.toContain('<img');
        expect(html).not.toContain('<%');
        expect(html).toMatch(/<mark>/u);
      }),
      { numRuns: 200 },
    );
  });
});
