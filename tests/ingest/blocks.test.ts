// Block splitting: page-break joins, both table layouts, web footer removal.
import { describe, expect, it } from 'vitest';
import { splitBlocks, type LineBlock, type TableBlock } from '../../src/ingest/blocks.js';

const lines = (text: string) =>
  splitBlocks(text)
    .blocks.filter((b): b is LineBlock => b.type === 'line')
    .map((b) => b.text);

describe('page-break repair', () => {
  it('joins a sentence cut mid-word across a blank line', () => {
    const text = '积极参与全国碳排放权交易。推动林草碳汇、甲烷利用等温室气体自愿减排项\n\n目储备、开发和交易，引导抵销清缴碳排放配额。';
    expect(lines(text)).toEqual(['积极参与全国碳排放权交易。推动林草碳汇、甲烷利用等温室气体自愿减排项目储备、开发和交易，引导抵销清缴碳排放配额。']);
  });
  it('does not join after a complete sentence or before a heading', () => {
    expect(lines('第一句完整。\n\n第二段开始，继续。')).toHaveLength(2);
    expect(lines('（一）实施规划引领全面绿色转型行动\n\n发挥规划对经济社会发展的引领作用，将绿色低碳理念贯穿。')).toHaveLength(2);
    expect(lines('3.筑牢生态安全底线。优化公园城市国土空间开发保护格局，坚持最严格的\n\n4.强化清洁能源供给。')).toHaveLength(2);
  });
  it('does not join short signature lines and dates', () => {
    expect(lines('成都市人民政府\n\n2024年3月13日\n\n（本文有删减）')).toHaveLength(3);
  });
  it('does not join a long title-only heading to its first paragraph', () => {
    const t = '（一）围绕建设优质清洁能源基地提高能源资源利用效率，实施能源绿色低碳转型行动\n\n统筹做好能源安全保障，进一步优化能源生产、消费结构。';
    expect(lines(t)).toHaveLength(2);
  });
});

describe('tables', () => {
  it('reads a tab-separated table with a header row', () => {
    const t = '类别\t项目\t单位\n减缓\t单位 GDP 二氧化碳排放降低\t%\n\t二氧化碳排放增量\t万吨\n\n注：说明。';
    const table = splitBlocks(t).blocks[0] as TableBlock;
    expect(table).toMatchObject({ type: 'table', layout: 'tsv', header: ['类别', '项目', '单位'] });
    expect(table.rows).toEqual([
      ['减缓', '单位GDP二氧化碳排放降低', '%'],
      ['', '二氧化碳排放增量', '万吨'],
    ]);
  });
  it('reads a one-cell-per-line table with blank-line row separators and empty cells', () => {
    const t = '指标表\n\t序号\n\t类别\n\t指标\n\n\t1\n\t甲类\n\t单位GDP能源消费量\n\n\t2\n\t\n\t单位GDP二氧化碳排放量\n\n\n二、主要任务';
    const blocks = splitBlocks(t).blocks;
    const table = blocks[1] as TableBlock;
    expect(table.layout).toBe('cell-per-line');
    expect(table.header).toEqual(['序号', '类别', '指标']);
    expect(table.rows).toEqual([
      ['1', '甲类', '单位GDP能源消费量'],
      ['2', '', '单位GDP二氧化碳排放量'],
    ]);
    expect((blocks[2] as LineBlock).text).toBe('二、主要任务');
  });
});

describe('regression: tab-indented prose is not a table', () => {
  it('keeps consecutive tab-led paragraphs as text', () => {
    const r = splitBlocks('某市方案\n\t为落实部署，制定本方案。\n\t一、总体要求\n\t（一）指导思想。坚持稳中求进。');
    expect(r.blocks.every((b) => b.type === 'line')).toBe(true);
    expect(lines('某市方案\n\t为落实部署，制定本方案。\n\t一、总体要求')).toEqual(['某市方案', '为落实部署，制定本方案。', '一、总体要求']);
  });
  it('reads a two-column table and ignores whitespace-only tab lines', () => {
    const r = splitBlocks('指标\t目标\n能耗\t下降13%\n\t\t\n正文。');
    expect(r.blocks[0]).toMatchObject({ type: 'table', header: ['指标', '目标'], rows: [['能耗', '下降13%']] });
    expect(r.blocks).toHaveLength(2);
  });
  it('keeps cells beyond the header width by widening the header', () => {
    const table = splitBlocks('甲\t乙\n1\t2\t3\n4\t5\t6').blocks[0] as TableBlock;
    expect(table.type).toBe('table');
    expect(table.header).toEqual(['甲', '乙', '']);
    expect(table.rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });
});

describe('web footer', () => {
  it('drops navigation and ICP records after a closing rule', () => {
    const r = splitBlocks('（三）严格监督考核。内容。\n\n---\n\n[关于我们](/a.shtml)\n\n网站标识码：5107000013 蜀ICP备2022011109号-1');
    expect(r.droppedFooter).toEqual({ start: 3, lines: 5 });
    expect(r.blocks).toHaveLength(1);
  });
  it('keeps a rule that is followed by real text', () => {
    expect(splitBlocks('甲。\n---\n乙。').droppedFooter).toBeNull();
  });
  it('regression: a rule before body text that mentions 版权 or a link does not drop the body', () => {
    const r = splitBlocks('某市方案\n---\n一、总体要求\n加强知识产权和版权保护。\n详见[附件](a.pdf)。');
    expect(r.droppedFooter).toBeNull();
    expect(r.blocks).toHaveLength(4);
  });
});

describe('tab-led lines that are not a table', () => {
  it('regression: tab-indented prose is read once, not re-probed from every line (12,000 paragraphs took minutes)', () => {
    const paragraphs = Array.from({ length: 12_000 }, (_, i) => `\t第${i}段，推动绿色低碳发展。`);
    const { blocks } = splitBlocks(['标题', ...paragraphs].join('\n\n'));
    expect(blocks.filter((b) => b.type === 'table')).toEqual([]);
    expect(blocks.filter((b) => b.type === 'line')).toHaveLength(12_001);
  });

  it('a header block of 2+ cells and equal-width row blocks is a table; a narrower or wider row block is not', () => {
    const kinds = (text: string) => splitBlocks(text).blocks.map((b) => b.type);
    expect(kinds('\t甲\n\t乙\n\n\t1\n\t2\n\n\t3\n\t4\n正文。')).toEqual(['table', 'line']);
    expect(kinds('\t甲\n\t乙\n\n\t1\n正文。')).not.toContain('table');
    expect(kinds('\t甲\n\t乙\n\n\t1\n\t2\n\t3\n正文。')).not.toContain('table');
    expect(kinds('\t甲\n\n\t1\n\t2\n正文。')).not.toContain('table');
  });
});
