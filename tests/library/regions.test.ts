// The region tree the cross-reference pages group by: each document's place path, a tree that
// holds every document once, and the columns under a place, which cover its documents exactly
// once and stay within the cap whenever more than one level could be shown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Level } from '../../src/ingest/types.js';
import { buildRegionTree, docsOfColumn, placePath, regionColumns, trailOf, UNPLACED, type RegionNode, type RegionTree } from '../../src/library/regions.js';
import { CHENGDU, QUXIAN, realLibrary, SICHUAN } from '../helpers.js';

function meta(fields: { id: string; level: Level | null; jurisdiction?: string | null; adminCode?: string | null; parent?: DocumentMeta['parent'] }): DocumentMeta {
  return { jurisdiction: null, adminCode: null, parent: null, ...fields, title: fields.id, file: `${fields.id}.txt`, issuer: null, docNumber: null, date: null, status: null } as DocumentMeta;
}

describe('placePath', () => {
  it('national documents sit at the root; coded places follow the division chain', () => {
    expect(placePath(meta({ id: 'n', level: 'national', jurisdiction: '国家' }))).toEqual([]);
    expect(placePath(meta({ id: 'c', level: 'city', jurisdiction: '成都市', adminCode: '510100' }))).toEqual(['四川省', '成都市']);
    expect(placePath(meta({ id: 'k', level: 'county', jurisdiction: '渠县', parent: { name: '达州市', adminCode: '511700' } }))).toEqual(['四川省', '达州市', '渠县']);
  });

  it('uncoded places are read from the catalogue names; a document naming no place is 地区不详', () => {
    expect(placePath(meta({ id: 'k', level: 'county', jurisdiction: '昌祥县', parent: { name: '达州北市', adminCode: null, province: '源青省' } }))).toEqual(['源青省', '达州北市', '昌祥县']);
    expect(placePath(meta({ id: 'p', level: 'province', jurisdiction: '源青省' }))).toEqual(['源青省']);
    expect(placePath(meta({ id: 'x', level: null }))).toEqual([UNPLACED]);
  });
});

describe('the bundled library', () => {
  const { regions } = realLibrary();

  it('places the province, its cities and the county under one another', () => {
    expect(regions.root.allDocs).toHaveLength(5);
    expect(regions.nodeOf(SICHUAN)).toBe('四川省');
    expect(regions.nodeOf(CHENGDU)).toBe('四川省/成都市');
    expect(regions.nodeOf(QUXIAN)).toBe('四川省/达州市/渠县');
    expect(trailOf(regions, '四川省/达州市/渠县').map((n) => n.name)).toEqual(['全国', '四川省', '达州市', '渠县']);
  });

  it('five plans of one province show as five document columns', () => {
    const columns = regionColumns(regions, { node: '', cap: 40 });
    expect(columns.map((c) => (c.kind === 'doc' ? c.doc.id : c.node.id))).toEqual(regions.root.allDocs.map((d) => d.id));
  });

  it('a place with places below it shows its several own documents as one 本级 column', () => {
    const tree = treeOf([0, 0, 0, 1, 2, 3]);
    const columns = regionColumns(tree, { node: '', cap: 40 });
    expect(columns[0]).toMatchObject({ kind: 'own', node: { id: '' } });
    expect(docsOfColumn(columns[0]!).map((d) => d.id)).toEqual(['d0', 'd1', 'd2']);
    // With nothing below, the nation's documents are columns of their own: the drill-down.
    expect(regionColumns(treeOf([0, 0, 0]), { node: '', cap: 40 }).map((c) => c.kind)).toEqual(['doc', 'doc', 'doc']);
  });
});

const PLACES = [
  { level: 'national', jurisdiction: '国家' },
  { level: 'province', jurisdiction: '甲省' },
  { level: 'province', jurisdiction: '乙省' },
  { level: 'city', jurisdiction: '子市', parent: { name: '甲省', adminCode: null } },
  { level: 'city', jurisdiction: '丑市', parent: { name: '甲省', adminCode: null } },
  { level: 'city', jurisdiction: '寅市', parent: { name: '乙省', adminCode: null } },
  { level: 'county', jurisdiction: '东县', parent: { name: '子市', adminCode: null, province: '甲省' } },
  { level: 'county', jurisdiction: '西县', parent: { name: '寅市', adminCode: null, province: '乙省' } },
  { level: 'city', jurisdiction: '成都市', adminCode: '510100' },
  { level: null },
] as const;

const treeOf = (picks: number[]): RegionTree => buildRegionTree(picks.map((p, i) => meta({ ...(PLACES[p] as Omit<Parameters<typeof meta>[0], 'id'>), id: `d${i}` })));
const picks = fc.array(fc.integer({ min: 0, max: PLACES.length - 1 }), { minLength: 1, maxLength: 60 });

describe('properties', () => {
  it('every document sits at exactly one node, and each node counts the documents below it', () => {
    fc.assert(
      fc.property(picks, (p) => {
        const tree = treeOf(p);
        const placed = [...tree.byId.values()].flatMap((n) => n.docs.map((d) => d.id));
        expect(placed.sort()).toEqual(p.map((_, i) => `d${i}`).sort());
        for (const node of tree.byId.values()) {
          const below = [...node.docs, ...node.children.flatMap((id) => tree.byId.get(id)?.allDocs ?? [])].map((d) => d.id).sort();
          expect(below).toEqual(node.allDocs.map((d) => d.id).sort());
          for (const d of node.docs) expect(tree.nodeOf(d.id)).toBe(node.id);
        }
      }),
    );
  });

  it('columns under a place cover its documents exactly once, within the cap once past its first level', () => {
    fc.assert(
      fc.property(picks, fc.integer({ min: 1, max: 12 }), fc.nat(), (p, cap, at) => {
        const tree = treeOf(p);
        const nodes = [...tree.byId.values()];
        const node = nodes[at % nodes.length]!;
        const columns = regionColumns(tree, { node: node.id, cap });
        const covered = columns.flatMap((c) => docsOfColumn(c).map((d) => d.id));
        expect(covered.sort()).toEqual(node.allDocs.map((d) => d.id).sort());
        // A place's own documents are one column when places sit below it.
        const width = (n: RegionNode) => (n.children.length > 0 && n.docs.length > 1 ? 1 : n.docs.length) + n.children.length;
        expect(columns.length).toBeLessThanOrEqual(Math.max(cap, width(node)));
        // Opened as far as the cap allows: opening every remaining place would pass it.
        const opened = columns.reduce((n, c) => n + (c.kind === 'place' ? width(c.node) : 1), 0);
        if (columns.some((c) => c.kind === 'place')) expect(opened).toBeGreaterThan(cap);
        for (const c of columns) if (c.kind === 'own') expect(c.node.children.length > 0 && c.node.docs.length > 1).toBe(true);
        for (const c of columns) if (c.kind === 'doc') expect(tree.byId.get(tree.nodeOf(c.doc.id))?.children.length === 0 || tree.byId.get(tree.nodeOf(c.doc.id))?.docs.length === 1).toBe(true);
      }),
    );
  });
});
