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
  /**
   * Set when every item's values are those of a group it belongs to (a clause has its
   * document's): counting then adds up items per group once and each group's values once,
   * instead of reading the column for every item.
   */
  grouped?: Grouping;
}

/** Item n belongs to group of[n]; group g's values are those of item g in `column`. */
export interface Grouping {
  of: Int32Array;
  column: FacetColumn;
}

/** A column whose items take the values of their group: `groupColumn` is over the groups. */
export function groupedColumn(groupColumn: FacetColumn, of: Int32Array): FacetColumn {
  const offsets = new Int32Array(of.length + 1);
  const codes: number[] = [];
  for (let n = 0; n < of.length; n++) {
    const g = of[n] as number;
    for (let k = groupColumn.offsets[g] as number; k < (groupColumn.offsets[g + 1] as number); k++) codes.push(groupColumn.codes[k] as number);
    offsets[n + 1] = codes.length;
  }
  return { values: groupColumn.values, offsets, codes: Int32Array.from(codes), grouped: { of, column: groupColumn } };
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
  failsOf(items: ArrayLike<number>, flags: Flags<D>): Int32Array | null;
  /** Disjunctive counts of the listed items, values in column order, zero counts left out. */
  facetsOf(items: ArrayLike<number>, failMasks: Int32Array | null): Record<D, FacetCount[]>;
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
    // Counting sees one kind of list (search's Int32Arrays; /docs's few arrays are converted), so its loops stay monomorphic.
    facetsOf: (items, failMasks) => countFacets(dims, columns, items instanceof Int32Array ? items : Int32Array.from(items), failMasks),
  };
}

function countFacets<D extends string>(dims: readonly D[], columns: Record<D, FacetColumn>, items: Int32Array, failMasks: Int32Array | null): Record<D, FacetCount[]> {
  // Columns and counters by position, not by name: a keyed lookup per item and dimension was
  // most of a common term's query time at ×70.
  const cols = dims.map((dim) => columns[dim]);
  const counts = cols.map((col) => new Int32Array(col.values.length));
  // Items per group that pass every filter, shared by the dimensions grouped the same way.
  const passing = new Map<Int32Array, Int32Array>();
  for (let i = 0; i < dims.length; i++) {
    const col = cols[i] as FacetColumn;
    const c = counts[i] as Int32Array;
    const bit = 1 << i;
    if (col.grouped) {
      const grouping = col.grouped;
      let perGroup = passing.get(grouping.of);
      if (!perGroup) {
        perGroup = itemsPerGroup({ grouping, items, failMasks, fails: 0 });
        passing.set(grouping.of, perGroup);
      }
      addGroups(c, grouping.column, perGroup);
      if (failMasks) addGroups(c, grouping.column, itemsPerGroup({ grouping, items, failMasks, fails: bit }));
      continue;
    }
    countItems({ counts: c, column: col, items, failMasks, bit });
  }
  const out = {} as Record<D, FacetCount[]>;
  dims.forEach((dim, i) => (out[dim] = nonZero(columns[dim].values, counts[i] as Int32Array)));
  return out;
}

/** Adds the items' values to `counts`: every item when nothing is filtered, else those failing no filter or only this dimension's (`bit`). */
function countItems(options: { counts: Int32Array; column: FacetColumn; items: Int32Array; failMasks: Int32Array | null; bit: number }): void {
  const { counts, items, failMasks, bit } = options;
  const { offsets, codes } = options.column;
  for (let m = 0; m < items.length; m++) {
    if (failMasks && failMasks[m] !== 0 && failMasks[m] !== bit) continue;
    const n = items[m] as number;
    const end = offsets[n + 1] as number;
    for (let k = offsets[n] as number; k < end; k++) {
      const code = codes[k] as number;
      counts[code] = (counts[code] as number) + 1;
    }
  }
}

/** The values counted at least once, in column order: 1,200 values at ×70, read every query. */
function nonZero(values: readonly string[], counts: Int32Array): FacetCount[] {
  const out: FacetCount[] = [];
  for (let v = 0; v < values.length; v++) {
    const count = counts[v] as number;
    if (count > 0) out.push({ value: values[v] as string, count });
  }
  return out;
}

/** How many of the items with exactly the fail mask `fails` fall in each group. */
function itemsPerGroup(options: { grouping: Grouping; items: Int32Array; failMasks: Int32Array | null; fails: number }): Int32Array {
  const { grouping, items, failMasks, fails } = options;
  const { of } = grouping;
  const perGroup = new Int32Array(grouping.column.offsets.length - 1);
  for (let m = 0; m < items.length; m++) {
    if ((failMasks ? (failMasks[m] as number) : 0) !== fails) continue;
    const g = of[items[m] as number] as number;
    perGroup[g] = (perGroup[g] as number) + 1;
  }
  return perGroup;
}

/** Adds each group's item count to the counts of the group's values. */
function addGroups(counts: Int32Array, column: FacetColumn, perGroup: Int32Array): void {
  for (let g = 0; g < perGroup.length; g++) {
    const count = perGroup[g] as number;
    if (count === 0) continue;
    for (let k = column.offsets[g] as number; k < (column.offsets[g + 1] as number); k++) counts[column.codes[k] as number] = (counts[column.codes[k] as number] as number) + count;
  }
}
