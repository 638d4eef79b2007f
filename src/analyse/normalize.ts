// Search normalisation: width folding (NFKC), traditional → simplified, lower case, one kind of
// bracket, and no whitespace against Chinese text. Every normalised character remembers the span of display
// text it came from, so matches found on normalised text can be highlighted on the original.
import * as OpenCC from 'opencc-js/t2cn';

export interface Normalized {
  /** The normalised text that tokens are cut from and matches are verified on. */
  text: string;
  /** starts[i] / ends[i]: the display span that normalised character i came from. */
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
}

/** 0, 1, 2, …: grown on demand and shared, so identity maps cost a view, not an array. */
let counting = new Int32Array(0);

/**
 * The map of a text that normalisation left character for character in place (most clauses:
 * 92% of the bundled corpus), without normalising it again.
 */
export function identityNormalized(text: string): Normalized {
  if (counting.length < text.length + 1) {
    counting = new Int32Array(Math.max(text.length + 1, counting.length * 2, 4096));
    for (let i = 0; i < counting.length; i++) counting[i] = i;
  }
  return { text, starts: counting.subarray(0, text.length), ends: counting.subarray(1, text.length + 1) };
}

/** Whether normalising `display` kept every character at its own offset. */
export function isIdentity(display: string, norm: Normalized): boolean {
  if (norm.text.length !== display.length) return false;
  for (let i = 0; i < norm.text.length; i++) if (norm.starts[i] !== i || norm.ends[i] !== i + 1) return false;
  return true;
}

/**
 * normalize(), with the maps of a text whose characters all kept their offsets as shared views:
 * what to hold when a whole corpus is normalised at once (plain arrays for it cost ~700 MB at ×100).
 */
export function normalizeCompact(display: string): Normalized {
  const norm = normalize(display);
  return isIdentity(display, norm) ? identityNormalized(norm.text) : norm;
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Brackets fold to ( and ): a 文号 is printed 国发〔2021〕23号, typed 国发[2021]23号 or
 * 国发(2021)23号, and copied as 国发【2021】23号, and each must find the others. NFKC has
 * already made （） and ［］ ASCII. One character for one, so highlights keep their offsets.
 */
const BRACKETS = new Map<string, string>([...'[\u3014\u3010\u3016\u3018\u301a'].map((c): [string, string] => [c, '(']).concat([...']\u3015\u3011\u3017\u3019\u301b'].map((c): [string, string] => [c, ')'])));
const charCache = new Map<string, string>();

/**
 * Character by character, never phrase by phrase: phrase rules depend on context, and a query
 * must normalise exactly like the same characters inside a longer document.
 */
function foldChar(ch: string): string {
  let folded = charCache.get(ch);
  if (folded === undefined) {
    folded = '';
    for (const c of ch.normalize('NFKC')) folded += c.length === 1 && c.charCodeAt(0) < 0x80 ? c : toSimplified(c);
    // Format and control characters go (whitespace among them becomes a space), and so do lone
    // surrogates: decoded documents never hold one, and a query's would otherwise match half of
    // an astral character (literally, not by the index's code-point tokens).
    folded = folded.toLowerCase().replace(/[\p{Cf}\p{Cc}\p{Cs}]/gu, (c) => (/\s/u.test(c) ? ' ' : ''));
    folded = folded.replace(/\s/gu, ' ');
    // Per character: NFKC spells some characters with brackets inside (🉀 is 〔本〕).
    folded = [...folded].map((c) => BRACKETS.get(c) ?? c).join('');
    charCache.set(ch, folded);
  }
  return folded;
}

/** Characters next to which a space is export damage, not a separator. */
const CJK_CONTEXT = /[\p{Script=Han}\u3000-\u303f\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]/u;

function isCjkContext(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CONTEXT.test(ch);
}

export function normalize(display: string): Normalized {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of display) {
    const end = offset + ch.length;
    for (const c of foldChar(ch)) {
      chars.push(c);
      starts.push(offset);
      ends.push(end);
    }
    offset = end;
  }
  return dropSpaces({ chars, starts, ends });
}

/**
 * Collapse space runs, drop them at the ends, next to Chinese text and inside "45 %". The
 * character before a space is remembered, not read back from the text being built: slicing
 * that string flattened it at every space, and a 200,000-character line with spaces took 41 s.
 */
function dropSpaces(input: { chars: string[]; starts: number[]; ends: number[] }): Normalized {
  const { chars } = input;
  let text = '';
  let prev: string | undefined;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === ' ') {
      let j = i;
      while (chars[j + 1] === ' ') j++;
      const next = chars[j + 1];
      const keep = prev !== undefined && next !== undefined && !isCjkContext(prev) && !isCjkContext(next) && !(/[0-9]/u.test(prev) && next === '%');
      if (keep) {
        text += ' ';
        prev = ' ';
        starts.push(input.starts[i] as number);
        ends.push(input.ends[j] as number);
      }
      i = j;
      continue;
    }
    text += c;
    prev = c;
    // One map entry per UTF-16 unit, so offsets from indexOf() index the map directly.
    for (let k = 0; k < c.length; k++) {
      starts.push(input.starts[i] as number);
      ends.push(input.ends[i] as number);
    }
  }
  return { text, starts, ends };
}

/** The display span of normalised range [from, to). */
export function displaySpan(norm: Normalized, from: number, to: number): [number, number] {
  return [norm.starts[from] ?? 0, norm.ends[to - 1] ?? norm.starts[from] ?? 0];
}

/** Normalised text only, for queries and comparisons. */
export function normalizeText(text: string): string {
  return normalize(text).text;
}
