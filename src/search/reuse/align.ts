// The exact check behind a sketch's guess: a character alignment of a clause with its candidate
// counterpart (the longest common subsequence), giving how much they share; the runs the clause
// added; and the display diff the clause page shows (Myers' diff, one pair a page).
import { diffChars } from 'diff';

export interface Alignment {
  /** 2 × common characters / both lengths: 1 for identical texts. */
  similarity: number;
  /** Common characters / the counterpart's length: how much of the parent's wording the clause keeps. */
  containment: number;
}

export interface DiffPart {
  text: string;
  op: 'same' | 'added' | 'removed';
}

/** Past this many cells the two texts are not aligned (two clauses of some 2,000 characters each). */
const MAX_CELLS = 4_000_000;

/** The length of the longest common subsequence: dynamic programming over two rows. */
export function lcsLength(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let prev = new Uint16Array(short.length + 1);
  let row = new Uint16Array(short.length + 1);
  for (let i = 0; i < long.length; i++) {
    const c = long.charCodeAt(i);
    for (let j = 0; j < short.length; j++) {
      row[j + 1] = short.charCodeAt(j) === c ? (prev[j] as number) + 1 : Math.max(prev[j + 1] as number, row[j] as number);
    }
    [prev, row] = [row, prev];
  }
  return prev[short.length] as number;
}

/** 2 × common characters / both lengths: 1 for identical texts (two empty ones included). */
export function similarity(a: string, b: string): number {
  return a.length + b.length ? (2 * lcsLength(a, b)) / (a.length + b.length) : 1;
}

/** Aligns a clause's content with its counterpart's; null when they are too long to align. */
export function align(clause: string, counterpart: string): Alignment | null {
  if (clause.length * counterpart.length > MAX_CELLS) return null;
  const common = lcsLength(clause, counterpart);
  const total = clause.length + counterpart.length;
  return { similarity: total ? (2 * common) / total : 1, containment: counterpart.length ? common / counterpart.length : 0 };
}

/** Past this many cells the additions are not traced (the table is kept whole for the walk back). */
const MAX_TRACE_CELLS = 1_500_000;

/**
 * The runs of characters the clause adds to its counterpart, in text order: the characters off
 * one longest common subsequence, found by walking back the full table. Myers' diff gives the
 * same for close texts but slows to seconds on the dissimilar pairs a whole library holds.
 */
export function additions(clause: string, counterpart: string): string[] {
  const [n, m] = [clause.length, counterpart.length];
  if (n * m > MAX_TRACE_CELLS) return [];
  const w = m + 1;
  const table = new Uint16Array((n + 1) * w);
  for (let i = 1; i <= n; i++) {
    const c = clause.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      table[i * w + j] = c === counterpart.charCodeAt(j - 1) ? (table[(i - 1) * w + j - 1] as number) + 1 : Math.max(table[(i - 1) * w + j] as number, table[i * w + j - 1] as number);
    }
  }
  const added: boolean[] = new Array<boolean>(n).fill(false);
  let [i, j] = [n, m];
  while (i > 0) {
    if (j > 0 && clause.charCodeAt(i - 1) === counterpart.charCodeAt(j - 1)) {
      i--;
      j--;
    } else if (j > 0 && (table[i * w + j - 1] as number) >= (table[(i - 1) * w + j] as number)) j--;
    else added[--i] = true;
  }
  const runs: string[] = [];
  let run = '';
  for (let k = 0; k < n; k++) {
    if (added[k]) run += clause[k];
    else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

/** The clause's display text against its counterpart's, character by character, for the page. */
export function diffParts(clause: string, counterpart: string): DiffPart[] {
  return diffChars(counterpart, clause).map((p) => ({ text: p.value, op: p.added ? 'added' : p.removed ? 'removed' : 'same' }));
}
