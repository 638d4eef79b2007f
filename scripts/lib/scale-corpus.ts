// A synthetic corpus N times the bundled one, for benchmarks: every copy of a plan keeps the
// plan's line structure (headings, numbered items, tables, export damage) while its sentences are
// recombined from the whole corpus under a renamed jurisdiction, its figures are varied, and new
// proper names (places, companies, projects) bring the extra vocabulary real growth brings.
// Deterministic for a given seed.
import type { CatalogEntry } from '../../src/ingest/types.js';

export interface SourcePlan {
  entry: CatalogEntry;
  text: string;
}

export interface ScaledPlan {
  entry: CatalogEntry;
  file: string;
  text: string;
}

/** mulberry32: small, fast and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [...'青岚云川江河山峰松柏梅竹兰桂安宁平和泰康华盛兴隆昌德明阳光辉瑞祥福寿嘉禾丰源清泉溪湖海林森石岩金玉银铜星月晨曦枫桐樟楠杉'];
const INDUSTRIES = ['新能源', '绿色建材', '智慧能源', '储能科技', '氢能装备', '低碳环保', '光伏材料', '循环资源', '碳资产管理', '节能服务'];
const COMPANY_SUFFIX = ['有限公司', '股份有限公司', '集团有限公司'];
const PROJECTS = ['综合能源站', '零碳园区', '分布式光伏项目', '储能电站', '加氢站', '生态修复工程', '海绵城市示范片区', '碳汇林基地'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function placeName(rand: () => number): string {
  return pick(rand, SYLLABLES) + pick(rand, SYLLABLES);
}

/** Sentences of prose lines (not headings or table cells), pooled across all plans. */
function sentencePool(sources: SourcePlan[]): string[] {
  const pool: string[] = [];
  for (const s of sources) {
    for (const line of s.text.split('\n')) {
      if (line.startsWith('\t') || line.length < 40) continue;
      for (const sentence of line.split(/(?<=。)/u).slice(1)) if (sentence.length >= 12 && sentence.endsWith('。')) pool.push(sentence);
    }
  }
  return pool;
}

/** A place's full and short names, longest first: 成都市 → 海丰市 and 成都 → 海丰. */
function namePairs(from: string | null, to: string): [string, string][] {
  if (!from) return [];
  const short = (n: string) => n.replace(/[省市县区]$/u, '');
  const pairs: [string, string][] = [[from, to]];
  if (short(from).length >= 2 && short(from) !== from) pairs.push([short(from), short(to)]);
  return pairs;
}

/** Figures with a unit vary by ±20 %, keeping their decimals; years and numbering stay. */
function varyFigures(sentence: string, rand: () => number): string {
  return sentence.replace(/(\d+(?:\.\d+)?)(?=\s*(?:%|万|亿|个|辆|座|吨|公里|平方米|千瓦))/gu, (num) => {
    const decimals = num.includes('.') ? (num.split('.')[1] as string).length : 0;
    const v = Number(num) * (0.8 + rand() * 0.4);
    return v.toFixed(decimals);
  });
}

/** Longest first, so 四川省 is renamed before 四川. */
type Renaming = [string, string][];

function rename(text: string, pairs: Renaming): string {
  let out = text;
  for (const [from, to] of pairs) out = out.split(from).join(to);
  return out;
}

/** A county's parent city is outside the corpus: it gets a new name in the copy's province. */
function parentOf(entry: CatalogEntry, o: { renaming: Renaming; provinceName: string }): CatalogEntry['parent'] {
  if (!entry.parent) return null;
  if (entry.parent.province) return { name: `${entry.parent.name.replace(/市$/u, '')}北市`, adminCode: null, province: o.provinceName };
  return { name: rename(entry.parent.name, o.renaming), adminCode: null };
}

/** One copy of a plan: same lines, recombined sentences, renamed places, new names. */
function scaledText(o: { source: SourcePlan; pool: string[]; rand: () => number; renaming: Renaming; others: Renaming }): string {
  const { rand } = o;
  const lines = o.source.text.split('\n').map((line) => {
    if (line.startsWith('\t') || line.length < 40) return rename(line, o.renaming);
    const [first, ...rest] = line.split(/(?<=。)/u);
    const body = rest.map((sentence) => {
      let s = sentence.endsWith('。') && rand() < 0.5 ? pick(rand, o.pool) : sentence;
      // Borrowed sentences name other plans' places: they become this copy's own.
      s = rename(rename(s, o.renaming), o.others);
      s = varyFigures(s, rand);
      if (s.endsWith('。') && rand() < 0.15) s = `${s.slice(0, -1)}，支持${placeName(rand)}${pick(rand, INDUSTRIES)}${pick(rand, COMPANY_SUFFIX)}建设${placeName(rand)}${pick(rand, PROJECTS)}。`;
      return s;
    });
    return rename([first ?? '', ...body].join(''), o.renaming);
  });
  return lines.join('\n');
}

/**
 * `scale` copies of every plan (the originals are not included: the scaled corpus stands alone).
 * Copy k of a city plan is a city of a renamed province k; ids, titles and files are renamed alike.
 */
export function scaleCorpus(sources: SourcePlan[], options: { scale: number; seed: number }): ScaledPlan[] {
  const rand = rng(options.seed);
  const pool = sentencePool(sources);
  const province = sources.find((s) => s.entry.level === 'province');
  const out: ScaledPlan[] = [];
  const used = new Set<string>();
  const fresh = (suffix: string) => {
    for (;;) {
      const name = `${placeName(rand)}${suffix}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  for (let k = 1; k <= options.scale; k++) {
    const provinceName = fresh('省');
    for (const source of sources) {
      const level = source.entry.level;
      const to = level === 'province' ? provinceName : fresh(level === 'county' ? '县' : '市');
      const own = namePairs(source.entry.jurisdiction, to);
      const renaming: Renaming = [...own, ...(level !== 'province' && province ? namePairs(province.entry.jurisdiction, provinceName) : [])].sort((a, b) => b[0].length - a[0].length);
      const ownShort = (own.at(-1) as [string, string])[1];
      const others: Renaming = sources
        .filter((s) => s !== source && s.entry.level !== 'province')
        .flatMap((s) => namePairs(s.entry.jurisdiction, to).map(([f]) => [f, f.length > 2 && /[市县]$/u.test(f) ? to : ownShort] as [string, string]))
        .sort((a, b) => b[0].length - a[0].length);
      const id = `x${options.scale}-${String(k).padStart(3, '0')}-${source.entry.id}`;
      const title = rename(source.entry.title, renaming);
      const entry: CatalogEntry = {
        file: `${id}.txt`,
        id,
        title,
        jurisdiction: source.entry.jurisdiction ? rename(source.entry.jurisdiction, renaming) : null,
        adminCode: null,
        level,
        parent: parentOf(source.entry, { renaming, provinceName }),
        issuer: source.entry.issuer ? rename(source.entry.issuer, renaming) : null,
        docNumber: null,
        date: source.entry.date,
        status: source.entry.status,
      };
      out.push({ entry, file: entry.file, text: scaledText({ source, pool, rand, renaming, others }) });
    }
  }
  return out;
}
