// One document's identity from its catalogue entry and what it says about itself: the entry
// wins field by field (a field it leaves null or out is inferred), and each inferred field that
// is used records its source and confidence. Also the readable id, when the file's name is not one.
import type { CatalogEntry, DocumentMeta, ParentJurisdiction } from '../types.js';
import { chainOf, type Division } from './divisions.js';
import { identityId } from './doc-id.js';
import { inferKind, planReportedIn, titleFromFileName, type Inferred, type InferredIdentity } from './identity.js';
import { expandOrgan } from './issuer.js';
import { inferJurisdiction } from './jurisdiction.js';

type IdentityFields = Pick<DocumentMeta, 'title' | 'jurisdiction' | 'adminCode' | 'level' | 'parent' | 'issuer' | 'docNumber' | 'date' | 'status' | 'docType' | 'inferred'>;

export interface ResolveInput {
  entry: CatalogEntry | undefined;
  guess: InferredIdentity;
  /** The title line the parser found, or null. */
  foundTitle: string | null;
  /** Stand-in title when nothing better is known (the provisional id). */
  placeholder: string;
  name: string;
}

export interface Resolved extends IdentityFields {
  /** A readable id made from the identity, or null to keep the catalogue's or file name's. */
  derivedId: string | null;
}

/** File names such as sichuan-plan-2022.txt already read as ids: they keep them. */
const ASCII_NAME = /^[A-Za-z0-9_.-]+$/u;

export function resolveIdentity({ entry, guess, foundTitle, placeholder, name }: ResolveInput): Resolved {
  const used: Record<string, Inferred | null> = {};
  const take = <T>(field: string, given: T | null | undefined, inferred: Inferred | null, value: T | null = (inferred?.value ?? null) as T | null): T | null => {
    if (given !== null && given !== undefined) return given;
    used[field] = value === null ? null : inferred;
    return value;
  };
  const fallback = foundTitle ? null : titleFallback(guess.lines, name);
  const title = take('title', entry?.title, fallback, fallback?.value ?? null) ?? foundTitle ?? placeholder;
  const docNumber = take('docNumber', entry?.docNumber, guess.docNumber);
  const kind = inferKind(guess.lines, title);
  const place = inferJurisdiction({ issuers: guess.issuers, title, docNumber, lines: guess.lines });
  const placeFact: Inferred | null = place ? { value: place.division?.name ?? '国家', source: place.source, confidence: place.confidence } : null;
  const catalogued = entry?.jurisdiction != null;
  const text = guess.lines.join('\n');
  const issuer = guess.issuers
    ? {
        ...guess.issuers,
        value: guess.issuers.value
          .split('、')
          .map((o) => expandOrgan(o, text, place?.division?.name ?? null))
          .join('、'),
      }
    : null;
  const fields: IdentityFields = {
    title,
    jurisdiction: catalogued ? (entry?.jurisdiction ?? null) : take('jurisdiction', null, placeFact),
    adminCode: catalogued ? (entry?.adminCode ?? null) : (place?.division?.code ?? null),
    level: take('level', entry?.level, placeFact, place?.level ?? null),
    parent: catalogued ? (entry?.parent ?? null) : parentOf(place?.division ?? null),
    issuer: take('issuer', entry?.issuer, issuer),
    docNumber,
    date: take('date', entry?.date, guess.date),
    status: take('status', entry?.status, kind.status),
    docType: take('docType', null, kind.docType),
    inferred: provenanceOf(used),
  };
  const derivedId = !entry && !ASCII_NAME.test(name) ? identityId({ division: place?.division ?? null, level: fields.level, title, date: fields.date }) : null;
  return { ...fields, derivedId };
}

/** No title line: the plan a report names, else the file's own name (low confidence). */
function titleFallback(lines: string[], name: string): Inferred | null {
  const reported = planReportedIn(lines);
  if (reported) return { value: reported, source: 'body', confidence: 0.5 };
  const fromName = titleFromFileName(name);
  return fromName ? { value: fromName, source: 'file', confidence: 0.3 } : null;
}

/** The level above: a county's city (or its province where none stands between), a city's province. */
function parentOf(d: Division | null): ParentJurisdiction | null {
  const chain = d ? chainOf(d) : [];
  const up = chain.at(-2);
  if (!up) return null;
  return { name: up.name, adminCode: up.code, ...(chain.length > 2 ? { province: (chain[0] as Division).name } : {}) };
}

/** The fields that were inferred, with where each came from and how sure it is. */
function provenanceOf(fields: Record<string, Inferred | null>): NonNullable<DocumentMeta['inferred']> {
  const out: NonNullable<DocumentMeta['inferred']> = {};
  for (const [key, f] of Object.entries(fields)) if (f) out[key] = { source: f.source, confidence: f.confidence };
  return out;
}
