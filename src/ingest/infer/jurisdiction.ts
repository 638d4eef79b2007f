// Which jurisdiction a document speaks for and at what level: the places its issuers name,
// else its title, else its 文号's province abbreviation, else the places and the 全省/全市/全国
// its body speaks of. A department takes its place's level (省生态环境厅 is province level); a
// 新区 or 开发区 belongs to the city it names. National organs and plans are national.
import type { Level } from '../types.js';
import { divisionsNamed, mentions, placeIn, provinceOf, type Division } from './divisions.js';
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
  京: '北京市', 津: '天津市', 冀: '河北省', 晋: '山西省', 蒙: '内蒙古自治区', 辽: '辽宁省', 吉: '吉林省', 黑: '黑龙江省', 沪: '上海市', 苏: '江苏省', 浙: '浙江省', 皖: '安徽省', 闽: '福建省', 赣: '江西省', 鲁: '山东省', 豫: '河南省', 鄂: '湖北省', 湘: '湖南省', 粤: '广东省', 桂: '广西壮族自治区', 琼: '海南省', 渝: '重庆市', 川: '四川省', 黔: '贵州省', 贵: '贵州省', 云: '云南省', 滇: '云南省', 藏: '西藏自治区', 陕: '陕西省', 甘: '甘肃省', 青: '青海省', 宁: '宁夏回族自治区', 新: '新疆维吾尔自治区',
};

export interface JurisdictionInput {
  issuers: Inferred | null;
  title: string;
  docNumber: string | null;
  lines: string[];
}

const levelOf = (d: Division): Level => d.level;

export function inferJurisdiction({ issuers, title, docNumber, lines }: JurisdictionInput): Jurisdiction | null {
  const organs = issuers ? issuers.value.split('、') : [];
  const fromIssuer = organs.length ? placeIn(organs.join(' ')) : null;
  if (fromIssuer) return { division: fromIssuer, level: levelOf(fromIssuer), source: issuers?.source ?? 'cover', confidence: 0.9 };
  if (organs.length && organs.every((o) => NATIONAL_ORGAN.test(o))) return { division: null, level: 'national', source: issuers?.source ?? 'cover', confidence: 0.85 };
  const hint = provinceByCode(docNumber);
  const fromTitle = placeIn(title.replace(/^中国[(（][^)）]+[)）]/u, (m) => m.slice(3, -1)), hint);
  if (fromTitle) return { division: fromTitle, level: levelOf(fromTitle), source: 'title', confidence: 0.8 };
  if (docNumber && NATIONAL_CODE.test(docNumber) && !hint) return { division: null, level: 'national', source: 'cover', confidence: 0.6 };
  return fromBody(lines, hint);
}

function provinceByCode(docNumber: string | null): Division | null {
  const first = docNumber?.[0];
  const name = first ? PROVINCE_ABBREVIATIONS[first] : undefined;
  return name ? (divisionsNamed(name)[0] ?? null) : null;
}

/**
 * The body's own words decide: 全国/我国 against 全省/我省 against 全市/我市, and the province
 * most of the places it names belong to.
 */
function fromBody(lines: string[], hint: Division | null): Jurisdiction | null {
  const text = lines.slice(0, 400).join('\n');
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const national = count(/全国|我国|各省、自治区、直辖市/gu);
  const province = count(/全省|我省|本省|全区|自治区/gu);
  const city = count(/全市|我市|本市|全州|我州/gu);
  const votes = new Map<string, { d: Division; n: number }>();
  for (const m of mentions(text)) {
    if (m.divisions.length !== 1) continue;
    const p = provinceOf(m.divisions[0] as Division);
    const v = votes.get(p.code) ?? { d: p, n: 0 };
    v.n++;
    votes.set(p.code, v);
  }
  const top = hint ? { d: hint, n: 99 } : [...votes.values()].sort((a, b) => b.n - a.n)[0];
  if (national > province + city && national >= 2) return { division: null, level: 'national', source: 'body', confidence: 0.5 };
  if (top && province >= city) return { division: top.d, level: 'province', source: 'body', confidence: 0.5 };
  return null;
}
