// Grouping items into lists by a key, in input order, and keys into sets joined pairwise
// (union–find); shared by every stage that builds lookup tables.

export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Keys joined into groups pair by pair: union–find. A key's group is named by its root. */
export class Groups {
  private parent = new Map<string, string>();

  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }

  has(key: string): boolean {
    return this.parent.has(key);
  }

  find(key: string): string {
    this.add(key);
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root) as string;
    this.parent.set(key, root);
    return root;
  }

  /** Joins b's group to a's: a's root names both. */
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }

  keys(): string[] {
    return [...this.parent.keys()];
  }
}
