// Targets as the API, the CSV/JSON downloads and the pages show them: one flat record per
// target carrying its citation and permalink, Chinese labels for the table, and the geometry of
// the server-rendered bar charts (drawn by views/partials/bar-chart.ejs, no client script).
import type { Target } from '../enrich/targets/index.js';
import { formatNumber } from '../enrich/units.js';
import type { Library } from '../library/library.js';
import { LEVEL_LABELS } from '../ingest/types.js';
import type { IdentityFilters } from '../search/types.js';
import type { ChartGroup, LevelCheck, ProvinceCheck, TargetQuery, UpperLevel } from '../search/targets/index.js';
import { urls } from './urls.js';
import { OBLIGATION_LABELS, type ObligationGrade } from '../enrich/obligation.js';
import { inTextOf } from './citation.js';
import { columnsOf, type Cell, type CellKind, type Table, type TableColumn } from './table.js';

export const DIRECTION_LABELS: Record<Target['direction'], string> = { reach: '达到', reduce: '下降', increase: '提高' };
export const RELATION_LABELS: Record<NonNullable<ProvinceCheck['relation']>, string> = { above: '高于省级', below: '低于省级', equal: '与省级持平' };
/** The vertical check's words per level compared with; the province's are RELATION_LABELS. */
export const LEVEL_RELATION_LABELS: Record<UpperLevel, Record<NonNullable<ProvinceCheck['relation']>, string>> = {
  national: { above: '高于国家', below: '低于国家', equal: '与国家持平' },
  province: RELATION_LABELS,
  city: { above: '高于市级', below: '低于市级', equal: '与市级持平' },
};
export const AMBITION_LABELS: Record<NonNullable<ProvinceCheck['ambition']>, string> = { stricter: '更积极', looser: '较宽松', same: '相同' };
export const SOURCE_LABELS: Record<Target['source'], string> = { prose: '正文', table: '指标表' };
/** The vertical check's flag on a figure that binds less than the one above it. */
export const SOFTER_LABEL = '约束弱于上级';

export interface TargetRecord {
  id: string;
  doc: string;
  docTitle: string;
  jurisdiction: string | null;
  level: string | null;
  clause: string;
  clauseLabel: string;
  indicator: string;
  indicatorLabel: string;
  canonical: boolean;
  phrase: string;
  value: number | null;
  valueMax: number | null;
  valueText: string;
  unit: string | null;
  baseValue: number | null;
  baseValueMax: number | null;
  baseUnit: string | null;
  compareValue: number | null;
  compareUnit: string | null;
  year: number | null;
  yearSource: Target['yearSource'];
  baselineYear: number | null;
  baselineValue: number | null;
  baselineText: string | null;
  direction: Target['direction'];
  bound: Target['bound'];
  qualifier: string | null;
  aspirational: boolean;
  attribute: string | null;
  /** How binding the figure is: binding, strive, guiding or exploratory; null where nothing says. */
  obligation: ObligationGrade | null;
  source: Target['source'];
  column: string | null;
  /** The clause's full plain text, and where the figure sits in it. */
  text: string;
  span: [number, number];
  citation: string;
  url: string;
  permalink: string;
  /** The vertical check: the figures of the plans of the nation, the province and the city above the document. */
  national: UpperFigure | null;
  province: UpperFigure | null;
  city: UpperFigure | null;
}

/** The figure of the plans of one jurisdiction above, for the same indicator, year and measure. */
export interface UpperFigure {
  target: string;
  doc: string;
  /** 国家, 四川省, 达州市. */
  jurisdiction: string;
  valueText: string;
  /** Their figure as the table shows it (unit and comparable value included). */
  label: string;
  value: number | null;
  compareValue: number | null;
  compareUnit: string | null;
  url: string;
  relation: ProvinceCheck['relation'];
  ambition: ProvinceCheck['ambition'];
  obligation: ObligationGrade | null;
  /** The local figure binds less than this one (力争 where this is 约束性). */
  softer: boolean;
}

function upperFigure(checks: LevelCheck[] | undefined, level: UpperLevel): UpperFigure | null {
  const c = checks?.find((x) => x.level === level);
  if (!c) return null;
  const t = c.target;
  const figure = { target: t.id, doc: t.doc, jurisdiction: c.jurisdiction, valueText: t.valueText, label: figureLabel(t), value: t.value };
  return { ...figure, compareValue: t.compareValue, compareUnit: t.compareUnit, url: urls.clause(t.clause), relation: c.relation, ambition: c.ambition, obligation: t.obligation, softer: c.softer };
}

/** `check` is the target's vertical check (verticalChecks in src/search/targets.ts). */
export function targetRecord(o: { library: Library; target: Target; check: LevelCheck[] | undefined; origin: string }): TargetRecord {
  const { library, target: t, check } = o;
  const doc = library.getDocument(t.doc);
  const clause = library.getClause(t.clause);
  const url = urls.clause(t.clause);
  return {
    id: t.id,
    doc: t.doc,
    docTitle: doc?.title ?? t.doc,
    jurisdiction: doc?.jurisdiction ?? null,
    level: doc?.level ?? null,
    clause: t.clause,
    clauseLabel: clause?.label ?? '',
    indicator: t.indicator,
    indicatorLabel: t.indicatorLabel,
    canonical: t.canonical,
    phrase: t.phrase,
    value: t.value,
    valueMax: t.valueMax,
    valueText: t.valueText,
    unit: t.unit,
    baseValue: t.baseValue,
    baseValueMax: t.baseValueMax,
    baseUnit: t.baseUnit,
    compareValue: t.compareValue,
    compareUnit: t.compareUnit,
    year: t.year,
    yearSource: t.yearSource,
    baselineYear: t.baselineYear,
    baselineValue: t.baselineValue,
    baselineText: t.baselineText,
    direction: t.direction,
    bound: t.bound,
    qualifier: t.qualifier,
    aspirational: t.aspirational,
    attribute: t.attribute,
    obligation: t.obligation,
    source: t.source,
    column: t.column,
    text: clause?.text ?? '',
    span: t.span,
    citation: clause ? inTextOf(library, clause) : '',
    url,
    permalink: `${o.origin}${url}`,
    national: upperFigure(check, 'national'),
    province: upperFigure(check, 'province'),
    city: upperFigure(check, 'city'),
  };
}

/** The figure as a reader wants it: as written, plus the comparable value when the unit changed. */
export function figureLabel(r: Pick<TargetRecord, 'valueText' | 'unit' | 'compareValue' | 'compareUnit' | 'source'>): string {
  const written = r.source === 'table' ? withUnit(r.valueText, r.unit) : r.valueText;
  if (r.compareValue === null || r.compareUnit === r.unit) return written;
  return `${written}（${formatNumber(r.compareValue)}${r.compareUnit ?? ''}）`;
}

/** A table cell names its unit in another column: 42左右 with % reads 42%左右, [4左右] reads 4个百分点左右. */
function withUnit(cell: string, unit: string | null): string {
  const m = /^\[?([≤≥<>]?)\s*(\d+(?:\.\d+)?)(.*?)\]?$/u.exec(cell);
  return m && unit ? `${m[1]}${m[2]}${unit}${m[3]}` : cell;
}

/** The targets as JSON, for /api/targets, /targets.json and `npm run targets --json`: the query echoed, the rows. */
/** The download's and the API's object; `query` echoes the filters, the documents' identity filters among them. */
export function targetsJson(query: TargetQuery, records: TargetRecord[], identity: Required<IdentityFilters> = NO_IDENTITY) {
  return { query: { ...query.filters, ...identity, sort: query.sort, order: query.order }, total: records.length, targets: records };
}

const NO_IDENTITY: Required<IdentityFilters> = { regions: [], issuers: [], types: [], statuses: [], issued: [] };

/** Typed columns of the targets download: numbers stay numbers, the permalink a link. */
const TARGET_COLUMNS: TableColumn[] = columnsOf([
  ['指标标识', 'text', 18],
  ['指标', 'text', 18],
  ['原文指标', 'text', 24],
  ['地区', 'text', 10],
  ['层级', 'text', 8],
  ['文档', 'text', 32],
  ['目标年份', 'number', 10],
  ['目标（原文）', 'text', 16],
  ['数值', 'number', 10],
  ['上限', 'number', 10],
  ['单位', 'text', 8],
  ['比较值', 'number', 10],
  ['比较单位', 'text', 8],
  ['方向', 'text', 8],
  ['基准年', 'number', 8],
  ['基准值', 'text', 12],
  ['限定', 'text', 12],
  ['属性', 'text', 8],
  ['约束程度', 'text', 8],
  ['来源', 'text', 8],
  ...(['国家', '省级', '市级'] as const).flatMap((l): [string, CellKind, number][] => [
    [`${l}目标`, 'text', 14],
    [`与${l}比较`, 'text', 12],
  ]),
  ['条款', 'text', 14],
  ['引用', 'text', 40],
  ['固定链接', 'link', 40],
]);

export function targetsTable(records: TargetRecord[]): Table {
  const rows = records.map((r): Cell[] => [
    r.indicator,
    r.indicatorLabel,
    r.phrase,
    r.jurisdiction ?? '',
    r.level ? LEVEL_LABELS[r.level as keyof typeof LEVEL_LABELS] : '',
    r.docTitle,
    r.year,
    r.valueText,
    r.value,
    r.valueMax,
    r.unit ?? '',
    r.compareValue,
    r.compareUnit ?? '',
    DIRECTION_LABELS[r.direction],
    r.baselineYear,
    r.baselineText ?? '',
    r.qualifier ?? '',
    r.attribute ?? '',
    r.obligation ? OBLIGATION_LABELS[r.obligation] : '',
    SOURCE_LABELS[r.source],
    ...(['national', 'province', 'city'] as const).flatMap((level): Cell[] => {
      const f = r[level];
      return [f?.label ?? '', [f?.relation ? LEVEL_RELATION_LABELS[level][f.relation] : '', f?.softer ? SOFTER_LABEL : ''].filter(Boolean).join('；')];
    }),
    r.clauseLabel,
    r.citation,
    r.permalink,
  ]);
  return { name: '量化目标', columns: TARGET_COLUMNS, rows };
}

export interface ChartRow {
  y: number;
  label: string;
  sublabel: string;
  width: number;
  value: string;
  href: string;
  title: string;
  levelClass: string;
}

export interface Chart {
  title: string;
  width: number;
  height: number;
  labelWidth: number;
  barArea: number;
  rowHeight: number;
  rows: ChartRow[];
  /** x of the province's figure, for a dashed reference line. */
  provinceX: number | null;
  provinceLabel: string | null;
  axis: { x: number; label: string }[];
}

const CHART = { width: 760, labelWidth: 150, barArea: 430, rowHeight: 30, top: 24, bottom: 26 } as const;

/** An axis end and tick step of 1, 2, 2.5 or 5 × 10ⁿ, with at most five intervals. */
export function niceAxis(top: number): { max: number; step: number } {
  if (!(top > 0)) return { max: 1, step: 0.25 };
  const raw = top / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) as number) * power;
  return { max: Math.ceil(top / step - 1e-9) * step, step };
}

/** Bar geometry for one year and measure; every bar links to its clause. */
export function barChart(group: ChartGroup): Chart {
  const values = group.bars.map((b) => b.target.compareValue ?? 0);
  const { max, step } = niceAxis(Math.max(...values, group.province?.compareValue ?? 0));
  const scale = (v: number) => Math.round((Math.max(0, v) / max) * CHART.barArea * 10) / 10;
  const rows = group.bars.map((b, i) => ({
    y: CHART.top + i * CHART.rowHeight,
    label: b.doc.jurisdiction ?? b.doc.title,
    sublabel: b.doc.level ? LEVEL_LABELS[b.doc.level] : '',
    width: scale(b.target.compareValue ?? 0),
    value: `${formatNumber(b.target.compareValue ?? 0)}${group.unit === '%' ? '%' : ''}${b.target.qualifier ? ` ${b.target.qualifier}` : ''}`,
    href: urls.clause(b.target.clause),
    title: `${b.doc.title}：${b.target.phrase} ${b.target.valueText}`,
    levelClass: `bar-${b.doc.level ?? 'none'}`,
  }));
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => ({ x: CHART.labelWidth + scale(i * step), label: formatNumber(Number.parseFloat((i * step).toPrecision(6))) }));
  const provinceValue = group.province?.compareValue ?? null;
  return {
    title: `${group.year ?? '年份未写明'}年 · ${group.label}`,
    width: CHART.width,
    height: CHART.top + rows.length * CHART.rowHeight + CHART.bottom,
    labelWidth: CHART.labelWidth,
    barArea: CHART.barArea,
    rowHeight: CHART.rowHeight,
    rows,
    provinceX: provinceValue === null ? null : CHART.labelWidth + scale(provinceValue),
    provinceLabel: provinceValue === null ? null : `省级 ${formatNumber(provinceValue)}`,
    axis: ticks,
  };
}

/** One column of a distribution chart: a jurisdiction's figure, as a link to its clause. */
export interface DistributionBar {
  x: number;
  y: number;
  height: number;
  href: string;
  title: string;
  levelClass: string;
}

/** A reference line across a distribution chart: the nation's, the province's, the median. */
export interface ReferenceLine {
  y: number;
  label: string;
  kind: 'national' | 'province' | 'median';
}

export interface Distribution {
  title: string;
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: DistributionBar[];
  barWidth: number;
  axis: { y: number; label: string }[];
  lines: ReferenceLine[];
  /** The highest and lowest columns, named under the chart. */
  ends: { label: string; value: string; href: string }[];
  count: number;
}

const DIST = { width: 960, left: 48, right: 120, top: 16, plotHeight: 220, bottom: 28, maxBar: 14, gap: 1 } as const;

/** Above this many jurisdictions a chart is drawn as a distribution: one thin column each, sorted. */
export const DISTRIBUTION_FROM = 40;

const valueText = (group: ChartGroup, v: number) => `${formatNumber(v)}${group.unit === '%' ? '%' : ''}`;

/**
 * Many jurisdictions on one measure: every figure a column, highest first, with the national
 * figure, the province's (where one province is charted) and the median as lines. At 300
 * columns it stays one screen wide and legible; each column still links to its clause.
 */
export function distributionChart(group: ChartGroup): Distribution {
  const sorted = [...group.bars].sort((a, b) => (b.target.compareValue ?? 0) - (a.target.compareValue ?? 0));
  const values = sorted.map((b) => b.target.compareValue ?? 0);
  const { max, step } = niceAxis(Math.max(...values, 0));
  const plotWidth = DIST.width - DIST.left - DIST.right;
  const slot = Math.min(DIST.maxBar + DIST.gap, plotWidth / Math.max(1, sorted.length));
  const barWidth = Math.max(1, Math.round((slot - (slot > 3 ? DIST.gap : 0)) * 10) / 10);
  const bottom = DIST.top + DIST.plotHeight;
  const yOf = (v: number) => Math.round((bottom - (Math.max(0, v) / max) * DIST.plotHeight) * 10) / 10;
  const bars = sorted.map((b, i) => {
    const y = yOf(b.target.compareValue ?? 0);
    const place = b.doc.jurisdiction ?? b.doc.title;
    return {
      x: Math.round((DIST.left + i * slot) * 10) / 10,
      y,
      height: Math.max(1, bottom - y),
      href: urls.clause(b.target.clause),
      title: `${place}${b.doc.level ? ` ${LEVEL_LABELS[b.doc.level]}` : ''}：${valueText(group, b.target.compareValue ?? 0)}（${b.target.valueText}）`,
      levelClass: `bar-${b.doc.level ?? 'none'}`,
    };
  });
  const lines: ReferenceLine[] = [];
  const national = sorted.find((b) => b.doc.level === 'national');
  if (national) lines.push({ y: yOf(national.target.compareValue ?? 0), label: `国家 ${valueText(group, national.target.compareValue ?? 0)}`, kind: 'national' });
  const provinces = sorted.filter((b) => b.doc.level === 'province');
  if (provinces.length === 1) lines.push({ y: yOf(provinces[0]?.target.compareValue ?? 0), label: `${provinces[0]?.doc.jurisdiction ?? '省级'} ${valueText(group, provinces[0]?.target.compareValue ?? 0)}`, kind: 'province' });
  const median = values.length ? ([...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] as number) : 0;
  lines.push({ y: yOf(median), label: `中位数 ${valueText(group, median)}`, kind: 'median' });
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => ({ y: yOf(i * step), label: formatNumber(Number.parseFloat((i * step).toPrecision(6))) }));
  const end = (b: (typeof sorted)[number] | undefined) => (b ? [{ label: b.doc.jurisdiction ?? b.doc.title, value: valueText(group, b.target.compareValue ?? 0), href: urls.clause(b.target.clause) }] : []);
  return {
    title: `${group.year ?? '年份未写明'}年 · ${group.label}（${sorted.length} 个地区，由高到低）`,
    width: DIST.width,
    height: bottom + DIST.bottom,
    plot: { left: DIST.left, right: DIST.width - DIST.right, top: DIST.top, bottom },
    bars,
    barWidth,
    axis: ticks,
    lines,
    ends: [...end(sorted[0]), ...end(sorted.at(-1))],
    count: sorted.length,
  };
}
