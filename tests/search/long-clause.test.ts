// Long clauses made ranking quadratic (issue 16: a plan with one 5 MB line took 80 s for a
// 20-term OR query, covered() insertion-sorting every match). In-process, on a clause of several
// MB built here that never goes through ingest (which now splits long lines), so ranking holds
// on its own: scoring, match lists, snippets and normalisation stay bounded on a huge clause,
// and coverage equals its definition on both of its sorting paths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityNormalized, normalize, normalizeText } from '../../src/analyse/analyzer.js';
import { QUERY_BUDGET } from '../../src/config.js';
import type { IndexedClause } from '../../src/index/search-index.js';
import { queryCost } from '../../src/search/budget.js';
import { parseQuery, type ParsedQuery } from '../../src/search/query.js';
import { matchesOf, planOf, rankHits, scoreHit, WEIGHTS } from '../../src/search/rank.js';
import { snippetParts } from '../../src/search/snippet.js';
import { realIndex } from '../helpers.js';

/** The attack's query: twenty common characters ORed. */
const TWENTY_OR = '的|年|和|在|发|展|能|源|碳|排|放|建|设|推|进|绿|色|低|业|工';
/** A correctness bound on a pathological input, not a benchmark: the clause took 80 s before. */
const BOUND_MS = 2000;

/** Sentences of the bundled plans, normalised: the material of the made-up clauses. */
const SENTENCES = realIndex()
  .entries.flatMap((e) => e.text.split(/(?<=[。；])/u))
  .filter((s) => s.length > 8);

/** One line of real sentences in a fixed scrambled order, at least `bytes` long in UTF-8. */
function longLine(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = SENTENCES[(i * 7919) % SENTENCES.length] as string;
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  return parts.join('');
}

/** A clause as the index holds one, built directly: word boundaries every two characters. */
function madeEntry(text: string): IndexedClause {
  const boundary = new Uint8Array(text.length + 1);
  for (let i = 0; i <= text.length; i += 2) boundary[i] = 1;
  boundary[text.length] = 1;
  const real = realIndex().entries[0] as IndexedClause;
  return { ...real, clause: { ...real.clause, text }, text, identity: true, boundary, leadEnd: 0, heading: false };
}

const FIVE_MB = madeEntry(longLine(5 * 1024 * 1024));

const timed = <T>(run: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
};

describe('a 20-term OR query on one clause of 5 MB', () => {
  it('is ranked within 2 s, with every term counting at most its cap of matches', () => {
    expect(Buffer.byteLength(FIVE_MB.text)).toBeGreaterThan(5 * 1024 * 1024);
    const query = parseQuery(TWENTY_OR);
    const cost = queryCost(query);
    const { value: hits, ms } = timed(() => rankHits({ entries: [FIVE_MB], numbers: [0], query, take: 20, cost }));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(hits).toHaveLength(1);
    expect(cost.matches).toBeLessThanOrEqual(query.groups[0]!.length * QUERY_BUDGET.maxMatchesPerTerm);
    // The match list a snippet gets is the one scoring counted.
    expect(hits[0]?.matches).toHaveLength(cost.matches);
  });

  it('scores the same work however much longer the clause grows: a capped term stops counting', () => {
    const plan = planOf(parseQuery(TWENTY_OR));
    const counted = (entry: IndexedClause) => {
      const cost = queryCost(parseQuery(TWENTY_OR));
      scoreHit(entry, plan, cost);
      return cost.matches;
    };
    // Every one of the twenty characters occurs more than the cap in 10 MB, so 20 MB adds nothing.
    const ten = madeEntry(FIVE_MB.text.repeat(2));
    const twenty = madeEntry(FIVE_MB.text.repeat(4));
    expect(counted(ten)).toBe(plan.terms.length * QUERY_BUDGET.maxMatchesPerTerm);
    expect(counted(twenty)).toBe(counted(ten));
  });

  it('builds its snippet within 2 s: three fragments at most, each term marked', () => {
    const query = parseQuery(TWENTY_OR);
    const matches = matchesOf(FIVE_MB, query);
    const { value: parts, ms } = timed(() => snippetParts(FIVE_MB.text, identityNormalized(FIVE_MB.text), matches));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parts.filter((p) => p.text === '…').length).toBeLessThanOrEqual(4);
    expect(parts.some((p) => p.mark)).toBe(true);
  });
});

describe('normalize flattened its output at every space: a 200,000-character line with spaces took 41 s', () => {
  it('normalises such a line within 2 s, with the same text and map as short pieces of it', () => {
    const piece = 'CCUS 项目 45 % and PUE 1.25 ';
    const line = piece.repeat(Math.ceil(200_000 / piece.length));
    const { value: norm, ms } = timed(() => normalize(line));
    expect(ms).toBeLessThan(BOUND_MS);
    const short = normalize(piece.repeat(3));
    expect(norm.text.startsWith(short.text.slice(0, -10))).toBe(true);
    expect(Array.from(norm.starts).slice(0, 40)).toEqual(Array.from(short.starts).slice(0, 40));
    expect(normalizeText('ccus 项目')).toBe('ccus项目');
    expect(normalizeText('a  b')).toBe('a b');
    expect(normalizeText('45 %')).toBe('45%');
  });
});

// ---------------------------------------------------------------------------------------------
// Coverage and the cap, against their definitions

/** Score from the definition, over the matches each term counts (its first `cap`). */
function referenceScore(entry: IndexedClause, query: ParsedQuery, cap: number): { wholeGroups: number; score: number } {
  const matches = matchesOf(entry, query, cap);
  const groupOf = query.groups.flatMap((g, i) => g.map(() => i));
  const weights = query.groups.map(() => 0);
  const whole = query.groups.map(() => false);
  for (const m of matches) {
    const g = groupOf[m.term] as number;
    const prominent = entry.heading || m.from < entry.leadEnd;
    weights[g] = (weights[g] as number) + (m.whole ? WEIGHTS.whole : WEIGHTS.inWord) * (prominent ? WEIGHTS.prominent : 1);
    if (m.whole) whole[g] = true;
  }
  const covered = new Uint8Array(entry.text.length);
  for (const m of matches) covered.fill(1, m.from, m.to);
  let score = weights.reduce((s, w) => s + Math.log2(1 + w), 0);
  score += (WEIGHTS.density * covered.reduce((n, c) => n + c, 0)) / Math.max(entry.text.length, 1);
  return { wholeGroups: whole.filter(Boolean).length, score };
}

describe('scoring equals its definition on both sorting paths and under the cap', () => {
  it('for made-up clauses over a small alphabet with overlapping OR terms, few matches or hundreds', () => {
    const alphabet = fc.constantFrom('碳', '达', '峰', '汇', 'a');
    const text = fc.array(alphabet, { minLength: 1, maxLength: 400 }).map((cs) => cs.join(''));
    const term = fc.array(alphabet, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));
    const groups = fc.array(fc.uniqueArray(term, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(text, groups, fc.integer({ min: 1, max: 50 }), (t, g, cap) => {
        const entry = madeEntry(t);
        const query: ParsedQuery = { raw: '', groups: g.map((terms) => terms.map((x) => ({ text: x, source: x, phrase: false }))), exclude: [] };
        expect(scoreHit(entry, planOf(query, cap))).toEqual(referenceScore(entry, query, cap));
        expect(scoreHit(entry, planOf(query))).toEqual(referenceScore(entry, query, QUERY_BUDGET.maxMatchesPerTerm));
      }),
      { numRuns: 300 },
    );
  });

  it('a term past its cap counts only its first matches, in the score and in the match list', () => {
    const entry = madeEntry('碳汇'.repeat(100));
    const query = parseQuery('碳 | 汇');
    const matches = matchesOf(entry, query, 10);
    expect(matches.filter((m) => m.term === 0).map((m) => m.from)).toEqual(Array.from({ length: 10 }, (_, i) => 2 * i));
    expect(matches).toHaveLength(20);
    expect(scoreHit(entry, planOf(query, 10))).toEqual(referenceScore(entry, query, 10));
    expect(scoreHit(entry, planOf(query, 10)).score).toBeLessThan(scoreHit(entry, planOf(query)).score);
  });
});
