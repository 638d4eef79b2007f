// What a document is, as facet values: its region (province, 全国 for national documents), the
// organs that issued it (a joint document under each), its type, its status and its year of
// issue. Worked out once when the library is built; search, /docs, /compare and /targets count
// and filter by these values and never derive them again.
import { DOC_TYPES } from '../ingest/infer/kind.js';
import { divisionByCode, provinceOf } from '../ingest/infer/divisions.js';
import type { DocumentMeta } from '../ingest/types.js';

/** Identity dimensions beyond the level (which search already had): URL parameter names. */
export const DOC_DIMENSIONS = ['region', 'issuer', 'type', 'status', 'issued'] as const;
export type DocDimension = (typeof DOC_DIMENSIONS)[number];
export type DocValues = Record<DocDimension, string[]>;

/** The region of national documents. */
export const NATIONAL_REGION = '全国';

export interface DocFacets {
  /** Every value some document has, per dimension, in display order. */
  values: Record<DocDimension, string[]>;
  /** A document's values per dimension (empty lists where it says nothing). */
  of(docId: string): DocValues;
}

/** Sorts a region known only by name after every coded one. */
const UNKNOWN_CODE = '999999';

const NONE: DocValues = { region: [], issuer: [], type: [], status: [], issued: [] };

/** The province a document belongs to, by its own admin code, else its parent's; 全国 for national. */
export function regionOf(meta: DocumentMeta): { name: string; code: string } | null {
  if (meta.level === 'national' || meta.jurisdiction === '国家') return { name: NATIONAL_REGION, code: '000000' };
  for (const code of [meta.adminCode, meta.parent?.adminCode]) {
    const division = code ? divisionByCode(code) : null;
    if (division) {
      const province = provinceOf(division);
      return { name: province.name, code: province.code };
    }
  }
  const named = meta.level === 'province' ? meta.jurisdiction : (meta.parent?.province ?? null);
  return named ? { name: named, code: UNKNOWN_CODE } : null;
}

/** Organs joined with 、 (or spaces, as some catalogues write 中共中央 国务院), each once. */
export function issuersOf(meta: DocumentMeta): string[] {
  return [
    ...new Set(
      (meta.issuer ?? '')
        .split(/[、，,；;\s]+/u)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The year of issue from 'YYYY-MM-DD' or 'YYYY-MM'; null without a date. */
export function issuedYearOf(meta: DocumentMeta): string | null {
  return /^(\d{4})/u.exec(meta.date ?? '')?.[1] ?? null;
}

function valuesOf(meta: DocumentMeta): DocValues {
  const region = regionOf(meta);
  const year = issuedYearOf(meta);
  return {
    region: region ? [region.name] : [],
    issuer: issuersOf(meta),
    type: meta.docType ? [meta.docType] : [],
    status: meta.status ? [meta.status] : [],
    issued: year ? [year] : [],
  };
}

const collator = new Intl.Collator('zh-Hans-CN');

/**
 * Display orders: regions 全国 first, then by province code; issuers as they first appear in
 * library order (national organs, then provinces, cities, counties); types in the inference's
 * order; statuses by name; years newest first.
 */
function ordered(documents: DocumentMeta[], byDoc: Map<string, DocValues>): Record<DocDimension, string[]> {
  const regionCode = new Map<string, string>();
  for (const d of documents) {
    const r = regionOf(d);
    if (r && !regionCode.has(r.name)) regionCode.set(r.name, r.code);
  }
  const seen = (dim: DocDimension) => [...new Set(documents.flatMap((d) => byDoc.get(d.id)?.[dim] ?? []))];
  const typeRank = (t: string) => {
    const i = (DOC_TYPES as readonly string[]).indexOf(t);
    return i < 0 ? DOC_TYPES.length : i;
  };
  return {
    region: seen('region').sort((a, b) => (regionCode.get(a) ?? UNKNOWN_CODE).localeCompare(regionCode.get(b) ?? UNKNOWN_CODE) || collator.compare(a, b)),
    issuer: seen('issuer'),
    type: seen('type').sort((a, b) => typeRank(a) - typeRank(b) || collator.compare(a, b)),
    status: seen('status').sort(collator.compare),
    issued: seen('issued').sort((a, b) => b.localeCompare(a)),
  };
}

/** The facet values of every document; `documents` in library order. */
export function buildDocFacets(documents: DocumentMeta[]): DocFacets {
  const byDoc = new Map(documents.map((d) => [d.id, valuesOf(d)]));
  return { values: ordered(documents, byDoc), of: (docId) => byDoc.get(docId) ?? NONE };
}
