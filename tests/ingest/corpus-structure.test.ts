// Pins the clause tree of each of the five bundled plans: structure, labels, tables,
// repaired page breaks, no markdown, stable unique ids, and coverage of the source text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config.js';
import { loadCatalog } from '../../src/ingest/catalog.js';
import { ingestBytes, loadCorpus } from '../../src/ingest/corpus.js';
import { endsComplete, HAN } from '../../src/ingest/text.js';
import type { Clause } from '../../src/ingest/types.js';
import { CHENGDU, clause, doc, LESHAN, MIANYANG, QUXIAN, realCorpus, SICHUAN } from '../helpers.js';

const kinds = (docId: string, kind: Clause['kind']) => doc(docId).clauses.filter((c) => c.kind === kind);
const labels = (docId: string, kind: Clause['kind']) => kinds(docId, kind).map((c) => c.label);

describe('the bundled corpus loads whole', () => {
  it('loads five documents with no errors', () => {
    const corpus = realCorpus();
    expect(corpus.errors).toEqual([]);
    expect(corpus.documents.map((d) => d.meta.id).sort()).toEqual([CHENGDU, LESHAN, MIANYANG, QUXIAN, SICHUAN].sort());
  });

  it('keeps the corpus files byte-identical to the seed (catalogue checksums)', () => {
    const catalog = loadCatalog(path.join(DEFAULTS.corpusDir, 'catalog.json'));
    for (const d of realCorpus().documents) {
      expect(d.meta.contentHash).toBe(catalog.get(d.meta.file)?.sourceSha256);
    }
  });

  it.each([
    [SICHUAN, 201],
    [CHENGDU, 77],
    [MIANYANG, 68],
    [LESHAN, 132],
    [QUXIAN, 94],
  ])('%s has %i clauses', (id, n) => {
    expect(doc(id).clauses).toHaveLength(n);
  });
});

describe('structure per document', () => {
  it.each([
    // doc, top-level parts, second-level （一） sections
    [SICHUAN, '一二三四五七', 33],
    [CHENGDU, '一二三四', 16],
    [MIANYANG, '一二三四', 21],
    [LESHAN, '一二三四五六七', 27],
    [QUXIAN, '一二三四五', 21],
  ])('%s: parts %s, %i sections', (id, parts, sections) => {
    expect(labels(id, 'part').join('')).toBe(parts);
    expect(kinds(id, 'item')).toHaveLength(sections);
  });

  it('四川: chapter 六 and 专栏 8 are missing from the source and not invented', () => {
    expect(labels(SICHUAN, 'box')).toEqual(['专栏1', '专栏2', '专栏3', '专栏4', '专栏5', '专栏6', '专栏7', '专栏9', '专栏10', '专栏11']);
    expect(doc(SICHUAN).clauses.some((c) => c.eId.startsWith('part_6'))).toBe(false);
    expect(clause(SICHUAN, 'preface_1').title).toBe('前言');
  });

  it('四川: a box ends where a measure paragraph resumes the section', () => {
    expect(clause(SICHUAN, 'part_4__item_4__box_7__p_1').lead).toBe('海绵城市工程');
    expect(clause(SICHUAN, 'part_5__item_3__p_3').lead).toBe('促进科技成果转化');
    expect(kinds(SICHUAN, 'paragraph').filter((c) => c.eId.startsWith('part_5__item_3__box_9'))).toHaveLength(2);
  });

  it('成都: cover notice, preamble, numbered items continuing across sections', () => {
    expect(kinds(CHENGDU, 'notice').map((c) => c.text)).toContain('成府发〔2024〕10号');
    expect(kinds(CHENGDU, 'preamble')).toHaveLength(1);
    expect(
      kinds(CHENGDU, 'para')
        .map((c) => c.label)
        .at(-1),
    ).toBe('三（十）33');
    const c = clause(CHENGDU, 'part_3__item_4__para_11');
    expect(c.label).toBe('三（四）11');
    expect(c.lead).toBe('推动绿色交通基础设施建设');
  });

  it('绵阳: level comes from numbering, not from markdown hashes', () => {
    // （二） sits under ## while its siblings sit under ###; all are sections of 二.
    expect(clause(MIANYANG, 'part_2__item_2').label).toBe('二（二）');
    expect(clause(MIANYANG, 'part_2__item_4').label).toBe('二（四）');
    expect(clause(MIANYANG, 'part_2__item_3__para_4').lead).toBe('推动其他重点行业绿色发展');
    expect(clause(MIANYANG, 'part_1__item_2').title).toBe('基本原则');
  });

  it('乐山: title-only items take their body paragraph; 一是 lists become points', () => {
    const item = clause(LESHAN, 'part_2__item_1__para_1');
    expect(item.lead).toBe('加快发展千亿级产业集群');
    expect(item.text.startsWith('1.加快发展千亿级产业集群。加快发展晶硅光伏')).toBe(true);
    expect(labels(LESHAN, 'point')).toEqual(['二（一）5一是', '二（一）5二是', '二（一）5三是', '二（一）5四是']);
    expect(clause(LESHAN, 'part_2__item_1__para_5__point_2').lead).toBe('推进水泥行业碳达峰');
  });

  it('渠县: dash items, the unnumbered 主要目标 heading, department notes kept', () => {
    expect(kinds(QUXIAN, 'indent').map((c) => c.lead)).toEqual(['总体部署、分类施策', '系统推进、重点突破', '双轮驱动、两手发力', '稳妥有序、安全降碳']);
    expect(clause(QUXIAN, 'part_1__hcontainer_1').text).toBe('主要目标');
    expect(clause(QUXIAN, 'part_1__hcontainer_1__p_1').label).toBe('一「主要目标」第1段');
    expect(clause(QUXIAN, 'part_2__item_1__para_2').text).toMatch(/〔县发改局[^〔]*按职责分工负责〕$/u);
  });
});

describe('tables', () => {
  it('乐山 indicator table: 31 rows of 7 columns, category inherited', () => {
    const table = clause(LESHAN, 'part_1__item_2__table_1');
    expect(table.table?.caption).toBe('碳达峰试点城市建设指标表');
    expect(table.table?.columns).toEqual(['序号', '类别', '具体指标', '单位', '2022年', '2025年', '2030年']);
    const rows = kinds(LESHAN, 'row');
    expect(rows).toHaveLength(31);
    for (const row of rows) expect(row.cells).toHaveLength(7);
    expect(rows.map((r) => r.cells?.[0])).toEqual(Array.from({ length: 31 }, (_, i) => String(i + 1)));
    expect(clause(LESHAN, 'part_1__item_2__table_1__row_2').cells?.[1]).toBe('绿色低碳发展指标');
    expect(clause(LESHAN, 'part_1__item_2__table_1__row_13').cells?.[1]).toBe('能源绿色低碳转型指标');
    const row16 = clause(LESHAN, 'part_1__item_2__table_1__row_16');
    expect(row16.text).toContain('可再生能源发电总装机容量 万千瓦 634.75 745.52 800');
    expect(row16.label).toBe('一（二）表1第16行');
    expect(row16.title).toBe('可再生能源发电总装机容量');
    expect(kinds(SICHUAN, 'row')[3]?.title).toBe('非化石能源占能源消费比重');
    expect(clause(LESHAN, 'part_1__item_2__table_1__row_7').cells?.slice(4)).toEqual(['/', '≤4.03', '≤4.03']);
  });

  it('四川 goals table: 15 rows of 7 columns, 类别 inherited, note kept', () => {
    const rows = kinds(SICHUAN, 'row');
    expect(rows).toHaveLength(15);
    for (const row of rows) expect(row.cells).toHaveLength(7);
    expect(clause(SICHUAN, 'part_2__item_3__table_1').table?.columns[3]).toBe('2020年实际');
    expect(rows[1]?.cells?.slice(0, 3)).toEqual(['减缓', '二氧化碳排放增量', '万吨']);
    expect(rows[3]?.text).toBe('减缓 非化石能源占能源消费比重 % 38 42左右 [4左右] 预期性');
    expect(kinds(SICHUAN, 'note')[0]?.text).toBe('注：（）内为五年累计数。');
  });
});

describe('export damage is repaired in display text', () => {
  const all = () => realCorpus().documents.flatMap((d) => d.clauses);

  it.each([
    [SICHUAN, '温室气体自愿减排项目储备、开发和交易'],
    [SICHUAN, '提升气候变化检测和预警能力'],
    [SICHUAN, '此外，部分地区工业重化工程程度较高'],
    [SICHUAN, '规划基准年为2020年，规划到2025年，展望到2035年'],
    [SICHUAN, '单位GDP二氧化碳排放降低'],
    [CHENGDU, '加快构建绿色低碳循环经济体系。'],
    [CHENGDU, '国家储备林项目'],
    [MIANYANG, '争取规划建设特高压变电站'],
    [MIANYANG, '森林蓄积量达到1.08亿立方米左右'],
  ])('%s contains “%s”', (id, phrase) => {
    expect(doc(id).clauses.some((c) => c.text.includes(phrase))).toBe(true);
  });

  it('no clause contains a markdown mark', () => {
    for (const c of all()) {
      expect(c.text, c.id).not.toMatch(/\*\*|^#|\]\(|^>/u);
    }
  });

  it('every body clause ends where a sentence can end: no page-break split is left', () => {
    const body = all().filter((c) => ['paragraph', 'para', 'subpara', 'point', 'indent', 'preamble', 'note'].includes(c.kind));
    expect(body.length).toBeGreaterThan(300);
    for (const c of body) expect(endsComplete(c.text), `${c.id}: …${c.text.slice(-12)}`).toBe(true);
  });

  it('no stray space sits between Chinese and digits or letters outside table cells', () => {
    const spaced = /[\p{Script=Han}][ \u3000]+[0-9A-Za-z\p{Script=Han}]|[0-9A-Za-z%][ \u3000]+[\p{Script=Han}]/u;
    for (const c of all().filter((x) => x.kind !== 'row')) expect(c.text, c.id).not.toMatch(spaced);
  });
});

describe('identity and citation', () => {
  it('ids are unique, URL-safe, hierarchical and stable across two builds', async () => {
    const first = realCorpus().documents.flatMap((d) => d.clauses);
    const second = (await loadCorpus({ corpusDir: DEFAULTS.corpusDir })).documents.flatMap((d) => d.clauses);
    expect(second.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(new Set(first.map((c) => c.id)).size).toBe(first.length);
    for (const c of first) {
      expect(c.id).toMatch(/^[a-z0-9-]+\.[a-z0-9_]+$/u);
      if (c.parentEId) expect(c.eId.startsWith(`${c.parentEId}__`)).toBe(true);
    }
  });

  it('numbered ids follow the printed numbers: an edit elsewhere does not move them', () => {
    const file = path.join(DEFAULTS.corpusDir, 'chengdu-carbon-peak-2024.txt');
    const entry = loadCatalog(path.join(DEFAULTS.corpusDir, 'catalog.json')).get('chengdu-carbon-peak-2024.txt');
    const source = fs.readFileSync(file, 'utf8');
    const edited = source.replace('## 二、主要目标', '新增的一段说明文字。\n\n另一段新增说明。\n\n## 二、主要目标');
    expect(edited).not.toBe(source);
    const after = ingestBytes({ name: 'x.txt', bytes: Buffer.from(edited), entry }).clauses;
    const before = doc(CHENGDU).clauses;
    expect(after.length).toBe(before.length + 2);
    for (const c of before.filter((x) => ['part', 'item', 'para'].includes(x.kind))) {
      expect(after.find((x) => x.eId === c.eId)?.text).toBe(c.text);
    }
  });
});

describe('nothing is dropped', () => {
  /** Share of the source's Han characters that also appear in the clause texts (as a multiset). */
  function coverage(source: string, texts: string[]): number {
    const count = (s: string) => {
      const m = new Map<string, number>();
      for (const ch of s) if (HAN.test(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
      return m;
    };
    const src = count(source);
    const got = count(texts.join('\n'));
    let total = 0;
    let covered = 0;
    for (const [ch, n] of src) {
      total += n;
      covered += Math.min(n, got.get(ch) ?? 0);
    }
    return covered / total;
  }

  it.each([SICHUAN, CHENGDU, MIANYANG, LESHAN, QUXIAN])('%s: clause texts cover ≥ 98% of its Chinese characters', (id) => {
    const d = doc(id);
    const source = fs.readFileSync(path.join(DEFAULTS.corpusDir, d.meta.sourceFile), 'utf8');
    const texts = [d.meta.title, ...d.clauses.map((c) => c.text), ...d.clauses.flatMap((c) => c.table?.columns ?? [])];
    expect(coverage(source, texts)).toBeGreaterThanOrEqual(0.98);
  });
});
