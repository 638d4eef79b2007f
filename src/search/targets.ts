// Questions asked of the targets: filter by indicator, document, year and level; sort; pick the
// one figure that stands for a plan on a chart; and the vertical check, which puts the figures
// of the plans above a document (its city, its province, the nation) for the same indicator,
// year and measure beside its own, following the jurisdiction tree of the division table.
import { groupBy } from '../group.js';
import type { Indicator } from '../enrich/indicators.js';
import type { Target } from '../enrich/targets.js';
import { baseUnit, convert } from '../enrich/units.js';
import { AppError, quoteValue } from '../errors.js';
import type { Library } from '../library/library.js';
import { chainOf, divisionByCode } from '../ingest/infer/divisions.js';
import { LEVEL_ORDER, type DocumentMeta, type Level } from '../ingest/types.js';
import { readParams, TARGET_SORTS, type ParamsOf } from './params.js';

export interface TargetFilters {
  indicators: string[];
  docs: string[];
  years: number[];
  levels: Level[];
}

export { TARGET_SORTS };
export type TargetSort = (typeof TARGET_SORTS)[number];

export interface TargetQuery {
  filters: TargetFilters;
  sort: TargetSort;
  order: 'asc' | 'desc';
}

const knownIndicators = new WeakMap<Library, Set<string>>();

/** Indicators a filter may name: the data file's and those of extracted targets; read once per library. */
function indicatorIds(library: Library): Set<string> {
  let ids = knownIndicators.get(library);
  if (!ids) {
    ids = new Set([...library.enrichment.indicators.byId.keys(), ...library.enrichment.targets.map((t) => t.indicator)]);
    knownIndicators.set(library, ids);
  }
  return ids;
}

/**
 * Reads and checks ?indicator=&doc=&year=&level=&sort=&order= once; a bad value is a 400 naming
 * it. `strict` refuses unknown parameters (the API, downloads and CLI; pages ignore them).
 */
export function targetQuery(raw: Record<string, unknown>, library: Library, options: { strict?: boolean } = {}): TargetQuery {
  return targetQueryFrom(readParams('targets', raw, options), library);
}

/** The same, from parameters already read by readParams: the checks that need the corpus. */
export function targetQueryFrom(p: ParamsOf<'targets'>, library: Library): TargetQuery {
  const known = indicatorIds(library);
  const indicators = p.indicator ?? [];
  for (const id of indicators) if (!known.has(id)) throw new AppError('FILTER_UNKNOWN', `indicator=${quoteValue(id)}`);
  const docs = p.doc ?? [];
  for (const id of docs) if (!library.getDocument(id)) throw new AppError('FILTER_UNKNOWN', `doc=${quoteValue(id)}`);
  const filters = { indicators, docs, years: (p.year ?? []).map(Number), levels: (p.level ?? []) as Level[] };
  return { filters, sort: (p.sort ?? 'indicator') as TargetSort, order: p.order === 'desc' ? 'desc' : 'asc' };
}

export function filterTargets(library: Library, filters: TargetFilters): Target[] {
  return library.enrichment.targets.filter((t) => {
    if (filters.indicators.length && !filters.indicators.includes(t.indicator)) return false;
    if (filters.docs.length && !filters.docs.includes(t.doc)) return false;
    if (filters.years.length && (t.year === null || !filters.years.includes(t.year))) return false;
    if (filters.levels.length) {
      const level = library.getDocument(t.doc)?.level;
      if (!level || !filters.levels.includes(level)) return false;
    }
    return true;
  });
}

const keysOf = new WeakMap<Library, { docRank: Map<string, number>; indicatorRank: (t: Target) => number }>();

/**
 * Integer sort keys, worked out once per library rather than per request: documents in library
 * order; indicators in the data file's order (energy, then intensity, industry …), then the rest,
 * each by its label in Chinese collation.
 */
function sortKeys(library: Library) {
  let keys = keysOf.get(library);
  if (!keys) {
    const catalogOrder = new Map(library.enrichment.indicators.indicators.map((ind, i) => [ind.id, i]));
    const keyOf = (t: Pick<Target, 'indicator' | 'indicatorLabel'>) => `${t.indicator}\u0000${t.indicatorLabel}`;
    const collator = new Intl.Collator('zh-Hans-CN');
    const pairs = [...new Map(library.enrichment.targets.map((t) => [keyOf(t), t])).values()].sort(
      (a, b) => (catalogOrder.get(a.indicator) ?? catalogOrder.size) - (catalogOrder.get(b.indicator) ?? catalogOrder.size) || collator.compare(a.indicatorLabel, b.indicatorLabel),
    );
    const rank = new Map(pairs.map((t, i) => [keyOf(t), i]));
    keys = { docRank: new Map(library.documents.map((d, i) => [d.id, i])), indicatorRank: (t) => rank.get(keyOf(t)) ?? rank.size };
    keysOf.set(library, keys);
  }
  return keys;
}

/**
 * Sorted copies; ties keep the input's order (corpus order, as filterTargets returns it), so an
 * indicator's rows stay grouped by jurisdiction. Indicators sort in the data file's order, then the rest by label.
 */
export function sortTargets(library: Library, targets: Target[], query: Pick<TargetQuery, 'sort' | 'order'>): Target[] {
  const { docRank, indicatorRank } = sortKeys(library);
  const sign = query.order === 'desc' ? -1 : 1;
  // Each target's keys are looked up once, not in every comparison.
  const items = targets.map((t, i) => ({ t, i, indicator: indicatorRank(t), doc: docRank.get(t.doc) ?? 0 }));
  type Item = (typeof items)[number];
  const nulls = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : sign * (a - b));
  const key: Record<TargetSort, (a: Item, b: Item) => number> = {
    indicator: (a, b) => sign * (a.indicator - b.indicator),
    doc: (a, b) => sign * (a.doc - b.doc),
    year: (a, b) => nulls(a.t.year, b.t.year),
    value: (a, b) => nulls(a.t.compareValue, b.t.compareValue),
  };
  const order = [key[query.sort], key.indicator, key.doc, key.year];
  return items
    .sort((a, b) => {
      for (const compare of order) {
        const c = compare(a, b);
        if (c !== 0) return c;
      }
      return a.i - b.i;
    })
    .map(({ t }) => t);
}

/**
 * Figures compare only within one measure: a level in the same base unit, or a change against
 * the same base year (下降19% vs 2020 and 下降70% vs 2005 are different promises).
 */
export function measureOf(t: Target): string {
  const unit = baseUnit(t.compareUnit).unit ?? '';
  return t.direction === 'reach' ? `reach|${unit}` : `${t.direction}|${unit}|${t.baselineYear ?? ''}`;
}

export function measureLabel(t: Target): string {
  const unit = t.compareUnit ?? '无量纲';
  if (t.direction === 'reach') return `目标值（${unit}）`;
  const verb = t.direction === 'reduce' ? '下降' : '提高';
  return `${t.baselineYear ? `比${t.baselineYear}年` : ''}${verb}（${unit}）`;
}

/**
 * The figure that stands for a document on a chart and in the vertical check, per indicator,
 * year and measure: a table cell before prose, a firm figure before a 力争 one, a number
 * before text, the first stated otherwise.
 */
export function headline(targets: Target[]): Target | null {
  const rank = (t: Target) => (t.compareValue === null ? 4 : 0) + (t.aspirational ? 2 : 0) + (t.source === 'table' ? 0 : 1);
  let best: Target | null = null;
  for (const t of targets) if (!best || rank(t) < rank(best)) best = t;
  return best;
}

function groupKey(t: Target): string {
  return `${t.indicator}|${t.year ?? ''}|${measureOf(t)}`;
}

export interface ProvinceCheck {
  /** The province's headline figure for the same indicator, year and measure. */
  province: Target;
  relation: 'above' | 'below' | 'equal' | null;
  /** Whether the local figure asks more than the province's, by the indicator's direction. */
  ambition: 'stricter' | 'looser' | 'same' | null;
}

/** The levels a plan answers to: the nation, its province, its city. */
export type UpperLevel = Exclude<Level, 'county'>;

/** One step of the vertical check: the figure of the plans of one jurisdiction above the document's. */
export interface LevelCheck extends Omit<ProvinceCheck, 'province'> {
  level: UpperLevel;
  /** 国家, 四川省, 达州市. */
  jurisdiction: string;
  /** Their headline figure for the same indicator, year and measure. */
  target: Target;
}

export interface UpperJurisdiction {
  level: UpperLevel;
  name: string;
  /** GB/T 2260 code; null for the nation, or where the document names its parent without one. */
  code: string | null;
}

const NATION: UpperJurisdiction = { level: 'national', name: '国家', code: null };

/**
 * The jurisdictions above a document, nation first: through the division table from its admin
 * code (渠县 511725 → 四川省, 达州市), else from its parent's code, else from the names its
 * parent carries (a catalogue or a synthetic corpus without codes).
 */
export function jurisdictionsAbove(doc: Pick<DocumentMeta, 'level' | 'adminCode' | 'parent'>): UpperJurisdiction[] {
  if (doc.level === 'national' || doc.level === null) return [];
  const own = doc.adminCode ? divisionByCode(doc.adminCode) : null;
  const parent = !own && doc.parent?.adminCode ? divisionByCode(doc.parent.adminCode) : null;
  const base = own ?? parent;
  const chain = base ? chainOf(base) : null;
  const above: UpperJurisdiction[] = chain
    ? chain.filter((d) => d.level !== 'county').map((d) => ({ level: d.level as UpperLevel, name: d.name, code: d.code }))
    : namedParents(doc);
  // The document's own level decides what is above it: a 新区 carries its city's code but is
  // city level itself, and a district the table lacks may carry its city's.
  const rank = LEVEL_ORDER.indexOf(doc.level);
  return [NATION, ...above.filter((j) => LEVEL_ORDER.indexOf(j.level) < rank)];
}

/** A county's parent is its city when the catalogue names the province as well, else its province. */
function namedParents(doc: Pick<DocumentMeta, 'parent'>): UpperJurisdiction[] {
  const { parent } = doc;
  if (!parent) return [];
  if (parent.province) return [{ level: 'province', name: parent.province, code: null }, { level: 'city', name: parent.name, code: parent.adminCode }];
  return [{ level: 'province', name: parent.name, code: parent.adminCode }];
}

/** The library's plans of one jurisdiction: by code where both sides have one, else by name. */
function plansOf(library: Library, j: UpperJurisdiction): DocumentMeta[] {
  if (j.level === 'national') return library.documents.filter((d) => d.level === 'national');
  return library.documents.filter((d) => d.level === j.level && (j.code && d.adminCode ? d.adminCode === j.code : d.jurisdiction === j.name));
}

/** Each jurisdiction above a document with the plans the library holds for it, nation first; levels without a plan are left out. */
export function plansAbove(library: Library, doc: DocumentMeta): (UpperJurisdiction & { docs: DocumentMeta[] })[] {
  return jurisdictionsAbove(doc)
    .map((j) => ({ ...j, docs: plansOf(library, j) }))
    .filter((j) => j.docs.length > 0);
}

/** The province a document belongs to: the first of its province's plans in the library. */
export function provinceOf(library: Library, doc: DocumentMeta): DocumentMeta | null {
  return plansAbove(library, doc).find((j) => j.level === 'province')?.docs[0] ?? null;
}

/**
 * Beside each target, the figures of the plans above its document for the same indicator, year
 * and measure, nation first: a county against its city, its province and the nation, a city
 * against its province and the nation, a province against the nation, wherever the library
 * holds those plans. Where a jurisdiction has several plans, their headline figure stands for it.
 */
export function verticalChecks(library: Library): Map<string, LevelCheck[]> {
  const catalog = library.enrichment.indicators;
  const byDoc = groupBy(library.enrichment.targets, (t) => `${t.doc}|${groupKey(t)}`);
  const above = new Map<string, (UpperJurisdiction & { docs: DocumentMeta[] })[]>();
  const checks = new Map<string, LevelCheck[]>();
  for (const t of library.enrichment.targets) {
    const doc = library.getDocument(t.doc);
    if (!doc || t.year === null) continue;
    if (!above.has(doc.id)) above.set(doc.id, plansAbove(library, doc));
    const list: LevelCheck[] = [];
    for (const j of above.get(doc.id) ?? []) {
      const theirs = headline(j.docs.flatMap((d) => byDoc.get(`${d.id}|${groupKey(t)}`) ?? []));
      if (theirs) list.push({ level: j.level, jurisdiction: j.name, target: theirs, ...compareWith(t, theirs, catalog.byId.get(t.indicator)?.better ?? null) });
    }
    if (list.length > 0) checks.set(t.id, list);
  }
  return checks;
}

/** Beside each city's or county's target, the province's figure, marked above, below or equal. */
export function provinceChecks(library: Library): Map<string, ProvinceCheck> {
  const out = new Map<string, ProvinceCheck>();
  for (const [id, list] of verticalChecks(library)) {
    const p = list.find((c) => c.level === 'province');
    if (p) out.set(id, { province: p.target, relation: p.relation, ambition: p.ambition });
  }
  return out;
}

function compareWith(t: Target, upper: Target, better: Indicator['better']): Pick<ProvinceCheck, 'relation' | 'ambition'> {
  const mine = t.compareValue;
  const theirs = upper.compareValue === null ? null : convert(upper.compareValue, upper.compareUnit, t.compareUnit);
  if (mine === null || theirs === null) return { relation: null, ambition: null };
  const relation = mine > theirs ? 'above' : mine < theirs ? 'below' : 'equal';
  // A county's 20万千瓦 is below the province's 12900万千瓦 by size, not by ambition: only
  // shares, rates, intensities and changes say how demanding a plan is.
  const intensive = t.direction !== 'reach' || t.compareUnit === '%' || t.compareUnit === null || (t.compareUnit ?? '').includes('/');
  if (!intensive) return { relation, ambition: null };
  const up = t.direction === 'reach' ? better : 'higher';
  const ambition = relation === 'equal' ? 'same' : up === null ? null : (relation === 'above') === (up === 'higher') ? 'stricter' : 'looser';
  return { relation, ambition };
}

export interface ChartBar {
  doc: DocumentMeta;
  target: Target;
}

export interface ChartGroup {
  year: number | null;
  measure: string;
  label: string;
  unit: string | null;
  bars: ChartBar[];
  /** The province's figure when the province is among the bars, for a reference line. */
  province: Target | null;
}

/** One chart per target year and measure: a bar per document, its headline figure. */
export function chartGroups(library: Library, targets: Target[]): ChartGroup[] {
  const groups = groupBy(
    targets.filter((t) => t.compareValue !== null),
    (t) => `${t.year ?? ''}|${measureOf(t)}`,
  );
  const out: ChartGroup[] = [];
  for (const list of groups.values()) {
    const byDoc = groupBy(list, (t) => t.doc);
    const bars = library.documents.flatMap((doc) => {
      const best = headline(byDoc.get(doc.id) ?? []);
      return best ? [{ doc, target: best }] : [];
    });
    const first = bars[0]?.target as Target;
    out.push({
      year: first.year,
      measure: measureOf(first),
      label: measureLabel(first),
      unit: first.compareUnit,
      bars,
      province: bars.find((b) => b.doc.level === 'province')?.target ?? null,
    });
  }
  return out.sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999) || b.bars.length - a.bars.length || a.measure.localeCompare(b.measure));
}

export interface IndicatorSummary {
  id: string;
  label: string;
  canonical: boolean;
  count: number;
  /** Targets per document id. */
  counts: Record<string, number>;
  years: number[];
  /** The wordings plans use for it. */
  phrases: string[];
}

/** Every indicator with at least one target: canonical ones first (in the data file's order), then the rest by label. */
export function indicatorSummaries(library: Library): IndicatorSummary[] {
  const byId = new Map<string, IndicatorSummary>();
  for (const t of library.enrichment.targets) {
    let s = byId.get(t.indicator);
    if (!s) {
      s = { id: t.indicator, label: t.indicatorLabel, canonical: t.canonical, count: 0, counts: {}, years: [], phrases: [] };
      byId.set(t.indicator, s);
    }
    s.count++;
    s.counts[t.doc] = (s.counts[t.doc] ?? 0) + 1;
    if (t.year !== null && !s.years.includes(t.year)) s.years.push(t.year);
    if (!s.phrases.includes(t.phrase)) s.phrases.push(t.phrase);
  }
  const order = new Map(library.enrichment.indicators.indicators.map((ind, i) => [ind.id, i]));
  for (const s of byId.values()) s.years.sort((a, b) => a - b);
  return [...byId.values()].sort((a, b) => Number(b.canonical) - Number(a.canonical) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0) || a.label.localeCompare(b.label, 'zh-Hans-CN'));
}
