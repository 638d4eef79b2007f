// The library's jurisdictions as a tree: the nation at the root, then provinces, cities and
// counties, each node holding the documents issued for that place and counting those below it.
// Pages that would otherwise draw one column per document (/themes, /compare) group by it, so
// a library of hundreds of plans still fits a screen.
import { chainOf, divisionByCode } from '../ingest/infer/divisions.js';
import type { DocumentMeta } from '../ingest/types.js';
import { NATIONAL_REGION } from './doc-facets.js';

/** The node of documents that name no place the tree can hold. */
export const UNPLACED = '地区不详';

export interface RegionNode {
  /** The path of names below the root joined by '/', '' for the root: 四川省/达州市/渠县. */
  id: string;
  name: string;
  depth: number;
  parent: string | null;
  /** Child node ids in library order (provinces, then by admin code). */
  children: string[];
  /** Documents issued for exactly this place, in library order. */
  docs: DocumentMeta[];
  /** Documents at or below this node, in library order. */
  allDocs: DocumentMeta[];
}

export interface RegionTree {
  root: RegionNode;
  byId: Map<string, RegionNode>;
  /** The id of the node a document belongs to. */
  nodeOf(docId: string): string;
}

/** Names from the province down to the document's own place; empty for national documents. */
export function placePath(meta: DocumentMeta): string[] {
  if (meta.level === 'national' || meta.jurisdiction === '国家') return [];
  const own = meta.adminCode ? divisionByCode(meta.adminCode) : null;
  if (own) return chainOf(own).map((d) => d.name);
  const own1 = meta.jurisdiction ? [meta.jurisdiction] : [];
  const parent = meta.parent?.adminCode ? divisionByCode(meta.parent.adminCode) : null;
  if (parent) return [...chainOf(parent).map((d) => d.name), ...own1];
  const named = [meta.parent?.province, meta.parent?.name, meta.jurisdiction].filter((s): s is string => Boolean(s));
  const path = named.filter((s, i) => s !== named[i - 1]);
  return path.length ? path : [UNPLACED];
}

function newNode(options: { id: string; name: string; depth: number; parent: string | null }): RegionNode {
  return { ...options, children: [], docs: [], allDocs: [] };
}

/** The tree of the given documents, which must be in library order. */
export function buildRegionTree(documents: DocumentMeta[]): RegionTree {
  const root = newNode({ id: '', name: NATIONAL_REGION, depth: 0, parent: null });
  const byId = new Map<string, RegionNode>([['', root]]);
  const nodeOfDoc = new Map<string, string>();
  for (const doc of documents) {
    let node = root;
    root.allDocs.push(doc);
    for (const name of placePath(doc)) {
      const id = node.id ? `${node.id}/${name}` : name;
      let child = byId.get(id);
      if (!child) {
        child = newNode({ id, name, depth: node.depth + 1, parent: node.id });
        byId.set(id, child);
        node.children.push(id);
      }
      child.allDocs.push(doc);
      node = child;
    }
    node.docs.push(doc);
    nodeOfDoc.set(doc.id, node.id);
  }
  return { root, byId, nodeOf: (docId) => nodeOfDoc.get(docId) ?? '' };
}

/** The root-first chain of nodes down to the given one. */
export function trailOf(tree: RegionTree, id: string): RegionNode[] {
  const out: RegionNode[] = [];
  for (let n = tree.byId.get(id); n; n = n.parent === null ? undefined : tree.byId.get(n.parent)) out.unshift(n);
  return out;
}

/**
 * A column of a grouped view: one document; a place's own documents taken together (本级,
 * when the place also has places below it); or every document at and below one place.
 */
export type RegionColumn = { kind: 'doc'; doc: DocumentMeta } | { kind: 'own'; node: RegionNode } | { kind: 'place'; node: RegionNode };

/** The documents a column stands for. */
export function docsOfColumn(column: RegionColumn): DocumentMeta[] {
  if (column.kind === 'doc') return [column.doc];
  return column.kind === 'own' ? column.node.docs : column.node.allDocs;
}

/**
 * The columns under a node: its own documents, then its places; then, one level at a time,
 * every place opened into its own documents and places while all of them fit within `cap`.
 * Five plans of one province show as five documents; 350 plans of 70 provinces as 70
 * provinces. A place that has places below it shows its own documents as one 本级 column, so
 * twenty national plans do not crowd out the provinces; at a place with none below, each
 * document is a column. A level opens whole or not at all, so columns side by side are of one kind.
 */
export function regionColumns(tree: RegionTree, options: { node: string; cap: number }): RegionColumn[] {
  const start = tree.byId.get(options.node);
  if (!start) return [];
  const open = (node: RegionNode): RegionColumn[] => {
    const own: RegionColumn[] = node.children.length > 0 && node.docs.length > 1 ? [{ kind: 'own', node }] : node.docs.map((doc) => ({ kind: 'doc', doc }));
    return [...own, ...node.children.map((id): RegionColumn => ({ kind: 'place', node: tree.byId.get(id) as RegionNode }))];
  };
  let columns = open(start);
  for (;;) {
    if (!columns.some((c) => c.kind === 'place')) return columns;
    const next = columns.flatMap((c) => (c.kind === 'place' ? open(c.node) : [c]));
    if (next.length > options.cap) return columns;
    columns = next;
  }
}
