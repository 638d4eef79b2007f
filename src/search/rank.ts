// Ranking verified hits. Order of precedence: how many query groups match as whole words
// (by the stored jieba boundaries), then a score from match count, density and where the
// matches sit (heading or lead phrase), then document level and reading order.
// Every hit is scored, but without building match lists: at ×100 a common term has 40,000
// hits, and only the page shown needs its matches (for snippets), so those are built last.
// Work per clause is bounded whatever its length (issue 16: a 5 MB clause took 80 s): each
// term counts at most QUERY_BUDGET.maxMatchesPerTerm matches, and coverage sorts them once.
import { QUERY_BUDGET } from '../config.js';
import type { IndexedClause } from '../index/search-index.js';
import type { QueryCost } from './budget.js';
import type { ParsedQuery } from './query.js';

export interface Match {
  /** Normalised offsets. */
  from: number;
  to: number;
  /** Index of the term among the query's positive terms. */
  term: number;
  /** Starts and ends on word boundaries, rather than inside a longer word. */
  whole: boolean;
}

export interface RankedHit {
  entry: IndexedClause;
  /** Number of query groups with at least one whole-word match. */
  wholeGroups: number;
  score: number;
  matches: Match[];
}

export const WEIGHTS = {
  whole: 2,
  inWord: 1,
  /** Multiplier for a match inside a heading or the lead phrase. */
  prominent: 2,
  density: 4,
} as const;

/** The first `cap` non-overlapping occurrences of `term`, left to right. */
function occurrences(text: string, term: string, cap: number): number[] {
  const found: number[] = [];
  if (term === '') return found;
  for (let at = text.indexOf(term); at >= 0 && found.length < cap; at = text.indexOf(term, at + term.length)) found.push(at);
  return found;
}

/** Every positive term's matches (at most `cap` per term, as scoring counts them), by start, longer first. */
export function matchesOf(entry: IndexedClause, query: ParsedQuery, cap: number = QUERY_BUDGET.maxMatchesPerTerm): Match[] {
  const matches: Match[] = [];
  let t = 0;
  for (const group of query.groups) {
    for (const term of group) {
      for (const from of occurrences(entry.text, term.text, cap)) {
        const to = from + term.text.length;
        matches.push({ from, to, term: t, whole: entry.boundary[from] === 1 && entry.boundary[to] === 1 });
      }
      t++;
    }
  }
  return matches.sort((a, b) => a.from - b.from || b.to - a.to);
}

/** A query's positive terms flattened, with the AND group each belongs to. */
export interface Plan {
  terms: string[];
  groupOf: number[];
  groups: number;
  /** Matches of one term counted in one clause. */
  cap: number;
}

export function planOf(query: ParsedQuery, cap: number = QUERY_BUDGET.maxMatchesPerTerm): Plan {
  return { terms: query.groups.flatMap((g) => g.map((t) => t.text)), groupOf: query.groups.flatMap((g, i) => g.map(() => i)), groups: query.groups.length, cap };
}

/** Scratch space reused across calls: scoring runs synchronously, one clause at a time. */
const scratch = { weights: new Float64Array(32), whole: new Uint8Array(32), from: new Int32Array(256), to: new Int32Array(256), keys: new Float64Array(256) };

function ensureGroups(groups: number): void {
  if (groups <= scratch.weights.length) return;
  scratch.weights = new Float64Array(groups * 2);
  scratch.whole = new Uint8Array(groups * 2);
}

/** Doubles the match offset buffers, keeping what they hold. */
function growMatches(): void {
  const from = new Int32Array(scratch.from.length * 2);
  const to = new Int32Array(scratch.to.length * 2);
  from.set(scratch.from);
  to.set(scratch.to);
  scratch.from = from;
  scratch.to = to;
}

/**
 * Score: per group log2(1 + Σ weights of its matches), summed in group order, plus density
 * (share of the normalised text covered by matches, each character once when OR terms overlap).
 * Each term counts its first `plan.cap` matches; `cost`, when given, is told how many were scored.
 */
export function scoreHit(entry: IndexedClause, plan: Plan, cost?: QueryCost): { wholeGroups: number; score: number } {
  ensureGroups(plan.groups);
  const { weights, whole } = scratch;
  weights.fill(0, 0, plan.groups);
  whole.fill(0, 0, plan.groups);
  const { text, boundary } = entry;
  let count = 0;
  for (let t = 0; t < plan.terms.length; t++) {
    const term = plan.terms[t] as string;
    const group = plan.groupOf[t] as number;
    const last = count + plan.cap;
    for (let from = text.indexOf(term); from >= 0 && count < last; from = text.indexOf(term, from + term.length)) {
      const to = from + term.length;
      const isWhole = boundary[from] === 1 && boundary[to] === 1;
      if (isWhole) whole[group] = 1;
      const prominent = entry.heading || from < entry.leadEnd;
      weights[group] = (weights[group] as number) + (isWhole ? WEIGHTS.whole : WEIGHTS.inWord) * (prominent ? WEIGHTS.prominent : 1);
      if (count === scratch.from.length) growMatches();
      scratch.from[count] = from;
      scratch.to[count] = to;
      count++;
    }
  }
  cost?.rank(count);
  let score = 0;
  let wholeGroups = 0;
  for (let g = 0; g < plan.groups; g++) {
    score += Math.log2(1 + (weights[g] as number));
    wholeGroups += whole[g] as number;
  }
  score += (WEIGHTS.density * covered(count, plan.terms.length > 1)) / Math.max(text.length, 1);
  return { wholeGroups, score };
}

/** Up to this many intervals are sorted by insertion: a clause usually holds a handful. */
const INSERTION_MAX = 16;

/** Characters covered by the first `count` scratch intervals. */
function covered(count: number, mayOverlap: boolean): number {
  const { from, to } = scratch;
  if (!mayOverlap) {
    // One term's non-overlapping occurrences.
    let sum = 0;
    for (let i = 0; i < count; i++) sum += (to[i] as number) - (from[i] as number);
    return sum;
  }
  return count <= INSERTION_MAX ? sweepInsertionSorted(count) : sweepKeySorted(count);
}

/** Coverage after an insertion sort by start (longer first on ties), in place. */
function sweepInsertionSorted(count: number): number {
  const { from, to } = scratch;
  for (let i = 1; i < count; i++) {
    const f = from[i] as number;
    const e = to[i] as number;
    let j = i - 1;
    while (j >= 0 && ((from[j] as number) > f || ((from[j] as number) === f && (to[j] as number) < e))) {
      from[j + 1] = from[j] as number;
      to[j + 1] = to[j] as number;
      j--;
    }
    from[j + 1] = f;
    to[j + 1] = e;
  }
  let sum = 0;
  let reach = 0;
  for (let i = 0; i < count; i++) {
    sum += Math.max(0, (to[i] as number) - Math.max(from[i] as number, reach));
    reach = Math.max(reach, to[i] as number);
  }
  return sum;
}

/**
 * Coverage with one native sort of packed keys (start × count + position, exact in a double):
 * n log n where insertion sort was quadratic. The order of equal starts does not change the
 * covered length, so the position only makes keys unique.
 */
function sweepKeySorted(count: number): number {
  const { from, to } = scratch;
  if (scratch.keys.length < count) scratch.keys = new Float64Array(scratch.from.length);
  const keys = scratch.keys.subarray(0, count);
  for (let i = 0; i < count; i++) keys[i] = (from[i] as number) * count + i;
  keys.sort();
  let sum = 0;
  let reach = 0;
  for (let k = 0; k < count; k++) {
    const i = (keys[k] as number) % count;
    sum += Math.max(0, (to[i] as number) - Math.max(from[i] as number, reach));
    reach = Math.max(reach, to[i] as number);
  }
  return sum;
}

/**
 * The best `take` hits in rank order (all of them when take ≥ numbers.length), with their
 * matches. `numbers` are entry numbers in ascending order, so the number breaks ties by level
 * (entries are stored national → province → city → county) and then reading order.
 */
export function rankHits(options: { entries: IndexedClause[]; numbers: readonly number[]; query: ParsedQuery; take?: number; cost?: QueryCost }): RankedHit[] {
  const { entries, numbers, query, cost } = options;
  if (options.take === 0) return [];
  const cap = cost?.budget.maxMatchesPerTerm ?? QUERY_BUDGET.maxMatchesPerTerm;
  const plan = planOf(query, cap);
  const whole = new Uint8Array(numbers.length);
  const scores = new Float64Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    const s = scoreHit(entries[numbers[i] as number] as IndexedClause, plan, cost);
    whole[i] = s.wholeGroups;
    scores[i] = s.score;
  }
  // i before j: more whole groups, then higher score, then lower entry number.
  const before = (i: number, j: number) => (whole[i] !== whole[j] ? (whole[i] as number) > (whole[j] as number) : scores[i] !== scores[j] ? (scores[i] as number) > (scores[j] as number) : (numbers[i] as number) < (numbers[j] as number));
  const take = Math.min(options.take ?? numbers.length, numbers.length);
  return bestFirst(numbers.length, take, before).map((i) => {
    const entry = entries[numbers[i] as number] as IndexedClause;
    return { entry, wholeGroups: whole[i] as number, score: scores[i] as number, matches: matchesOf(entry, query, cap) };
  });
}

/** Positions 0..count-1, the best `take` of them in order: a bounded heap when take is small. */
function bestFirst(count: number, take: number, before: (i: number, j: number) => boolean): number[] {
  const compare = (i: number, j: number) => (before(i, j) ? -1 : before(j, i) ? 1 : 0);
  if (take * 4 >= count)
    return Array.from({ length: count }, (_, i) => i)
      .sort(compare)
      .slice(0, take);
  // Max-heap on "worst kept first": the root is the weakest of the best `take` so far.
  const heap: number[] = [];
  const worse = (i: number, j: number) => before(j, i);
  const up = (k: number) => {
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!worse(heap[k] as number, heap[parent] as number)) break;
      [heap[k], heap[parent]] = [heap[parent] as number, heap[k] as number];
      k = parent;
    }
  };
  const down = (k: number) => {
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let m = k;
      if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r;
      if (m === k) return;
      [heap[k], heap[m]] = [heap[m] as number, heap[k] as number];
      k = m;
    }
  };
  for (let i = 0; i < count; i++) {
    if (heap.length < take) {
      heap.push(i);
      up(heap.length - 1);
    } else if (take > 0 && before(i, heap[0] as number)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(compare);
}
