// The JSON API's public shapes (DESIGN.md contract): document summaries and hit objects.
// Pages render from the same objects so HTML and JSON never disagree.
import type { Policy } from '../enrich/policies.js';
import type { Theme } from '../enrich/themes.js';
import type { ObligationGrade } from '../enrich/obligation.js';
import type { Library } from '../library/library.js';
import { SOURCE_FORMAT_LABELS } from '../ingest/extract/types.js';
import type { Clause, DocumentMeta } from '../ingest/types.js';
import { LEVEL_LABELS } from '../ingest/types.js';
import { escapeHtml } from '../search/snippet.js';
import { urls } from './urls.js';
import { inTextOf } from './citation.js';

export interface DocSummary {
  id: string;
  title: string;
  jurisdiction: string | null;
  adminCode: string | null;
  level: DocumentMeta['level'];
  levelLabel: string | null;
  parent: DocumentMeta['parent'];
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  status: string | null;
  clauseCount: number;
  reference: string;
  /** The official publication's address, when the catalogue or the web page gives it. */
  sourceUrl: string | null;
  url: string;
  sourceFile: string;
  contentHash: string;
  /** The source's format (text, pdf, docx, html), its Chinese name and its page count. */
  format: DocumentMeta['format'];
  formatLabel: string;
  pages: number | null;
  /** 规划, 实施方案, 意见…, from the title. */
  docType: string | null;
  /** Fields read from the document itself (no catalogue entry), with their source and confidence. */
  inferred: NonNullable<DocumentMeta['inferred']>;
}

export interface Crumb {
  id: string;
  eId: string;
  label: string;
  title: string | null;
  url: string;
}

export interface Hit {
  id: string;
  doc: string;
  eId: string;
  kind: Clause['kind'];
  label: string;
  lead: string | null;
  title: string | null;
  text: string;
  snippet: string;
  citation: string;
  url: string;
  themes: string[];
  /** Keys of the policies the clause cites (see /api/policies). */
  policies: string[];
  /** Lead and supporting departments named by the clause, or null. */
  departments: { lead: string[]; support: string[] } | null;
  /** How binding the clause is: binding, strive, guiding or exploratory; null when no modal word says. */
  obligation: ObligationGrade | null;
  breadcrumb: Crumb[];
  order: number;
  cells: string[] | null;
  columns: string[] | null;
  lines: [number, number];
  /** First and last page in the source, for sources that have pages (PDF); null otherwise. */
  pages: [number, number] | null;
}

/** A document's summary; reference is its GB/T 7714 entry from the citation model (src/present/citation.ts), '' where no page shows it. */
export function summarizeDoc(meta: DocumentMeta, reference = ''): DocSummary {
  return {
    id: meta.id,
    title: meta.title,
    jurisdiction: meta.jurisdiction,
    adminCode: meta.adminCode,
    level: meta.level,
    levelLabel: meta.level ? LEVEL_LABELS[meta.level] : null,
    parent: meta.parent,
    issuer: meta.issuer,
    docNumber: meta.docNumber,
    date: meta.date,
    status: meta.status,
    clauseCount: meta.clauseCount,
    reference,
    sourceUrl: meta.sourceUrl ?? null,
    url: urls.doc(meta.id),
    sourceFile: meta.sourceFile,
    contentHash: meta.contentHash,
    format: meta.format,
    formatLabel: SOURCE_FORMAT_LABELS[meta.format],
    pages: meta.pages,
    docType: meta.docType ?? null,
    inferred: meta.inferred ?? {},
  };
}

/** A clause as the API returns it; `snippet` defaults to the whole text, escaped. */
export function toHit(lib: Library, clause: Clause, snippet?: string): Hit {
  const table = clause.kind === 'row' ? lib.getClause(`${clause.docId}.${clause.parentEId ?? ''}`)?.table : null;
  return {
    id: clause.id,
    doc: clause.docId,
    eId: clause.eId,
    kind: clause.kind,
    label: clause.label,
    lead: clause.lead,
    title: clause.title,
    text: clause.text,
    snippet: snippet ?? escapeHtml(clause.text),
    citation: inTextOf(lib, clause),
    url: urls.clause(clause.id),
    themes: lib.enrichment.themesOf(clause.id).map((m) => m.theme),
    policies: lib.enrichment.policiesOf(clause.id),
    departments: departmentsOf(lib, clause.id),
    obligation: lib.enrichment.obligationOf(clause.id),
    breadcrumb: lib.ancestorsOf(clause).map((a) => ({ id: a.id, eId: a.eId, label: a.label, title: a.title, url: urls.clause(a.id) })),
    order: clause.order,
    cells: clause.cells,
    columns: table?.columns ?? clause.table?.columns ?? null,
    lines: clause.lines,
    pages: clause.pages ?? null,
  };
}

const PROVENANCE_LABELS: Record<string, string> = { cover: '版头', signature: '落款', title: '标题', body: '正文', file: '文件名' };
/** Below this confidence an inferred field is shown as a guess to check. */
const UNSURE = 0.5;

/** （推断自落款） beside a field the document gave about itself, （推断自正文，待核） when unsure; empty for catalogue facts. */
export function inferredNote(doc: Pick<DocSummary, 'inferred'>, field: string): string {
  const f = doc.inferred[field];
  if (!f) return '';
  return `（推断自${PROVENANCE_LABELS[f.source] ?? f.source}${f.confidence <= UNSURE ? '，待核' : ''}）`;
}

/** 第5页 or 第5—6页, for a clause that has pages. */
export function pageLabel(pages: [number, number] | null | undefined): string | null {
  if (!pages) return null;
  return pages[0] === pages[1] ? `第${pages[0]}页` : `第${pages[0]}—${pages[1]}页`;
}

/** A theme as the API shows it: its definition, without the taxonomy's internals. */
export function themeSummary(theme: Theme) {
  return { id: theme.id, label: theme.label, description: theme.description, include: theme.include, exclude: theme.exclude, related: theme.related };
}

function departmentsOf(lib: Library, clauseId: string): Hit['departments'] {
  const note = lib.enrichment.departmentNote(clauseId);
  return note ? { lead: note.lead, support: note.support } : null;
}

/** A cited policy as /api/policies shows it; citedBy is the citing documents' ids (DESIGN). */
export function policySummary(policy: Policy) {
  return {
    key: policy.key,
    title: policy.title,
    docNumber: policy.docNumber,
    citedBy: policy.citedBy.map((c) => c.docId),
    citations: policy.citedBy.map((c) => ({ doc: c.docId, clauses: c.clauseIds })),
    variants: policy.variants,
    corpusDoc: policy.corpusDoc,
  };
}
