// Cited policies resolved to documents, as the reader pages and the API show them: the links
// laid over a clause's 《title》 or 文号, the plans citing a document, and the library's
// documents a plan cites.
import type { Policy } from '../enrich/policies.js';
import type { Library } from '../library/library.js';
import type { DocumentMeta } from '../ingest/types.js';
import { LEVEL_LABELS } from '../ingest/types.js';
import { urls } from './urls.js';
import { inTextOf } from './citation.js';
import type { SegmentLink } from './clause-text.js';

export interface CitingClause {
  id: string;
  label: string;
  url: string;
  citation: string;
}

export interface DocCitation {
  doc: string;
  title: string;
  jurisdiction: string | null;
  level: DocumentMeta['level'];
  levelLabel: string | null;
  url: string;
  /** The clauses of the citing plan that cite the document (citedBy), or of this plan that cite it (cites). */
  clauses: CitingClause[];
}

/** Links over the citations in a clause whose document the library holds, in text order. */
export function citationLinks(library: Library, clauseId: string): SegmentLink[] {
  return library.enrichment.citationsIn(clauseId).flatMap((c) => {
    const doc = c.doc ? library.getDocument(c.doc) : undefined;
    return doc ? [{ start: c.start, end: c.end, href: urls.doc(doc.id), title: `本库收录：${doc.title}` }] : [];
  });
}

function citationOf(library: Library, meta: DocumentMeta, clauseIds: string[]): DocCitation {
  const clauses = clauseIds.flatMap((id) => {
    const c = library.getClause(id);
    return c ? [{ id: c.id, label: c.label, url: urls.clause(c.id), citation: inTextOf(library, c) }] : [];
  });
  return {
    doc: meta.id,
    title: meta.title,
    jurisdiction: meta.jurisdiction,
    level: meta.level,
    levelLabel: meta.level ? LEVEL_LABELS[meta.level] : null,
    url: urls.doc(meta.id),
    clauses,
  };
}

/** The plans that cite a document, each with the clauses that cite it. */
export function citedBy(library: Library, docId: string): DocCitation[] {
  return library.enrichment.citersOf(docId).flatMap(({ docId: citer, clauseIds }) => {
    const meta = library.getDocument(citer);
    return meta ? [citationOf(library, meta, clauseIds)] : [];
  });
}

/** The library's documents a plan cites, in order of first citation, each with the citing clauses. */
export function citedDocs(library: Library, docId: string): DocCitation[] {
  const byDoc = new Map<string, string[]>();
  for (const clause of library.clausesOf(docId)) {
    for (const c of library.enrichment.citationsIn(clause.id)) {
      if (!c.doc) continue;
      const list = byDoc.get(c.doc) ?? [];
      if (!list.includes(clause.id)) list.push(clause.id);
      byDoc.set(c.doc, list);
    }
  }
  return [...byDoc].flatMap(([cited, clauseIds]) => {
    const meta = library.getDocument(cited);
    return meta ? [citationOf(library, meta, clauseIds)] : [];
  });
}

/** Titles several cited policies share (each province's 实施方案 of one name), per library. */
const sharedTitles = new WeakMap<Library, Set<string>>();

const titleOf = (p: Pick<Policy, 'key' | 'title'>) => p.title ?? p.key;

/**
 * Whose a cited policy is, where its title alone is ambiguous: the issuer or place its key names,
 * and its 文号 (达州市 · 达市委〔2022〕342号); null where the title is the only one of its kind.
 */
export function policyDistinction(library: Library, policy: Pick<Policy, 'key' | 'title' | 'docNumber'>): string | null {
  let shared = sharedTitles.get(library);
  if (!shared) {
    const counts = new Map<string, number>();
    for (const p of library.enrichment.policies) counts.set(titleOf(p), (counts.get(titleOf(p)) ?? 0) + 1);
    sharedTitles.set(library, (shared = new Set([...counts].filter(([, n]) => n > 1).map(([t]) => t))));
  }
  if (!shared.has(titleOf(policy))) return null;
  const at = policy.key.lastIndexOf('@');
  const owner = at > 0 ? policy.key.slice(at + 1) : '未注明发文地区';
  return policy.docNumber ? `${owner} · ${policy.docNumber}` : owner;
}

/** 《title》, with whose it is where the title alone is ambiguous: what every list of policies shows; `bare` leaves out the 《》. */
export function policyLabel(library: Library, policy: Pick<Policy, 'key' | 'title' | 'docNumber'>, options: { bare?: boolean } = {}): string {
  const distinction = policyDistinction(library, policy);
  const title = options.bare ? titleOf(policy) : `《${titleOf(policy)}》`;
  return `${title}${distinction ? `（${distinction}）` : ''}`;
}
