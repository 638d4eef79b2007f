// Questions asked of the targets, as one unit: the query (filter and sort) and the rows it
// selects, which figures compare (measure), the vertical check against the plans above, the
// groups a chart draws, and the indicator summaries. Other stages import from here.
export { filterTargets, sortTargets, TARGET_SORTS, type TargetFilters, type TargetQuery, type TargetSort } from './query.js';
export { selectTargets, type TargetSelection, type TargetSelectionRequest } from './select.js';
export { headline, measureLabel, measureOf } from './measure.js';
export { jurisdictionsAbove, plansAbove, provinceChecks, provinceOf, verticalChecks, type LevelCheck, type ProvinceCheck, type UpperJurisdiction, type UpperLevel } from './vertical-check.js';
export { chartGroups, type ChartBar, type ChartGroup } from './charts.js';
export { indicatorSummaries, type IndicatorSummary } from './summaries.js';
