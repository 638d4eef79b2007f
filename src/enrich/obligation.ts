// How binding a clause or a target is, read from the text's own modal words, in ordered grades:
// 约束性 (确保, 必须, 严禁, 不得, 约束性指标) > 力争 (力争, 争取) > 引导性 (鼓励, 支持, 引导, 推动)
// > 探索性 (探索, 研究, 试点). A table's 属性 column says 约束性 or 预期性 (read as 引导性) outright. A word counts only where it governs a verb: 支持政策, 研究院,
// 试点城市 and 给予支持 are nouns, and 争取资金 asks for money rather than striving for a result.

export const OBLIGATION_GRADES = ['binding', 'strive', 'guiding', 'exploratory'] as const;
export type ObligationGrade = (typeof OBLIGATION_GRADES)[number];

export const OBLIGATION_LABELS: Record<ObligationGrade, string> = { binding: '约束性', strive: '力争', guiding: '引导性', exploratory: '探索性' };

/** The facet value of a clause no modal word grades. */
export const NO_OBLIGATION = 'none';
export const NO_OBLIGATION_LABEL = '未标明';
/** The grades and none, strongest first: the values of the obligation filter and facet. */
export const OBLIGATION_VALUES: readonly string[] = [...OBLIGATION_GRADES, NO_OBLIGATION];

/** A grade's or none's Chinese label. */
export const obligationLabel = (value: string) => OBLIGATION_LABELS[value as ObligationGrade] ?? NO_OBLIGATION_LABEL;

export interface Obligation {
  grade: ObligationGrade;
  /** The modal word as printed. */
  word: string;
  /** Its offset in the text. */
  start: number;
}

interface ModalWord {
  word: string;
  grade: ObligationGrade;
  /** What may not follow for the word to govern a verb (it is then part of a noun, or takes a noun object). */
  notBefore?: RegExp;
  /** What may not precede it (给予支持: 支持 is the object). */
  notAfter?: RegExp;
  /** What must follow, for words that are mostly nouns (研究 governs only 研究制定, 研究建立…). */
  before?: RegExp;
}

const NOUN_TAIL = /^(?:力度|政策|资金|基金|体系|机制|机构|院|所|中心|成果|基地|名单|单位|作用|类|性|力|对象|范围|方向|领域|重点)/u;
// 给予支持 (an object); 提升推动…的能力 (推动 inside the object of 提升).
// 资金和支持 joins nouns; 鼓励和支持 joins two verbs, and both govern.
const OBJECT_OF = /(?:给予|提供|加大|争取|获得|寻求|得到|提升|增强|提高|的|(?<!鼓励|支持|引导|推动|倡导)[和与及]|政策|资金|金融|财政|技术|人才)$/u;

const MODAL_WORDS: ModalWord[] = [
  { word: '确保', grade: 'binding' },
  { word: '必须', grade: 'binding' },
  { word: '务必', grade: 'binding' },
  { word: '严禁', grade: 'binding' },
  { word: '禁止', grade: 'binding', notBefore: /^(?:类|性)/u },
  { word: '不得', grade: 'binding' },
  { word: '不准', grade: 'binding' },
  // A table's 属性 column: 约束性 or 预期性 standing alone (or before 指标).
  { word: '约束性', grade: 'binding', before: /^(?:\s|$|指标|[）)，。；])/u },
  { word: '预期性', grade: 'guiding', before: /^(?:\s|$|指标|[）)，。；])/u },
  { word: '力争', grade: 'strive' },
  { word: '力求', grade: 'strive' },
  // 争取中央资金支持 applies for money; 争取到2025年 strives for a result.
  { word: '争取', grade: 'strive', notBefore: /^(?:国家|中央|上级|省级|省|更多|[^，。；、]{0,6}(?:资金|支持|政策|项目|纳入|列入|补助|补贴))/u },
  { word: '鼓励', grade: 'guiding', notBefore: NOUN_TAIL, notAfter: OBJECT_OF },
  { word: '支持', grade: 'guiding', notBefore: NOUN_TAIL, notAfter: OBJECT_OF },
  { word: '引导', grade: 'guiding', notBefore: NOUN_TAIL, notAfter: OBJECT_OF },
  { word: '推动', grade: 'guiding', notBefore: NOUN_TAIL, notAfter: OBJECT_OF },
  { word: '倡导', grade: 'guiding', notBefore: NOUN_TAIL },
  { word: '探索', grade: 'exploratory', notBefore: /^性/u },
  { word: '研究', grade: 'exploratory', before: /^(?:制定|建立|出台|设立|编制|提出|探索|推进|推动|实施|开展|论证|完善|构建|运用|采用|利用|开发|布局|解决|将|把|适时|谋划)/u },
  // 开展试点, 先行试点, 试点示范 are trials; 试点城市, 试点工作 and a 试点's name are nouns.
  { word: '试点', grade: 'exploratory', notBefore: /^(?:城市|园区|县|区|市|省|地区|项目|单位|企业|工作|经验|名单|建设|范围|[（(])/u },
  { word: '先行先试', grade: 'exploratory' },
];

const GRADE_RANK: Record<ObligationGrade, number> = { binding: 0, strive: 1, guiding: 2, exploratory: 3 };

const ANY_WORD = new RegExp(
  [...MODAL_WORDS]
    .sort((a, b) => b.word.length - a.word.length)
    .map((w) => w.word)
    .join('|'),
  'gu',
);
const BY_WORD = new Map(MODAL_WORDS.map((w) => [w.word, w]));

function governs(w: ModalWord, text: string, at: number): boolean {
  const after = text.slice(at + w.word.length, at + w.word.length + 12);
  const before = text.slice(Math.max(0, at - 6), at);
  if (w.notBefore?.test(after)) return false;
  if (w.notAfter?.test(before)) return false;
  if (w.before && !w.before.test(after)) return false;
  // Inside a quoted name (《…试点…方案》) the word is part of a title.
  const open = text.lastIndexOf('《', at);
  return open === -1 || text.indexOf('》', open) < at;
}

/** The modal words of a text that govern a verb, in text order. */
export function modalWords(text: string): Obligation[] {
  const out: Obligation[] = [];
  for (const m of text.matchAll(ANY_WORD)) {
    const w = BY_WORD.get(m[0]) as ModalWord;
    if (governs(w, text, m.index)) out.push({ grade: w.grade, word: m[0], start: m.index });
  }
  return out;
}

/** The strongest of some modal words; null when there are none. */
export function strongest(words: Obligation[]): Obligation | null {
  let best: Obligation | null = null;
  for (const w of words) if (!best || GRADE_RANK[w.grade] < GRADE_RANK[best.grade]) best = w;
  return best;
}

/** A clause's grade: the strongest word that governs one of its verbs; null when it uses none. */
export function obligationOf(text: string): Obligation | null {
  return strongest(modalWords(text));
}

/**
 * The grade of a figure at `at` (a target): the strongest modal word of its sentence before it,
 * taking only the words since the last comma that follows a figure, so that in
 * 下降14%，力争下降15% the 14% is unmarked and the 15% is 力争; null when none governs it.
 */
export function obligationAt(text: string, at: number): Obligation | null {
  const sentenceStart = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1)) + 1;
  let from = sentenceStart;
  const head = text.slice(sentenceStart, at);
  // A comma after an earlier figure (not a year: 到2025年，… governs what follows) closes that figure's target.
  for (const m of head.matchAll(/(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*年)/gu)) {
    const comma = head.slice(m.index).search(/[，,、]/u);
    if (comma !== -1) from = Math.max(from, sentenceStart + m.index + comma + 1);
  }
  return strongest(modalWords(text.slice(0, at)).filter((w) => w.start >= from));
}

/**
 * A target's grade: a table's 属性 column says it outright (预期性 read as 引导性); in prose, the
 * modal words of the figure's own part of the sentence; 力争 where the extractor saw the figure
 * aspired to; null where nothing says.
 */
export function targetObligation(t: { attribute: string | null; aspirational: boolean; span: [number, number] }, clauseText: string): ObligationGrade | null {
  if (t.attribute === '约束性') return 'binding';
  if (t.attribute === '预期性') return 'guiding';
  return obligationAt(clauseText, t.span[0])?.grade ?? (t.aspirational ? 'strive' : null);
}

/** Compare grades: negative when a is the more binding. */
export const compareGrades = (a: ObligationGrade, b: ObligationGrade) => GRADE_RANK[a] - GRADE_RANK[b];
