// Set operations on ascending clause numbers, for AND, OR and NOT. They stamp numbers in one
// array shared by a searcher instead of building a Set per operation: a common character's
// postings hold most of the corpus, and a query may combine twenty of them.
export interface SetOps {
  /** Ascending numbers in any of the lists (OR). */
  union(lists: readonly Int32Array[]): Int32Array;
  /** The numbers of `list` that are (inside = true: AND) or are not (inside = false: NOT) in `other`. */
  keep(list: Int32Array, other: Int32Array, inside: boolean): Int32Array;
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
      if (lists.length === 1) return lists[0] as Int32Array;
      const s = nextStamp();
      let count = 0;
      for (const list of lists) {
        for (let p = 0; p < list.length; p++) {
          const n = list[p] as number;
          if (stamps[n] !== s) {
            stamps[n] = s;
            count++;
          }
        }
      }
      const all = new Int32Array(count);
      // Reading the stamps in order costs one step per clause, sorting about log n per number:
      // the stamps win once the union is more than a sixteenth of the corpus.
      if (count * 16 >= size) {
        let k = 0;
        for (let n = 0; n < size; n++) if (stamps[n] === s) all[k++] = n;
        return all;
      }
      let k = 0;
      for (const list of lists) {
        for (let p = 0; p < list.length; p++) {
          const n = list[p] as number;
          // Each number once: its stamp is moved on when it is copied.
          if (stamps[n] === s) {
            stamps[n] = s - 1;
            all[k++] = n;
          }
        }
      }
      return all.sort();
    },
    keep(list, other, inside) {
      if (other.length === 0) return inside ? new Int32Array(0) : list;
      const s = nextStamp();
      for (let p = 0; p < other.length; p++) stamps[other[p] as number] = s;
      const out = new Int32Array(list.length);
      let k = 0;
      for (let p = 0; p < list.length; p++) {
        const n = list[p] as number;
        if ((stamps[n] === s) === inside) out[k++] = n;
      }
      return out.subarray(0, k);
    },
  };
}
