// Every indicator with targets, with its counts per plan, years and wordings: the list on
// /targets and npm run targets.
import type { Library } from '../../library/library.js';

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
