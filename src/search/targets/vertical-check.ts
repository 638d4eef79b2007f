// The vertical check: the figures of the plans above a document (its city, its province, the
// nation) for the same indicator, year and measure beside its own, following the jurisdiction
// tree of the division table.
import { groupBy } from '../../group.js';
import type { Indicator } from '../../enrich/indicators.js';
import { compareGrades } from '../../enrich/obligation.js';
import type { Target } from '../../enrich/targets/index.js';
import { convert } from '../../enrich/units.js';
import type { Library } from '../../library/library.js';
import { chainOf, divisionByCode } from '../../ingest/infer/divisions.js';
import { LEVEL_ORDER, type DocumentMeta, type Level } from '../../ingest/types.js';
import { groupKey, headline } from './measure.js';
export interface ProvinceCheck {
  /** The province's headline figure for the same indicator, year and measure. */
  province: Target;
  relation: 'above' | 'below' | 'equal' | null;
  /** Whether the local figure asks more than the province's, by the indicator's direction. */
  ambition: 'stricter' | 'looser' | 'same' | null;
  /** The local figure binds less than the upper one: 力争 where theirs is 约束性 (src/enrich/obligation.ts). */
  softer: boolean;
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
  const above: UpperJurisdiction[] = chain ? chain.filter((d) => d.level !== 'county').map((d) => ({ level: d.level as UpperLevel, name: d.name, code: d.code })) : namedParents(doc);
  // The document's own level decides what is above it: a 新区 carries its city's code but is
  // city level itself, and a district the table lacks may carry its city's.
  const rank = LEVEL_ORDER.indexOf(doc.level);
  return [NATION, ...above.filter((j) => LEVEL_ORDER.indexOf(j.level) < rank)];
}

/** A county's parent is its city when the catalogue names the province as well, else its province. */
function namedParents(doc: Pick<DocumentMeta, 'parent'>): UpperJurisdiction[] {
  const { parent } = doc;
  if (!parent) return [];
  if (parent.province)
    return [
      { level: 'province', name: parent.province, code: null },
      { level: 'city', name: parent.name, code: parent.adminCode },
    ];
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
    if (p) out.set(id, { province: p.target, relation: p.relation, ambition: p.ambition, softer: p.softer });
  }
  return out;
}

function compareWith(t: Target, upper: Target, better: Indicator['better']): Pick<ProvinceCheck, 'relation' | 'ambition' | 'softer'> {
  // A figure no word grades is not softer than anything: the plan does not say.
  const softer = t.obligation !== null && upper.obligation !== null && compareGrades(t.obligation, upper.obligation) > 0;
  return { ...compareFigures(t, upper, better), softer };
}

function compareFigures(t: Target, upper: Target, better: Indicator['better']): Pick<ProvinceCheck, 'relation' | 'ambition'> {
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
