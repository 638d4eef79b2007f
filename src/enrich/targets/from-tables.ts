// Targets in indicator tables, in both layouts of the corpus: year columns (乐山 2022年/2025年/
// 2030年; 四川 2020年实际/2025年预计) where the first year is the base year and its cell the
// baseline, a 年均或[累计数] change column, a 属性 column (约束性/预期性), and paired rows such
// as 森林/草原火灾受害控制率 with ≤ 0.9/3. Cells that are not figures stay text.
import { normalize } from '../../analyse/analyzer.js';
import type { Clause } from '../../ingest/types.js';
import type { Bound, RawTarget } from './types.js';
import { readFigure } from '../units.js';

interface Layout {
  name: number;
  unit: number | null;
  attribute: number | null;
  change: number | null;
  /** Year columns in order; the first is the base year when there are two or more. */
  years: { index: number; year: number; header: string }[];
}

function layoutOf(columns: string[]): Layout | null {
  const find = (re: RegExp) => {
    const i = columns.findIndex((c) => re.test(c));
    return i >= 0 ? i : null;
  };
  const name = find(/具体指标/u) ?? find(/指标|项目/u);
  const years = columns.flatMap((header, index) => {
    const m = /^(\d{4})年/u.exec(header.trim());
    return m ? [{ index, year: Number(m[1]), header }] : [];
  });
  if (name === null || years.length === 0) return null;
  return { name, unit: find(/单位/u), attribute: find(/属性/u), change: find(/年均|累计/u), years };
}

const EMPTY = /^(?:—+|-+|–|\/|)$/u;

interface Cell {
  value: number | null;
  valueMax: number | null;
  text: string;
  bound: Bound;
  qualifiers: string[];
}

/** A cell is a figure only when all of it is one (≤4.03, 42左右, [4左右]); anything else is text. */
function readCell(raw: string): Cell {
  const text = raw.trim();
  const inner = /^\[(.*)\]$/u.exec(text)?.[1] ?? text;
  const norm = normalize(inner).text;
  const figure = readFigure(norm);
  if (!figure || figure.length !== norm.length || figure.unit) return { value: null, valueMax: null, text, bound: 'exact', qualifiers: [] };
  const qualifiers = [figure.before, figure.after].filter((q): q is string => q !== null);
  const bound: Bound = figure.valueMax !== null ? 'range' : /[≤<≦]|以下|以内/u.test(qualifiers.join('')) ? 'max' : /[≥>≧]|以上/u.test(qualifiers.join('')) ? 'min' : /左右|上下/u.test(qualifiers.join('')) ? 'approx' : 'exact';
  return { value: figure.value, valueMax: figure.valueMax, text, bound, qualifiers };
}

/** 森林/草原火灾受害控制率 with ≤ 0.9/3 is two indicators; the names share the tail after the first part. */
function splitPair(name: string, unit: string | null, cell: string): { names: string[]; units: (string | null)[]; cells: string[]; symbol: string | null } | null {
  const parts = name.split('/');
  const symbol = /^([≤≥<>])/u.exec(cell.trim())?.[1] ?? null;
  const values = cell
    .trim()
    .replace(/^[≤≥<>]\s*/u, '')
    .split('/');
  if (parts.length !== 2 || values.length !== 2) return null;
  const [first, second] = parts as [string, string];
  const tail = second.slice(first.length);
  const units = unit?.includes('/') && unit.split('/').length === 2 ? unit.split('/') : [unit, unit];
  return { names: [first + tail, second], units, cells: values.map((v) => v.trim()), symbol };
}

function rowCells(row: Clause, layout: Layout) {
  const cells = row.cells ?? [];
  const at = (i: number | null) => (i === null ? null : (cells[i] ?? '').trim());
  const unit = at(layout.unit);
  return { cells, name: at(layout.name) ?? '', unit: unit && !EMPTY.test(unit) ? unit : null, attribute: at(layout.attribute) || null };
}

/** Where each cell sits in the row's text: the text is the cells joined, in order. */
function cellSpans(row: Clause): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (const cell of row.cells ?? []) {
    const at = row.text.indexOf(cell.trim(), from);
    spans.push(at >= 0 ? [at, at + cell.trim().length] : [0, 0]);
    if (at >= 0) from = at + cell.trim().length;
  }
  return spans;
}

/** An indicator named with its direction (单位GDP二氧化碳排放降低) is a reduction. */
function nameAndDirection(name: string): { phrase: string; direction: RawTarget['direction'] } {
  const m = /^(.+?)(降低|下降)$/u.exec(name);
  return m ? { phrase: m[1] as string, direction: 'reduce' } : { phrase: name, direction: 'reach' };
}

/** Every target one table row holds. */
export function tableTargets(row: Clause, table: Clause | null): RawTarget[] {
  const layout = table?.table ? layoutOf(table.table.columns) : null;
  if (!layout || !row.cells) return [];
  const { cells, name, unit, attribute } = rowCells(row, layout);
  const spans = cellSpans(row);
  const base = layout.years.length > 1 ? layout.years[0] : undefined;
  const goals = base ? layout.years.slice(1) : layout.years;
  const out: RawTarget[] = [];
  const emit = (o: { phrase: string; direction: RawTarget['direction']; unit: string | null; cell: string; span: [number, number]; year: number; column: string; baseline: string | null; symbol?: string | null }) => {
    if (EMPTY.test(o.cell.trim())) return;
    const c = withSymbol(readCell(o.cell), o.symbol ?? null);
    const b = o.baseline === null ? null : readCell(o.baseline);
    const inCell = spanOf(o.span, row.text, c.text);
    out.push({
      phrase: o.phrase,
      value: c.value,
      valueMax: c.valueMax,
      valueText: c.text,
      unit: o.unit,
      year: o.year,
      yearSource: 'column',
      baselineYear: base?.year ?? null,
      baselineValue: b?.value ?? null,
      baselineText: b?.text ?? null,
      direction: o.direction,
      bound: c.bound,
      qualifiers: c.qualifiers,
      aspirational: false,
      attribute: attribute && !EMPTY.test(attribute) ? attribute : null,
      column: o.column,
      source: 'table',
      span: inCell,
    });
  };
  const { phrase, direction } = nameAndDirection(name);
  for (const goal of goals) {
    const cell = cells[goal.index] ?? '';
    const baseCell = base ? (cells[base.index] ?? '') : null;
    const pair = splitPair(phrase, unit, cell);
    const basePair = pair && baseCell !== null ? splitPair(phrase, unit, baseCell) : null;
    if (pair) {
      pair.names.forEach((n, i) =>
        emit({ phrase: n, direction, unit: pair.units[i] ?? null, cell: pair.cells[i] as string, symbol: pair.symbol, span: spans[goal.index] ?? [0, 0], year: goal.year, column: goal.header, baseline: basePair?.cells[i] ?? null }),
      );
    } else {
      emit({ phrase, direction, unit, cell, span: spans[goal.index] ?? [0, 0], year: goal.year, column: goal.header, baseline: baseCell });
    }
  }
  if (layout.change !== null) {
    const header = table?.table?.columns[layout.change] ?? '';
    const cell = cells[layout.change] ?? '';
    const cumulative = /^\[.*\]$/u.test(cell.trim());
    const last = layout.years.at(-1) as Layout['years'][number];
    emit({
      phrase,
      direction: direction === 'reduce' ? 'reduce' : cumulative ? 'increase' : 'reach',
      // A change in a share is counted in percentage points.
      unit: unit === '%' && cumulative ? '个百分点' : unit,
      cell,
      span: spans[layout.change] ?? [0, 0],
      year: last.year,
      column: header,
      baseline: null,
    });
    const t = out.at(-1);
    if (t && t.column === header) {
      t.baselineYear = base?.year ?? null;
      if (!cumulative && t.value !== null) t.qualifiers = ['年均', ...t.qualifiers];
      if (cumulative) t.qualifiers = ['累计', ...t.qualifiers];
      // 完成国家下达目标 in the change column says how the reduction is set, not a figure.
    }
  }
  return out;
}

/** A paired cell's shared symbol (≤ 0.9/3) bounds both figures. */
function withSymbol(cell: Cell, symbol: string | null): Cell {
  if (!symbol || cell.value === null) return cell;
  return { ...cell, qualifiers: [symbol, ...cell.qualifiers], bound: /[≤<]/u.test(symbol) ? 'max' : 'min' };
}

/** The display span of a (sub-)cell within the row text. */
function spanOf(cellSpan: [number, number], rowText: string, text: string): [number, number] {
  const at = rowText.indexOf(text, cellSpan[0]);
  return at >= 0 && at < cellSpan[1] ? [at, at + text.length] : cellSpan;
}
