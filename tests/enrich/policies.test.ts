// Policy references: citations read from real clauses and made-up sentences, wording variants
// joined under one key, and the corpus-wide policy list with its citing documents.
import { describe, expect, it } from 'vitest';
import { collectPolicies, extractCitations, parseDocNumber, parseTitle, type Policy } from '../../src/enrich/policies.js';
import type { Clause, DocumentMeta } from '../../src/ingest/types.js';
import { CHENGDU, MIANYANG, QUXIAN, SICHUAN, realLibrary } from '../helpers.js';

const library = realLibrary();
const meta = (id: string) => library.getDocument(id) as DocumentMeta;
const textOf = (id: string) => {
  const clause = library.getClause(id);
  if (!clause) throw new Error(`no clause ${id}`);
  return clause.text;
};
const citationsIn = (id: string) => extractCitations(textOf(id), meta(id.split('.')[0] as string));
const brief = (text: string) => extractCitations(text).map((c) => ({ key: c.key, title: c.title, docNumber: c.docNumber, raw: c.raw }));

const allClauses = () => library.documents.flatMap((d) => library.clausesOf(d.id));
const realPolicies = () => collectPolicies({ documents: library.documents, clauses: allClauses() });
const byTitle = (policies: Policy[], title: string) => policies.filter((p) => p.title === title);

const GENERIC_PLAN = '关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施方案';

describe('extractCitations on real clauses', () => {
  it('渠县 preamble: issuer before 《》, notice wrapper, attached 文号', () => {
    const found = citationsIn(`${QUXIAN}.preamble__p_1`).map((c) => ({
      key: c.key,
      title: c.title,
      docNumber: c.docNumber,
      issuer: c.issuer,
      raw: c.raw,
    }));
    expect(found).toEqual([
      {
        key: '2030年碳达峰行动方案@国家',
        title: '2030年碳达峰行动方案',
        docNumber: '国发〔2021〕23号',
        issuer: '国务院',
        raw: '《关于印发2030年碳达峰行动方案的通知》（国发〔2021〕23号）',
      },
      {
        key: '四川省碳达峰实施方案',
        title: '四川省碳达峰实施方案',
        docNumber: '川府发〔2022〕37号',
        issuer: '四川省人民政府',
        raw: '《关于印发四川省碳达峰实施方案的通知》（川府发〔2022〕37号）',
      },
      {
        key: `${GENERIC_PLAN}@达州市`,
        title: GENERIC_PLAN,
        docNumber: '达市委〔2022〕342号',
        issuer: '中共达州市委、达州市人民政府',
        raw: `《${GENERIC_PLAN}的通知》（达市委〔2022〕342号）`,
      },
      {
        key: '达州市碳达峰实施方案',
        title: '达州市碳达峰实施方案',
        docNumber: '达市府〔2024〕9号',
        issuer: '达州市人民政府',
        raw: '《关于印发达州市碳达峰实施方案的通知》（达市府〔2024〕9号）',
      },
    ]);
  });

  it('成都 preamble: five titles run together, issuers inside the title', () => {
    const found = citationsIn(`${CHENGDU}.preamble__p_1`);
    expect(found.map((c) => [c.title, c.issuer, c.scope])).toEqual([
      ['关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见', '中共中央、国务院', '国家'],
      ['关于全面推进美丽中国建设的意见', '中共中央、国务院', '国家'],
      ['2030年前碳达峰行动方案', '国务院', '国家'],
      ['关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见', '中共四川省委、四川省人民政府', '四川省'],
      ['四川省碳达峰实施方案', '四川省人民政府', '四川省'],
    ]);
    expect(found.every((c) => c.docNumber === null)).toBe(true);
  });

  it('the two wordings of 四川省碳达峰实施方案 get the same key', () => {
    const chengdu = citationsIn(`${CHENGDU}.preamble__p_1`).find((c) => c.raw.includes('四川省碳达峰'));
    const quxian = citationsIn(`${QUXIAN}.preamble__p_1`).find((c) => c.raw.includes('四川省碳达峰'));
    expect(chengdu?.raw).toBe('《四川省人民政府关于印发四川省碳达峰实施方案的通知》');
    expect(quxian?.raw).toBe('《关于印发四川省碳达峰实施方案的通知》（川府发〔2022〕37号）');
    expect(chengdu?.key).toBe(quxian?.key);
  });

  it('省委省政府 joint issuers: 、, a space, or run together (as ingest leaves 四川 draft) are one key', () => {
    const sichuan = citationsIn(`${SICHUAN}.preface_1__p_2`).find((c) => c.raw.includes('实施意见'));
    expect(sichuan?.raw).toContain('中共四川省委四川省人民政府关于');
    const keys = [
      sichuan?.key,
      ...['、', ' ', '　'].map((sep) => extractCitations(`《中共四川省委${sep}四川省人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见》`)[0]?.key),
      extractCitations('中共四川省委、四川省人民政府《关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见》')[0]?.key,
    ];
    expect(new Set(keys)).toEqual(new Set(['关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见@四川省']));
  });

  it('市委、市政府 and 县委、县政府 resolve to the citing document, so one generic title is three policies', () => {
    const mianyang = citationsIn(`${MIANYANG}.part_4__item_2`);
    const quxian = citationsIn(`${QUXIAN}.part_5__item_2__p_1`);
    expect(mianyang.map((c) => [c.issuer, c.key])).toEqual([['市委、市政府', `${GENERIC_PLAN}@绵阳市`]]);
    expect(quxian.map((c) => [c.issuer, c.key])).toEqual([['县委、县政府', `${GENERIC_PLAN}@渠县`]]);
    // Without the citing document the issuer stays relative.
    expect(extractCitations(textOf(`${MIANYANG}.part_4__item_2`))[0]?.key).toBe(`${GENERIC_PLAN}@市`);
  });

  it('each listed policy is found by its key; an unknown key finds none', () => {
    expect(library.enrichment.policies.length).toBeGreaterThan(0);
    for (const p of library.enrichment.policies) expect(library.enrichment.policy(p.key)).toBe(p);
    expect(library.enrichment.policy('《不存在的政策》')).toBeUndefined();
  });

  it('offsets point at raw, and every citation has a title or a 文号', () => {
    let count = 0;
    for (const clause of allClauses()) {
      for (const c of extractCitations(clause.text, meta(clause.docId))) {
        count++;
        expect(clause.text.slice(c.start, c.end)).toBe(c.raw);
        expect(c.title !== null || c.docNumber !== null, c.raw).toBe(true);
        if (c.title !== null) expect(c.title.trim().length).toBeGreaterThan(0);
        expect(c.title ?? '').not.toMatch(/[《》]|^关于印发|的通知$/u);
      }
    }
    expect(count).toBe(29);
  });
});

describe('extractCitations on made-up sentences', () => {
  it('spaces inside a title: 2030 年前 is 2030年前', () => {
    const spaced = brief('根据《2030 年前碳达峰行动方案》《国家适应气候变化战略 2035》');
    expect(spaced).toEqual([
      { key: '2030年前碳达峰行动方案', title: '2030年前碳达峰行动方案', docNumber: null, raw: '《2030 年前碳达峰行动方案》' },
      { key: '国家适应气候变化战略2035', title: '国家适应气候变化战略2035', docNumber: null, raw: '《国家适应气候变化战略 2035》' },
    ]);
    const real = citationsIn(`${SICHUAN}.preface_1__p_2`)[0];
    expect(real?.key).toBe(spaced[0]?.key);
  });

  it('full- and half-width forms of a title are one key', () => {
    const keys = ['《四川省应对气候变化规划（2014—2020 年）》', '《四川省应对气候变化规划(2014-2020年)》', '《四川省应对气候变化规划（２０１４－２０２０年）》'].map((t) => extractCitations(t)[0]?.key);
    expect(new Set(keys).size).toBe(1);
  });

  it('文号 variants: 〔〕 [] 【】 （）, spaces, full-width digits, 第', () => {
    for (const text of ['国发〔2021〕23号', '国发[2021]23号', '国发【2021】23号', '国发（2021）23号', '国发〔2021〕 23 号', '国发 [ 2021 ] 第23号', '国发〔２０２１〕２３号']) {
      expect(parseDocNumber(text), text).toBe('国发〔2021〕23号');
    }
  });

  it('a bare 文号 in running text is cut from the words before it', () => {
    expect(brief('落实国发[2021]23号文件和川府发【2022】37 号要求')).toEqual([
      { key: '国发〔2021〕23号', title: null, docNumber: '国发〔2021〕23号', raw: '国发[2021]23号' },
      { key: '川府发〔2022〕37号', title: null, docNumber: '川府发〔2022〕37号', raw: '川府发【2022】37 号' },
    ]);
  });

  it('关于印发〈X〉的通知 and a nested 《》 give X, with a half-width attached 文号', () => {
    expect(brief('根据《关于印发〈四川省碳达峰实施方案〉的通知》(川府发〔2022〕 37号)')).toEqual([
      {
        key: '四川省碳达峰实施方案',
        title: '四川省碳达峰实施方案',
        docNumber: '川府发〔2022〕37号',
        raw: '《关于印发〈四川省碳达峰实施方案〉的通知》(川府发〔2022〕 37号)',
      },
    ]);
    expect(brief('《关于印发《成都市“十四五”能源发展规划》的通知》')).toEqual([{ key: '成都市十四五能源发展规划', title: '成都市“十四五”能源发展规划', docNumber: null, raw: '《关于印发《成都市“十四五”能源发展规划》的通知》' }]);
  });

  it('quotation marks that belong to the title stay; a quoted inner title loses its quotes', () => {
    expect(brief('《“十四五”节能减排综合工作方案》')[0]?.title).toBe('“十四五”节能减排综合工作方案');
    expect(brief('《关于印发“十四五”节能减排综合工作方案的通知》')[0]?.title).toBe('“十四五”节能减排综合工作方案');
    expect(brief('《关于印发“四川省碳达峰实施方案”的通知》')[0]?.key).toBe('四川省碳达峰实施方案');
  });

  it('an issuer before 《》 is read as far as the verb: 为深入贯彻落实国务院《…》', () => {
    const [c] = extractCitations('为深入贯彻落实国务院《关于印发2030年前碳达峰行动方案的通知》');
    expect([c?.issuer, c?.scope, c?.key]).toEqual(['国务院', '国家', '2030年前碳达峰行动方案@国家']);
    expect(extractCitations('全面落实《2030年前碳达峰行动方案》')[0]?.issuer).toBeNull();
    // A long run of text before 《 may cut the first issuer's name; the cut piece is not read.
    const [cut] = extractCitations(`落实，四川省人民政府${'、国家能源局'.repeat(9)}《关于X的意见》`);
    expect(cut?.issuer).toBe(Array(9).fill('国家能源局').join('、'));
    expect(cut?.scope).toBe('国家');
  });

  it('regression: 和 between two titles is not part of the next issuer (《A》和省委、省政府《B》)', () => {
    const [, second] = extractCitations('根据《关于X的意见》和省委、省政府《关于Y的实施意见》', meta(QUXIAN));
    expect([second?.issuer, second?.scope]).toEqual(['省委、省政府', '四川省']);
  });

  it('titles printed with several departments, a verb or a 发布 notice around them', () => {
    expect(parseTitle('四川省住房城乡建设厅等17部门关于加强县城绿色低碳建设的实施意见')).toEqual({ title: '关于加强县城绿色低碳建设的实施意见', issuer: '四川省住房城乡建设厅' });
    expect(parseTitle('自治区人民政府办公厅印发关于鼓励和支持参与拉萨南北山绿化的政策措施')?.issuer).toBe('自治区人民政府办公厅');
    expect(parseTitle('关于发布《高耗能行业重点领域节能降碳改造升级实施指南（2022年版）》的通知')?.title).toBe('高耗能行业重点领域节能降碳改造升级实施指南（2022年版）');
    expect(parseTitle('关于发布<高耗能行业重点领域节能降碳改造升级实施指南(2022年版)>的通知')?.title).toBe('高耗能行业重点领域节能降碳改造升级实施指南(2022年版)');
  });

  it('a bare document kind or an empty 《》 is not a policy', () => {
    expect(extractCitations('按照《方案》和《本规划》，落实《实施方案》，见《》《 》')).toEqual([]);
  });
});

describe('collectPolicies on the real corpus', () => {
  const policies = realPolicies();
  const docsOf = (p: Policy | undefined) => p?.citedBy.map((c) => c.docId);

  it('lists every distinct policy once', () => {
    expect(policies.map((p) => p.key).sort()).toEqual(
      [
        '2030年前碳达峰行动方案@国家',
        '关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见@四川省',
        '四川省碳达峰实施方案',
        '巴黎协定',
        '成都市绿色建筑促进条例',
        '成渝地区双城经济圈生态环境保护规划',
        '成渝地区双城经济圈碳达峰碳中和联合行动方案',
        '达州市碳达峰实施方案',
        '关于全面推进美丽中国建设的意见@国家',
        `${GENERIC_PLAN}@渠县`,
        `${GENERIC_PLAN}@绵阳市`,
        `${GENERIC_PLAN}@达州市`,
        '关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见@国家',
        '关于以实现碳达峰碳中和目标为引领推动绿色低碳优势产业高质量发展的决定@四川省',
        '国家适应气候变化战略2035',
        '绵阳市林业碳汇项目开发试点实施方案',
        '全国碳排放权交易市场的温室气体重点排放单位名录',
        '四川省控制温室气体排放工作方案',
        '四川省应对气候变化规划(2014-2020年)',
        '提升装配式建筑质量五年行动方案',
        '成都市碳达峰实施方案',
      ].sort(),
    );
  });

  it('国发〔2021〕23号 joins its misquoted title with 《2030年前碳达峰行动方案》', () => {
    const [p] = byTitle(policies, '2030年前碳达峰行动方案');
    expect(byTitle(policies, '2030年碳达峰行动方案')).toEqual([]);
    expect(p?.docNumber).toBe('国发〔2021〕23号');
    expect(p?.variants).toEqual(['《2030年前碳达峰行动方案》', '《国务院关于印发2030年前碳达峰行动方案的通知》', '《关于印发2030年碳达峰行动方案的通知》（国发〔2021〕23号）']);
    expect(p?.citedBy).toEqual([
      { docId: SICHUAN, clauseIds: [`${SICHUAN}.preface_1__p_2`] },
      { docId: CHENGDU, clauseIds: [`${CHENGDU}.preamble__p_1`] },
      { docId: QUXIAN, clauseIds: [`${QUXIAN}.preamble__p_1`] },
    ]);
    expect(policies[0]).toBe(p);
  });

  it('四川省碳达峰实施方案: two wordings, its 文号, cited by 成都 and 渠县', () => {
    const [p] = byTitle(policies, '四川省碳达峰实施方案');
    expect(p?.docNumber).toBe('川府发〔2022〕37号');
    expect(p?.variants).toHaveLength(2);
    expect(docsOf(p)).toEqual([CHENGDU, QUXIAN]);
    expect(p?.corpusDoc).toBeNull();
  });

  it('the 省委省政府 实施意见 cited by the 四川 draft and 成都 is one policy', () => {
    const [p] = byTitle(policies, '关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见');
    expect(docsOf(p)).toEqual([SICHUAN, CHENGDU]);
    expect(p?.variants).toHaveLength(2);
  });

  it('one generic title from three issuers stays three policies', () => {
    expect(byTitle(policies, GENERIC_PLAN).map((p) => docsOf(p))).toEqual(expect.arrayContaining([[MIANYANG], [QUXIAN], [QUXIAN]]));
    expect(byTitle(policies, GENERIC_PLAN)).toHaveLength(3);
  });

  it('成都 naming itself is a flagged self-citation with corpusDoc, not a cross-reference', () => {
    const [p] = byTitle(policies, '成都市碳达峰实施方案');
    expect(p).toMatchObject({
      corpusDoc: CHENGDU,
      docNumber: '成府发〔2024〕10号',
      citedBy: [],
      selfCitations: [`${CHENGDU}.notice__p_2`, `${CHENGDU}.notice__p_4`],
    });
    expect(policies.at(-1)).toBe(p);
  });

  it('no other policy is a corpus document', () => {
    expect(policies.filter((p) => p.corpusDoc !== null).map((p) => p.key)).toEqual(['成都市碳达峰实施方案']);
  });

  it('sorted by number of citing documents, then title', () => {
    const counts = policies.map((p) => p.citedBy.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(policies.slice(0, 3).map((p) => p.title)).toEqual(['2030年前碳达峰行动方案', '关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见', '四川省碳达峰实施方案']);
  });

  it('without the known-文号 table the misquoted title stays apart', () => {
    const bare = collectPolicies({ documents: library.documents, clauses: allClauses(), known: [] });
    expect(byTitle(bare, '2030年碳达峰行动方案').map((p) => docsOf(p))).toEqual([[QUXIAN]]);
    expect(byTitle(bare, '2030年前碳达峰行动方案').map((p) => docsOf(p))).toEqual([[SICHUAN, CHENGDU]]);
  });
});

describe('collectPolicies on made-up clauses', () => {
  const clause = (docId: string, n: number, text: string): Clause => ({
    id: `${docId}.p_${n}`,
    docId,
    eId: `p_${n}`,
    kind: 'paragraph',
    label: '',
    marker: null,
    title: null,
    lead: null,
    text,
    ancestors: [],
    parentEId: null,
    depth: 0,
    order: n,
    cells: null,
    table: null,
    lines: [n, n],
  });

  it('a 文号 remembered from one citation brings a bare 文号 and a corpus document together', () => {
    const policies = collectPolicies({
      documents: library.documents,
      clauses: [
        clause(MIANYANG, 2, '依据成府发[2024]10号，参照成都做法。'),
        clause(QUXIAN, 1, '学习《成都市碳达峰实施方案》（成府发〔2024〕10号）。'),
        clause(MIANYANG, 1, '对照《关于印发成都市碳达峰实施方案的通知》。'),
        clause(QUXIAN, 2, '落实川府发〔2022〕37号。'),
        clause(SICHUAN, 1, '四川省人民政府《关于印发四川省碳达峰实施方案的通知》（川府发〔2022〕37号）'),
      ],
    });
    expect(policies.map((p) => ({ key: p.key, docNumber: p.docNumber, corpusDoc: p.corpusDoc, citedBy: p.citedBy }))).toEqual([
      {
        key: '成都市碳达峰实施方案',
        docNumber: '成府发〔2024〕10号',
        corpusDoc: CHENGDU,
        citedBy: [
          { docId: MIANYANG, clauseIds: [`${MIANYANG}.p_1`, `${MIANYANG}.p_2`] },
          { docId: QUXIAN, clauseIds: [`${QUXIAN}.p_1`] },
        ],
      },
      {
        key: '四川省碳达峰实施方案',
        docNumber: '川府发〔2022〕37号',
        corpusDoc: null,
        citedBy: [
          { docId: SICHUAN, clauseIds: [`${SICHUAN}.p_1`] },
          { docId: QUXIAN, clauseIds: [`${QUXIAN}.p_2`] },
        ],
      },
    ]);
  });

  it('an unscoped title joins its one issuer, but not when two issuers share the title', () => {
    const one = collectPolicies({
      documents: library.documents,
      clauses: [clause(SICHUAN, 1, '《国务院关于印发X行动方案的通知》'), clause(CHENGDU, 1, '《X行动方案》')],
    });
    expect(one.map((p) => p.key)).toEqual(['x行动方案@国家']);
    const two = collectPolicies({
      documents: library.documents,
      clauses: [clause(MIANYANG, 1, '市委《关于X的实施方案》'), clause(QUXIAN, 1, '县委《关于X的实施方案》'), clause(CHENGDU, 1, '《关于X的实施方案》')],
    });
    expect(two.map((p) => p.key).sort()).toEqual(['关于x的实施方案', '关于x的实施方案@渠县', '关于x的实施方案@绵阳市']);
  });
});
