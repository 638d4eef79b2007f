// Which jurisdiction a document speaks for and at what level: the places its issuers name,
// else its title, else its 文号's province abbreviation, else the places and the 全省/全市/全国
// its body speaks of. A department takes its place's level (省生态环境厅 is province level); a
// 新区 or 开发区 belongs to the city it names. National organs and plans are national.
import { LEVEL_ORDER, type Level } from '../types.js';
import { chainOf, divisionsNamed, mentions, placeIn, provinceOf, type Division } from './divisions.js';
import type { Inferred, Provenance } from './identity.js';

export interface Jurisdiction {
  division: Division | null;
  level: Level;
  source: Provenance;
  confidence: number;
}

/** Organs of the State Council and the Party centre: 国务院, 国家能源局, 生态环境部, 市场监管总局… */
const NATIONAL_ORGAN = /^(?:国务院|中共中央|中央|全国|国家|中华人民共和国)|(?:部|总局|总署)(?:办公厅)?$/u;
/** 文号 agency codes of national organs: 国发, 国办发, 中发, 发改…, 工信…, 环…, 建… */
const NATIONAL_CODE = /^(?:国|中|发改|工信|环|建|财|交|农|水|自然资|商|科|教|人社|银|证|应急|市监)/u;

/** One-character abbreviations of the provinces as 文号 print them (川府发, 渝府办发, 粤府). */
const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  京: '北京市',
  津: '天津市',
  冀: '河北省',
  晋: '山西省',
  蒙: '内蒙古自治区',
  辽: '辽宁省',
  吉: '吉林省',
  黑: '黑龙江省',
  沪: '上海市',
  苏: '江苏省',
  浙: '浙江省',
  皖: '安徽省',
  闽: '福建省',
  赣: '江西省',
  鲁: '山东省',
  豫: '河南省',
  鄂: '湖北省',
  湘: '湖南省',
  粤: '广东省',
  桂: '广西壮族自治区',
  琼: '海南省',
  渝: '重庆市',
  川: '四川省',
  黔: '贵州省',
  贵: '贵州省',
  云: '云南省',
  滇: '云南省',
  藏: '西藏自治区',
  陕: '陕西省',
  甘: '甘肃省',
  青: '青海省',
  宁: '宁夏回族自治区',
  新: '新疆维吾尔自治区',
};

export interface JurisdictionInput {
  issuers: Inferred | null;
  title: string;
  docNumber: string | null;
  lines: string[];
}

/** 自治区人民政府办公厅, 市科技局, 县委: organs that name their level but not their place. */
const RELATIVE_LEVEL: Array<[RegExp, Level]> = [
  [/^(?:省|自治区)/u, 'province'],
  [/^(?:市|州|盟)/u, 'city'],
  [/^(?:县|区|旗)/u, 'county'],
];

function relativeLevel(organs: string[]): Level | null {
  for (const o of organs) for (const [re, level] of RELATIVE_LEVEL) if (re.test(o)) return level;
  return null;
}

/** The place at that level the division lies in, or the division itself when it is not below it. */
function atLevel(d: Division, level: Level): Division {
  let x: Division = d;
  while (x.parent && LEVEL_ORDER.indexOf(x.level) > LEVEL_ORDER.indexOf(level)) x = x.parent;
  return x;
}

/** A 发文机关标志 the OCR garbled (山东省…管理月文件…): its places still tell the jurisdiction. */
function mastheadPlace(lines: string[]): Division | null {
  const masthead = lines.slice(0, 4).find((l) => /文件/u.test(l) && [...l].length <= 80);
  // The first organ's place: OCR may have glued a branch's city (济南分行) onto the line.
  return masthead ? placeIn(masthead.split(/文件/u)[0] as string) : null;
}

export function inferJurisdiction({ issuers, title, docNumber, lines }: JurisdictionInput): Jurisdiction | null {
  const organs = issuers ? issuers.value.split('、') : [];
  // Branches of national bodies (中国人民银行邯郸市中心支行) co-sign local plans: the locals decide.
  const local = organs.filter((o) => !/^中国/u.test(o));
  // The lead issuer's place: a later organ's place must not pull a joint document elsewhere.
  const fromIssuer = local.map((o) => placeIn(o)).find((d) => d !== null) ?? null;
  if (fromIssuer) return { division: fromIssuer, level: fromIssuer.level, source: issuers?.source ?? 'cover', confidence: 0.9 };
  if (organs.length && organs.every((o) => NATIONAL_ORGAN.test(o))) return { division: null, level: 'national', source: issuers?.source ?? 'cover', confidence: 0.85 };
  const masthead = mastheadPlace(lines);
  if (masthead) return { division: masthead, level: masthead.level, source: 'cover', confidence: 0.7 };
  const relative = relativeLevel(local);
  const hint = provinceByCode(docNumber);
  const fromTitle = placeIn(
    title.replace(/^中国[(（][^)）]+[)）]/u, (m) => m.slice(3, -1)),
    hint,
  );
  const found = fromTitle ? { d: fromTitle, source: 'title' as const } : null;
  const body = found ? null : fromBody(lines, hint, relative);
  if (body && (!relative || body.level === relative || body.level === 'national')) return body;
  const place = found?.d ?? body?.division ?? hint;
  if (place && relative) return withLevel(place, relative, lines, found?.source ?? 'body');
  if (found) return { division: found.d, level: found.d.level, source: 'title', confidence: 0.8 };
  if (docNumber && NATIONAL_CODE.test(docNumber) && !hint) return { division: null, level: 'national', source: 'cover', confidence: 0.6 };
  return body;
}

/**
 * An organ says its level (市科技局) and the title or body its place: the place at that level,
 * or, when the place named is above it (江苏省 for a 市 organ), the city the body names most.
 */
function withLevel(place: Division, level: Level, lines: string[], source: Provenance): Jurisdiction {
  if (LEVEL_ORDER.indexOf(place.level) >= LEVEL_ORDER.indexOf(level)) return { division: atLevel(place, level), level, source, confidence: 0.7 };
  const below = mostNamed(lines, (d) => d.level === level && chainOf(d).some((x) => x.code === place.code));
  return below ? { division: below, level, source: 'body', confidence: 0.6 } : { division: place, level: place.level, source, confidence: 0.5 };
}

function mostNamed(lines: string[], keep: (d: Division) => boolean): Division | null {
  const votes = new Map<string, { d: Division; n: number }>();
  for (const m of mentions(lines.slice(0, 400).join('\n'))) {
    const d = m.divisions.find(keep);
    if (!d) continue;
    const v = votes.get(d.code) ?? { d, n: 0 };
    v.n++;
    votes.set(d.code, v);
  }
  return [...votes.values()].sort((a, b) => b.n - a.n)[0]?.d ?? null;
}

function provinceByCode(docNumber: string | null): Division | null {
  const first = docNumber?.[0];
  const name = first ? PROVINCE_ABBREVIATIONS[first] : undefined;
  return name ? (divisionsNamed(name)[0] ?? null) : null;
}

/** A text this long that names no place is a national one; a shorter one says too little to tell. */
const MIN_LINES_FOR_SILENCE = 20;

/**
 * The body's own words decide: 全国/我国 against 全省/我省 against 全市/我市, and the province
 * most of the places it names belong to.
 */
function fromBody(lines: string[], hint: Division | null, relative: Level | null = null): Jurisdiction | null {
  const text = lines.slice(0, 400).join('\n');
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const national = count(/全国|我国|各省、自治区、直辖市/gu);
  const province = count(/全省|我省|本省/gu);
  const city = count(/全市|我市|本市|全州|我州|全县|我县|本县/gu);
  const votes = new Map<string, { d: Division; n: number }>();
  for (const m of mentions(text)) {
    if (m.divisions.length !== 1) continue;
    const p = provinceOf(m.divisions[0] as Division);
    const v = votes.get(p.code) ?? { d: p, n: 0 };
    v.n++;
    votes.set(p.code, v);
  }
  const top = hint ? { d: hint, n: 99 } : [...votes.values()].sort((a, b) => b.n - a.n)[0];
  if (!relative && national > province + city && national >= 1) return { division: null, level: 'national', source: 'body', confidence: 0.5 };
  if (top && province >= city) return { division: top.d, level: 'province', source: 'body', confidence: 0.5 };
  // Local documents name their place; one that names none anywhere speaks for the nation.
  if (!top && province + city === 0 && !relative && lines.length >= MIN_LINES_FOR_SILENCE) return { division: null, level: 'national', source: 'body', confidence: 0.4 };
  return null;
}
