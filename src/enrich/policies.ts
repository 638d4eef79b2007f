// Policy references: the other documents a clause cites by 《title》 and/or 文号, and the corpus-wide
// list of cited policies with every wording of each joined under one key and, where the library
// holds the policy itself, resolved to that document.
import { agencyCode, docNumberOf, DOC_NUMBER_SOURCE, LEAD_IN, parseDocNumber } from '../ingest/infer/doc-number.js';
import { chainOf, divisionByCode, divisionsNamed } from '../ingest/infer/divisions.js';
import { normalizeText } from '../analyse/analyzer.js';
import { groupBy, Groups } from '../group.js';
import { repairSpacing } from '../ingest/text.js';
import type { Clause, DocumentMeta } from '../ingest/types.js';

export interface PolicyCitation {
  /**
   * Policy identity after normalisation, as far as the text alone shows; equal keys = same
   * policy. collectPolicies joins further (a bare 文号 with its title, a misquoted title).
   */
  key: string;
  /** Canonical display title (without 《》, issuer prefix, or 关于印发…的通知 wrapper), or null when only a 文号 is cited. */
  title: string | null;
  /** Normalised 文号 like 国发〔2021〕23号. */
  docNumber: string | null;
  /** The issuer as written, inside the title (国务院关于…) or just before it (国务院《…》). */
  issuer: string | null;
  /**
   * Jurisdiction of the issuer (国家, 四川省, 绵阳市 …): the same generic title from two issuers
   * (市委《关于…的实施方案》 in 绵阳 and in 渠县) is two policies. 省/市/县 when relative and no
   * citing document was given to resolve it.
   */
  scope: string | null;
  /** The cited text as in the clause: 《title》 plus an attached （文号）, or a bare 文号. */
  raw: string;
  start: number;
  end: number;
}

/**
 * The citing document's place, used to resolve relative issuers such as 市委、市政府, and (with
 * its admin code) to decide whose policy a title cited without an issuer is.
 */
export type CitingDocument = Pick<DocumentMeta, 'jurisdiction' | 'level' | 'parent'> & { adminCode?: string | null };

export interface Policy {
  key: string;
  title: string | null;
  docNumber: string | null;
  /** Every distinct raw wording seen. */
  variants: string[];
  /** Citing clauses, grouped by document, in corpus order; a document's citations of itself are left out. */
  citedBy: { docId: string; clauseIds: string[] }[];
  /** Clauses of corpusDoc that name corpusDoc itself (its own 文号 in the header, 现将《…》印发你们). */
  selfCitations: string[];
  /** The corpus document that IS this policy, when there is one (match on 文号, else normalised title). */
  corpusDoc: string | null;
}

/** One citation in one clause, with the policy it was joined to and the corpus document that is it. */
export interface ClauseCitation {
  clauseId: string;
  /** The policy's key, as in Policy.key. */
  key: string;
  raw: string;
  start: number;
  end: number;
  /** The cited document when the library holds it; null for a document naming itself. */
  doc: string | null;
}

export interface PolicyGraph {
  policies: Policy[];
  /** Every citation, by citing clause, in text order. */
  citations: Map<string, ClauseCitation[]>;
}

/** Official titles for 文号 the corpus cites under a misquoted title. */
export interface KnownPolicy {
  docNumber: string;
  title: string;
  issuer: string;
}

/**
 * 渠县 cites 国发〔2021〕23号 as 《关于印发2030年碳达峰行动方案的通知》 (前 dropped), so no text
 * rule can join it with the 《2030年前碳达峰行动方案》 the others cite; the official title can.
 */
export const KNOWN_POLICIES: readonly KnownPolicy[] = [{ docNumber: '国发〔2021〕23号', title: '2030年前碳达峰行动方案', issuer: '国务院' }];

const HAN = '\\p{Script=Han}';
const DOC_NUMBER = new RegExp(DOC_NUMBER_SOURCE, 'gu');
const ATTACHED_DOC_NUMBER = new RegExp(`^\\s*[（(]\\s*${DOC_NUMBER_SOURCE}\\s*[）)]`, 'u');

const ORG_SUFFIX = /(?:党委|省委|市委|县委|区委|州委|人民政府|政府|国务院|中央|委员会|办公厅|办公室|厅|局|部|委)$/u;
const NATIONAL = /^(?:中共中央|党中央|中央|国务院|全国|国家)/u;
const RELATIVE = /^(省|市|县|区|州)(?:委|政府|人民政府|办公厅|办公室)/u;
/** Greedy, so that 达州市 is not cut at 达州 and 成渝地区 stays whole. */
const PLACE = new RegExp(`^(${HAN}{1,3}(?:自治区|自治州|省|市|县|区|州))`, 'u');
const NOT_PLACES = new Set(['城市', '都市', '超市', '城区', '园区', '社区', '地区', '山区', '景区', '全省', '全市', '全县', '本省', '本市', '本县']);

/** A 《》 body that is only a document kind (《方案》, 《本规划》) is a self-reference or a 简称, not a policy. */
const BARE_KIND = /^(?:本|该|此|上述)?(?:实施|行动|工作|专项|总体)?(?:方案|规划|意见|通知|办法|条例|决定|细则|纲要|计划|规定|指南|清单|名录|要点|政策)$/u;
const DOC_KIND = '(?:方案|意见|规划|计划|办法|条例|规定|决定|纲要|战略|细则|名录|清单|指南|要点|标准)';
const NOTICE_WRAPPER = /^关于(?:印发|转发|发布|修订印发|印发修订后的)(.+)的通知$/u;
/** The plan's own title, quoted inside the notice's: 《…》, 〈…〉, <…> (web copies) or “…” around the whole of it. */
const INNER_QUOTED = /^(?:《([^《》]*)》|〈([^〈〉]*)〉|“([^“”]*)”|<([^<>]*)>)$/u;
/** 中共达州市委…印发《关于…的实施方案的通知》: a notice named after its plan, 印发 moved outside. */
const NAMED_NOTICE = new RegExp(`^(.+${DOC_KIND}[》〉”]?)的通知$`, 'u');
/** Version notes on a corpus title that a citation of the same plan would not carry. */
const VERSION_NOTE = /[（(](?:修订版|修订稿|征求意见稿|送审稿|草案|草稿)[）)]$/u;
/**
 * What a citation of a plan may leave out or add, in a title's comparison form: a trailing
 * (试行), (2022年版) or (2021-2025年), and a leading 关于 (《以实现…的决定》 for 《关于以实现…的决定》).
 */
const EDITION_NOTE = /\((?:修订版|修订稿|征求意见稿|送审稿|草案|草稿|试行|暂行|\d{4}年?版|\d{4}-\d{4}年?)\)$/u;
/** Several departments: 四川省住房城乡建设厅等17部门关于…; the first names the lead. */
const AND_OTHERS = /等\d*个?(?:部门|单位)$/u;

export { parseDocNumber };

/** Export spacing (2030 年前) goes the way ingest repairs it in clause text; Latin words keep theirs. */
function tidy(text: string): string {
  return repairSpacing(text.replace(/\s+/gu, ' '));
}

function isOrg(piece: string): boolean {
  return ORG_SUFFIX.test(piece) && !piece.includes('的');
}

/** Split 中共四川省委、四川省人民政府关于… into issuer and title at the first 关于 after an issuer. */
function splitIssuerPrefix(title: string): { issuer: string | null; rest: string } {
  const at = title.indexOf('关于');
  if (at <= 0) return { issuer: null, rest: title };
  // 自治区人民政府办公厅印发关于…: the verb stays with the issuer, not the title.
  const prefix = title.slice(0, at).replace(/印发$/u, '');
  const pieces = prefix
    .split(/[、\s]+/u)
    .filter(Boolean)
    .map((p) => p.replace(AND_OTHERS, ''));
  if (at > 40 || pieces.length === 0 || !pieces.every(isOrg)) return { issuer: null, rest: title };
  return { issuer: pieces.join('、'), rest: title.slice(at) };
}

/** 关于印发X的通知 → X: the notice only carries the plan, and other documents cite the plan. */
function unwrapNotice(title: string): string {
  const inner = NOTICE_WRAPPER.exec(title)?.[1] ?? NAMED_NOTICE.exec(title)?.[1] ?? title;
  const quoted = INNER_QUOTED.exec(inner);
  return quoted?.[1] ?? quoted?.[2] ?? quoted?.[3] ?? quoted?.[4] ?? inner;
}

/** The issuer written just before 《: 国务院《, 中共达州市委、达州市人民政府印发《, 按照县委、县政府印发的《. */
function issuerBefore(text: string, at: number): string | null {
  const before = text.slice(Math.max(0, at - 60), at);
  const run = /[\p{Script=Han}、\s]*$/u.exec(before)?.[0] ?? '';
  const trimmed = run.replace(/^[、\s]+/u, '').replace(/(?:印发|出台|制定|发布|审议通过)?的?$/u, '');
  const pieces = trimmed.split(/[、\s]+/u).filter(Boolean);
  // The window may have cut the first name (…川省人民政府), so a run that fills it loses that piece.
  if (run.length === before.length && at > before.length) pieces.shift();
  const kept: string[] = [];
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i] as string;
    if (!isOrg(piece)) break;
    kept.unshift(piece);
  }
  const first = kept[0];
  if (first === undefined) return null;
  kept[0] = first.replace(LEAD_IN, '');
  // 《A》和省委、省政府《B》: the run began right after a title, so 和 joins the titles, not a name.
  if (/[》）)]$/u.test(before.slice(0, before.length - run.length))) kept[0] = kept[0].replace(/^(?:以及|和|及|与|并)/u, '');
  return kept[0] && isOrg(kept[0]) ? kept.join('、') : null;
}

function resolveRelative(level: string, citing: CitingDocument | undefined): string | null {
  if (!citing) return level;
  const { level: own, jurisdiction, parent } = citing;
  if (level === '省') return own === 'province' ? jurisdiction : own === 'city' ? (parent?.name ?? null) : (parent?.province ?? null);
  if (level === '市' || level === '州') return own === 'city' ? jurisdiction : own === 'county' ? (parent?.name ?? null) : null;
  return own === 'county' ? jurisdiction : null;
}

/** The jurisdiction an issuer speaks for: 国家, a place it names, or the citing document's own 市/县. */
function scopeOf(issuer: string | null, citing: CitingDocument | undefined): string | null {
  if (!issuer) return null;
  for (const org of issuer.split(/[、\s]+/u)) {
    const name = org.replace(/^中共/u, '');
    if (NATIONAL.test(name)) return '国家';
    const relative = RELATIVE.exec(name)?.[1];
    if (relative) return resolveRelative(relative, citing);
    const place = PLACE.exec(name)?.[1];
    if (place && !NOT_PLACES.has(place)) return canonicalPlace(place);
  }
  return null;
}

/** 阿坝州 → 阿坝藏族羌族自治州: scopes compare with jurisdictions, which carry the full name. */
function canonicalPlace(name: string): string {
  const found = divisionsNamed(name);
  return found.length === 1 ? (found[0]?.name ?? name) : name;
}

/**
 * The jurisdictions whose policies bind a document: itself, each level above it, and the
 * nation. From the admin code where there is one, else from the names the document carries.
 */
function bindingScopes(doc: CitingDocument | undefined): Set<string> | null {
  if (!doc?.jurisdiction) return null;
  const division = doc.adminCode ? divisionByCode(doc.adminCode) : null;
  const names = division ? chainOf(division).map((d) => d.name) : [];
  names.push(doc.jurisdiction, '国家');
  if (doc.parent) names.push(doc.parent.name, ...(doc.parent.province ? [doc.parent.province] : []));
  return new Set(names);
}

/** Titles that name their own jurisdiction need no issuer to tell them apart. */
function namesPlace(title: string): boolean {
  if (NATIONAL.test(title) || /^中国/u.test(title)) return true;
  const place = PLACE.exec(title)?.[1];
  return place !== undefined && !NOT_PLACES.has(place);
}

/** Comparison form of a title: normalised, without quotation marks, one kind of dash. */
export function titleCore(title: string): string {
  return normalizeText(title)
    .replace(/[“”‘’"'「」『』〈〉《》<>]/gu, '')
    .replace(/(\d)[—–－~～-]+(\d)/gu, '$1-$2');
}

export function titleKey(title: string, scope: string | null): string {
  const core = titleCore(title);
  return scope && !namesPlace(core) ? `${core}@${scope}` : core;
}

interface TitleParts {
  title: string;
  issuer: string | null;
}

/** 《》 body → display title and issuer; null for bare document kinds. */
export function parseTitle(body: string): TitleParts | null {
  const { issuer, rest } = splitIssuerPrefix(body.trim().replace(/\s+/gu, ' '));
  const title = tidy(unwrapNotice(tidy(rest)));
  if (!title || BARE_KIND.test(titleCore(title))) return null;
  return { title, issuer };
}

/** Top-level 《…》 spans; nested 《》 (关于印发《X》的通知) stay inside their outer title. */
function quotedSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let depth = 0;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '《') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === '》' && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ start: open, end: i + 1 });
    }
  }
  return spans;
}

function titledCitation(text: string, span: { start: number; end: number }, citing: CitingDocument | undefined): PolicyCitation | null {
  const parts = parseTitle(text.slice(span.start + 1, span.end - 1));
  if (!parts) return null;
  const attached = ATTACHED_DOC_NUMBER.exec(text.slice(span.end));
  const end = attached ? span.end + attached[0].length : span.end;
  const issuer = parts.issuer ?? issuerBefore(text, span.start);
  const scope = scopeOf(issuer, citing);
  return {
    key: titleKey(parts.title, scope),
    title: parts.title,
    docNumber: attached ? docNumberOf(attached) : null,
    issuer,
    scope,
    raw: text.slice(span.start, end),
    start: span.start,
    end,
  };
}

function bareDocNumbers(text: string, taken: { start: number; end: number }[]): PolicyCitation[] {
  const found: PolicyCitation[] = [];
  for (const match of text.matchAll(DOC_NUMBER)) {
    const docNumber = docNumberOf(match);
    if (!docNumber) continue;
    const prefix = match[1] ?? '';
    const start = match.index + prefix.length - agencyCode(prefix).length;
    const end = match.index + match[0].length;
    if (taken.some((t) => start < t.end && end > t.start)) continue;
    found.push({ key: docNumber, title: null, docNumber, issuer: null, scope: null, raw: text.slice(start, end), start, end });
  }
  return found;
}

/**
 * Every policy a text cites, in text order. Pass the citing document to resolve relative
 * issuers (市委、市政府《…》); without it their scope stays 市/县.
 */
export function extractCitations(text: string, citing?: CitingDocument): PolicyCitation[] {
  // Most clauses cite nothing: a citation needs a 《title》 or a 文号 ending in 号.
  if (!text.includes('《') && !text.includes('号')) return [];
  const spans = quotedSpans(text);
  const titled = spans.map((span) => titledCitation(text, span, citing)).filter((c): c is PolicyCitation => c !== null);
  const all = [...titled, ...bareDocNumbers(text, [...spans, ...titled])];
  return all.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// The corpus-wide list.

interface Sighting {
  citation: PolicyCitation;
  docId: string;
  clauseId: string;
}

const docNode = (id: string) => `\u0000doc:${id}`;

function sightingsOf(documents: DocumentMeta[], clauses: Clause[]): Sighting[] {
  const rank = new Map(documents.map((d, i) => [d.id, i]));
  const byId = new Map(documents.map((d) => [d.id, d]));
  const ordered = [...clauses].sort((a, b) => (rank.get(a.docId) ?? Infinity) - (rank.get(b.docId) ?? Infinity) || a.order - b.order);
  return ordered.flatMap((clause) => extractCitations(clause.text, byId.get(clause.docId)).map((citation) => ({ citation, docId: clause.docId, clauseId: clause.id })));
}

/**
 * The title keys a corpus document is cited under, scoped by the issuer its title prints, else
 * its jurisdiction. A title that names no place, of a document whose place is unknown, joins
 * nothing by title: a generic 《关于…的实施意见》 alone cannot say whose it is.
 */
function documentKeys(doc: DocumentMeta): string[] {
  const keys: string[] = [];
  for (const title of new Set([doc.title, doc.title.replace(VERSION_NOTE, '')])) {
    const parts = parseTitle(title);
    if (!parts) continue;
    const scope = scopeOf(parts.issuer, doc) ?? doc.jurisdiction ?? scopeOf(doc.issuer, doc);
    if (!scope && !namesPlace(titleCore(parts.title))) continue;
    for (const key of keyVariants(titleKey(parts.title, scope))) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** A key and the same key with a leading 关于, a trailing edition note, or both, left out. */
function keyVariants(key: string): string[] {
  const at = key.lastIndexOf('@');
  const [core, scope] = at > 0 ? [key.slice(0, at), key.slice(at)] : [key, ''];
  const bare = core.replace(/^关于/u, '');
  const cores = [core, bare, core.replace(EDITION_NOTE, ''), bare.replace(EDITION_NOTE, '')];
  return [...new Set(cores.filter((c) => c.length >= 4).map((c) => `${c}${scope}`))];
}

/**
 * A citation worded a little differently from a corpus document's title (without its (试行), or
 * its 关于) takes the document's key, when that wording is not itself one the corpus holds.
 */
function matchDocumentWording(sightings: Sighting[], documentKeys: Set<string>): Sighting[] {
  return sightings.map((s) => {
    const { key } = s.citation;
    if (documentKeys.has(key)) return s;
    const found = keyVariants(key).find((v) => documentKeys.has(v));
    return found ? { ...s, citation: { ...s.citation, key: found } } : s;
  });
}

/** Corpus documents join the groups so that a citation of one finds it, by 文号 or by title; returns their title keys. */
function addDocuments(groups: Groups, documents: DocumentMeta[]): Set<string> {
  const keys = new Set<string>();
  for (const doc of documents) {
    const node = docNode(doc.id);
    groups.add(node);
    const number = doc.docNumber ? parseDocNumber(doc.docNumber) : null;
    if (number) groups.union(node, number);
    for (const key of documentKeys(doc)) {
      groups.union(node, key);
      keys.add(key);
    }
  }
  return keys;
}

/** Title core → scope → key, for every key that carries a scope (core@scope). */
function scopedKeys(keys: string[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const key of keys) {
    const at = key.lastIndexOf('@');
    if (at <= 0 || key.startsWith('\u0000')) continue;
    const core = key.slice(0, at);
    const byScope = out.get(core) ?? new Map<string, string>();
    byScope.set(key.slice(at + 1), key);
    out.set(core, byScope);
  }
  return out;
}

/**
 * A title cited without an issuer (《2030年前碳达峰行动方案》) is the policy of the one issuer,
 * among those binding the citing document (its own jurisdiction, the levels above it, the
 * nation), that the title is cited with or held under elsewhere. With several it stays apart
 * rather than guess, and another province's plan of the same generic title is never it. A
 * citing document of unknown place takes the title's issuer only when there is just one.
 */
function scopeUnscoped(sightings: Sighting[], scoped: Map<string, Map<string, string>>, binding: Map<string, Set<string> | null>): Sighting[] {
  return sightings.map((s) => {
    const { citation } = s;
    if (citation.title === null || citation.scope !== null) return s;
    const allowed = binding.get(s.docId) ?? null;
    // The wording as cited first; a variant (without 关于, without (试行)) only where that finds none.
    for (const core of keyVariants(citation.key)) {
      const candidates = [...(scoped.get(core) ?? [])].filter(([scope]) => allowed === null || allowed.has(scope));
      if (candidates.length === 0) continue;
      const only = candidates.length === 1 ? candidates[0] : undefined;
      return only ? { ...s, citation: { ...citation, key: only[1] } } : s;
    }
    return s;
  });
}

function buildGroups(options: { sightings: Sighting[]; documents: DocumentMeta[]; known: readonly KnownPolicy[] }): { groups: Groups; sightings: Sighting[] } {
  const { documents, known } = options;
  const groups = new Groups();
  for (const { citation } of options.sightings) groups.add(citation.key);
  for (const policy of known) {
    const number = parseDocNumber(policy.docNumber);
    if (number) groups.union(number, titleKey(policy.title, scopeOf(policy.issuer, undefined)));
  }
  const titles = addDocuments(groups, documents);
  const binding = new Map(documents.map((d) => [d.id, bindingScopes(d)]));
  const sightings = matchDocumentWording(scopeUnscoped(options.sightings, scopedKeys(groups.keys()), binding), titles);
  for (const { citation } of sightings) {
    groups.add(citation.key);
    if (citation.docNumber) groups.union(citation.key, citation.docNumber);
  }
  return { groups, sightings };
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

function citedByOf(sightings: Sighting[]): Policy['citedBy'] {
  return [...groupBy(sightings, (s) => s.docId)].map(([docId, list]) => ({ docId, clauseIds: [...new Set(list.map((s) => s.clauseId))] }));
}

interface GroupFacts {
  sightings: Sighting[];
  corpusDoc: DocumentMeta | null;
  known: KnownPolicy | null;
}

function policyOf({ sightings, corpusDoc, known }: GroupFacts): Policy {
  const citations = sightings.map((s) => s.citation);
  const title = known?.title ?? mostCommon(citations.map((c) => c.title)) ?? corpusDoc?.title ?? null;
  const docNumber = mostCommon(citations.map((c) => c.docNumber)) ?? (known ? parseDocNumber(known.docNumber) : null) ?? (corpusDoc?.docNumber ? parseDocNumber(corpusDoc.docNumber) : null);
  const scope = mostCommon(citations.map((c) => c.scope)) ?? corpusDoc?.jurisdiction ?? null;
  const self = sightings.filter((s) => s.docId === corpusDoc?.id);
  return {
    key: title ? titleKey(title, scope) : (docNumber ?? citations[0]?.key ?? ''),
    title,
    docNumber,
    variants: [...new Set(citations.map((c) => c.raw))],
    citedBy: citedByOf(sightings.filter((s) => s.docId !== corpusDoc?.id)),
    selfCitations: [...new Set(self.map((s) => s.clauseId))],
    corpusDoc: corpusDoc?.id ?? null,
  };
}

const collator = new Intl.Collator('zh-Hans-CN');

function comparePolicies(a: Policy, b: Policy): number {
  if (a.citedBy.length !== b.citedBy.length) return b.citedBy.length - a.citedBy.length;
  if (a.title !== null && b.title !== null) return collator.compare(a.title, b.title) || a.key.localeCompare(b.key);
  return (a.title === null ? 1 : 0) - (b.title === null ? 1 : 0) || a.key.localeCompare(b.key);
}

/**
 * Every policy the clauses cite, one entry per policy however it is worded. A document naming
 * itself (成都's cover notice: 现将《成都市碳达峰实施方案》印发你们, and its own 文号) is not a
 * cross-reference, so it goes to selfCitations, not citedBy; the policy is still listed, with
 * corpusDoc set, so that a later citation of it by another document has somewhere to go.
 */
export function collectPolicies(options: { documents: DocumentMeta[]; clauses: Clause[]; known?: readonly KnownPolicy[] }): Policy[] {
  return policyGraph(options).policies;
}

/** The policies, and each citing clause's citations joined to them and to the documents they are. */
export function policyGraph(options: { documents: DocumentMeta[]; clauses: Clause[]; known?: readonly KnownPolicy[] }): PolicyGraph {
  const { documents, clauses, known = KNOWN_POLICIES } = options;
  const { groups, sightings } = buildGroups({ sightings: sightingsOf(documents, clauses), documents, known });
  const byRoot = new Map<string, GroupFacts>();
  const factsOf = (key: string) => {
    const root = groups.find(key);
    const facts = byRoot.get(root) ?? { sightings: [], corpusDoc: null, known: null };
    byRoot.set(root, facts);
    return facts;
  };
  for (const s of sightings) factsOf(s.citation.key).sightings.push(s);
  for (const doc of documents) factsOf(docNode(doc.id)).corpusDoc ??= doc;
  for (const policy of known) {
    const number = parseDocNumber(policy.docNumber);
    if (number) factsOf(number).known ??= policy;
  }
  const cited = [...byRoot.values()].filter((facts) => facts.sightings.length > 0);
  const policyOfFacts = new Map(cited.map((facts) => [facts, policyOf(facts)]));
  const citations = new Map<string, ClauseCitation[]>();
  for (const facts of cited) {
    const policy = policyOfFacts.get(facts) as Policy;
    for (const { citation, docId, clauseId } of facts.sightings) {
      const list = citations.get(clauseId) ?? [];
      const doc = policy.corpusDoc === docId ? null : policy.corpusDoc;
      list.push({ clauseId, key: policy.key, raw: citation.raw, start: citation.start, end: citation.end, doc });
      citations.set(clauseId, list);
    }
  }
  for (const list of citations.values()) list.sort((a, b) => a.start - b.start);
  return { policies: [...policyOfFacts.values()].sort(comparePolicies), citations };
}
