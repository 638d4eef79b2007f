// Quantitative targets: every figure a plan commits to, from its prose and its indicator tables,
// joined to a canonical indicator and put in comparable units. Figures are only ever read from
// the clause text; a cell such as 完成省下目标 stays text and is never turned into a number.
import type { Normalized } from '../analyse/analyzer.js';
import type { Clause, DocumentMeta } from '../ingest/types.js';
import { compareUnitFor, matchIndicator, phraseId, type IndicatorCatalog } from './indicators.js';
import { fallbackYear, proseTargets, type FallbackYear } from './targets-prose.js';
import { tableTargets } from './targets-table.js';
import { baseUnit, convert, scaled } from './units.js';

export type Direction = 'reach' | 'reduce' | 'increase';
export type Bound = 'exact' | 'approx' | 'min' | 'max' | 'range';
export type YearSource = 'explicit' | 'period' | 'heading' | 'title' | 'column';

/** What an extractor reads from one clause, before indicators and units are resolved. */
export interface RawTarget {
  /** The indicator as the plan words it (display text). */
  phrase: string;
  value: number | null;
  valueMax: number | null;
  /** The figure exactly as in the clause text (45%左右, ≤4.03, 完成省下目标). */
  valueText: string;
  /** Unit as written (display text), e.g. 亿千瓦; null for a pure number. */
  unit: string | null;
  year: number | null;
  yearSource: YearSource | null;
  baselineYear: number | null;
  /** The table's base-year value, number or text (/ or —). */
  baselineValue: number | null;
  baselineText: string | null;
  direction: Direction;
  bound: Bound;
  /** The qualifying words as written, in reading order (力争 以上, 约, ≤, 不高于). */
  qualifiers: string[];
  aspirational: boolean;
  /** 约束性 / 预期性 from a table's 属性 column. */
  attribute: string | null;
  /** The table column the figure came from (2025年预计, 年均或 [累计数]). */
  column: string | null;
  source: 'prose' | 'table';
  /** Display offsets of valueText in the clause text. */
  span: [number, number];
}

export interface Target extends RawTarget {
  /** `<clause id>~<n>`: stable while the clause text is. */
  id: string;
  doc: string;
  clause: string;
  indicator: string;
  indicatorLabel: string;
  /** False when no canonical indicator covers the phrase; the id then derives from the phrase. */
  canonical: boolean;
  qualifier: string | null;
  /** value (and valueMax) with the 万/亿 scale taken out, in baseUnit. */
  baseValue: number | null;
  baseValueMax: number | null;
  baseUnit: string | null;
  /** value in the indicator's comparison unit (12900 for 1.29亿千瓦 when the unit is 万千瓦). */
  compareValue: number | null;
  compareUnit: string | null;
}

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
    const raws =
      clause.kind === 'row'
        ? tableTargets(clause, byId.get(`${clause.docId}.${clause.parentEId ?? ''}`) ?? null)
        : proseTargets({ clause, norm: options.normalized(clause), fallback: fallbackOf(clause, doc), minYear: minYearOf(doc, options.fallbackMinYear) });
    raws.forEach((raw, n) => out.push(resolve({ raw, clause, n, indicators: options.indicators })));
  }
  return out;
}

/** A plan's own year and earlier ones describe what was achieved; targets lie ahead. */
function minYearOf(doc: DocumentMeta, fallback: number): number {
  const year = doc.date ? Number.parseInt(doc.date.slice(0, 4), 10) : Number.NaN;
  return Number.isFinite(year) ? year : fallback;
}

function resolve(options: { raw: RawTarget; clause: Clause; n: number; indicators: IndicatorCatalog }): Target {
  const { raw, clause } = options;
  const indicator = matchIndicator(options.indicators, raw.phrase);
  const base = baseUnit(raw.unit);
  const compareUnit = compareUnitFor(indicator, raw.unit);
  return {
    ...raw,
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
  };
}
