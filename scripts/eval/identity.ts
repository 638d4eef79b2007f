// Identity accuracy against labels like ../shared/corpus-real/expected.json: per document the
// inferred title, issuer, date, type, province, city and level next to the label, and whether
// each agrees. The comparison forgives only differences of writing, never of substance:
// - titles: spacing, 《》 and quotation marks, dash and bracket widths; a label that prefixes the
//   jurisdiction before 关于 (四川省关于…) matches the document's 四川省人民政府关于…;
// - dates: at the precision the label gives;
// - issuers: through the README's abbreviation table (发改委, 住建厅…), an office (办公厅) for its
//   principal, as sets of organs;
// - province and city: through the division table (陇南 is 陇南市).
import fs from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { findDates } from '../../src/ingest/infer/dates.js';
import { cityOf, divisionByCode, divisionsNamed, placeIn, provinceOf, type Division } from '../../src/ingest/infer/divisions.js';
import type { DocumentMeta, Level, ParsedDocument } from '../../src/ingest/types.js';

export interface Label {
  file: string;
  title: string;
  issuer: string | null;
  date: string | null;
  docType: string | null;
  province: string | null;
  city: string | null;
}

export const FIELDS = ['title', 'date', 'issuer', 'province', 'city', 'level', 'docType'] as const;
export type Field = (typeof FIELDS)[number];

export interface Row {
  file: string;
  /** Whether the document's text prints the label's value at all (date, issuer): else no reading can find it. */
  printed: Partial<Record<Field, boolean>>;
  got: Record<Field, string | null>;
  want: Record<Field, string | null>;
  ok: Record<Field, boolean>;
}

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s《》〈〉“”"'‘’「」]/gu, '')
    .replace(/[—–―－−~～‐-]+/gu, '-')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）');

/** 四川省人民政府办公厅关于… and 四川省关于… name the same document: compare from 关于 on. */
function fromAbout(title: string): string {
  const at = title.indexOf('关于');
  return at > 0 && at <= 40 ? title.slice(at) : title;
}

/**
 * The period printed after a title, （2021—2025年）: the labels keep it for some plans and drop it
 * for others (484 keeps it, 536 drops it), so a title agrees with or without it.
 */
const withoutPeriod = (t: string) => t.replace(/（\d{4}-\d{2,4}年?）$/u, '');

export function sameTitle(got: string | null, want: string): boolean {
  if (!got) return false;
  const g = withoutPeriod(squash(got));
  const parts = want.split('》《').map((w) => withoutPeriod(squash(w)));
  return parts.some((w) => g === w || fromAbout(g) === fromAbout(w));
}

/** Label dates are YYYY.MM.DD; ours YYYY-MM-DD or YYYY-MM: agree at the shorter precision. */
export function sameDate(got: string | null, want: string | null): boolean {
  if (!got || !want) return got === want;
  const w = want.replace(/\./gu, '-');
  const g = got;
  return g.length <= w.length ? w.startsWith(g) && g.length >= 7 : g.startsWith(w);
}

/** The README's abbreviations, long form first where one name contains another. */
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/发改委|发展改革委/gu, '发展和改革委员会'],
  [/住建(厅|局|部|委)/gu, '住房和城乡建设$1'],
  [/住房城乡建设/gu, '住房和城乡建设'],
  [/国资委/gu, '国有资产监督管理委员会'],
  [/文旅(厅|局)/gu, '文化和旅游$1'],
  [/经信(厅|局|委)/gu, '经济和信息化$1'],
  [/市场监管/gu, '市场监督管理'],
  [/科技(厅|局)/gu, '科学技术$1'],
  [/政府(?!办)/gu, '人民政府'],
  [/人民人民政府/gu, '人民政府'],
  [/广电局/gu, '广播电视局'],
  [/妇联/gu, '妇女联合会'],
];

function canonicalOrgan(name: string): string {
  let n = name.normalize('NFKC').replace(/\s+/gu, '');
  for (const [re, to] of ABBREVIATIONS) n = n.replace(re, to);
  // An office issues for its principal; 中共X委 and X委 (成都市委) are one body.
  n = n
    .replace(/(?:办公厅|办公室)$/u, '')
    .replace(/^中共/u, '')
    .replace(/^(.+?)委员会$/u, (m, head: string) => (/[省市县州区]$/u.test(head) ? `${head}委` : m));
  return n.replace(/^内蒙古(?=[^自])/u, '');
}

export function organsOf(issuer: string | null): string[] {
  if (!issuer) return [];
  return [
    ...new Set(
      issuer
        .split(/[,，、;；\s]+/u)
        .filter(Boolean)
        .map(canonicalOrgan),
    ),
  ].sort();
}

export function sameIssuer(got: string | null, want: string | null): boolean {
  const g = organsOf(got);
  const w = organsOf(want);
  return g.length > 0 && g.length === w.length && g.every((x, i) => x === w[i]);
}

function division(name: string | null): Division | null {
  if (!name) return null;
  const exact = divisionsNamed(name);
  return exact[0] ?? placeIn(name);
}

function levelOf(want: Label): Level {
  if (!want.province) return 'national';
  if (!want.city) return 'province';
  const d = division(want.city);
  return d?.level === 'county' ? 'county' : 'city';
}

/** Label docType classes (行动工作方案…) from our type words. */
const TYPE_CLASS: Record<string, string> = {
  规划: '规划',
  纲要: '规划',
  实施方案: '行动工作方案',
  行动方案: '行动工作方案',
  工作方案: '行动工作方案',
  方案: '行动工作方案',
  计划: '行动工作方案',
  措施: '行动工作方案',
  指南: '行动工作方案',
  细则: '行动工作方案',
  意见: '意见决定',
  决定: '意见决定',
  通知: '通知公告',
  公告: '通知公告',
  办法: '办法条例',
  条例: '办法条例',
  导则: '办法条例',
};

/** The text in the comparison form of organs: abbreviations written out, no spaces. */
function canonicalText(text: string): string {
  let n = text.normalize('NFKC').replace(/\s+/gu, '');
  for (const [re, to] of ABBREVIATIONS) n = n.replace(re, to);
  return n;
}

function printedIn(text: string, want: Label): Row['printed'] {
  const canonical = canonicalText(text);
  const date = want.date ? findDates(text).some((d) => sameDate(d.value, want.date)) : false;
  const issuer = organsOf(want.issuer).length > 0 && organsOf(want.issuer).every((o) => canonical.includes(o));
  return { date, issuer };
}

export function compare(meta: DocumentMeta | null, want: Label, text = ''): Row {
  const d = meta?.adminCode ? divisionByCode(meta.adminCode) : null;
  const wantProvince = want.province ? division(want.province.split('、')[0] as string) : null;
  const wantCity = division(want.city);
  const got: Row['got'] = {
    title: meta?.title ?? null,
    date: meta?.date ?? null,
    issuer: meta?.issuer ?? null,
    province: d ? provinceOf(d).name : null,
    city: d ? (cityOf(d)?.name ?? null) : null,
    level: meta?.level ?? null,
    docType: meta?.docType ? (TYPE_CLASS[meta.docType] ?? meta.docType) : null,
  };
  const wantRow: Row['want'] = {
    title: want.title,
    date: want.date,
    issuer: want.issuer,
    province: wantProvince?.name ?? null,
    city: wantCity?.name ?? null,
    level: levelOf(want),
    docType: want.docType,
  };
  const ok: Row['ok'] = {
    title: sameTitle(got.title, want.title),
    date: sameDate(got.date, want.date),
    issuer: sameIssuer(got.issuer, want.issuer),
    province: got.province === wantRow.province,
    city: got.city === wantRow.city,
    level: got.level === wantRow.level,
    docType: got.docType === wantRow.docType,
  };
  return { file: want.file, printed: printedIn(text, want), got, want: wantRow, ok };
}

export interface IdentityReport {
  rows: Row[];
  /** Each labelled file's document as the engine read it (for tests that pin single fields). */
  documents: Map<string, ParsedDocument>;
  accuracy: Record<Field, number>;
}

export async function evaluateIdentity(options: { dir: string; labels: string; cacheDir?: string | null }): Promise<IdentityReport> {
  const labels = JSON.parse(fs.readFileSync(options.labels, 'utf8')) as Label[];
  const corpus = await loadCorpus({ corpusDir: options.dir, catalogFile: path.join(options.dir, '.no-catalog.json'), cacheDir: options.cacheDir ?? null });
  const byFile = new Map(corpus.documents.map((d) => [d.meta.file, d]));
  const rows = labels.map((l) => {
    const doc = byFile.get(l.file);
    return compare(doc?.meta ?? null, l, doc ? doc.clauses.map((c) => c.text).join('\n') : '');
  });
  const accuracy = Object.fromEntries(FIELDS.map((f) => [f, rows.filter((r) => r.ok[f]).length / Math.max(1, rows.length)])) as Record<Field, number>;
  return { rows, accuracy, documents: byFile };
}
