// Line repairs on real policy sentences from the corpus.
import { describe, expect, it } from 'vitest';
import { cleanLine, endsComplete, repairSpacing, stripMarkdown } from '../../src/ingest/text.js';

describe('repairSpacing', () => {
  it('removes PDF-export spaces between Chinese and digits', () => {
    expect(repairSpacing('规划基准年为 2020 年，规划到 2025 年，展望到 2035 年。')).toBe('规划基准年为2020年，规划到2025年，展望到2035年。');
  });
  it('removes spaces between Chinese and Latin letters and percent signs', () => {
    expect(repairSpacing('单位 GDP 二氧化碳排放降低')).toBe('单位GDP二氧化碳排放降低');
    expect(repairSpacing('大粮食作物化肥利用率达到 43% 以上。')).toBe('大粮食作物化肥利用率达到43%以上。');
  });
  it('removes spaces between two Chinese characters (前 言)', () => {
    expect(repairSpacing('前 言')).toBe('前言');
    expect(repairSpacing('2022 年 10 月')).toBe('2022年10月');
  });
  it('keeps spaces between Latin words', () => {
    expect(repairSpacing('CCUS and CCER 项目')).toBe('CCUS and CCER项目');
  });
});

describe('stripMarkdown', () => {
  it('drops heading hashes and bold marks and reports the bold lead', () => {
    const r = stripMarkdown('### **（三）主要目标。**');
    expect(r).toEqual({ text: '（三）主要目标。', hashes: 3, boldLead: '（三）主要目标。' });
  });
  it('strips bold runs inside a sentence', () => {
    expect(stripMarkdown('**11.推动绿色交通基础设施建设。**将绿色低碳理念贯穿').text).toBe('11.推动绿色交通基础设施建设。将绿色低碳理念贯穿');
  });
  it('cleanLine strips marks and repairs spacing together', () => {
    expect(cleanLine('## **(六) 循环经济助力降碳行动。**').text).toBe('(六)循环经济助力降碳行动。');
  });
});

describe('endsComplete', () => {
  it.each([
    ['…温室气体自愿减排项', false],
    ['…提高绿色建材', false],
    ['…实现碳达峰目标。', true],
    ['〔县发改局牵头，县经信局等按职责分工负责〕', true],
    ['“零碳会议”“零碳活动”。', true],
    ['推广四川省川中丘陵区（龙泉山成都段）', false],
    ['实现“零碳会议。”', true],
  ])('%s → %s', (text, expected) => {
    expect(endsComplete(text)).toBe(expected);
  });
});

describe('markdown links', () => {
  it('keep their text and lose their target', () => {
    expect(stripMarkdown('详见[附件](a.pdf)。').text).toBe('详见附件。');
  });
});
