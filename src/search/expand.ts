// Opt-in query expansion by theme: a term that names a theme (its label or one of its include
// terms) is ORed with the theme's other include terms. Terms that an exclude term contains (氢
// in 氢氟碳化物) are not added, since literal search could not honour the exclusion.
import { normalizeText } from '../analyse/analyzer.js';
import type { Taxonomy, Theme } from '../enrich/themes.js';
import type { ParsedQuery, Term } from './query.js';

export interface Expansion {
  /** The term as typed. */
  term: string;
  theme: string;
  /** Normalised terms added to its OR group. */
  added: string[];
}

function themesNamedBy(taxonomy: Taxonomy, text: string): Theme[] {
  return taxonomy.themes.filter((t) => normalizeText(t.label) === text || t.includeTerms.includes(text));
}

function safeTerms(theme: Theme): string[] {
  return theme.includeTerms.filter((t) => !theme.excludeTerms.some((x) => x.includes(t)));
}

export function expandQuery(query: ParsedQuery, taxonomy: Taxonomy): { query: ParsedQuery; expansions: Expansion[] } {
  const expansions: Expansion[] = [];
  const groups = query.groups.map((group) => {
    const out: Term[] = [...group];
    for (const term of group) {
      for (const theme of themesNamedBy(taxonomy, term.text)) {
        const added = safeTerms(theme).filter((t) => !out.some((o) => o.text === t));
        if (added.length === 0) continue;
        out.push(...added.map((t) => ({ text: t, source: /[\s"|]/u.test(t) ? `"${t}"` : t, phrase: false })));
        expansions.push({ term: term.source, theme: theme.id, added });
      }
    }
    return out;
  });
  return { query: { ...query, groups }, expansions };
}
