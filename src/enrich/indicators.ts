// The canonical indicators (corpus/indicators.yaml, edited by analysts): one id and label for
// every wording plans use for the same measure (非化石能源消费比重 = 非化石能源占能源消费比重),
// the unit figures are compared in, and which way is more ambitious.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { normalizeText } from '../analyse/analyzer.js';
import { AppError } from '../errors.js';
import { baseUnit } from './units.js';
import { readEntryHead, readStringList, readYamlList } from './yaml-list.js';

export interface Indicator {
  id: string;
  label: string;
  aliases: string[];
  /** The unit figures are shown and compared in (万千瓦); null = as written. */
  unit: string | null;
  /** Which way is more ambitious for a level target; reductions are always "more is more". */
  better: 'higher' | 'lower' | null;
  /** Wordings matched only as the whole phrase: too short or too general to find inside one (风电, 新能源汽车). */
  exact: string[];
  /** Label and aliases normalised and with brackets dropped, longest first, for matching. */
  terms: string[];
}

/** Shorter aliases would be found inside unrelated phrases (风电 in 水电、风电、太阳能发电装机容量). */
const MIN_CONTAINED = 3;

export interface IndicatorCatalog {
  indicators: Indicator[];
  byId: Map<string, Indicator>;
  source: string;
}

function fail(file: string, detail: string): never {
  throw new AppError('INDICATORS_INVALID', `${path.basename(file)}：${detail}`);
}

/** Brackets carry abbreviations and asides (PUE, CCER, 换): matching ignores the marks, not the words. */
export function matchForm(text: string): string {
  return normalizeText(text).replace(/[()“”"'《》\s]/gu, '');
}

function readIndicator(file: string, raw: unknown, index: number): Indicator {
  const failHere = (detail: string) => fail(file, detail);
  const { fields: r, id, label } = readEntryHead({ raw, index, noun: '指标', fail: failHere });
  const list = (field: 'aliases' | 'exact') => readStringList({ value: r[field], what: `指标 ${id} 的 ${field}`, fail: failHere });
  const aliases = list('aliases');
  const exact = list('exact');
  if (r.better !== undefined && r.better !== 'higher' && r.better !== 'lower') fail(file, `指标 ${id} 的 better 应为 higher 或 lower`);
  if (r.unit !== undefined && typeof r.unit !== 'string') fail(file, `指标 ${id} 的 unit 应为字符串`);
  const all = [label, ...aliases].map(matchForm).filter(Boolean);
  const terms = [...new Set(all.filter((t) => t.length >= MIN_CONTAINED))].sort((a, b) => b.length - a.length);
  return {
    id,
    label,
    aliases,
    exact: [...new Set([...exact.map(matchForm), ...all.filter((t) => t.length < MIN_CONTAINED)])].filter(Boolean),
    unit: typeof r.unit === 'string' && r.unit.trim() ? r.unit.trim() : null,
    better: (r.better as Indicator['better']) ?? null,
    terms,
  };
}

export function parseIndicators(text: string, file = 'indicators.yaml'): IndicatorCatalog {
  const list = readYamlList(text, 'indicators', (detail) => fail(file, detail));
  const indicators = list.map((raw, i) => readIndicator(file, raw, i));
  const byId = new Map<string, Indicator>();
  const owner = new Map<string, string>();
  for (const ind of indicators) {
    if (byId.has(ind.id)) fail(file, `指标 id 重复：${ind.id}`);
    byId.set(ind.id, ind);
    for (const term of [...ind.terms, ...ind.exact]) {
      const other = owner.get(term);
      if (other && other !== ind.id) fail(file, `别名 “${term}” 同时属于 ${other} 和 ${ind.id}`);
      owner.set(term, ind.id);
    }
  }
  return { indicators, byId, source: text };
}

export function loadIndicators(file: string): IndicatorCatalog {
  if (!fs.existsSync(file)) return { indicators: [], byId: new Map(), source: '' };
  return parseIndicators(fs.readFileSync(file, 'utf8'), file);
}

/**
 * The canonical indicator a phrase names: the one whose longest alias the phrase contains, so
 * 全市非化石能源消费比重 is 非化石能源消费比重 and 单位工业增加值二氧化碳排放 is not 单位GDP二氧化碳排放.
 */
export function matchIndicator(catalog: IndicatorCatalog, phrase: string): Indicator | null {
  const form = matchForm(phrase);
  const whole = catalog.indicators.find((ind) => ind.exact.includes(form) || ind.terms.includes(form));
  if (whole) return whole;
  let best: { ind: Indicator; length: number } | null = null;
  for (const ind of catalog.indicators) {
    for (const term of ind.terms) {
      if (term.length <= (best?.length ?? 0)) break;
      if (form.includes(term)) best = { ind, length: term.length };
    }
  }
  return best?.ind ?? null;
}

/** A stable, URL-safe id for a phrase no canonical indicator covers, so equal wordings still group. */
export function phraseId(phrase: string): string {
  return `x-${crypto.createHash('sha256').update(matchForm(phrase)).digest('hex').slice(0, 10)}`;
}

/** The unit to compare a figure in: the indicator's when both reduce to the same base (亿千瓦 → 万千瓦), else its own. */
export function compareUnitFor(indicator: Indicator | null, unit: string | null): string | null {
  return indicator?.unit && baseUnit(indicator.unit).unit === baseUnit(unit).unit ? indicator.unit : unit;
}
