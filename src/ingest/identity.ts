// Clause identity for citation: printed pinpoint labels (三（四）11) and their legal form
// (第三部分第（四）项第11条). Citation strings and GB/T 7714 entries are rendered by the one
// citation model (src/present/citation.ts), never stored at ingest.

export interface LabelPart {
  text: string;
  kind: 'part' | 'item' | 'para' | 'subpara' | 'box' | 'heading' | 'container' | 'suffix';
}

/**
 * 三 + （四） + 11 → 三（四）11. Boxes are numbered through the whole document, so a box's
 * label starts at 专栏N rather than repeating where it sits.
 */
export function labelFor(parts: LabelPart[]): string {
  const boxAt = parts.findLastIndex((p) => p.kind === 'box');
  const used = boxAt === -1 ? parts : parts.slice(boxAt);
  return used.map((p) => (p.kind === 'heading' ? `「${p.text}」` : p.text)).join('');
}

/** One step of a printed label and how Chinese legal citation names it. */
const PINPOINT_STEPS: { pattern: RegExp; cite: (m: RegExpExecArray) => string }[] = [
  // Units already named: 第一篇/章/节/条, 专栏3, 附件1-2, 表2, 第3行, 第1段, 第2项, 「标题」, 前言, 序言, 印发通知, 文首, 注.
  { pattern: /^第[一二三四五六七八九十百零〇两\d]+[篇章节条段行项]/u, cite: (m) => m[0] },
  { pattern: /^(?:专栏|附件|表)[\d-]+/u, cite: (m) => m[0] },
  { pattern: /^「[^」]*」/u, cite: (m) => m[0] },
  { pattern: /^(?:前言|序言|印发通知|文首|注)/u, cite: (m) => m[0] },
  // 一是, 二是: a point within a clause, printed so.
  { pattern: /^[一二三四五六七八九十百零〇两]+是/u, cite: (m) => m[0] },
  // 三 → 第三部分; （四） → 第（四）项; 11 → 第11条; （3） → 第（3）目.
  { pattern: /^[一二三四五六七八九十百零〇两]+/u, cite: (m) => `第${m[0]}部分` },
  { pattern: /^（[一二三四五六七八九十百零〇两]+）/u, cite: (m) => `第${m[0]}项` },
  { pattern: /^\d+/u, cite: (m) => `第${m[0]}条` },
  { pattern: /^（\d+）/u, cite: (m) => `第${m[0]}目` },
];

/**
 * The printed label in the form Chinese legal citation uses: 三（四）11 → 第三部分第（四）项第11条,
 * 二第1段 → 第二部分第1段 (an unnumbered paragraph counted within its numbered parent),
 * 专栏3（一） → 专栏3第（一）项. The short label stays for tight spaces. Anything the steps do
 * not know (a circled ① point) is kept as printed.
 */
function firstStep(rest: string): { match: RegExpExecArray; cite: (m: RegExpExecArray) => string } | null {
  for (const step of PINPOINT_STEPS) {
    const match = step.pattern.exec(rest);
    if (match) return { match, cite: step.cite };
  }
  return null;
}

export function legalPinpoint(label: string): string {
  let out = '';
  for (let rest = label; rest.length > 0;) {
    const step = firstStep(rest);
    if (!step) {
      const [first = ''] = rest;
      out += first;
      rest = rest.slice(first.length);
      continue;
    }
    out += step.cite(step.match);
    rest = rest.slice(step.match[0].length);
  }
  return out;
}

/** （第5页）, or （第5—6页） for a clause that runs over a page break. */
export function pageNote([first, last]: [number, number]): string {
  return first === last ? `（第${first}页）` : `（第${first}—${last}页）`;
}
