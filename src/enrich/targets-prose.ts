// Targets written as prose: "到2025年，全市非化石能源消费比重达到45%左右", "单位地区生产总值二氧化碳
//排放比2020年下降19%", "分别比2020年降低5%、4%、7%", "力争达到100万辆", "创建1个近零碳园区".
// Read on normalised text (so export spacing and full-width forms do not matter) and mapped
// back to the display text for every label and figure.
import { displaySpan, normalizeText, type Normalized } from '../analyse/analyzer.js';
import type { Clause } from '../ingest/types.js';
import type { Bound, Direction, RawTarget, YearSource } from './targets.js';
import { readFigure, type Figure } from './units.js';

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

const PERIOD_YEARS: Record<string, number> = { 三: 2020, 四: 2025, 五: 2030, 六: 2035 };

const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

/** Verbs that put a level on the figure after them. */
const REACH = ['达到', '达', '提升至', '提升到', '提高至', '提高到', '增加至', '增加到', '增长至', '增长到', '增至', '降至', '降到', '降低至', '降低到', '下降至', '下降到', '减少至', '减少到', '减至', '稳定在', '保持在', '维持在', '控制在', '维持', '保持', '稳定', '为', '突破'];
const REDUCE = ['下降', '降低', '减少', '削减', '压减'];
const INCREASE = ['提高', '提升', '增长', '增加'];
/** Words before a figure that bound it. */
const BOUND_WORDS: Record<string, Bound> = {
  不低于: 'min', 不少于: 'min', 至少: 'min', 超过: 'min', 超: 'min', 高于: 'min', 以上: 'min', 及以上: 'min', '≥': 'min', '>': 'min', '≧': 'min',
  不高于: 'max', 不超过: 'max', 低于: 'max', 以下: 'max', 及以下: 'max', 以内: 'max', '≤': 'max', '<': 'max', '≦': 'max',
  约: 'approx', 近: 'approx', 左右: 'approx', 上下: 'approx',
};
const PRE_QUALIFIERS = ['不低于', '不少于', '至少', '超过', '超', '高于', '不高于', '不超过', '低于', '约', '近', '原则上'];
/** Bounds that make a sentence a commitment even without a year (PUE值不高于1.25). */
const STANDING = new Set(['不低于', '不少于', '不高于', '不超过']);
/** Verbs whose object comes after the figure: 创建1个近零碳园区, 建成1000公里自行车骨干网络. */
const ACTIONS = ['执行', '累计建成', '累计创建', '新增投产', '建成', '建设', '新建', '创建', '打造', '培育', '完成', '实施', '举办', '创作', '推广', '新增', '形成', '建立', '争创', '引进', '淘汰', '关闭', '种植', '改造', '修复', '治理', '安装', '储备'];
/** Subjects too bare to name an indicator: the previous target's indicator is meant (力争占比达到6.5%). */
const GENERIC = /^(?:占比|比重|比例|规模|总量|水平|能力|强度)?$/u;
const INDICATOR_END = /(?:率|比重|占比|比例|量|能耗|排放|强度|容量|面积|规模|里程|数|值|度|效率|水平|指数|能力)$/u;

/** 力争 and 确保 can sit between subject and verb (原煤消费量力争控制在…); aspiration is read separately. */
const FRAMING = ['力争', '确保'];
const TAIL_WORD = new RegExp(`(?:${longestFirst([...REACH, ...REDUCE, ...INCREASE, ...PRE_QUALIFIERS, ...FRAMING, '分别', '占'])})$`, 'u');
const TAIL_BASELINE = /(?:比|较|相比|相对于|相较于?|与)(\d{4})年(?:末|底)?(?:相比)?$/u;
const HEAD_NOISE = [
  /^[、和及与并且]+/u,
  /^(?:力争|确保)?(?:到|至|在)?\d{4}年(?:底|末)?(?:前)?/u,
  /^“?十[三四五六]五”?(?:期间|时期|末)?/u,
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
}

/** Years a text sets for what follows: 到2025年, 2030年前, 十五五; never 比2020年 (a baseline) or one inside 《》. */
function yearMarks(text: string): YearMark[] {
  const depth: number[] = [];
  let d = 0;
  for (const ch of text) {
    if (ch === '《') d++;
    if (ch === '》') d = Math.max(0, d - 1);
    for (let k = 0; k < ch.length; k++) depth.push(d);
  }
  const marks: YearMark[] = [];
  for (const m of text.matchAll(/(\d{4})年|十([三四五六])五/gu)) {
    const at = m.index;
    if (depth[at]) continue;
    if (m[1]) {
      if (TAIL_BASELINE.test(text.slice(Math.max(0, at - 3), at + m[0].length))) continue;
      if (/\d$/u.test(text.slice(0, at))) continue;
      marks.push({ at, year: Number(m[1]), source: 'explicit' });
    } else {
      marks.push({ at, year: PERIOD_YEARS[m[2] as string] as number, source: 'period' });
    }
  }
  return marks;
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
  for (let changed = true; changed; ) {
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

/** Figures of one segment: a number not glued to letters or digits before it (co2, pm2.5, 5g). */
function figuresIn(text: string, from: number, to: number): Found[] {
  const found: Found[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i] as string;
    const symbol = /[≤≥<>≦≧]/u.test(ch);
    if (!symbol && !/\d/u.test(ch)) continue;
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
}

/** Reads one clause, segment by segment, carrying what a sentence says once for several figures. */
class Reader {
  readonly norm: Normalized;
  readonly text: string;
  readonly targets: RawTarget[] = [];
  private readonly marks: YearMark[];
  private readonly fallback: FallbackYear | null;
  /** Within the current sentence: the last indicator named, the last action verb, a governing 力争. */
  private lastPhrase: string | null = null;
  private lastAction: string | null = null;
  private aspiring = false;

  constructor(readonly input: ProseInput) {
    this.norm = input.norm;
    this.text = this.norm.text;
    this.marks = yearMarks(this.text);
    this.fallback = input.fallback;
  }

  display(from: number, to: number): string {
    if (to <= from) return '';
    const [a, b] = displaySpan(this.norm, from, to);
    return this.input.clause.text.slice(a, b);
  }

  yearAt(at: number): FallbackYear | null {
    const mark = this.marks.filter((m) => m.at < at).at(-1);
    if (mark) return { year: mark.year, source: mark.source };
    return this.fallback;
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
    const figures = figuresIn(this.text, segStart, segEnd);
    let from = segStart;
    for (let k = 0; k < figures.length; k++) {
      const found = figures[k] as Found;
      const left = readLeft(this.text, from, found.at);
      if (/^[的(/]/u.test(this.text.slice(found.end))) continue;
      let pending: Pending[];
      if (left.verbs.includes('分别')) {
        const run = this.parallelRun(figures, k);
        k += run.length - 1;
        from = (run.at(-1) as Found).end;
        pending = this.distribute(run, left);
      } else {
        pending = this.single({ found, left, segEnd });
      }
      for (const p of pending) {
        const target = this.toTarget(p, segStart);
        if (!target) continue;
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
    if (delimited && /\p{Script=Han}.*\p{Script=Han}/u.test(subject)) {
      const phrase = this.phraseOf(left);
      return phrase ? [{ found, phrase, left }] : [];
    }
    return [];
  }

  private toTarget(p: Pending, segStart: number): RawTarget | null {
    const { found, left } = p;
    const year = this.yearAt(found.at);
    const standing = left.quals.some((q) => STANDING.has(q));
    if (year === null && !standing) return null;
    if (year !== null && year.year < this.input.minYear) return null;
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
