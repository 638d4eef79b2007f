// Ranking verified hits. Order of precedence: how many query groups match as whole words
// (by the stored jieba boundaries), then a score from match count, density and where the
// matches sit (heading or lead phrase), then document level and reading order.
// Every hit is scored, but without building match lists: at ×100 a common term has 40,000
// hits, and only the page shown needs its matches (for snippets), so those are built last.
// Work per clause is bounded whatever its length (issue 16: a 5 MB clause took 80 s): each
// term counts at most QUERY_BUDGET.maxMatchesPerTerm matches, and coverage sorts them once.
import { QUERY_BUDGET } from '../config.js';
import { CLASSES } from '../index/features.js';
import type { IndexedClause } from '../index/search-index.js';
import type { QueryCost } from './budget.js';
import { positionsOf, scratchArray } from './scratch.js';
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
/** A term's clauses (ascending) and the class counts of its occurrences in each (features.ts). */
export type TermClasses = (term: string) => { list: ArrayLike<number>; counts: Int32Array } | undefined;

export function rankHits(options: { entries: IndexedClause[]; numbers: ArrayLike<number>; query: ParsedQuery; take?: number; cost?: QueryCost; termClasses?: TermClasses }): RankedHit[] {
  const { entries, numbers, query, cost } = options;
  if (options.take === 0) return [];
  const cap = cost?.budget.maxMatchesPerTerm ?? QUERY_BUDGET.maxMatchesPerTerm;
  const plan = planOf(query, cap);
  const whole = scratchArray('rank.whole', 'u8', numbers.length);
  const scores = scratchArray('rank.scores', 'f64', numbers.length);
  const take = Math.min(options.take ?? numbers.length, numbers.length);
  const lists = options.termClasses ? termData(plan, options.termClasses) : null;
  const overlapping = mayOverlap(plan.terms);
  // Terms whose occurrences may overlap: the class counts give the whole-word groups exactly and
  // an upper bound of the score (overlaps counted twice), so only hits that can still reach the
  // page are scored on their text.
  if (lists && overlapping && take * 4 < numbers.length) return boundedTop({ entries, numbers, query, plan, take, cost, fromClasses: classScores({ entries, numbers, plan, lists }) });
  const fromClasses = lists && !overlapping ? classScores({ entries, numbers, plan, lists, cost }) : null;
  for (let i = 0; i < numbers.length; i++) {
    if (fromClasses && fromClasses.over[i] === 0) {
      whole[i] = fromClasses.whole[i] as number;
      scores[i] = fromClasses.scores[i] as number;
    } else {
      const s = scoreHit(entries[numbers[i] as number] as IndexedClause, plan, cost);
      whole[i] = s.wholeGroups;
      scores[i] = s.score;
    }
  }
  // i before j: more whole groups, then higher score, then lower entry number.
  const before = (i: number, j: number) => (whole[i] !== whole[j] ? (whole[i] as number) > (whole[j] as number) : scores[i] !== scores[j] ? (scores[i] as number) > (scores[j] as number) : (numbers[i] as number) < (numbers[j] as number));
  return bestFirst(numbers.length, take, before).map((i) => hitAt({ entry: entries[numbers[i] as number] as IndexedClause, wholeGroups: whole[i] as number, score: scores[i] as number, query, cap }));
}

function hitAt(options: { entry: IndexedClause; wholeGroups: number; score: number; query: ParsedQuery; cap: number }): RankedHit {
  return { entry: options.entry, wholeGroups: options.wholeGroups, score: options.score, matches: matchesOf(options.entry, options.query, options.cap) };
}

/**
 * Top `take` when scores are known only as upper bounds: hits in order of (whole groups, bound),
 * each scored on its text, until the next bound cannot beat the last hit kept. A bound never
 * under-states a score, so the result is the exact top of the full sort.
 */
function boundedTop(options: { entries: IndexedClause[]; numbers: ArrayLike<number>; query: ParsedQuery; plan: Plan; take: number; cost?: QueryCost; fromClasses: ClassScores }): RankedHit[] {
  const { entries, numbers, plan, take } = options;
  const { whole, scores: bound, over } = options.fromClasses;
  const exact: { i: number; wholeGroups: number; score: number }[] = [];
  const order = new Int32Array(numbers.length);
  let bounded = 0;
  for (let i = 0; i < numbers.length; i++) {
    // Hits past the cap have no bound: they are scored on their text straight away.
    if (over[i] === 1) exact.push({ i, ...scoreHit(entries[numbers[i] as number] as IndexedClause, plan, options.cost) });
    else order[bounded++] = i;
  }
  // Only the first few in bound order are ever read: a heap yields them without sorting all
  // (sorting 21,000 bounds was 9 of a 20-term OR's 12 ms at ×70).
  const next = inBoundOrder(order.subarray(0, bounded), (a, b) =>
    whole[a] !== whole[b] ? (whole[a] as number) > (whole[b] as number) : bound[a] !== bound[b] ? (bound[a] as number) > (bound[b] as number) : (numbers[a] as number) < (numbers[b] as number),
  );
  const better = (a: { i: number; wholeGroups: number; score: number }, b: { i: number; wholeGroups: number; score: number }) =>
    a.wholeGroups !== b.wholeGroups ? a.wholeGroups > b.wholeGroups : a.score !== b.score ? a.score > b.score : (numbers[a.i] as number) < (numbers[b.i] as number);
  const sortKept = () => exact.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  sortKept();
  for (let i = next(); i >= 0; i = next()) {
    const last = exact.length >= take ? exact[take - 1] : undefined;
    if (last && ((whole[i] as number) < last.wholeGroups || ((whole[i] as number) === last.wholeGroups && (bound[i] as number) < last.score))) break;
    exact.push({ i, ...scoreHit(entries[numbers[i] as number] as IndexedClause, plan, options.cost) });
    if (exact.length >= take) sortKept().length = take;
  }
  return sortKept()
    .slice(0, take)
    .map((h) => hitAt({ entry: entries[numbers[h.i] as number] as IndexedClause, wholeGroups: h.wholeGroups, score: h.score, query: options.query, cap: plan.cap }));
}

/**
 * The items in `before` order, one per call (-1 when none is left): a binary heap built in
 * linear time, each call paying a logarithm, so reading k of n costs n + k log n.
 */
function inBoundOrder(heap: Int32Array, before: (a: number, b: number) => boolean): () => number {
  let size = heap.length;
  const down = (k: number) => {
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let m = k;
      if (l < size && before(heap[l] as number, heap[m] as number)) m = l;
      if (r < size && before(heap[r] as number, heap[m] as number)) m = r;
      if (m === k) return;
      const t = heap[k] as number;
      heap[k] = heap[m] as number;
      heap[m] = t;
      k = m;
    }
  };
  for (let k = (size >> 1) - 1; k >= 0; k--) down(k);
  return () => {
    if (size === 0) return -1;
    const top = heap[0] as number;
    size--;
    if (size > 0) {
      heap[0] = heap[size] as number;
      down(0);
    }
    return top;
  };
}

/**
 * Whether occurrences of two positive terms could overlap in a text (one inside the other, or
 * one's end the other's start): only then is the covered share not the sum of their lengths.
 */
export function mayOverlap(terms: string[]): boolean {
  for (let a = 0; a < terms.length; a++) {
    for (let b = a + 1; b < terms.length; b++) {
      const x = terms[a] as string;
      const y = terms[b] as string;
      if (x.includes(y) || y.includes(x)) return true;
      for (let k = 1; k < Math.min(x.length, y.length); k++) if (x.endsWith(y.slice(0, k)) || y.endsWith(x.slice(0, k))) return true;
    }
  }
  return false;
}

/** Each term's clause list and class counts, walked in step with the ascending hits. */
interface TermData {
  list: ArrayLike<number>;
  counts: Int32Array;
}

function termData(plan: Plan, termClasses: TermClasses): TermData[] | null {
  const data: TermData[] = [];
  for (const term of plan.terms) {
    const known = termClasses(term);
    if (!known || known.counts.length !== known.list.length * CLASSES) return null;
    data.push({ list: known.list, counts: known.counts });
  }
  return data;
}

/** Weight of an occurrence by class (bit 1 whole word, bit 0 prominent), as scoreHit weighs it. */
const CLASS_WEIGHT = [0, 1, 2, 3].map((cls) => ((cls & 2) !== 0 ? WEIGHTS.whole : WEIGHTS.inWord) * ((cls & 1) !== 0 ? WEIGHTS.prominent : 1));

/** Per hit: whole-word groups, score, and whether a term passed the cap there (then not scored). */
interface ClassScores {
  whole: Uint8Array;
  scores: Float64Array;
  over: Uint8Array;
}

/**
 * scoreHit's whole-word groups and score for every hit from the terms' class counts, without
 * reading any text: exact when no two terms can overlap, else an upper bound (overlapping
 * matches counted twice in the covered share). Term by term, each list walked once beside the
 * ascending hits. A hit where a term has more occurrences than the cap is flagged in `over`:
 * which of them count then depends on their order, so it is scored on its text.
 */
function classScores(options: { entries: IndexedClause[]; numbers: ArrayLike<number>; plan: Plan; lists: TermData[]; cost?: QueryCost }): ClassScores {
  const { entries, numbers, plan, lists } = options;
  const count = numbers.length;
  const groups = plan.groups;
  const weights = scratchArray('classes.weights', 'f64', count * groups);
  const wholeBits = scratchArray('classes.wholeBits', 'u8', count * groups);
  const covered = scratchArray('classes.covered', 'f64', count);
  const over = scratchArray('classes.over', 'u8', count);
  // Where each hit is in `numbers`, by clause number. Never cleared: an entry left from an
  // earlier query is caught by checking numbers[hitOf[n]] === n.
  const hitOf = positionsOf(entries.length);
  for (let i = 0; i < count; i++) hitOf[numbers[i] as number] = i;
  let matches = 0;
  for (let t = 0; t < lists.length; t++) {
    const { list, counts } = lists[t] as TermData;
    const group = plan.groupOf[t] as number;
    const length = (plan.terms[t] as string).length;
    // The hits are the term's whole list (a one-term query): position p is hit p. Otherwise
    // each posting finds its hit through `hitOf`, one step per posting, where walking the hits
    // beside every list cost terms × hits (20 × 21,000 for a 20-term OR at ×70).
    const same = list === numbers;
    for (let p = 0; p < list.length; p++) {
      let i = p;
      if (!same) {
        const n = list[p] as number;
        i = hitOf[n] as number;
        if (i >= count || numbers[i] !== n) continue;
      }
      const base = p * CLASSES;
      let occurrences = 0;
      let weight = 0;
      for (let k = 0; k < CLASSES; k++) {
        const c = counts[base + k] as number;
        occurrences += c;
        weight += c * (CLASS_WEIGHT[k] as number);
      }
      if (occurrences > plan.cap) {
        over[i] = 1;
        continue;
      }
      const at = i * groups + group;
      weights[at] = (weights[at] as number) + weight;
      if ((counts[base + 2] as number) + (counts[base + 3] as number) > 0) wholeBits[at] = 1;
      covered[i] = (covered[i] as number) + occurrences * length;
      matches += occurrences;
    }
  }
  options.cost?.rank(matches);
  const whole = scratchArray('classes.whole', 'u8', count);
  const scores = scratchArray('classes.scores', 'f64', count);
  const lengths = textLengths(entries);
  for (let i = 0; i < count; i++) {
    let score = 0;
    let wholeGroups = 0;
    for (let g = 0; g < groups; g++) {
      score += log2OnePlus(weights[i * groups + g] as number);
      wholeGroups += wholeBits[i * groups + g] as number;
    }
    whole[i] = wholeGroups;
    scores[i] = score + (WEIGHTS.density * (covered[i] as number)) / Math.max(lengths[numbers[i] as number] as number, 1);
  }
  return { whole, scores, over };
}

/**
 * Each entry's text length, computed once per entries array: reading it through every hit's
 * object was half of ranking a common character at ×70.
 */
const lengthsOf = new WeakMap<readonly IndexedClause[], Int32Array>();
function textLengths(entries: readonly IndexedClause[]): Int32Array {
  let lengths = lengthsOf.get(entries);
  if (!lengths || lengths.length !== entries.length) {
    lengths = Int32Array.from(entries, (e) => e.text.length);
    lengthsOf.set(entries, lengths);
  }
  return lengths;
}

/** log2(1 + w) for the small whole weights that class counts give, from a table. */
const LOG2_TABLE = Float64Array.from({ length: 1024 }, (_, w) => Math.log2(1 + w));
function log2OnePlus(w: number): number {
  return w < LOG2_TABLE.length && Number.isInteger(w) ? (LOG2_TABLE[w] as number) : Math.log2(1 + w);
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
