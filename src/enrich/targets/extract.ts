// Quantitative targets: every figure a plan commits to, from its prose and its indicator tables,
// joined to a canonical indicator and put in comparable units. Figures are only ever read from
// the clause text; a cell such as 完成省下目标 stays text and is never turned into a number.
// Sections that look back (发展基础, “十三五”…成效, 现状, 回顾) commit to nothing and give none.
import { normalizeText, type Normalized } from '../../analyse/analyzer.js';
import type { Clause, DocumentMeta } from '../../ingest/types.js';
import { compareUnitFor, matchIndicator, phraseId, type IndicatorCatalog } from '../indicators.js';
import { baseUnit, convert, scaled } from '../units.js';
import { targetObligation } from '../obligation.js';
import { fallbackYear, periodYear, proseTargets, type FallbackYear } from './from-prose.js';
import { tableTargets } from './from-tables.js';
import type { RawTarget, Target } from './types.js';

export interface ExtractOptions {
  documents: DocumentMeta[];
  clauses: Clause[];
  indicators: IndicatorCatalog;
  /** Years before this are achievements, not targets, when a document has no date. */
  fallbackMinYear: number;
  /** Each clause's text through the analyzer; the enrich stage shares it with theme tagging. */
  normalized: (clause: Clause) => Normalized;
}

/** Every target of the corpus, in document and reading order. */
export function extractTargets(options: ExtractOptions): Target[] {
  const docs = new Map(options.documents.map((d) => [d.id, d]));
  const byId = new Map(options.clauses.map((c) => [c.id, c]));
  const looksBack = reviewSections(byId);
  // Siblings share their headings: the fallback year is read once per parent.
  const fallbacks = new Map<string, FallbackYear | null>();
  const fallbackOf = (clause: Clause, doc: DocumentMeta) => {
    const key = `${clause.docId}.${clause.parentEId ?? ''}`;
    if (!fallbacks.has(key)) {
      const ancestors = clause.ancestors.map((e) => byId.get(`${clause.docId}.${e}`)).filter((c) => c !== undefined);
      fallbacks.set(key, fallbackYear(ancestors, doc.title));
    }
    return fallbacks.get(key) ?? null;
  };
  const out: Target[] = [];
  for (const clause of options.clauses) {
    const doc = docs.get(clause.docId);
    if (!doc || clause.kind === 'table') continue;
    const minYear = minYearOf(doc, options.fallbackMinYear);
    if (looksBack(clause, minYear)) continue;
    const raws =
      clause.kind === 'row'
        ? tableTargets(clause, byId.get(`${clause.docId}.${clause.parentEId ?? ''}`) ?? null).filter((t) => t.year === null || t.year >= minYear)
        : proseTargets({ clause, norm: options.normalized(clause), fallback: fallbackOf(clause, doc), minYear });
    raws.forEach((raw, n) => out.push(resolve({ raw, clause, n, indicators: options.indicators })));
  }
  return out;
}

/** Heading words that look back on what was done: 发展基础, 现状与形势, “十三五”回顾, 取得明显成效. */
const LOOKS_BACK = /回顾|完成情况|基本情况|概况|背景(?!下)|现状|(?<=发展|工作|建设|环境|保护|现实|已有|良好|坚实|扎实)基础(?=$|[与和及、,]|条件)|成效|成就|成绩|进展/u;
/** Done-and-dusted words no heading about the future uses, whatever else it names. */
const ONLY_BACK = /回顾|完成情况/u;
/** Heading words that look ahead: a 主要目标 section that mentions 十三五 as its baseline still commits. */
/** 目标值 is a column's name (规划指标 | 目标值 | 完成值), not a heading that looks ahead. */
const LOOKS_AHEAD = /目标(?!值)|展望|任务|见成效/u;
/** Words of a task about results (成效评估, 进展成效宣传, 年度总结), not a review of them. */
const ABOUT_RESULTS = /评估|考核|评价|监测|宣传|总结|将/u;
/** Headings that set a task (夯实发展基础, 巩固提升绿化成效, 开展现状调查) rather than review one. */
const TASK_START = /^(?:开展|加强|推进|推动|实施|建立|健全|完善|强化|夯实|筑牢|巩固|提升|提高|加快|深化|构建|做好|组织|摸清|开启|保障|确保|力争|打造|严格|优化|促进|探索)/u;
/** Numbering before a heading's words: 第一章, 一、, （一）, 1., 1.2. */
const HEADING_MARKER = /^(?:第[一二三四五六七八九十百\d]+[章节篇部分条]|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+(?:\.\d+)*[、.]?)/u;

/** Text short enough to head a section when a clause without a title has children (“十三五”以来取得显著成效，主要表现在：). */
const SHORT_HEADING = 40;

/**
 * The words a clause heads its section with: its title, the run-in lead of a paragraph
 * (发展基础。…), or for a clause that others sit under, its text when that is short.
 */
function headingOf(clause: Clause, asAncestor: boolean): string | null {
  if (clause.kind === 'row') return null;
  const words = clause.title ?? clause.lead ?? (asAncestor && clause.text.length <= SHORT_HEADING ? clause.text : null);
  return words
    ? normalizeText(words)
        .replace(HEADING_MARKER, '')
        .replace(/[.·…]{2,}\s?\d*$/u, '')
    : null;
}

/** Years a text names, four-digit (not a 文号's 〔2021〕) or as five-year periods. */
function namedYears(text: string): { year: number; period: boolean }[] {
  return [...text.matchAll(/(?<![\d〔[【])(?:19|20)\d{2}(?![\d〕\]】])|十[一二三四五六]五/gu)].map((m) => {
    const period = periodYear(m[0]);
    return { year: period ?? Number(m[0]), period: period !== null };
  });
}

/**
 * Whether a heading reviews the past: a look-back word (回顾, 现状, 发展基础, 成效, 进展) or a
 * five-year period already over (“十三五”…), unless it sets a task or looks ahead to a year to come.
 */
export function isReviewHeading(heading: string, minYear: number): boolean {
  if (TASK_START.test(heading)) return false;
  if (ONLY_BACK.test(heading)) return true;
  if (LOOKS_AHEAD.test(heading) || ABOUT_RESULTS.test(heading)) return false;
  const years = namedYears(heading);
  // “十四五”发展基础 still looks back; “十四五”时期取得新进展 looks ahead.
  if (years.some((y) => y.year >= minYear)) return /现状|基础|背景|概况|基本情况/u.test(heading);
  return LOOKS_BACK.test(heading) || years.some((y) => y.period);
}

/** What a clause's heading says of its section: it looks back, it looks ahead, or neither. */
function verdict(clause: Clause, o: { minYear: number; asAncestor: boolean }): 'back' | 'ahead' | null {
  const { minYear } = o;
  const heading = headingOf(clause, o.asAncestor);
  if (heading === null) return null;
  if (isReviewHeading(heading, minYear)) {
    // 结构调整取得明显进展。到2025年，…: a run-in lead whose own text sets a year to come is an aim.
    const runIn = clause.title === null;
    return runIn && namedYears(normalizeText(clause.text)).some((y) => y.year >= minYear) ? null : 'back';
  }
  return LOOKS_AHEAD.test(heading) && !TASK_START.test(heading) ? 'ahead' : null;
}

/**
 * A clause is in a review section when its own heading or an ancestor's looks back, and no
 * heading of its chain looks ahead (目标, 任务: a goal section's own review words are its aims).
 */
function reviewSections(byId: Map<string, Clause>): (clause: Clause, minYear: number) => boolean {
  const verdicts = new Map<string, 'back' | 'ahead' | null>();
  const verdictOf = (clause: Clause, o: { minYear: number; asAncestor: boolean }) => {
    const key = `${clause.id}${o.asAncestor ? '^' : ''}`;
    if (!verdicts.has(key)) verdicts.set(key, verdict(clause, o));
    return verdicts.get(key) ?? null;
  };
  return (clause, minYear) => {
    const ancestors = clause.ancestors.map((e) => byId.get(`${clause.docId}.${e}`)).filter((c) => c !== undefined);
    const chain = [...ancestors.map((c) => verdictOf(c, { minYear, asAncestor: true })), verdictOf(clause, { minYear, asAncestor: false })];
    return chain.includes('back') && !chain.includes('ahead');
  };
}

/** A plan's own year and earlier ones describe what was achieved; targets lie ahead. */
function minYearOf(doc: DocumentMeta, fallback: number): number {
  const year = doc.date ? Number.parseInt(doc.date.slice(0, 4), 10) : Number.NaN;
  return Number.isFinite(year) ? year : fallback;
}

function rawFields(raw: RawTarget): RawTarget {
  const { phrase, value, valueMax, valueText, unit, year, yearSource, baselineYear, baselineValue, baselineText, direction, bound, qualifiers, aspirational, attribute, column, source, span } = raw;
  return { phrase, value, valueMax, valueText, unit, year, yearSource, baselineYear, baselineValue, baselineText, direction, bound, qualifiers, aspirational, attribute, column, source, span };
}

function resolve(options: { raw: RawTarget; clause: Clause; n: number; indicators: IndicatorCatalog }): Target {
  const { raw, clause } = options;
  const indicator = matchIndicator(options.indicators, raw.phrase);
  const base = baseUnit(raw.unit);
  const compareUnit = compareUnitFor(indicator, raw.unit);
  // Fields in one fixed order (not the extractor's): the library snapshot restores them in it.
  return {
    ...rawFields(raw),
    id: `${clause.id}~${options.n + 1}`,
    doc: clause.docId,
    clause: clause.id,
    indicator: indicator?.id ?? phraseId(raw.phrase),
    indicatorLabel: indicator?.label ?? raw.phrase,
    canonical: indicator !== null,
    qualifier: raw.qualifiers.length ? raw.qualifiers.join(' ') : null,
    baseValue: raw.value === null ? null : scaled(raw.value, base.factor),
    baseValueMax: raw.valueMax === null ? null : scaled(raw.valueMax, base.factor),
    baseUnit: base.unit,
    compareValue: raw.value === null ? null : convert(raw.value, raw.unit, compareUnit),
    compareUnit,
    obligation: targetObligation(raw, clause.text),
  };
}
