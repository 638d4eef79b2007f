// Set operations on ascending clause numbers, for AND, OR and NOT. They stamp numbers in one
// array shared by a searcher instead of building a Set per operation: a common character's
// postings hold most of the corpus, and a query may combine twenty of them.
export interface SetOps {
  /** Ascending numbers in any of the lists (OR). */
  union(lists: (readonly number[])[]): readonly number[];
  /** The numbers of `list` that are (inside = true: AND) or are not (inside = false: NOT) in `other`. */
  keep(list: readonly number[], other: readonly number[], inside: boolean): readonly number[];
}

export function createSetOps(size: number): SetOps {
  const stamps = new Uint32Array(size);
  let stamp = 0;
  const nextStamp = () => {
    if (stamp === 0xffffffff) {
      stamps.fill(0);
      stamp = 0;
    }
    return ++stamp;
  };
  return {
    union(lists) {
      if (lists.length === 1) return lists[0] as readonly number[];
      const s = nextStamp();
      const all: number[] = [];
      for (const list of lists) {
        for (const n of list) {
          if (stamps[n] !== s) {
            stamps[n] = s;
            all.push(n);
          }
        }
      }
      return all.sort((a, b) => a - b);
    },
    keep(list, other, inside) {
      if (other.length === 0) return inside ? [] : list;
      const s = nextStamp();
      for (const n of other) stamps[n] = s;
      return list.filter((n) => (stamps[n] === s) === inside);
    },
  };
}
