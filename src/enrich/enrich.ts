// The enrich stage's one entry point: from parsed documents to themes per clause, policy
// citations, responsible departments and quantitative targets, as plain lookup tables for the later stages.
import { normalize, normalizeCompact, type Normalized } from '../analyse/analyzer.js';
import { groupBy } from '../group.js';
import type { Clause, DocumentMeta } from '../ingest/types.js';
import { extractDepartments, type Departments } from './departments.js';
import type { IndicatorCatalog } from './indicators.js';
import { extractTargets, type Target } from './targets/index.js';
import { obligationOf, type ObligationGrade } from './obligation.js';
import { policyGraph, type ClauseCitation, type Policy } from './policies.js';
import { matchClauses, themeTags, type Taxonomy, type ThemeMatch, type ThemeTags } from './themes.js';

export interface Enrichment {
  taxonomy: Taxonomy;
  tags: ThemeTags;
  themesOf(clauseId: string): ThemeMatch[];
  /** Cited policies, most widely cited first; only those some other document cites. */
  policies: Policy[];
  /** A listed policy by its key. */
  policy(key: string): Policy | undefined;
  /** Keys of the policies a clause cites. */
  policiesOf(clauseId: string): string[];
  /** The clause's citations of listed policies, in text order, each with the document it cites when the library holds it. */
  citationsIn(clauseId: string): ClauseCitation[];
  /** The plans (and their clauses) that cite a document of the library, in corpus order. */
  citersOf(docId: string): Policy['citedBy'];
  /** The department note of a clause (渠县's 〔…牵头，…按职责分工负责〕), if it has one. */
  departmentNote(clauseId: string): Departments | null;
  /** Lead and supporting departments a clause names. */
  departmentsOf(clauseId: string): string[];
  /** Every department named anywhere, in first-seen order. */
  departments: string[];
  indicators: IndicatorCatalog;
  /** How binding a clause is, from its modal words (src/enrich/obligation.ts); null when none governs a verb. */
  obligationOf(clauseId: string): ObligationGrade | null;
  /** Quantitative targets, in document and reading order. */
  targets: Target[];
  /** The targets a clause states, in reading order. */
  targetsOf(clauseId: string): Target[];
  /** The plain data all of the above is looked up in (what the library snapshot saves). */
  data: EnrichmentData;
}

export interface EnrichOptions {
  documents: DocumentMeta[];
  clauses: Clause[];
  taxonomy: Taxonomy;
  indicators: IndicatorCatalog;
  /** Years before this are achievements, not targets, in documents without a date. */
  targetsFromYear: number;
}

/**
 * What enrichment finds, as plain data: the library snapshot saves exactly this, and
 * enrichmentFrom() turns it into the lookups later stages use.
 */
export interface EnrichmentData {
  /** Per clause id, its theme matches in taxonomy order; clauses in corpus order. */
  themeMatches: Map<string, ThemeMatch[]>;
  targets: Target[];
  /** Cited policies that some other document cites, most widely cited first. */
  policies: Policy[];
  /** Every citation, by citing clause (corpus order), in text order. */
  citations: Map<string, ClauseCitation[]>;
  /** Department notes, by clause id in corpus order. */
  notes: Map<string, Departments>;
}

export function enrich(options: EnrichOptions): Enrichment {
  return enrichmentFrom(enrichData(options), options);
}

export function enrichData(options: EnrichOptions): EnrichmentData {
  const { themeMatches, targets } = readClauses(options);
  // A plan quoting its own 文号 or title is not a citation; such policies have no citing document.
  const graph = policyGraph({ documents: options.documents, clauses: options.clauses });
  const notes = new Map<string, Departments>();
  for (const clause of options.clauses) {
    const note = extractDepartments(clause.text);
    if (note) notes.set(clause.id, note);
  }
  return { themeMatches, targets, policies: graph.policies.filter((p) => p.citedBy.length > 0), citations: graph.citations, notes };
}

/** The lookups over enrichment data, computed or restored; clauses in corpus order. */
export function enrichmentFrom(data: EnrichmentData, options: Pick<EnrichOptions, 'clauses' | 'taxonomy' | 'indicators'>): Enrichment {
  const { policies } = data;
  const tags = themeTags(options.taxonomy, options.clauses, data.themeMatches);
  const citing = policies.flatMap((p) => p.citedBy.flatMap((by) => by.clauseIds.map((id) => ({ id, key: p.key }))));
  const cites = new Map([...groupBy(citing, (c) => c.id)].map(([id, list]) => [id, list.map((c) => c.key)]));
  const listed = new Map(policies.map((p) => [p.key, p]));
  // A corpus document is one policy at most (its node joins one group), so its citers are that policy's.
  const citers = new Map(policies.flatMap((p) => (p.corpusDoc ? [[p.corpusDoc, p.citedBy] as const] : [])));
  const departments = [...new Set([...data.notes.values()].flatMap((note) => [...note.lead, ...note.support]))];
  // Read from the text at start rather than saved: a regex pass, cheaper than the snapshot's bytes.
  const grades = new Map<string, ObligationGrade>();
  for (const clause of options.clauses) {
    const found = obligationOf(clause.text);
    if (found) grades.set(clause.id, found.grade);
  }
  let targetsByClause: Map<string, Target[]> | null = null;
  return {
    taxonomy: options.taxonomy,
    tags,
    themesOf: (clauseId) => tags.byClause.get(clauseId) ?? [],
    policies,
    policy: (key) => listed.get(key),
    policiesOf: (clauseId) => cites.get(clauseId) ?? [],
    citationsIn: (clauseId) => (data.citations.get(clauseId) ?? []).filter((c) => listed.has(c.key)),
    citersOf: (docId) => citers.get(docId) ?? [],
    departmentNote: (clauseId) => data.notes.get(clauseId) ?? null,
    departmentsOf: (clauseId) => {
      const note = data.notes.get(clauseId);
      return note ? [...note.lead, ...note.support] : [];
    },
    departments,
    indicators: options.indicators,
    obligationOf: (clauseId) => grades.get(clauseId) ?? null,
    // Grouped when first asked for, as the targets are decoded then.
    targetsOf: (clauseId) => (targetsByClause ??= groupBy(data.targets, (t) => t.clause)).get(clauseId) ?? [],
    // A getter: a library read from its snapshot decodes its targets when first asked for.
    get targets() {
      return data.targets;
    },
    data,
  };
}

/**
 * One pass of the analyzer over the corpus, shared by theme tagging and target extraction. In
 * its own function so that the normalised texts (with their offset maps) are garbage once both
 * are done, not kept alive by the closures enrich() returns.
 */
function readClauses(options: EnrichOptions): { themeMatches: Map<string, ThemeMatch[]>; targets: Target[] } {
  const normalized = new Map<string, Normalized>(options.clauses.map((c) => [c.id, normalizeCompact(c.text)]));
  const normOf = (clause: Clause) => normalized.get(clause.id) ?? normalize(clause.text);
  return {
    themeMatches: matchClauses(options.taxonomy, options.clauses, (clause) => normOf(clause).text),
    targets: extractTargets({ documents: options.documents, clauses: options.clauses, indicators: options.indicators, fallbackMinYear: options.targetsFromYear, normalized: normOf }),
  };
}
