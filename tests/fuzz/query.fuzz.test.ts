// Fuzzing the query parser: for any input it returns a well-formed query or throws an AppError
// with a 4xx status (never a TypeError, a RangeError, a 5xx or a hang), over-long input is
// refused by length or term count, and the queries it builds for suggestions parse back to
// what they claim to be.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/analyse/analyzer.js';
import { SEARCH_DEFAULTS } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import { parseQuery, queryWithout, queryWithoutExclusion, splitQuery, type ParsedQuery } from '../../src/search/query.js';
import { anyQueryInput, overLong, queryString } from './arbitraries.js';

/** FUZZ_SCALE=N runs N times as many cases (for a long hunt); the default keeps the suite quick. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const RUNS = 400 * SCALE;
const TIMEOUT = 20_000 * SCALE;

/** parseQuery's result, or the AppError it threw; anything else thrown fails the property. */
function parseOrClientError(input: string): ParsedQuery | AppError {
  try {
    return parseQuery(input);
  } catch (err) {
    if (!(err instanceof AppError)) throw new Error(`not an AppError for ${JSON.stringify(input)}: ${String(err)}`, { cause: err });
    if (err.status < 400 || err.status >= 500) throw new Error(`status ${err.status} (${err.code}) for ${JSON.stringify(input)}`, { cause: err });
    return err;
  }
}

const texts = (q: ParsedQuery) => ({ groups: q.groups.map((g) => g.map((t) => t.text)), exclude: q.exclude.map((t) => t.text) });

describe('parseQuery on hostile input', { timeout: TIMEOUT }, () => {
  it('returns a well-formed query or throws a 4xx AppError', () => {
    fc.assert(
      fc.property(anyQueryInput(), (input) => {
        const result = parseOrClientError(input);
        if (result instanceof AppError) {
          expect(result.message.length).toBeGreaterThan(0);
          // Messages quote the input: never with control characters, never unboundedly long.
          expect(result.message).not.toMatch(/[\u0000-\u001f\u007f]/u);
          expect(result.message.length).toBeLessThan(300);
          return;
        }
        // As typed, except that lone surrogates become U+FFFD (the raw query goes into URLs).
        expect(result.raw).toBe(input.replace(/\p{Cs}/gu, '\uFFFD'));
        expect(() => encodeURIComponent(result.raw)).not.toThrow();
        expect(result.groups.length).toBeGreaterThan(0);
        const terms = [...result.groups.flat(), ...result.exclude];
        expect(terms.length).toBeLessThanOrEqual(SEARCH_DEFAULTS.maxTerms);
        for (const t of terms) {
          expect(t.text).not.toBe('');
          // Terms are normalised like documents: normalising again changes nothing, and no
          // term holds the index's token separator.
          expect(normalizeText(t.text), JSON.stringify(t.text)).toBe(t.text);
          expect(t.text).not.toContain('\n');
          expect(t.source.length).toBeGreaterThan(0);
        }
        for (const g of result.groups) expect(g.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS + 100 },
    );
  });

  it('refuses input over 200 characters or 20 terms with QUERY_TOO_LONG / QUERY_TOO_MANY_TERMS', () => {
    fc.assert(
      fc.property(overLong(), (input) => {
        const result = parseOrClientError(input);
        if ([...input].length > SEARCH_DEFAULTS.maxQueryChars) {
          // Blank input is QUERY_EMPTY whatever its length; anything else is too long.
          expect(result).toBeInstanceOf(AppError);
          expect((result as AppError).code).toBe(input.trim() === '' ? 'QUERY_EMPTY' : 'QUERY_TOO_LONG');
          expect((result as AppError).status).toBe(400);
        } else if (!(result instanceof AppError)) {
          expect(result.groups.flat().length + result.exclude.length).toBeLessThanOrEqual(SEARCH_DEFAULTS.maxTerms);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('suggestion queries (one group or exclusion left out, terms split) parse back to what they say', () => {
    fc.assert(
      fc.property(queryString(), (input) => {
        const query = parseOrClientError(input);
        if (query instanceof AppError) return;
        const want = texts(query);
        if (query.groups.length > 1) {
          for (let g = 0; g < query.groups.length; g++) {
            const again = parseQuery(queryWithout(query, g));
            expect(texts(again), `${JSON.stringify(input)} without group ${g}`).toEqual({ groups: want.groups.filter((_, i) => i !== g), exclude: want.exclude });
          }
        }
        for (let x = 0; x < query.exclude.length; x++) {
          const again = parseQuery(queryWithoutExclusion(query, x));
          expect(texts(again), `${JSON.stringify(input)} without exclusion ${x}`).toEqual({ groups: want.groups, exclude: want.exclude.filter((_, i) => i !== x) });
        }
        const split = splitQuery(query);
        if (split !== null) {
          // The split query parses (splitQuery checks it) and keeps the same characters, only
          // as more (deduplicated) terms.
          const again = parseQuery(split);
          const before = want.groups.flat();
          const after = again.groups.flat().map((t) => t.text);
          for (const t of after)
            expect(
              before.some((b) => b.includes(t)),
              `${JSON.stringify(split)}: ${t}`,
            ).toBe(true);
          expect(new Set([...after.join('')])).toEqual(new Set([...before.join('')]));
          expect(texts(again).exclude).toEqual(want.exclude);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
