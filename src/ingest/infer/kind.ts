// A document's type and status as its title prints them: 实施方案, 规划, 意见…; 征求意见稿,
// 试行, 暂行, 修订. The last type word of the title decides: 关于印发X实施方案的通知 is a 通知
// only when no plan is named (the plan's own title is found first, see parse.ts).

export const DOC_TYPES = ['规划', '实施方案', '行动方案', '工作方案', '方案', '意见', '决定', '通知', '办法', '条例', '细则', '指南', '计划', '导则', '措施', '纲要', '公告'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** The type word the title ends on (before a bracketed year or status). */
export function docType(title: string): DocType | null {
  const core = title
    .normalize('NFKC')
    .replace(/[(（][^()（）]*[)）]\s*$/u, '')
    .replace(/[(（][^()（）]*[)）]\s*$/u, '')
    .trim();
  let best: DocType | null = null;
  let bestEnd = -1;
  for (const t of DOC_TYPES) {
    const at = core.lastIndexOf(t);
    const end = at + t.length;
    // The word that ends latest; of two ending together (方案, 实施方案) the longer.
    if (at >= 0 && end >= core.length - 2 && (end > bestEnd || (end === bestEnd && t.length > (best?.length ?? 0)))) {
      best = t;
      bestEnd = end;
    }
  }
  return best;
}

const STATUSES: Array<[RegExp, string]> = [
  [/征求意见稿|送审稿|草案/u, '征求意见稿'],
  [/修订版|修订稿|[(（]修订[)）]/u, '修订版'],
  [/试行/u, '试行'],
  [/暂行/u, '暂行'],
];

/** The status a title prints, or null. 已废止 is read from the text, not the title. */
export function docStatus(title: string, text = ''): string | null {
  if (/(?:本|此)(?:文件|通知|办法|方案)?已(?:废止|失效)|宣布失效/u.test(text)) return '已废止';
  return STATUSES.find(([re]) => re.test(title))?.[1] ?? null;
}
