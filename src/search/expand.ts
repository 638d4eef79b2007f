// Opt-in query expansion by theme: a term that names a theme (its label or one of its include
// terms) is ORed with the theme's other include terms. Terms that an exclude term contains (氢
// in 氢氟碳化物) are not added, since literal search could not honour the exclusion.
// The expanded query stays within the parser's term limit (issue 16: 20 typed terms became
// 340): the terms that do not fit are the least related ones, and each expansion lists them.
import { normalizeText } from '../analyse/analyzer.js';
import { QUERY_BUDGET } from '../config.js';
import type { Taxonomy, Theme } from '../enrich/themes.js';
import { termCount, type ParsedQuery, type Term } from './query.js';

export interface Expansion {
  /** The term as typed. */
  term: string;
  theme: string;
  /** Normalised terms added to its OR group. */
  added: string[];
  /** Terms the theme would have added that the term limit left out, in the theme's order. */
  dropped: string[];
}

function themesNamedBy(taxonomy: Taxonomy, text: string): Theme[] {
  return taxonomy.themes.filter((t) => normalizeText(t.label) === text || t.includeTerms.includes(text));
}

function safeTerms(theme: Theme): string[] {
  return theme.includeTerms.filter((t) => !theme.excludeTerms.some((x) => x.includes(t)));
}

/** An expansion before the limit: the group it joins and every term it would add. */
interface Proposal {
  group: number;
  term: string;
  theme: string;
  terms: string[];
}

/** Every theme a typed term names, with its terms not already in the group (or proposed for it). */
function propose(query: ParsedQuery, taxonomy: Taxonomy): Proposal[] {
  const proposals: Proposal[] = [];
  query.groups.forEach((group, g) => {
    const seen = new Set(group.map((t) => t.text));
    for (const term of group) {
      for (const theme of themesNamedBy(taxonomy, term.text)) {
        const terms = safeTerms(theme).filter((t) => !seen.has(t));
        if (terms.length === 0) continue;
        for (const t of terms) seen.add(t);
        proposals.push({ group: g, term: term.source, theme: theme.id, terms });
      }
    }
  });
  return proposals;
}

/**
 * How many terms of each proposal fit in `room`: the first term of every proposal, then the
 * second of every proposal, and so on. A theme lists its include terms core first (氢能 before
 * 氢冶炼), so what is left out is the least related, and every typed term keeps its closest.
 */
function allot(sizes: number[], room: number): number[] {
  const kept = sizes.map(() => 0);
  let left = room;
  for (let rank = 0; left > 0 && sizes.some((n) => n > rank); rank++) {
    sizes.forEach((n, i) => {
      if (n > rank && left > 0) {
        kept[i] = rank + 1;
        left--;
      }
    });
  }
  return kept;
}

const asTerm = (t: string): Term => ({ text: t, source: /[\s"|]/u.test(t) ? `"${t}"` : t, phrase: false });

export function expandQuery(query: ParsedQuery, taxonomy: Taxonomy, maxTerms: number = QUERY_BUDGET.maxTerms): { query: ParsedQuery; expansions: Expansion[] } {
  const proposals = propose(query, taxonomy);
  const kept = allot(
    proposals.map((p) => p.terms.length),
    maxTerms - termCount(query),
  );
  const groups = query.groups.map((group) => [...group]);
  const expansions = proposals.map((p, i): Expansion => {
    const fits = kept[i] ?? 0;
    const added = p.terms.slice(0, fits);
    (groups[p.group] as Term[]).push(...added.map(asTerm));
    return { term: p.term, theme: p.theme, added, dropped: p.terms.slice(fits) };
  });
  return { query: { ...query, groups }, expansions };
}
