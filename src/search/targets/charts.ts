// The groups an indicator's chart draws: one per target year and measure, a bar per plan
// with its headline figure, and the province's figure for a reference line.
import { groupBy } from '../../group.js';
import type { Target } from '../../enrich/targets/index.js';
import type { Library } from '../../library/library.js';
import type { DocumentMeta } from '../../ingest/types.js';
import { headline, measureLabel, measureOf } from './measure.js';
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
