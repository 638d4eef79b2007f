// The shapes of a target: what an extractor reads from a clause (RawTarget) and what the
// library keeps once indicator and units are resolved (Target). Their own module, so the
// extractors and the pipeline that joins them import these without importing each other.
import type { ObligationGrade } from '../obligation.js';

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
  /** How binding the figure is (src/enrich/obligation.ts); null where no word or 属性 says. */
  obligation: ObligationGrade | null;
}
