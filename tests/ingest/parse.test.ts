// The parser on a small synthetic plan that uses every numbering form, including （1）.
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/ingest/blocks.js';
import { parseDocument } from '../../src/ingest/parse.js';

const PLAN = [
  '某市碳达峰实施方案',
  '为落实部署，制定本方案。',
  '三、重点任务',
  '(四) 交通运输绿色低碳行动。',
  '11.推广新能源汽车。到2025年，新能源汽车保有量达到8万辆。',
  '（1）公交车。全面电动化。',
  '（2）出租车。新增车辆全部为新能源汽车。',
  '——完善充电设施。建设充电桩1000个。',
  '一是加快加氢站建设。建成加氢站3座。',
  '专栏 2 重点工程',
  '充电网络工程。建设超级充电站。',
].join('\n\n');

describe('parseDocument', () => {
  const { clauses, foundTitle } = parseDocument({ docId: 'x', title: null, blocks: splitBlocks(PLAN).blocks });
  const byLabel = (label: string) => clauses.find((c) => c.label === label);

  it('takes the first heading as the title when the catalogue has none', () => {
    expect(foundTitle).toBe('某市碳达峰实施方案');
  });

  it('labels and ids follow the printed numbering at every level', () => {
    expect(clauses.map((c) => [c.label, c.eId])).toEqual([
      ['序言第1段', 'preamble__p_1'],
      ['三', 'part_3'],
      ['三（四）', 'part_3__item_4'],
      ['三（四）11', 'part_3__item_4__para_11'],
      ['三（四）11（1）', 'part_3__item_4__para_11__subpara_1'],
      ['三（四）11（2）', 'part_3__item_4__para_11__subpara_2'],
      ['三（四）11（2）第1项', 'part_3__item_4__para_11__subpara_2__indent_1'],
      ['三（四）11（2）一是', 'part_3__item_4__para_11__subpara_2__point_1'],
      ['专栏2', 'part_3__item_4__box_2'],
      ['专栏2第1段', 'part_3__item_4__box_2__p_1'],
    ]);
  });

  it('takes the lead phrase that opens a clause', () => {
    expect(byLabel('三（四）11（2）')?.lead).toBe('出租车');
    expect(byLabel('三（四）11')?.lead).toBe('推广新能源汽车');
  });

  it('keeps the printed half-width bracket in the text but not the space after it', () => {
    expect(byLabel('三（四）')?.text).toBe('(四)交通运输绿色低碳行动。');
    expect(byLabel('三（四）')?.title).toBe('交通运输绿色低碳行动');
  });

  it('gives duplicate printed numbers distinct ids instead of overwriting', () => {
    const dup = parseDocument({ docId: 'd', title: null, blocks: splitBlocks('标题\n\n一、甲\n\n一、乙').blocks });
    expect(dup.clauses.map((c) => c.eId)).toEqual(['part_1', 'part_1_dup2']);
  });

  it('regression: a file that starts with a table keeps its title', () => {
    const r = parseDocument({ docId: 't', title: null, blocks: splitBlocks('序号\t指标\t目标\n1\t甲\t10\n\n某市方案\n\n一、总则\n\n内容。').blocks });
    expect(r.foundTitle).toBe('某市方案');
    expect(r.clauses.some((c) => c.text === '某市方案')).toBe(false);
  });

  it('regression: a signature line followed by a date is not a heading', () => {
    const r = parseDocument({ docId: 's', title: null, blocks: splitBlocks('某市方案\n\n一、总则\n\n（一）指导思想。坚持。\n\n某市人民政府\n\n2024年3月13日').blocks });
    expect(r.clauses.some((c) => c.kind === 'heading')).toBe(false);
    expect(r.clauses.at(-2)?.text).toBe('某市人民政府');
  });
});
