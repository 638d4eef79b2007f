// Containers keep their own numbering: a 专栏 box's 一、二、 or 1. 2., an 附件's parts, and the
// documents printed together in one file do not restart or renumber the document's tree; and
// 第X篇/章/节/条 are levels above 一、. Each case is a small plan parsed as a text file would be.
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/corpus.js';

function parse(lines: string[]) {
  const doc = ingestBytes({ name: 'plan.txt', bytes: Buffer.from(lines.join('\n\n'), 'utf8') });
  return doc.clauses;
}

const ids = (clauses: ReturnType<typeof parse>) => clauses.map((c) => c.eId);
const byText = (clauses: ReturnType<typeof parse>, start: string) => clauses.find((c) => c.text.startsWith(start));

describe('专栏 boxes with their own numbering', () => {
  const clauses = parse([
    '某市控制温室气体排放方案',
    '一、总体要求',
    '坚持系统观念。',
    '二、重点任务',
    '（六）加强甲烷排放控制。推进煤矿瓦斯抽采利用。',
    '专栏 1 非二氧化碳温室气体减排工程',
    '一、甲烷减排工程',
    '推广边远井试采气回收技术。',
    '二、氢氟碳化物减排工程',
    '加快含氢氯氟烃替代。',
    '三、氧化亚氮减排工程',
    '（七）有效控制非二氧化碳温室气体排放。加强工业过程排放管理。',
    '三、保障措施',
    '（一）加强组织领导。建立工作机制。',
  ]);

  it("regression: a box's own 一、二、三 no longer restart the tree: （七） after the box is 二（七）", () => {
    const seventh = byText(clauses, '（七）');
    expect(seventh?.eId).toBe('part_2__item_7');
    expect(seventh?.label).toBe('二（七）');
    expect(byText(clauses, '三、保障措施')?.eId).toBe('part_3');
  });

  it("the box's parts sit inside the box, labelled from the box", () => {
    expect(byText(clauses, '一、甲烷减排工程')?.eId).toBe('part_2__item_6__box_1__part_1');
    expect(byText(clauses, '三、氧化亚氮减排工程')?.eId).toBe('part_2__item_6__box_1__part_3');
    expect(byText(clauses, '一、甲烷减排工程')?.label).toBe('专栏1一');
    expect(ids(clauses).filter((e) => e.includes('_dup'))).toEqual([]);
  });

  it("a box whose numbered entries start at 1. keeps them, and the document's next number closes it", () => {
    const c = parse(['某市方案', '一、主要任务', '（一）发展清洁能源。加快风电建设。', '专栏 2 重点工程', '1.风电基地工程', '2.光伏基地工程', '（二）推进节能降碳。实施节能改造。']);
    expect(byText(c, '1.风电')?.eId).toBe('part_1__item_1__box_2__para_1');
    expect(byText(c, '2.光伏')?.eId).toBe('part_1__item_1__box_2__para_2');
    expect(byText(c, '（二）推进')?.eId).toBe('part_1__item_2');
  });

  it('a box caption printed again after a page break continues the same box', () => {
    const c = parse(['某市方案', '一、主要任务', '（一）发展清洁能源。加快风电建设。', '专栏 3 重点工程', '风电基地工程。建设基地。', '专栏 3 重点工程', '光伏基地工程。建设光伏。', '（二）推进节能降碳。实施节能改造。']);
    expect(c.filter((x) => x.kind === 'box').map((x) => x.eId)).toEqual(['part_1__item_1__box_3']);
    expect(byText(c, '光伏基地工程')?.eId).toBe('part_1__item_1__box_3__p_2');
  });
});

describe('附件 attachments', () => {
  const clauses = parse([
    '某市关于印发碳达峰实施方案的通知',
    '一、总体要求',
    '（一）指导思想。坚持系统观念。',
    '二、主要目标',
    '到2025年，单位地区生产总值能耗下降13.5%。',
    '附件：1.重点任务分工表',
    '2.重点项目清单',
    '附件1',
    '重点任务分工表',
    '一、能源领域',
    '（一）发展风电。',
    '附件2',
    '重点项目清单',
    '一、风电项目',
  ]);

  it("an attachment's own 一、 starts again inside it, and the plan's parts keep their ids", () => {
    expect(byText(clauses, '一、总体要求')?.eId).toBe('part_1');
    expect(byText(clauses, '一、能源领域')?.eId).toBe('attachment_1__part_1');
    expect(byText(clauses, '（一）发展风电')?.eId).toBe('attachment_1__part_1__item_1');
    expect(byText(clauses, '一、风电项目')?.eId).toBe('attachment_2__part_1');
    expect(byText(clauses, '一、风电项目')?.label).toBe('附件2一');
    expect(ids(clauses).filter((e) => e.includes('_dup'))).toEqual([]);
  });

  it("the notice's list of attachments (附件：1.…) is text of the plan, not an attachment", () => {
    expect(clauses.filter((c) => c.kind === 'attachment').map((c) => c.text)).toEqual(['附件1', '附件2']);
  });
});

describe('several documents in one file, and 第X章/节', () => {
  it('each document numbered from 一、 becomes a component named by its title', () => {
    const c = parse(['某市实施方案汇编', '某市碳达峰实施方案', '一、总体要求', '（一）指导思想。坚持系统观念。', '二、主要目标', '某市林草碳汇行动方案', '一、总体要求', '（一）工作目标。到2025年森林覆盖率达到40%。']);
    expect(c.filter((x) => x.kind === 'component').map((x) => [x.eId, x.text])).toEqual([['component_1', '某市林草碳汇行动方案']]);
    expect(byText(c, '（一）工作目标')?.eId).toBe('component_1__part_1__item_1');
    expect(ids(c).filter((e) => e.includes('_dup'))).toEqual([]);
  });

  it('第X章 and 第X节 are levels above 一、, labelled in full', () => {
    const c = parse(['某市生态环境保护规划', '第一章 发展基础', '第一节 主要成效', '一、大气环境持续改善', '第二节 面临形势', '第二章 总体要求', '第一节 指导思想', '一、坚持生态优先']);
    expect(byText(c, '一、坚持生态优先')?.eId).toBe('chapter_2__section_1__part_1');
    expect(byText(c, '一、坚持生态优先')?.label).toBe('第二章第一节一');
    expect(byText(c, '第二节')?.eId).toBe('chapter_1__section_2');
  });

  it('（一）到（四） cites numbers: it opens no unit', () => {
    const c = parse(['某市方案', '一、支持范围', '（一）节能改造项目。', '（二）清洁能源项目。', '（一）到（二）项目，企业符合条件的可同时申报。']);
    expect(byText(c, '（一）到（二）')?.kind).toBe('paragraph');
    expect(ids(c).filter((e) => e.includes('_dup'))).toEqual([]);
  });
});

describe('the title a cover notice names', () => {
  it('regression: a notice naming a plan that is not printed again under its own title gave the notice as the title', () => {
    const doc = ingestBytes({ name: 'n.txt', bytes: Buffer.from(['陕西省生态环境厅关于印发《陕西省碳排放权交易管理实施细则（试行）》的通知', '各市生态环境局：', '现将细则印发给你们。', '一、总则', '（一）目的。规范交易。'].join('\n\n'), 'utf8') });
    expect(doc.meta.title).toBe('陕西省碳排放权交易管理实施细则（试行）');
    expect(doc.clauses.find((c) => c.eId === 'part_1')?.label).toBe('一');
  });
});

describe('a notice whose issuers stand before 关于印发', () => {
  it('regression: 重庆市人民政府办公厅…关于印发X的通知 (no 《》) did not name X, so the notice became the title', () => {
    const doc = ingestBytes({
      name: 'cy.txt',
      bytes: Buffer.from(
        [
          '渝府办发〔2022〕22号',
          '重庆市人民政府办公厅四川省人民政府办公厅关于印发成渝地区双城经济圈碳达峰碳中和联合行动方案的通知',
          '各区县人民政府：',
          '现将方案印发给你们。',
          '（此件公开发布）',
          '成渝地区双城经济圈碳达峰碳中和联合行动方案',
          '一、总体要求',
          '（一）指导思想。坚持系统观念。',
        ].join('\n\n'),
        'utf8',
      ),
    });
    expect(doc.meta.title).toBe('成渝地区双城经济圈碳达峰碳中和联合行动方案');
    expect(doc.clauses.find((c) => c.text === '一、总体要求')?.eId).toBe('part_1');
  });
});
