// Obligation grades read from modal words: the rules on made-up sentences (a word counts only
// where it governs a verb; the strongest wins; a figure takes the words of its own part of the
// sentence), and 60 clauses of the bundled five sampled evenly and checked by hand.
import { describe, expect, it } from 'vitest';
import { modalWords, obligationAt, obligationOf, type ObligationGrade } from '../../src/enrich/obligation.js';
import { realLibrary } from '../helpers.js';

const grade = (text: string) => obligationOf(text)?.grade ?? null;

describe('the modal words', () => {
  it('each grade from its own words', () => {
    expect(grade('确保完成省下达的目标任务。')).toBe('binding');
    expect(grade('严禁新增水泥熟料产能。')).toBe('binding');
    expect(grade('新建项目不得采用落后工艺。')).toBe('binding');
    expect(grade('力争2030年前实现碳达峰。')).toBe('strive');
    expect(grade('鼓励企业开展碳足迹认证。')).toBe('guiding');
    expect(grade('探索建立生态产品价值实现机制。')).toBe('exploratory');
    expect(grade('研究制定适应气候变化行动方案。')).toBe('exploratory');
    expect(grade('开展近零碳排放园区试点。')).toBe('exploratory');
    expect(grade('加快建设城市绿道网。')).toBeNull();
  });

  it('the strongest word wins in a clause with several', () => {
    expect(grade('鼓励企业使用清洁能源，确保2025年前完成改造，探索碳捕集利用。')).toBe('binding');
    expect(grade('推动电能替代，力争新增新能源车辆占比达到40%。')).toBe('strive');
  });

  it('a word that does not govern a verb does not count: nouns, objects, titles, applying for support', () => {
    expect(grade('完善支持政策，加大资金投入。')).toBeNull();
    expect(grade('给予资金支持。')).toBeNull();
    expect(grade('依托省级研究院和技术中心。')).toBeNull();
    expect(grade('做好碳达峰试点城市工作。')).toBeNull();
    expect(grade('落实《关于开展近零碳排放园区试点工作的通知》。')).toBeNull();
    expect(grade('积极争取国家资金和政策。')).toBeNull();
    expect(grade('提升推动绿色低碳发展的能力。')).toBeNull();
    expect(modalWords('鼓励和支持企业参与碳市场。').map((w) => w.word)).toEqual(['鼓励', '支持']);
  });

  it('a table’s 属性 column: 约束性 binds, 预期性 guides', () => {
    expect(grade('单位GDP能源消耗降低 % — — 完成国家下达目标 约束性')).toBe('binding');
    expect(grade('森林覆盖率 % 40 41 预期性')).toBe('guiding');
    expect(grade('约束性指标和预期性指标相结合')).toBe('binding');
  });
});

describe('the grade of a figure', () => {
  it('the words of its own part of the sentence: a year opens it, an earlier figure closes one', () => {
    const text = '到2025年，单位GDP能耗下降14%，力争下降15%。';
    expect(obligationAt(text, text.indexOf('14'))).toBeNull();
    expect(obligationAt(text, text.indexOf('15'))?.grade).toBe('strive');
    const open = '力争到2030年，非化石能源消费比重达到45%。';
    expect(obligationAt(open, open.indexOf('45'))?.grade).toBe('strive');
    const next = '确保完成国家下达的目标。力争森林覆盖率达到40%。';
    expect(obligationAt(next, next.indexOf('40'))?.grade).toBe('strive');
  });
});

/** Sampled evenly from the bundled five (every clause but the cover notice's, over 12 characters), each read by hand. */
const HAND_CHECKED: [string, ObligationGrade | null][] = [
  ['chengdu-carbon-peak-2024.part_1__item_2__p_2', 'guiding'],
  ['chengdu-carbon-peak-2024.part_3__item_1__para_2', 'guiding'],
  ['chengdu-carbon-peak-2024.part_3__item_3__p_1', 'guiding'],
  ['chengdu-carbon-peak-2024.part_3__item_4__para_12', 'strive'],
  ['chengdu-carbon-peak-2024.part_3__item_6__p_1', null],
  ['chengdu-carbon-peak-2024.part_3__item_7__para_22', 'guiding'],
  ['chengdu-carbon-peak-2024.part_3__item_9__p_1', 'guiding'],
  ['chengdu-carbon-peak-2024.part_3__item_10__para_32', 'guiding'],
  ['leshan-carbon-peak-pilot.part_1__item_1__p_3', null],
  ['leshan-carbon-peak-pilot.part_1__item_2__table_1__row_6', null],
  ['leshan-carbon-peak-pilot.part_1__item_2__table_1__row_14', null],
  ['leshan-carbon-peak-pilot.part_1__item_2__table_1__row_22', null],
  ['leshan-carbon-peak-pilot.part_1__item_2__table_1__row_30', null],
  ['leshan-carbon-peak-pilot.part_2__item_1__para_5__point_1', 'binding'],
  ['leshan-carbon-peak-pilot.part_2__item_2__para_4', 'guiding'],
  ['leshan-carbon-peak-pilot.part_2__item_4', null],
  ['leshan-carbon-peak-pilot.part_2__item_5__para_2', 'guiding'],
  ['leshan-carbon-peak-pilot.part_2__item_6__para_3', 'strive'],
  ['leshan-carbon-peak-pilot.part_3__item_1', null],
  ['leshan-carbon-peak-pilot.part_5__item_2__p_1', 'guiding'],
  ['leshan-carbon-peak-pilot.part_5__item_6__p_1', 'exploratory'],
  ['leshan-carbon-peak-pilot.part_6__item_3', 'guiding'],
  ['leshan-carbon-peak-pilot.part_7__item_5__p_1', 'guiding'],
  ['mianyang-carbon-peak-2024.part_1__item_3__p_1', null],
  ['mianyang-carbon-peak-2024.part_2__item_2__para_1', 'guiding'],
  ['mianyang-carbon-peak-2024.part_2__item_4', null],
  ['mianyang-carbon-peak-2024.part_2__item_5__para_1', 'guiding'],
  ['mianyang-carbon-peak-2024.part_2__item_6__para_4', 'guiding'],
  ['mianyang-carbon-peak-2024.part_2__item_8__para_3', 'guiding'],
  ['mianyang-carbon-peak-2024.part_4__item_1', 'binding'],
  ['quxian-carbon-peak-revised.part_1__item_2__indent_4', 'binding'],
  ['quxian-carbon-peak-revised.part_2__item_1__para_4', 'guiding'],
  ['quxian-carbon-peak-revised.part_2__item_2__para_3', 'binding'],
  ['quxian-carbon-peak-revised.part_2__item_4', null],
  ['quxian-carbon-peak-revised.part_2__item_5__para_1', 'strive'],
  ['quxian-carbon-peak-revised.part_2__item_6__para_3', 'guiding'],
  ['quxian-carbon-peak-revised.part_2__item_8__p_1', null],
  ['quxian-carbon-peak-revised.part_2__item_9__para_4', null],
  ['quxian-carbon-peak-revised.part_3__item_1__p_1', 'guiding'],
  ['quxian-carbon-peak-revised.part_4__item_4__p_1', 'guiding'],
  ['sichuan-climate-plan-2022-draft.part_1__item_1__p_1', null],
  ['sichuan-climate-plan-2022-draft.part_1__item_2__p_2', null],
  ['sichuan-climate-plan-2022-draft.part_2__item_2__p_1', null],
  ['sichuan-climate-plan-2022-draft.part_2__item_3__table_1__row_3', 'binding'],
  ['sichuan-climate-plan-2022-draft.part_2__item_3__table_1__row_11', 'binding'],
  ['sichuan-climate-plan-2022-draft.part_3__item_1', null],
  ['sichuan-climate-plan-2022-draft.part_3__item_2__box_1', null],
  ['sichuan-climate-plan-2022-draft.part_3__item_3__p_3', 'guiding'],
  ['sichuan-climate-plan-2022-draft.part_3__item_4', null],
  ['sichuan-climate-plan-2022-draft.part_3__item_4__box_3__p_2', null],
  ['sichuan-climate-plan-2022-draft.part_3__item_5__p_3', 'strive'],
  ['sichuan-climate-plan-2022-draft.part_3__item_7__p_1', 'exploratory'],
  ['sichuan-climate-plan-2022-draft.part_3__item_8__p_2', 'strive'],
  ['sichuan-climate-plan-2022-draft.part_4__p_1', null],
  ['sichuan-climate-plan-2022-draft.part_4__item_2', null],
  ['sichuan-climate-plan-2022-draft.part_4__item_4__p_2', 'exploratory'],
  ['sichuan-climate-plan-2022-draft.part_4__item_6', null],
  ['sichuan-climate-plan-2022-draft.part_5__item_1__p_2', 'guiding'],
  ['sichuan-climate-plan-2022-draft.part_5__item_2__p_5', 'guiding'],
  ['sichuan-climate-plan-2022-draft.part_5__item_4__p_1', 'guiding'],
];

describe('60 clauses of the bundled five, checked by hand', () => {
  it('each has the grade its words give it on reading', () => {
    expect(HAND_CHECKED).toHaveLength(60);
    const got = HAND_CHECKED.map(([id]) => [id, obligationOf(realLibrary().getClause(id)!.text)?.grade ?? null]);
    expect(got).toEqual(HAND_CHECKED);
  });
});
