// The theme taxonomy (corpus/themes.yaml, edited by analysts) and theme tagging. Tagging uses
// the search analyzer and literal matching, so segmentation can never hide a theme term; an
// include match that overlaps an exclude term (氢 in 氢氟碳化物) does not count.
import fs from 'node:fs';
import path from 'node:path';
import { findAll, normalizeText } from '../analyse/analyzer.js';
import { AppError } from '../errors.js';
import type { Clause } from '../ingest/types.js';
import { readEntryHead, readStringList, readYamlList } from './yaml-list.js';

export interface Theme {
  id: string;
  label: string;
  description: string;
  include: string[];
  exclude: string[];
  related: string[];
  /** include and exclude through the analyzer, once, for matching on normalised text. */
  includeTerms: string[];
  excludeTerms: string[];
}

export interface Taxonomy {
  themes: Theme[];
  byId: Map<string, Theme>;
  /** The file's text: the index fingerprint hashes it, since related clauses depend on themes. */
  source: string;
}

export interface ThemeMatch {
  theme: string;
  /** Normalised offsets of the counted include matches. */
  spans: [number, number][];
  /** The include terms that matched, normalised, in taxonomy order. */
  terms: string[];
}

function fail(file: string, detail: string): never {
  throw new AppError('THEMES_INVALID', `${path.basename(file)}：${detail}`);
}

function readTheme(file: string, raw: unknown, index: number): Theme {
  const failHere = (detail: string) => fail(file, detail);
  const { fields: t, id, label } = readEntryHead({ raw, index, noun: '主题', fail: failHere });
  const stringList = (field: string) => readStringList({ value: t[field], what: `主题 ${id} 的 ${field}`, fail: failHere });
  const include = stringList('include');
  if (include.length === 0) fail(file, `主题 ${id} 没有 include 词`);
  const exclude = stringList('exclude');
  return {
    id,
    label,
    description: typeof t.description === 'string' ? t.description.trim() : '',
    include,
    exclude,
    related: stringList('related'),
    includeTerms: include.map(normalizeText).filter(Boolean),
    excludeTerms: exclude.map(normalizeText).filter(Boolean),
  };
}

/** Parses and checks the taxonomy once, at start-up; every problem names the file and the theme. */
export function parseTaxonomy(text: string, file = 'themes.yaml'): Taxonomy {
  const list = readYamlList(text, 'themes', (detail) => fail(file, detail));
  const themes = list.map((raw, i) => readTheme(file, raw, i));
  const byId = new Map<string, Theme>();
  for (const theme of themes) {
    if (byId.has(theme.id)) fail(file, `主题 id 重复：${theme.id}`);
    byId.set(theme.id, theme);
  }
  for (const theme of themes) {
    for (const r of theme.related) {
      if (!byId.has(r) || r === theme.id) fail(file, `主题 ${theme.id} 的 related 含未知主题 ${r}`);
    }
  }
  return { themes, byId, source: text };
}

export function loadTaxonomy(file: string): Taxonomy {
  if (!fs.existsSync(file)) return { themes: [], byId: new Map(), source: '' };
  return parseTaxonomy(fs.readFileSync(file, 'utf8'), file);
}

/** Theme matches of one normalised text: include occurrences that overlap no exclude occurrence. */
export function matchTheme(theme: Theme, normalized: string): ThemeMatch | null {
  const excluded: [number, number][] = [];
  for (const term of theme.excludeTerms) for (const at of findAll(normalized, term)) excluded.push([at, at + term.length]);
  const spans: [number, number][] = [];
  const terms: string[] = [];
  for (const term of theme.includeTerms) {
    let hit = false;
    for (let at = normalized.indexOf(term); at >= 0; at = normalized.indexOf(term, at + 1)) {
      const end = at + term.length;
      // Overlap, not only containment: 制氢 in 控制氢氟碳化物 touches the excluded word too.
      if (excluded.some(([a, b]) => at < b && end > a)) continue;
      spans.push([at, end]);
      hit = true;
    }
    if (hit) terms.push(term);
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return { theme: theme.id, spans, terms };
}

export interface ThemeTags {
  /** Per clause id, its theme matches in taxonomy order. */
  byClause: Map<string, ThemeMatch[]>;
  /** Per theme id, the tagged clause ids in corpus order. */
  byTheme: Map<string, string[]>;
  /** Per theme id, per document id, the number of tagged clauses. */
  counts: Map<string, Map<string, number>>;
}

/** Each clause's theme matches, in taxonomy order; clauses without one are left out. */
export function matchClauses(taxonomy: Taxonomy, clauses: Clause[], normalizedText: (clause: Clause) => string = (c) => normalizeText(c.text)): Map<string, ThemeMatch[]> {
  const byClause = new Map<string, ThemeMatch[]>();
  for (const clause of clauses) {
    const normalized = normalizedText(clause);
    const matches: ThemeMatch[] = [];
    for (const theme of taxonomy.themes) {
      const match = matchTheme(theme, normalized);
      if (match) matches.push(match);
    }
    if (matches.length) byClause.set(clause.id, matches);
  }
  return byClause;
}

/** The per-theme lists and counts over clause matches; clauses in corpus order. */
export function themeTags(taxonomy: Taxonomy, clauses: Clause[], byClause: Map<string, ThemeMatch[]>): ThemeTags {
  const byTheme = new Map<string, string[]>(taxonomy.themes.map((t) => [t.id, []]));
  const counts = new Map<string, Map<string, number>>(taxonomy.themes.map((t) => [t.id, new Map()]));
  for (const clause of clauses) {
    for (const match of byClause.get(clause.id) ?? []) {
      byTheme.get(match.theme)?.push(clause.id);
      const perDoc = counts.get(match.theme);
      perDoc?.set(clause.docId, (perDoc.get(clause.docId) ?? 0) + 1);
    }
  }
  return { byClause, byTheme, counts };
}
