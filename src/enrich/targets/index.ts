// Quantitative targets as one unit: the shapes (types.ts), the two extractors, one for prose
// (from-prose.ts) and one for indicator tables (from-tables.ts), and the pipeline that joins them
// to indicators and units (extract.ts). Other stages import from here.
export type { Bound, Direction, RawTarget, Target, YearSource } from './types.js';
export { extractTargets, isReviewHeading, type ExtractOptions } from './extract.js';
