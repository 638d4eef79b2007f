// Facet counting and filtering over numbered items (clauses in search, documents on /docs):
// per dimension a column of value codes per item, filters as flags over those codes, and
// disjunctive counts (each dimension counted as if its own filter were off) in one pass.

export interface FacetCount {
  value: string;
  count: number;
}

/** Per item, the values of one dimension as numbers into that dimension's value list. */
export interface FacetColumn {
  values: string[];
  /** Item n's values are codes[offsets[n]] … codes[offsets[n + 1] - 1]. */
  offsets: Int32Array;
  codes: Int32Array;
}

/** Values not in `values` are left out (they can be neither counted nor filtered on). */
export function facetColumn(values: string[], count: number, valuesOf: (n: number) => readonly string[]): FacetColumn {
  const code = new Map(values.map((v, i) => [v, i]));
  const offsets = new Int32Array(count + 1);
  const codes: number[] = [];
  for (let n = 0; n < count; n++) {
    for (const v of valuesOf(n)) {
      const c = code.get(v);
      if (c !== undefined) codes.push(c);
    }
    offsets[n + 1] = codes.length;
  }
  return { values, offsets, codes: Int32Array.from(codes) };
}

/** A filter as flags over a dimension's codes; null when the dimension is not filtered. */
function wantedFlags(column: FacetColumn, wanted: readonly string[] | undefined): Uint8Array | null {
  if (!wanted || wanted.length === 0) return null;
  const flags = new Uint8Array(column.values.length);
  column.values.forEach((v, i) => {
    if (wanted.includes(v)) flags[i] = 1;
  });
  return flags;
}

function hasAny(column: FacetColumn, n: number, flags: Uint8Array): boolean {
  for (let k = column.offsets[n] as number; k < (column.offsets[n + 1] as number); k++) if (flags[column.codes[k] as number] === 1) return true;
  return false;
}

export type Flags<D extends string> = Record<D, Uint8Array | null>;

export interface FacetTable<D extends string> {
  /** Filter flags per dimension, from the wanted values per dimension. */
  flagsOf(wanted: (dim: D) => readonly string[] | undefined): Flags<D>;
  /** Bit i set when item n fails dimension i's filter; within a dimension any selected value will do. */
  failMask(flags: Flags<D>, n: number): number;
  /** Each listed item's fail mask (null when nothing is filtered). */
  failsOf(items: readonly number[], flags: Flags<D>): Int32Array | null;
  /** Disjunctive counts of the listed items, values in column order, zero counts left out. */
  facetsOf(items: readonly number[], failMasks: Int32Array | null): Record<D, FacetCount[]>;
}

/** Counting and filtering over the given columns; dimension i is bit i of a fail mask (at most 31). */
export function facetTable<D extends string>(dims: readonly D[], columns: Record<D, FacetColumn>): FacetTable<D> {
  const failMask = (flags: Flags<D>, n: number): number => {
    let mask = 0;
    dims.forEach((dim, i) => {
      const f = flags[dim];
      if (f && !hasAny(columns[dim], n, f)) mask |= 1 << i;
    });
    return mask;
  };
  return {
    flagsOf: (wanted) => Object.fromEntries(dims.map((dim) => [dim, wantedFlags(columns[dim], wanted(dim))])) as Flags<D>,
    failMask,
    failsOf: (items, flags) => (dims.some((dim) => flags[dim] !== null) ? Int32Array.from(items, (n) => failMask(flags, n)) : null),
    facetsOf: (items, failMasks) => countFacets(dims, columns, items, failMasks),
  };
}

function countFacets<D extends string>(dims: readonly D[], columns: Record<D, FacetColumn>, items: readonly number[], failMasks: Int32Array | null): Record<D, FacetCount[]> {
  // Columns and counters by position, not by name: a keyed lookup per item and dimension was
  // most of a common term's query time at ×70.
  const cols = dims.map((dim) => columns[dim]);
  const counts = cols.map((col) => new Int32Array(col.values.length));
  for (let i = 0; i < dims.length; i++) {
    const { offsets, codes } = cols[i] as FacetColumn;
    const c = counts[i] as Int32Array;
    const bit = 1 << i;
    for (let m = 0; m < items.length; m++) {
      // Counted in every dimension when it passes all filters, else only in the one it fails.
      const fails = failMasks ? (failMasks[m] as number) : 0;
      if (fails !== 0 && fails !== bit) continue;
      const n = items[m] as number;
      for (let k = offsets[n] as number; k < (offsets[n + 1] as number); k++) c[codes[k] as number] = (c[codes[k] as number] as number) + 1;
    }
  }
  return Object.fromEntries(dims.map((dim, i) => [dim, columns[dim].values.flatMap((value, v) => (((counts[i] as Int32Array)[v] as number) > 0 ? [{ value, count: (counts[i] as Int32Array)[v] as number }] : []))])) as Record<D, FacetCount[]>;
}
