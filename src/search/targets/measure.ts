// Which figures compare: the measure of a target (a level in one base unit, or a change against
// one base year) and the headline figure that stands for a plan.
import type { Target } from '../../enrich/targets/index.js';
import { baseUnit } from '../../enrich/units.js';

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

export function groupKey(t: Target): string {
  return `${t.indicator}|${t.year ?? ''}|${measureOf(t)}`;
}
