// Targets only where a plan commits to something (issue 14, item 4): contents lines, heading
// numbers, standard numbers, review sections and sentences about the past give none; a target's
// year comes from its own text, then its headings nearest first, then the title; a 分别 list of
// years or periods gives one target per period. Inputs are sentences from published plans
// (../shared/corpus-real), built into clauses by hand, plus generated ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/analyse/analyzer.js';
import { fallbackYear, proseTargets } from '../../src/enrich/targets/from-prose.js';
import { extractTargets, isReviewHeading, type RawTarget, type Target } from '../../src/enrich/targets/index.js';
import type { Clause, ClauseKind, DocumentMeta } from '../../src/ingest/types.js';
import { realIndicators } from '../helpers.js';

const PLAN_14 = '某省“十四五”生态环境保护规划';

/** One paragraph of a plan dated 2022, read on its own and dated only by the plan's “十四五” title (the way contents lines became targets). */
function read(text: string): RawTarget[] {
  const clause = outline('fake', [{ eId: 'p_1', text }])[0] as Clause;
  return proseTargets({ clause, norm: normalize(text), fallback: fallbackYear([], PLAN_14), minYear: 2022 });
}

interface Node {
  eId: string;
  text: string;
  kind?: ClauseKind;
  title?: string;
  lead?: string;
  parent?: string;
  cells?: string[];
  columns?: string[];
}

/** Clauses of one document from an outline; ancestors follow the parent links. */
function outline(docId: string, nodes: Node[]): Clause[] {
  const parents = new Map(nodes.map((n) => [n.eId, n.parent ?? null]));
  const chain = (eId: string | null): string[] => (eId === null ? [] : [...chain(parents.get(eId) ?? null), eId]);
  return nodes.map((n, order) => {
    const ancestors = chain(n.parent ?? null);
    return {
      id: `${docId}.${n.eId}`,
      docId,
      eId: n.eId,
      kind: n.kind ?? (n.cells ? 'row' : n.columns ? 'table' : n.title ? 'part' : 'paragraph'),
      label: n.eId,
      marker: null,
      title: n.title ?? null,
      lead: n.lead ?? null,
      text: n.text,
      ancestors,
      parentEId: n.parent ?? null,
      depth: ancestors.length,
      order,
      cells: n.cells ?? null,
      table: n.columns ? { columns: n.columns, caption: n.title ?? null } : null,
      citation: '',
      lines: [order + 1, order + 1],
    };
  });
}

/** Every target of one made-up plan, through the same entry point as the corpus. */
function planTargets(o: { title: string; nodes: Node[] }): Target[] {
  const doc = { id: 'plan', title: o.title, date: '2022-06-01' } as DocumentMeta;
  return extractTargets({ documents: [doc], clauses: outline('plan', o.nodes), indicators: realIndicators(), fallbackMinYear: 2021, normalized: (c) => normalize(c.text) });
}

const figures = (list: { valueText: string; year: number | null }[]) => list.map((t) => [t.valueText, t.year]);

describe('contents lines give no targets', () => {
  // 目录 lines of published plans (四川省“十四五”农业农村生态环境保护规划, 内江市, 广元市, 眉山市), and the issue's own.
  const lines = [
    '一、现状与形势..................................................... 4',
    '（三）“十四五”面临的机遇 ............................. 7',
    '“十三五”生态环境保护成效显著............................ 5',
    '（四）制度保障，成效评估..............................................75',
    '第四节“十四五”生态环境保护面临的机遇···········21',
    '···20第三节目标指标······································21',
    '第三章 推动绿色低碳转型........20',
    '附件1 .......................... 23',
    '一、总体要求 3',
    '（二）存在的主要问题 6',
  ];
  it.each(lines)('%s', (line) => {
    expect(read(line)).toEqual([]);
  });

  it('a bare figure after a commitment verb is no page number, space or not (灌溉水有效利用系数提高到 0.55)', () => {
    expect(figures(read('到2025年，农田灌溉水有效利用系数提高到 0.55'))).toEqual([['0.55', 2025]]);
  });

  it('property: a numbered heading, a leader (dots, middle dots, ellipses or spaces) and a page number give nothing', () => {
    const markers = ['一、', '（三）', '第三章', '第四节', '1.', '2.3', ''];
    const headings = ['现状与形势', '“十四五”面临的机遇', '推动绿色低碳转型', '强化农村空间分区管控', '加强农业面源污染治理与监督', '实施成效评估', '主要目标', '非化石能源消费比重'];
    const leaders = fc.oneof(
      fc.integer({ min: 2, max: 60 }).map((n) => '.'.repeat(n)),
      fc.integer({ min: 2, max: 40 }).map((n) => '·'.repeat(n)),
      fc.integer({ min: 1, max: 20 }).map((n) => '…'.repeat(n)),
      fc.integer({ min: 1, max: 12 }).map((n) => ' '.repeat(n)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...markers), fc.constantFrom(...headings), leaders, fc.boolean(), fc.integer({ min: 1, max: 399 }), (marker, heading, leader, spaced, page) => {
        const line = `${marker}${heading}${leader}${spaced ? ' ' : ''}${page}`;
        expect(read(line), line).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('heading numbers and list markers give no targets', () => {
  const texts = [
    '专栏1：陇南市“十四五”生态环境保护主要指标',
    '专栏 3',
    '“十四五”厦门市海洋生态环境保护主要指标如表1所示。',
    '各领域申报说明（申报条件、支持标准、申报材料等内容）详见附件3、4、5、6。',
    '附件4-1：',
    '填写年度VOCs与NOx减排量及奖补金额汇总表和结算清单（附件3、4）。',
    '具体要求见第3章，重点工程见表2-1和图4。',
  ];
  it.each(texts)('%s', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('a list marker is no part of the indicator (1.森林覆盖率达到42.5%, 6、申报项目总投资不低于200万元)', () => {
    expect(read('1.森林覆盖率达到42.5%；').map((t) => [t.phrase, t.valueText])).toEqual([['森林覆盖率', '42.5%']]);
    expect(read('6、申报项目总投资不低于200万元，2019年1月1日以后开工。').map((t) => [t.phrase, t.valueText])).toEqual([['申报项目总投资', '200万元']]);
  });

  it('表 inside another word names no table: 智能电表100万台 is a figure', () => {
    expect(figures(read('到2025年，全市安装智能电表100万台。'))).toEqual([['100万台', 2025]]);
  });
});

describe('standard numbers give no targets', () => {
  // 电机能效提升计划, 德州市, 湘潭市 and 阿坝州 “十四五” plans.
  const texts = [
    '（二）严格监督管理。严格执行《电动机能效限定值及能效等级》（GB 18613-2020）等国家能效标准，加强监督检查。',
    '应按照《医疗机构水污染物排放标准》（GB 18466）相关规定，并参照《医院污水处理工程技术规范》（HJ 2029）要求，科学确定污水处理工艺。',
    '对矿井涌水进行收集处理，出水水质达到《污水综合排放标准》（GB8978-1996）第一类污染物最高允许排放浓度。',
    '城镇生活污水处理厂出水水质应严格执行《四川省岷江、沱江流域水污染物排放标准》（DB51/2311-2016）。',
    '新建公共建筑执行《公共建筑节能设计标准》GB 50189-2015、DB33/T 2274-2020和GB/T 51350。',
    '按照HJ 2.2-2018和ISO 14064-1:2018开展核算，试行T/CECS 1234-2020。',
  ];
  it.each(texts)('%s', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('letters before a number are not always a code: 数据中心PUE 1.3以下 is a figure', () => {
    expect(read('到2025年，新建大型数据中心PUE 1.3以下。').map((t) => [t.valueText, t.bound])).toEqual([['1.3以下', 'max']]);
  });

  it('property: any standard number beside a commitment leaves exactly the commitment', () => {
    const codes = ['GB', 'GB/T', 'GB/Z', 'DB33/T', 'DB51/', 'DB11', 'HJ', 'HJ/T', 'JGJ', 'JGJ/T', 'CJJ', 'NB/T', 'DL/T', 'ISO', 'IEC', 'T/CECS', 'CECS'];
    const numbers = fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.option(fc.integer({ min: 1, max: 9 }), { nil: null })).map(([n, d]) => (d === null ? String(n) : `${n}.${d}`));
    const years = fc.option(fc.integer({ min: 1985, max: 2024 }), { nil: null });
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.boolean(), numbers, years, fc.boolean(), (code, spaced, number, year, wide) => {
        const space = spaced && !code.endsWith('/') ? (wide ? '\u3000' : ' ') : '';
        const standard = `${code}${space}${number}${year === null ? '' : `-${year}`}`;
        const text = `严格执行《某行业能效标准》（${standard}），到2025年，新建建筑节能率达到75%。`;
        expect(figures(read(text)), text).toEqual([['75%', 2025]]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('review sections give no targets', () => {
  // 天津市电力发展“十四五”规划, 发展基础与面临形势 > 发展成果.
  const reviewText = '电网结构不断增强，供电能力显著提升。新增110千伏及以上变电容量3244万千伏安，线路长度4023公里。110千伏链式联络线路占比提升至33.54%，线路联络率提升至100%。市场化交易电量累计达到281亿千瓦时。';

  it.each([
    ['（一）“十三五”气候行动进展明显', '“十三五”气候行动进展明显'],
    ['一、发展基础', '发展基础'],
    ['第一章 环境基础与形势', '环境基础与形势'],
    ['一、发展基础与面临形势 > （一）发展成果', '发展成果'],
    ['一、规划背景', '规划背景'],
    ['第一节 海洋生态环境现状', '海洋生态环境现状'],
    ['第一章 湖北林业“十三五”发展回顾', '湖北林业“十三五”发展回顾'],
  ])('a heading %s marks its whole subtree', (_name, heading) => {
    const found = planTargets({
      title: '天津市电力发展“十四五”规划',
      nodes: [
        { eId: 'part_1', title: heading, text: heading },
        { eId: 'part_1__item_1', title: '主要成绩', text: '主要成绩', parent: 'part_1' },
        { eId: 'part_1__item_1__p_1', text: reviewText, parent: 'part_1__item_1' },
      ],
    });
    expect(figures(found)).toEqual([]);
  });

  it("regression: a review table whose header line (…目标值完成值) became a heading gave the review's figures (辽宁省规划, 专栏1)", () => {
    const found = planTargets({
      title: '辽宁省“十四五”生态环境保护规划',
      nodes: [
        { eId: 'chapter_1', title: '发展基础和面临的形势', text: '第一章发展基础和面临的形势', kind: 'chapter' },
        { eId: 'chapter_1__section_1', title: '生态环境保护取得阶段性成效', text: '第一节生态环境保护取得阶段性成效', kind: 'section', parent: 'chapter_1' },
        { eId: 'chapter_1__section_1__hcontainer_1', title: '领域序号规划指标目标值完成值', text: '领域序号规划指标目标值完成值', kind: 'heading', parent: 'chapter_1__section_1' },
        { eId: 'chapter_1__section_1__hcontainer_1__p_1', text: '１国考断面水质优良比例(％) ５１\u{1001b0}２ ７４\u{1001b0}４', parent: 'chapter_1__section_1__hcontainer_1' },
      ],
    });
    expect(figures(found)).toEqual([]);
  });

  it('the same text under a task heading still gives its figures (the control for the cases above)', () => {
    const found = planTargets({
      title: '天津市电力发展“十四五”规划',
      nodes: [
        { eId: 'part_3', title: '重点任务', text: '重点任务' },
        { eId: 'part_3__p_1', text: reviewText, parent: 'part_3' },
      ],
    });
    expect(found.length).toBeGreaterThan(0);
  });

  it('a paragraph whose run-in lead reviews (污染防治攻坚战取得显著成效。…) gives none; one whose text sets a year to come still does', () => {
    const found = planTargets({
      title: '攀枝花市“十四五”生态环境保护规划',
      nodes: [
        { eId: 'p_1', lead: '污染防治攻坚战取得显著成效', text: '污染防治攻坚战取得显著成效。蓝天保卫战成效明显，累计投入资金13.9亿元，完成入河排污口规范化建设125个。' },
        { eId: 'p_2', lead: '重点领域结构调整取得明显进展', text: '重点领域结构调整取得明显进展。到2025年，森林覆盖率达到41%，空气质量优良天数比例达83.7%以上。' },
      ],
    });
    expect(figures(found)).toEqual([
      ['41%', 2025],
      ['83.7%以上', 2025],
    ]);
  });

  it('a short paragraph that others sit under heads them too: “十三五”以来…取得显著成效，主要表现在：', () => {
    const points = (lead: string): Node[] => [
      { eId: 'p_1', text: lead },
      { eId: 'p_1__point_1', text: '1.森林覆盖率达到40%；', parent: 'p_1' },
      { eId: 'p_1__point_2', text: '2.城市建成区绿地率达到37.94%。', parent: 'p_1' },
    ];
    expect(figures(planTargets({ title: '某市“十四五”生态环境保护规划', nodes: points('“十三五”以来，全市生态环境保护取得显著成效，主要表现在：') }))).toEqual([]);
    expect(figures(planTargets({ title: '某市“十四五”生态环境保护规划', nodes: points('到2025年，主要目标如下：') }))).toEqual([
      ['40%', 2025],
      ['37.94%', 2025],
    ]);
  });

  it('a 主要目标 section that mentions 十三五 as its baseline still gives its targets; the 十三五 figure names the indicator of the next', () => {
    const found = planTargets({
      title: '某省“十四五”应对气候变化规划',
      nodes: [
        { eId: 'part_2', title: '总体要求', text: '总体要求' },
        { eId: 'part_2__item_3', title: '主要目标', text: '主要目标', parent: 'part_2' },
        {
          eId: 'part_2__item_3__p_1',
          text: '在“十三五”基础上，到2025年，全省森林覆盖率达到41%。“十三五”期间单位地区生产总值二氧化碳排放累计下降20%，“十四五”时期再下降19.5%，应对气候变化取得显著成效。',
          parent: 'part_2__item_3',
        },
        { eId: 'part_2__item_3__item_1', title: '“十三五”成效巩固提升', text: '“十三五”成效巩固提升', parent: 'part_2__item_3' },
        { eId: 'part_2__item_3__item_1__p_1', text: '到2025年，天然湿地有效保护率达到65%以上。', parent: 'part_2__item_3__item_1' },
      ],
    });
    expect(found.map((t) => [t.phrase, t.valueText, t.year])).toEqual([
      ['森林覆盖率', '41%', 2025],
      ['单位地区生产总值二氧化碳排放', '19.5%', 2025],
      ['天然湿地有效保护率', '65%以上', 2025],
    ]);
  });

  it('a table of 十三五 results (…目标指标完成情况表) gives none, nor a table whose only year is the base year', () => {
    const found = planTargets({
      title: '内江市“十四五”生态环境保护规划',
      nodes: [
        { eId: 'table_1', title: '表1-1内江市“十三五”生态环境保护目标指标完成情况表', text: '', columns: ['序号', '指标名称', '2015年', '2020年目标', '2020年实际', '完成情况', '属性'] },
        {
          eId: 'table_1__row_1',
          title: '主城区空气质量达标天数比例（%）',
          text: '1 主城区空气质量达标天数比例（%） 71.3 75.4 89.6 完成 约束性',
          parent: 'table_1',
          cells: ['1', '主城区空气质量达标天数比例（%）', '71.3', '75.4', '89.6', '完成', '约束性'],
        },
        { eId: 'table_2', title: '表1 巴中市“十四五”生态环境保护规划主要指标', text: '', columns: ['序号', '指标', '2020年基准值', '属性'] },
        { eId: 'table_2__row_1', title: '森林覆盖率（%）', text: '14 森林覆盖率（%） 63 约束性', parent: 'table_2', cells: ['14', '森林覆盖率（%）', '63', '约束性'] },
      ],
    });
    expect(figures(found)).toEqual([]);
  });

  it('task headings with look-back words are no review (夯实基础本底, 实施成效评估, 见成效)', () => {
    for (const heading of ['夯实基础本底，构建气候治理支撑体系', '实施成效评估', '保好水治差水，“一河一策”见成效']) {
      const found = planTargets({
        title: '某省“十四五”规划',
        nodes: [
          { eId: 'part_5', title: heading, text: heading },
          { eId: 'part_5__p_1', text: '到2025年，国家核证自愿减排（CCER）累计交易量达到4000万吨。', parent: 'part_5' },
        ],
      });
      expect(figures(found), heading).toEqual([['4000万吨', 2025]]);
    }
  });

  it('isReviewHeading on headings of published plans', () => {
    const back = [
      '“十三五”生态环境保护成效显著',
      '发展基础与面临形势',
      '生态环境保护基础与形势',
      '“十三五”规划指标完成情况',
      '国土绿化成效显著',
      '生态保护成就斐然',
      '基本情况',
      '《规划》编制背景',
      '建设基础及可行性',
      '低碳发展基础',
      '绿色发展取得新进展',
      '2020年现状值',
      '"十二五"时期工作成效',
      '“十四五”发展基础',
    ];
    const notBack = [
      '主要目标',
      '（现状）（目标）',
      '“十四五”面临的机遇',
      '夯实两项基础',
      '加强生态系统碳汇基础支撑',
      '推进城镇环境基础设施建设升级',
      '以山北草原为基础，建立5个草原碳汇发展片区',
      '遴选一批有基础、有条件、有意愿的园区开展近零碳排放园区试点建设',
      '巴府发〔2021〕19号',
      '宣传教育处负责做好绿色低碳发展和应对气候变化工作成效宣传',
      '生态文明制度体系改革成效将逐渐显现',
      '推进华能、运达等“十三五”存量新能源发电项目建设',
      '开启应对气候变化新征程',
      '“十四五”时期取得新进展',
    ];
    expect(back.filter((h) => !isReviewHeading(h, 2022))).toEqual([]);
    expect(notBack.filter((h) => isReviewHeading(h, 2022))).toEqual([]);
  });
});

describe('sentences about the past give no targets', () => {
  it.each([
    ['目前 (阿坝州)', '目前，全州生态环境执法队伍空缺率29%，监测站空缺率25%，人均负责执法面积912平方公里。'],
    ['过去五年 / 截至2020年底 (江苏省)', '过去五年，全球新增发电装机中可再生能源占比约为70%，截至2020年底，全国可再生能源发电装机达到9.34亿千瓦。'],
    ['已建成 (南充市)', '南充市主城区已建成污水处理厂5座，污水处理能力达30.56万吨/日。'],
    ['截至 the plan’s own year', '截至2022年底，全市森林覆盖率达到45%，累计建成充电桩3万个。'],
    ['…以来, from the plan’s own year', '2022年以来，全市新增光伏装机100万千瓦。'],
    ['“十三五”期间…累计', '“十三五”期间，全省累计完成造林1500万亩，森林覆盖率达到40%。'],
    ['2020年…达到', '2020年，全省非化石能源消费比重达到38%。'],
    ['取得…成效', '全市生态环境保护取得明显成效，城市建成区绿地率37.94%。'],
  ])('%s', (_name, text) => {
    expect(read(text)).toEqual([]);
  });

  it('已 or 目前 in a sentence that sets a year to come, or after 确保, is no past (内蒙古, 辽宁)', () => {
    expect(figures(read('到2025年底,全区农村牧区生活污水治理率达到25%以上,已建成设施正常运行率达到85%以上。'))).toEqual([
      ['25%以上', 2025],
      ['85%以上', 2025],
    ]);
    expect(figures(read('确保已建治理设施运行率持续达到80%以上。'))).toEqual([['80%以上', 2025]]);
  });

  it('a past cue ends with its sentence: the next sentence still commits', () => {
    expect(figures(read('目前全市森林覆盖率为40%。到2025年，森林覆盖率达到45%。'))).toEqual([['45%', 2025]]);
  });

  it('项目前期 is not 目前: a 储备…建设规模约200万千瓦 sentence stays a target (四川省可再生能源规划)', () => {
    const text = '“十四五”期间新增投产其他流域大中型水电装机约200万千瓦。根据项目前期工作开展情况，结合国家有关工作要求，储备霍曲河雄美、拉曲河亚中等水库电站，以及力丘河金顶、绰斯甲河观音桥水电站等建设规模约200万千瓦。';
    expect(read(text).map((t) => [t.phrase, t.year])).toEqual([
      ['新增投产其他流域大中型水电装机', 2025],
      ['建设规模', 2025],
    ]);
  });

  it('已投产 inside brackets covers only its brackets: 犍为（50万千瓦，已投产38.92万千瓦）、龙溪口（48万千瓦）', () => {
    const out = read('建成投产岷江犍为（50万千瓦，已投产38.92万千瓦）、龙溪口（48万千瓦）。');
    expect(out.map((t) => t.valueText)).toEqual(['50万千瓦', '48万千瓦']);
    expect(out[1]?.phrase).not.toContain('已投产');
  });
});

describe('a target’s year: its own text, then its headings nearest first, then the title', () => {
  const nodes = (o: { outer: string; inner: string; text: string }): Node[] => [
    { eId: 'part_2', title: o.outer, text: o.outer },
    { eId: 'part_2__item_1', title: o.inner, text: o.inner, parent: 'part_2' },
    { eId: 'part_2__item_1__p_1', text: o.text, parent: 'part_2__item_1' },
  ];
  const yearOf = (o: { outer: string; inner: string; text: string; title?: string }) => {
    const found = planTargets({ title: o.title ?? '某市“十四五”碳达峰实施方案', nodes: nodes(o) });
    return found.map((t) => [t.year, t.yearSource]);
  };

  it('the clause’s own year first', () => {
    expect(yearOf({ outer: '2035年远景目标', inner: '（一）2030年目标', text: '到2027年，全市森林覆盖率达到45%。' })).toEqual([[2027, 'explicit']]);
  });
  it('else the nearest heading', () => {
    expect(yearOf({ outer: '2035年远景目标', inner: '（一）2030年目标', text: '全市森林覆盖率达到45%。' })).toEqual([[2030, 'heading']]);
  });
  it('else an outer heading', () => {
    expect(yearOf({ outer: '2035年远景目标', inner: '（一）能源结构', text: '全市森林覆盖率达到45%。' })).toEqual([[2035, 'heading']]);
  });
  it('and only then the document title', () => {
    expect(yearOf({ outer: '远景目标', inner: '（一）能源结构', text: '全市森林覆盖率达到45%。' })).toEqual([[2025, 'title']]);
  });
  it('a baseline period in the text (在“十三五”基础上) dates nothing', () => {
    expect(figures(read('到2025年，在“十三五”基础上，森林覆盖率再提高2个百分点。'))).toEqual([['2个百分点', 2025]]);
    expect(read('到2025年，在“十三五”基础上，森林覆盖率再提高2个百分点。')[0]?.phrase).toBe('森林覆盖率');
  });
});

describe('one target per period in a 分别 list of years or periods', () => {
  it('“十四五”、“十五五”期间分别新增…4000万千瓦左右、5000万千瓦左右 → 2025: 4000, 2030: 5000', () => {
    const out = read('“十四五”、“十五五”期间分别新增水电装机容量4000万千瓦左右、5000万千瓦左右。');
    expect(out.map((t) => [t.phrase, t.value, t.year, t.yearSource, t.bound])).toEqual([
      ['新增水电装机容量', 4000, 2025, 'period', 'approx'],
      ['新增水电装机容量', 5000, 2030, 'period', 'approx'],
    ]);
  });

  it('one figure for both periods is each period’s (2030年前碳达峰行动方案)', () => {
    const out = read('统筹水电开发和生态保护。“十四五”、“十五五”期间分别新增水电装机容量4000万千瓦左右，西南地区以水电为主的可再生能源体系基本建立。');
    expect(out.map((t) => [t.value, t.year])).toEqual([
      [4000, 2025],
      [4000, 2030],
    ]);
    expect(new Set(out.map((t) => t.valueText))).toEqual(new Set(['4000万千瓦左右']));
  });

  it('2025年、2030年分别达到20%、25% (the years after the indicator, or before it)', () => {
    const expected = [
      ['非化石能源消费比重', 20, 2025],
      ['非化石能源消费比重', 25, 2030],
    ];
    expect(read('全省非化石能源消费比重2025年、2030年分别达到20%、25%。').map((t) => [t.phrase, t.value, t.year])).toEqual(expected);
    expect(read('到2025年、2030年，全省非化石能源消费比重分别达到20%、25%。').map((t) => [t.phrase, t.value, t.year])).toEqual(expected);
    expect(read('2025、2030年非化石能源消费比重分别达到20%、25%。').map((t) => [t.phrase, t.value, t.year])).toEqual(expected);
  });

  it('the list keeps the sentence’s baseline and direction (分别比2020年下降19.5%、30%以上)', () => {
    const out = read('到2025年和2030年，全市单位地区生产总值二氧化碳排放分别比2020年下降19.5%、30%以上。');
    expect(out.map((t) => [t.value, t.year, t.baselineYear, t.direction])).toEqual([
      [19.5, 2025, 2020, 'reduce'],
      [30, 2030, 2020, 'reduce'],
    ]);
  });

  it('left alone rather than guessed: counts that differ, or a list of subjects as long as the list of years', () => {
    expect(read('“十四五”、“十五五”期间分别新增风电装机100万千瓦、200万千瓦、300万千瓦。')).toEqual([]);
    expect(read('2025年、2030年，煤炭、石油消费比重分别降至30%、20%。')).toEqual([]);
  });

  it('property: n years or periods and n figures after 分别 give n targets, in order', () => {
    const periods: [string, number][] = [
      ['“十四五”', 2025],
      ['“十五五”', 2030],
      ['“十六五”', 2035],
    ];
    const yearLists = fc.oneof(
      fc.uniqueArray(fc.integer({ min: 2023, max: 2060 }), { minLength: 2, maxLength: 4 }).map((ys) => {
        const sorted = [...ys].sort((a, b) => a - b);
        return { words: `到${sorted.map((y) => `${y}年`).join('、')}，`, years: sorted };
      }),
      fc.integer({ min: 2, max: 3 }).map((n) => ({
        words: `${periods
          .slice(0, n)
          .map(([w]) => w)
          .join('、')}期间，`,
        years: periods.slice(0, n).map(([, y]) => y),
      })),
    );
    fc.assert(
      fc.property(
        yearLists,
        fc.constantFrom('森林覆盖率', '非化石能源消费比重', '可再生能源发电总装机容量'),
        fc.constantFrom('%', '万千瓦'),
        fc.array(fc.integer({ min: 1, max: 9999 }), { minLength: 4, maxLength: 4 }),
        (list, indicator, unit, values) => {
          const used = values.slice(0, list.years.length);
          const text = `${list.words}全省${indicator}分别达到${used.map((v) => `${v}${unit}`).join('、')}。`;
          const out = read(text);
          expect(
            out.map((t) => [t.phrase, t.value, t.year]),
            text,
          ).toEqual(used.map((v, i) => [indicator, v, list.years[i]]));
        },
      ),
      { numRuns: 200 },
    );
  });
});
