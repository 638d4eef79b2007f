// Where a page's text block sits: its left and right margins and the type size of the body,
// measured from the lines themselves, so that indentation and short lines can be read.
import { dominantSize, type Line } from './lines.js';

export interface PageFrame {
  left: number;
  right: number;
}

export interface Geometry {
  bodySize: number;
  /** Typical distance between the baselines of two body lines. */
  pitch: number;
  frames: Map<number, PageFrame>;
}

/** Values within this many points fall into one cluster. */
const CLUSTER = 3;

export function measure(linesByPage: Line[][]): Geometry {
  const all = linesByPage.flat();
  const bodySize = dominantSize(all.map((l) => [l.size, [...l.text].length]));
  const body = (l: Line) => Math.abs(l.size - bodySize) <= bodySize * 0.12;
  const docFrame = frameOf(all.filter(body), null);
  const frames = new Map<number, PageFrame>();
  for (const lines of linesByPage) {
    const page = lines[0]?.page;
    if (page !== undefined) frames.set(page, frameOf(lines.filter(body), docFrame));
  }
  return { bodySize, pitch: pitchOf(linesByPage, body, bodySize), frames };
}

function frameOf(lines: Line[], fallback: PageFrame | null): PageFrame {
  const single = lines.filter((l) => l.segments.length === 1);
  const left = smallestRepeated(single.map((l) => l.x0));
  const right = largestRepeated(single.map((l) => l.x1));
  const frame = {
    left: left ?? fallback?.left ?? Math.min(...lines.map((l) => l.x0), Infinity),
    right: right ?? fallback?.right ?? Math.max(...lines.map((l) => l.x1), 0),
  };
  // A short page (mostly first lines of paragraphs) repeats its indent more often than its
  // margin: where one of its lines stands at the document's margin, that is the margin. (Not
  // so on the right: scanned text ends anywhere within a character of it.)
  if (fallback && fallback.left < frame.left - CLUSTER && single.some((l) => Math.abs(l.x0 - fallback.left) <= CLUSTER)) frame.left = fallback.left;
  return frame;
}

/** The smallest value that at least two lines share (within CLUSTER points). */
function smallestRepeated(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  for (let i = 0; i + 1 < sorted.length; i++) {
    if ((sorted[i + 1] as number) - (sorted[i] as number) <= CLUSTER) return sorted[i] as number;
  }
  return null;
}

function largestRepeated(values: number[]): number | null {
  const found = smallestRepeated(values.map((v) => -v));
  return found === null ? null : -found;
}

function pitchOf(linesByPage: Line[][], body: (l: Line) => boolean, bodySize: number): number {
  const gaps: number[] = [];
  for (const lines of linesByPage) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1] as Line;
      const b = lines[i] as Line;
      if (body(a) && body(b)) gaps.push(b.y - a.y);
    }
  }
  gaps.sort((x, y) => x - y);
  // The lower quartile: the spacing inside paragraphs, not the extra space before headings.
  const q = gaps[Math.floor(gaps.length / 4)];
  return q !== undefined && q > bodySize * 0.8 ? q : bodySize * 1.5;
}
