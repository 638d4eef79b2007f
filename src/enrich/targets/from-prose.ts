// Targets written as prose: "到2025年，全市非化石能源消费比重达到45%左右", "单位地区生产总值二氧化碳
//排放比2020年下降19%", "分别比2020年降低5%、4%、7%", "力争达到100万辆", "创建1个近零碳园区".
// Read on normalised text (so export spacing and full-width forms do not matter) and mapped
// back to the display text for every label and figure. Only commitments count: a sentence about
// the past (截至2020年, 目前, 已建成) and a number that names (专栏3, GB 50189-2015, a contents
// page number) give none; "“十四五”、“十五五”期间分别新增…" gives one target per period.
import { displaySpan, normalizeText, type Normalized } from '../../analyse/analyzer.js';
import type { Clause } from '../../ingest/types.js';
import type { Bound, Direction, RawTarget, YearSource } from './types.js';
import { labelSpans, readFigure, type Figure } from '../units.js';

export interface ProseInput {
  clause: Clause;
  /** The clause text through the analyzer, computed once per clause by the enrich stage. */
  norm: Normalized;
  /** The year its headings or its document's title give a clause that names none itself. */
  fallback: FallbackYear | null;
  /** Earlier years are achievements (截至2020年…达38%), not targets. */
  minYear: number;
}

export interface FallbackYear {
  year: number;
  source: YearSource;
}

const PERIOD_YEARS: Record<string, number> = { 一: 2010, 二: 2015, 三: 2020, 四: 2025, 五: 2030, 六: 2035 };

/** The last year of a five-year period as plans name it (“十四五” → 2025), or null. */
export function periodYear(word: string): number | null {
  return PERIOD_YEARS[/十([一二三四五六])五/u.exec(word)?.[1] ?? ''] ?? null;
}

const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

/** Verbs that put a level on the figure after them. */
const REACH = [
  '达到',
  '达',
  '提升至',
  '提升到',
  '提高至',
  '提高到',
  '增加至',
  '增加到',
  '增长至',
  '增长到',
  '增至',
  '降至',
  '降到',
  '降低至',
  '降低到',
  '下降至',
  '下降到',
  '减少至',
  '减少到',
  '减至',
  '稳定在',
  '保持在',
  '维持在',
  '控制在',
  '维持',
  '保持',
  '稳定',
  '为',
  '突破',
];
const REDUCE = ['下降', '降低', '减少', '削减', '压减'];
const INCREASE = ['提高', '提升', '增长', '增加'];
/** Words before a figure that bound it. */
const BOUND_WORDS: Record<string, Bound> = {
  不低于: 'min',
  不少于: 'min',
  至少: 'min',
  超过: 'min',
  超: 'min',
  高于: 'min',
  以上: 'min',
  及以上: 'min',
  '≥': 'min',
  '>': 'min',
  '≧': 'min',
  不高于: 'max',
  不超过: 'max',
  低于: 'max',
  以下: 'max',
  及以下: 'max',
  以内: 'max',
  '≤': 'max',
  '<': 'max',
  '≦': 'max',
  约: 'approx',
  近: 'approx',
  左右: 'approx',
  上下: 'approx',
};
/** Qualifiers written before a figure or its verb, kept as written: 不低于, 约, 原则上, 累计 (下降13.5%). */
const PRE_QUALIFIERS = ['不低于', '不少于', '至少', '超过', '超', '高于', '不高于', '不超过', '低于', '约', '近', '原则上', '累计'];
/** Bounds that make a sentence a commitment even without a year (PUE值不高于1.25). */
const STANDING = new Set(['不低于', '不少于', '不高于', '不超过']);
/** Verbs whose object comes after the figure: 创建1个近零碳园区, 建成1000公里自行车骨干网络. */
const ACTIONS = [
  '执行',
  '累计建成',
  '累计创建',
  '新增投产',
  '建成',
  '建设',
  '新建',
  '创建',
  '打造',
  '培育',
  '完成',
  '实施',
  '举办',
  '创作',
  '推广',
  '新增',
  '形成',
  '建立',
  '争创',
  '引进',
  '淘汰',
  '关闭',
  '种植',
  '改造',
  '修复',
  '治理',
  '安装',
  '储备',
];
/** Subjects too bare to name an indicator: the previous target's indicator is meant (力争占比达到6.5%). */
const GENERIC = /^(?:占比|比重|比例|规模|总量|水平|能力|强度)?$/u;
const INDICATOR_END = /(?:率|比重|占比|比例|量|能耗|排放|强度|容量|面积|规模|里程|数|值|度|效率|水平|指数|能力)$/u;

/** 力争, 确保 and 再 can sit between subject and verb (原煤消费量力争控制在…, 森林覆盖率再提高…); aspiration is read separately. */
const FRAMING = ['力争', '确保', '再'];
const TAIL_WORD = new RegExp(`(?:${longestFirst([...REACH, ...REDUCE, ...INCREASE, ...PRE_QUALIFIERS, ...FRAMING, '分别', '占'])})$`, 'u');
const TAIL_BASELINE = /(?:比|较|相比|相对于|相较于?|与)(\d{4})年(?:末|底)?(?:相比)?$/u;
const HEAD_NOISE = [
  /^[、和及与并且]+/u,
  // 6、申报项目总投资…, 1)…, (3)…: a list marker is no part of the indicator.
  /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.)](?!\d)/u,
  /^\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)/u,
  /^分别/u,
  /^(?:力争|确保)?(?:到|至|在)?\d{4}年(?:底|末)?(?:前)?/u,
  /^“?十[一二三四五六]五”?(?:期间|时期|末)?/u,
  /^(?:力争|确保|全市|全县|全省|全区|我市|我县|其中|同时|并|且|努力|要|积极|加快|大力|稳步|有序|持续|进一步|逐步|着力|实现|控制)/u,
  // 结合生态环境分区管控要求控制…: the condition, not the indicator.
  /^结合[^,;。]*?要求/u,
];
const ACTION_END = new RegExp(`(?:${longestFirst(ACTIONS)})$`, 'u');
const DELIMITER = /^(?:$|[,;。:!?、)]|和\d|及\d|与\d)/u;

interface YearMark {
  at: number;
  year: number;
  source: YearSource;
  /** 截至2022年底, 2021年以来: the date of a state reached, not a date due. */
  past: boolean;
}

/** Whether each UTF-16 unit of a text lies inside 《》 (a cited title, whose years date nothing). */
function insideTitles(text: string): ArrayLike<boolean> {
  // Most clauses cite nothing: no array to build.
  if (!text.includes('《')) return { length: text.length };
  const inside: boolean[] = [];
  let d = 0;
  for (const ch of text) {
    if (ch === '《') d++;
    if (ch === '》') d = Math.max(0, d - 1);
    for (let k = 0; k < ch.length; k++) inside.push(d > 0);
  }
  return inside;
}

/** 比2020年, 较“十三五”末, 在“十三五”基础上: a year the figure is measured from, not one it is due by. */
function isBaseline(text: string, at: number, end: number): boolean {
  const before = text.slice(Math.max(0, at - 5), at);
  const after = text.slice(end, end + 8);
  return /(?:比|较|相比|相对于|相较于?|与)“?$/u.test(before) || /^”?(?:末|底|期末)?(?:的)?(?:基础上|水平上)/u.test(after);
}

const YEAR_OR_PERIOD = /(\d{4})年|十([一二三四五六])五/gu;

/** Years a text sets for what follows: 到2025年, 2030年前, 十五五; never 比2020年 (a baseline) or one inside 《》. */
function yearMarks(text: string): YearMark[] {
  const inside = insideTitles(text);
  const marks: YearMark[] = [];
  for (const m of text.matchAll(YEAR_OR_PERIOD)) {
    const at = m.index;
    if (inside[at] || isBaseline(text, at, at + m[0].length)) continue;
    if (m[1] && /\d$/u.test(text.slice(0, at))) continue;
    const year = m[1] ? Number(m[1]) : (PERIOD_YEARS[m[2] as string] as number);
    const past = /(?:截至|截止)(?:到)?“?$/u.test(text.slice(Math.max(0, at - 4), at)) || /^”?(?:底|末)?以来/u.test(text.slice(at + m[0].length));
    marks.push({ at, year, source: m[1] ? 'explicit' : 'period', past });
  }
  return marks;
}

/** Several years named together for a 分别 list: “十四五”、“十五五”期间 / 2025年、2030年 / 2025、2030年. */
interface YearList {
  at: number;
  end: number;
  years: FallbackYear[];
}

const YEAR_LISTS = [/(?<!\d)(?:19|20)\d{2}(?:年(?:底|末)?)?(?:[、和及与](?:19|20)\d{2}(?:年(?:底|末)?)?)*[、和及与](?:19|20)\d{2}年/gu, /“?十[一二三四五六]五”?(?:[、和及与]“?十[一二三四五六]五”?)+/gu];

function yearLists(text: string): YearList[] {
  const inside = insideTitles(text);
  const lists: YearList[] = [];
  for (const re of YEAR_LISTS) {
    for (const m of text.matchAll(re)) {
      if (inside[m.index] || isBaseline(text, m.index, m.index + m[0].length)) continue;
      const years = [...m[0].matchAll(/\d{4}|十[一二三四五六]五/gu)].map((y) => (/^\d/u.test(y[0]) ? { year: Number(y[0]), source: 'explicit' as const } : { year: periodYear(y[0]) as number, source: 'period' as const }));
      lists.push({ at: m.index, end: m.index + m[0].length, years });
    }
  }
  return lists;
}

/** For a clause that names no year: its nearest heading's, else its document title's. */
export function fallbackYear(ancestors: Clause[], docTitle: string): FallbackYear | null {
  for (const heading of [...ancestors].reverse()) {
    const last = yearMarks(normalizeText(heading.title ?? heading.text)).at(-1);
    if (last) return { year: last.year, source: 'heading' };
  }
  const last = yearMarks(normalizeText(docTitle)).at(-1);
  return last ? { year: last.year, source: 'title' } : null;
}

interface Left {
  subject: [number, number];
  verbs: string[];
  quals: string[];
  baselineYear: number | null;
}

/** Splits what stands before a figure into subject, verbs, qualifiers and baseline year. */
function readLeft(text: string, from: number, to: number): Left {
  let end = to;
  const verbs: string[] = [];
  const quals: string[] = [];
  let baselineYear: number | null = null;
  for (;;) {
    const slice = text.slice(from, end);
    const base = TAIL_BASELINE.exec(slice);
    if (base) {
      baselineYear = Number(base[1]);
      end -= base[0].length;
      continue;
    }
    const word = TAIL_WORD.exec(slice)?.[0];
    if (!word) break;
    if (!FRAMING.includes(word)) (PRE_QUALIFIERS.includes(word) ? quals : verbs).unshift(word);
    end -= word.length;
  }
  let start = from;
  for (let changed = true; changed;) {
    changed = false;
    if (text.startsWith('原则上', start) && start + 3 <= end) {
      quals.unshift('原则上');
      start += 3;
      changed = true;
    }
    for (const noise of HEAD_NOISE) {
      const m = noise.exec(text.slice(start, end));
      if (m && m[0].length > 0) {
        start += m[0].length;
        changed = true;
      }
    }
  }
  return { subject: [start, Math.max(start, end)], verbs, quals, baselineYear };
}

interface Found {
  at: number;
  end: number;
  figure: Figure;
}

/**
 * Figures of one segment: a number not glued to letters or digits before it (co2, pm2.5, 5g) and
 * not a label (GB 50189-2015, 专栏3, a contents page number).
 */
function figuresIn(o: { text: string; from: number; to: number; labels: [number, number][] }): Found[] {
  const { text, to } = o;
  const found: Found[] = [];
  for (let i = o.from; i < to; i++) {
    const ch = text[i] as string;
    const symbol = /[≤≥<>≦≧]/u.test(ch);
    if (!symbol && !/\d/u.test(ch)) continue;
    const label = o.labels.find(([a, b]) => a <= i && i < b);
    if (label) {
      i = label[1] - 1;
      continue;
    }
    if (i > 0 && /[0-9a-z.]/u.test(text[i - 1] as string)) continue;
    const figure = readFigure(text.slice(i, to));
    if (!figure) continue;
    const at = i;
    let end = at + figure.length;
    if (figure.ratio) end += (/^:\d+(?:\.\d+)?/u.exec(text.slice(end)) as RegExpExecArray)[0].length;
    i = end - 1;
    if (!figure.unit && !figure.ratio && /^[年月日号〕\]万亿千百十]/u.test(text.slice(end, end + 1))) continue;
    found.push({ at, end, figure });
  }
  return found;
}

function boundOf(words: (string | null)[], range: boolean): Bound {
  if (range) return 'range';
  const bounds = words.map((w) => (w ? BOUND_WORDS[w] : undefined)).filter((b) => b !== undefined);
  if (bounds.includes('min')) return 'min';
  if (bounds.includes('max')) return 'max';
  return bounds.includes('approx') ? 'approx' : 'exact';
}

function directionOf(verbs: string[]): Direction {
  if (verbs.some((v) => REDUCE.includes(v))) return 'reduce';
  if (verbs.some((v) => INCREASE.includes(v))) return 'increase';
  return 'reach';
}

/** Parallel subjects share their head: 高速公路、普通国省干线公路…循环利用率 → 高速公路…循环利用率. */
function completeParallel(items: string[]): string[] {
  const last = items.at(-1) ?? '';
  return items.map((item, i) => {
    if (i === items.length - 1 || INDICATOR_END.test(item)) return item;
    const head = item.slice(-2);
    const at = last.lastIndexOf(head);
    return at > 0 && at + head.length < last.length ? item + last.slice(at + head.length) : item;
  });
}

/** Segment-opening 力争 (力争到2025年，… / ，力争全市…) governs the rest of its sentence; 力争 after a subject only its own. */
const OPENING_ASPIRATION = /^(?:(?:到|至|在)?\d{4}年(?:底|末)?(?:前)?)?(?:全市|全县|全省)?力争/u;
const OPENS_WITH_YEAR = /^(?:力争|确保)?(?:到|至|在)?(?:\d{4}年|“?十[三四五六]五)/u;

interface Pending {
  found: Found;
  phrase: string;
  left: Left;
  extraVerbs?: string[];
  /** The figure's own year when a 分别 list of years or periods pairs them. */
  year?: FallbackYear;
}

/** Words that put what follows them in the past or present: 截至, 目前, 已建成, 以来, 取得…成效. */
const PAST_CUE = new RegExp(
  [
    '截至',
    '截止(?!日期|时间)',
    // 项目前期, 节目前: 目 ending another word.
    '(?<![项题节科栏条数书名])目前',
    '现已',
    '已经',
    '已(?:累计|全部|基本)?(?:建成|完成|达到|达|实现|形成|创建|超过|突破|淘汰|关闭|整改|修复|投运|投产)',
    '以来(?!自)',
    '近[一二三四五几]年',
    '过去[一二三四五几]?年',
    '取得了?[^,;。]{0,8}(?:成效|成就|成绩|进展)',
  ].join('|'),
  'gu',
);
/** Whether a text closes a bracket it did not open: 金沙（56万千瓦，已投产14万千瓦）、银江（39万千瓦）. */
function closesBracket(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (depth < 0) return true;
  }
  return false;
}

/** Before a past cue these make it an aim again: 力争取得显著成效. */
const AIMING = /力争|确保|争取|努力|预计|计划/u;

/** Reads one clause, segment by segment, carrying what a sentence says once for several figures. */
class Reader {
  readonly norm: Normalized;
  readonly text: string;
  readonly targets: RawTarget[] = [];
  private readonly marks: YearMark[];
  private readonly lists: YearList[];
  private readonly labels: [number, number][];
  private readonly pastCues: number[];
  private readonly fallback: FallbackYear | null;
  /** Within the current sentence: the last indicator named, the last action verb, a governing 力争. */
  private lastPhrase: string | null = null;
  private lastAction: string | null = null;
  private aspiring = false;

  constructor(readonly input: ProseInput) {
    this.norm = input.norm;
    this.text = this.norm.text;
    this.marks = yearMarks(this.text);
    this.lists = yearLists(this.text);
    this.labels = labelSpans(this.text);
    this.pastCues = [...this.text.matchAll(PAST_CUE)].map((m) => m.index);
    this.fallback = input.fallback;
  }

  display(from: number, to: number): string {
    if (to <= from) return '';
    const [a, b] = displaySpan(this.norm, from, to);
    return this.input.clause.text.slice(a, b);
  }

  /** The year the text before a figure sets (its sentence, else the clause's earlier text), else its headings' or title's. */
  yearAt(at: number): (FallbackYear & { past?: boolean }) | null {
    const mark = this.marks.filter((m) => m.at < at).at(-1);
    if (mark) return { year: mark.year, source: mark.source, past: mark.past };
    return this.fallback;
  }

  /** Where the sentence holding `at` begins. */
  sentenceStart(at: number): number {
    return Math.max(this.text.lastIndexOf(';', at - 1), this.text.lastIndexOf('。', at - 1), this.text.lastIndexOf('!', at - 1), this.text.lastIndexOf('?', at - 1)) + 1;
  }

  /**
   * 目前全市森林覆盖率为40%, 已建成污水处理厂5座: a figure after a past cue in its own sentence
   * states what is, unless a year due (到2025年) or an aim (力争) in that sentence comes first.
   */
  inPast(at: number): boolean {
    const start = this.sentenceStart(at);
    const cue = this.pastCues.filter((c) => c >= start && c < at).at(-1);
    if (cue === undefined || closesBracket(this.text.slice(cue, at))) return false;
    if (this.marks.some((m) => m.at >= start && m.at < at && !m.past && m.year >= this.input.minYear)) return false;
    return !AIMING.test(this.text.slice(start, cue));
  }

  /** Achievements, not targets: a year up to the plan's own, a state dated 截至…, a sentence about the past. */
  achieved(p: Pending): boolean {
    const year = p.year ?? this.yearAt(p.found.at);
    if (year !== null && (year.year < this.input.minYear || ('past' in year && year.past === true))) return true;
    return !p.year && this.inPast(p.found.at);
  }

  /** A years list that a 分别 after it, in the same sentence, spreads over the figures at `at`. */
  listFor(at: number): YearList | null {
    const start = this.sentenceStart(at);
    const list = this.lists.filter((l) => l.at >= start && l.end <= at).at(-1);
    return list && this.text.slice(list.end, at).includes('分别') ? list : null;
  }

  /**
   * 一、总体要求 3 (a contents line without leader dots): a bare number set off by a space at the
   * end of its line, after words that commit to nothing, is a page number.
   */
  pageNumber(found: Found): boolean {
    const fig = found.figure;
    if (fig.unit || fig.before || fig.after || fig.valueMax !== null) return false;
    const [a, b] = displaySpan(this.norm, found.at, found.end);
    const text = this.input.clause.text;
    return /[ \t\u3000]$/u.test(text.slice(0, a)) && /^[ \t\u3000]*(?:\r?\n|$)/u.test(text.slice(b));
  }

  /** Segments end at , ; 。 : (not the colon of a ratio such as 1:10). */
  segments(): [number, number][] {
    const out: [number, number][] = [];
    let start = 0;
    for (let i = 0; i <= this.text.length; i++) {
      const ch = this.text[i];
      const boundary = ch === undefined || /[,;。!?]/u.test(ch) || (ch === ':' && !(/\d/u.test(this.text[i - 1] ?? '') && /\d/u.test(this.text[i + 1] ?? '')));
      if (!boundary) continue;
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
    return out;
  }

  objectAfter(end: number, segEnd: number): [number, number] {
    const rest = this.text.slice(end, segEnd);
    const stop = rest.search(/、(?=\d)/u);
    return [end, stop >= 0 ? end + stop : segEnd];
  }

  run(): RawTarget[] {
    let sentence = -1;
    for (const [segStart, segEnd] of this.segments()) {
      const opened = Math.max(this.text.lastIndexOf(';', segStart), this.text.lastIndexOf('。', segStart));
      if (opened !== sentence) {
        this.lastPhrase = null;
        this.lastAction = null;
        this.aspiring = false;
        sentence = opened;
      }
      const segment = this.text.slice(segStart, segEnd);
      if (OPENS_WITH_YEAR.test(segment)) this.aspiring = false;
      if (OPENING_ASPIRATION.test(segment)) this.aspiring = true;
      this.readSegment(segStart, segEnd);
    }
    return this.targets;
  }

  private readSegment(segStart: number, segEnd: number): void {
    const figures = figuresIn({ text: this.text, from: segStart, to: segEnd, labels: this.labels });
    let from = segStart;
    for (let k = 0; k < figures.length; k++) {
      const found = figures[k] as Found;
      const left = readLeft(this.text, from, found.at);
      if (/^[的(/]/u.test(this.text.slice(found.end))) continue;
      let pending: Pending[];
      const list = this.listFor(found.at);
      if (list) {
        const run = this.parallelRun(figures, k);
        k += run.length - 1;
        from = (run.at(-1) as Found).end;
        pending = this.perYear({ run, left, list, segEnd });
      } else if (left.verbs.includes('分别')) {
        const run = this.parallelRun(figures, k);
        k += run.length - 1;
        from = (run.at(-1) as Found).end;
        pending = this.distribute(run, left);
      } else {
        pending = this.single({ found, left, segEnd });
      }
      for (const p of pending) {
        const target = this.toTarget(p, segStart);
        if (!target) {
          // “十三五”期间…累计下降20%，“十四五”时期再下降19.5% / 已投产14万千瓦）、银江（39万千瓦）: a figure
          // stated as done still names the indicator for the next and ends the next one's subject.
          if (this.achieved(p)) {
            this.lastPhrase = p.phrase;
            from = Math.max(from, p.found.end);
          }
          continue;
        }
        this.targets.push(target);
        this.lastPhrase = p.phrase;
        from = Math.max(from, p.found.end);
      }
    }
  }

  /** 5%、4%、7% after 分别: the figures joined only by 、 和 及 与. */
  private parallelRun(figures: Found[], k: number): Found[] {
    const run = [figures[k] as Found];
    for (let i = k + 1; i < figures.length; i++) {
      const cand = figures[i] as Found;
      if (!/^[、和及与]$/u.test(this.text.slice((run.at(-1) as Found).end, cand.at))) break;
      run.push(cand);
    }
    return run;
  }

  /** One figure per listed subject; a list whose lengths differ is left alone rather than guessed. */
  private distribute(run: Found[], left: Left): Pending[] {
    const [a, b] = left.subject;
    const subject = this.text.slice(a, b);
    const sep = subject.includes('、') ? /、/gu : /和|及/gu;
    const parts: string[] = [];
    let start = 0;
    for (const m of subject.matchAll(sep)) {
      parts.push(this.display(a + start, a + m.index));
      start = m.index + m[0].length;
    }
    parts.push(this.display(a + start, b));
    const names = completeParallel(parts.filter((p) => p !== ''));
    if (names.length !== run.length) return [];
    return run.map((found, i) => ({ found, phrase: names[i] as string, left }));
  }

  /**
   * “十四五”、“十五五”期间分别新增…4000万千瓦左右、5000万千瓦左右 / 2025年、2030年分别达到20%、25%:
   * one target per year, with the subject the years leave; one figure for all the years
   * (“十四五”、“十五五”期间分别新增水电装机容量4000万千瓦左右) is each year's. Left alone when the
   * counts differ otherwise, or when the subject is a list of the same length too (which list
   * 分别 spreads over would be a guess).
   */
  private perYear(o: { run: Found[]; left: Left; list: YearList; segEnd: number }): Pending[] {
    const { list } = o;
    const run = o.run.length === 1 ? list.years.map(() => o.run[0] as Found) : o.run;
    if (run.length !== list.years.length) return [];
    const [a, b] = o.left.subject;
    let phrase = this.display(a, b);
    if (list.at >= a && list.end <= b) {
      const rest = /^(?:期间|时期|末|底|前)?(?:分别)?/u.exec(this.text.slice(list.end, b))?.[0].length ?? 0;
      phrase = this.display(a, list.at) + this.display(list.end + rest, b);
    }
    if (o.run.length > 1 && phrase.split('、').length === run.length) return [];
    const last = run.at(-1) as Found;
    if (!DELIMITER.test(this.text.slice(last.end))) phrase += this.display(...this.objectAfter(last.end, o.segEnd));
    return phrase ? run.map((found, i) => ({ found, phrase, left: o.left, year: list.years[i] })) : [];
  }

  /** The indicator a subject names, or the sentence's previous one when it only repeats it (占比, 强度). */
  private phraseOf(left: Left): string | null {
    const [a, b] = left.subject;
    const subject = this.text.slice(a, b);
    const last = this.lastPhrase;
    if (GENERIC.test(subject)) return last;
    // 废钢铁、废铜…等9种主要再生资源循环利用率: the list only spells out the class.
    const etc = subject.lastIndexOf('等');
    if (etc >= 0 && subject.slice(0, etc).includes('、') && b - (a + etc + 1) >= 4) return this.display(a + etc + 1, b);
    // 抽采量5亿立方米、利用量3亿立方米: the second borrows the first's qualifier.
    if (last && subject.length <= 3 && this.text[a - 1] === '、' && last.endsWith(subject.slice(-1))) return last.slice(0, last.length - subject.length) + this.display(a, b);
    return this.display(a, b);
  }

  private single(o: { found: Found; left: Left; segEnd: number }): Pending[] {
    const { found, left } = o;
    const subject = this.text.slice(...left.subject);
    const delimited = DELIMITER.test(this.text.slice(found.end));
    const object = () => {
      const [oa, ob] = this.objectAfter(found.end, o.segEnd);
      return this.display(oa, ob);
    };
    const committed = left.verbs.length > 0 || left.quals.some((q) => BOUND_WORDS[q] === 'min' || BOUND_WORDS[q] === 'max');
    if (found.figure.ratio) return committed ? [{ found, phrase: this.phraseOf(left) ?? '', left }] : [];
    // A bare number before more text (低于2℃之内) is not a figure this reader understands.
    if (!found.figure.unit && !delimited) return [];
    if (committed) {
      const phrase = this.phraseOf(left);
      if (!phrase) return [];
      // 新建民用建筑执行不低于72%节能标准: what the figure measures follows it.
      return [{ found, phrase: delimited ? phrase : phrase + object(), left }];
    }
    const share = /^(.+?)(达到|占)(.+)的$/u.exec(subject);
    if (share && found.figure.unit === '%') {
      const [a, b] = left.subject;
      const mid = a + (share[1] as string).length + (share[2] as string).length;
      return [{ found, phrase: `${this.display(a, a + (share[1] as string).length)}占${this.display(mid, b - 1)}比重`, left, extraVerbs: ['达到'] }];
    }
    if (ACTION_END.test(subject) && !delimited) {
      this.lastAction = this.display(...left.subject);
      const obj = object();
      return obj ? [{ found, phrase: this.lastAction + obj, left }] : [];
    }
    if (subject === '' && this.lastAction && !delimited) {
      const obj = object();
      return obj ? [{ found, phrase: this.lastAction + obj, left }] : [];
    }
    if (delimited && /\p{Script=Han}.*\p{Script=Han}/u.test(subject) && !this.pageNumber(found)) {
      const phrase = this.phraseOf(left);
      return phrase ? [{ found, phrase, left }] : [];
    }
    return [];
  }

  private toTarget(p: Pending, segStart: number): RawTarget | null {
    const { found, left } = p;
    const year = p.year ?? this.yearAt(found.at);
    const standing = left.quals.some((q) => STANDING.has(q));
    if (year === null && !standing) return null;
    if (this.achieved(p)) return null;
    // 海拔垂直高差超过7000米 under a 十四五 title describes; a year only the title gives needs a commitment verb.
    if (year && (year.source === 'heading' || year.source === 'title') && left.verbs.length === 0 && !standing && left.quals.length > 0) return null;
    const fig = found.figure;
    const [a, b] = displaySpan(this.norm, found.at, found.end);
    const unit = fig.unitAt ? this.display(found.at + fig.unitAt[0], found.at + fig.unitAt[1]) : null;
    const aspirational = this.aspiring || this.text.slice(segStart, found.at).includes('力争');
    return {
      phrase: p.phrase,
      value: fig.ratio ? null : fig.value,
      valueMax: fig.valueMax,
      valueText: this.input.clause.text.slice(a, b),
      unit: fig.ratio ? null : unit,
      year: year?.year ?? null,
      yearSource: year?.source ?? null,
      baselineYear: left.baselineYear,
      baselineValue: null,
      baselineText: null,
      direction: directionOf([...left.verbs, ...(p.extraVerbs ?? [])]),
      bound: boundOf([...left.quals, fig.before, fig.after], fig.valueMax !== null),
      qualifiers: [...(aspirational ? ['力争'] : []), ...left.quals, ...(fig.before ? [fig.before] : []), ...(fig.after ? [fig.after] : [])],
      aspirational,
      attribute: null,
      column: null,
      source: 'prose',
      span: [a, b],
    };
  }
}

/** Every target one prose clause states. */
export function proseTargets(input: ProseInput): RawTarget[] {
  return new Reader(input).run();
}
