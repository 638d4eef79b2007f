// What a printed page carries besides the document: page numbers ("— 3 —", "-3-", "第3页",
// a bare number at the foot), running headers, and contents pages (目录 with leader dots and
// page numbers). Shared by the PDF layout and the plain-text path, which see the same shapes.

const DASH = '[-－—–‐_·•\\s]*';
const PAGE_NUMBER = new RegExp(`^${DASH}(?:第\\s*)?[0-9０-９]{1,4}(?:\\s*页)?(?:\\s*[/／共]\\s*[0-9０-９]{1,4}\\s*页?)?${DASH}$|^${DASH}[ivxlcIVXLC]{1,6}${DASH}$`, 'u');

/** "— 3 —", "-3-", "第3页", "第 3 页 共 10 页", "3/10", "iv": a line that is only a page number. */
export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return t !== '' && t.length <= 24 && PAGE_NUMBER.test(t);
}

/** A running header's identity across pages: digits and spaces do not count. */
export function runningKey(text: string): string {
  return text.replace(/[\s0-9０-９]+/gu, '');
}

const CONTENTS_HEADING = /^(目\s*录|目\s*次)$/u;

export function isContentsHeading(text: string): boolean {
  return CONTENTS_HEADING.test(text.trim());
}

/** Leader dots or an ellipsis run, then a page number, at the end of the line. */
const LEADER_ENTRY = /(?:[.．·…‥⋯_-]\s*){3,}\s*[(（\-－—–]?\s*[0-9０-９]{1,3}\s*[)）\-－—–]?\s*$/u;
/** A long leader run whose page number was printed apart (or not at all). */
const LONG_LEADER = /(?:[.．·…‥⋯]\s*){6,}$/u;
/** No leader, but a heading-shaped line ending in a page number after a gap: 第一章 总则 3. */
const PLAIN_ENTRY = /^(?:第[一二三四五六七八九十百]+[章节篇部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|附件|前\s*言|附\s*录|专栏)[^。；]{0,60}?\s+[0-9０-９]{1,3}\s*$/u;

/** One line of a contents page: a heading followed by its page number. */
export function isContentsEntry(text: string): boolean {
  const t = text.trim();
  if (LEADER_ENTRY.test(t) || LONG_LEADER.test(t)) return /\p{Script=Han}/u.test(t);
  return PLAIN_ENTRY.test(t);
}

export interface ContentsRun {
  /** Index of the first line of the run (the 目录 heading where there is one). */
  start: number;
  /** Index after the last entry. */
  end: number;
}

const MIN_RUN_WITHOUT_HEADING = 3;
/** Wrapped entry lines between two entries, at most this many in a row. */
const MAX_WRAPPED = 2;

/**
 * Runs of contents lines in a sequence of lines: a 目录 heading followed by entries, or three
 * or more entries in a row. A long entry wraps, so up to two non-entry lines between entries
 * belong to the run.
 */
export function findContentsRuns(lines: readonly string[]): ContentsRun[] {
  const runs: ContentsRun[] = [];
  let i = 0;
  while (i < lines.length) {
    const heading = isContentsHeading(lines[i] ?? '');
    // Without a 目录 heading a run starts at an entry: the lines before it are not the contents'.
    if (!heading && !isContentsEntry(lines[i] ?? '')) {
      i++;
      continue;
    }
    const first = heading ? i + 1 : i;
    const end = heading ? Math.max(runEnd(lines, first), headingsEnd(lines, first)) : runEnd(lines, first);
    const entries = heading ? end - first : countEntries(lines, first, end);
    if ((heading && entries >= 1) || entries >= MIN_RUN_WITHOUT_HEADING) {
      runs.push({ start: i, end });
      i = end;
    } else {
      i++;
    }
  }
  return runs;
}

function runEnd(lines: readonly string[], from: number): number {
  let end = from;
  let wrapped = 0;
  for (let j = from; j < lines.length; j++) {
    if (isContentsEntry(lines[j] ?? '')) {
      end = j + 1;
      wrapped = 0;
    } else if (++wrapped > MAX_WRAPPED || endsSentence(lines[j] ?? '')) {
      break;
    }
  }
  return end;
}

const HEADING_SHAPED = /^(?:第[一二三四五六七八九十百]+[章节篇部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|附件|附\s*录|前\s*言|专栏|结\s*语)/u;

/**
 * A contents page printed without page numbers: after 目录, a run of numbered headings with no
 * sentence in them. It ends where the body starts, which repeats the first entry.
 */
function headingsEnd(lines: readonly string[], from: number): number {
  const first = entryKey(lines[from] ?? '');
  let end = from;
  for (let j = from; j < lines.length; j++) {
    const text = (lines[j] ?? '').trim();
    if (j > from && entryKey(text) === first) break;
    if (!(isContentsEntry(text) || (HEADING_SHAPED.test(text) && [...text].length <= 60 && !/[。；]/u.test(text)))) break;
    end = j + 1;
  }
  return end;
}

/** An entry's heading without its leaders and page number, spaces removed. */
export function entryKey(text: string): string {
  return text.replace(/(?:[.．·…‥⋯_-]\s*)*\s*[0-9０-９]*\s*$/u, '').replace(/\s+/gu, '');
}

function countEntries(lines: readonly string[], from: number, end: number): number {
  let n = 0;
  for (let j = from; j < end; j++) if (isContentsEntry(lines[j] ?? '')) n++;
  return n;
}

function endsSentence(text: string): boolean {
  return /[。；！？]$/u.test(text.trim());
}
