// Printed numbering: Chinese numerals and heading markers.
import { describe, expect, it } from 'vitest';
import { chineseToInt, intToChinese, parseMarker } from '../../src/ingest/numbering.js';

describe('chineseToInt / intToChinese', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
  ])('%s = %i', (cn, n) => {
    expect(chineseToInt(cn)).toBe(n);
    expect(intToChinese(n)).toBe(cn);
  });
  it('rejects non-numerals', () => {
    expect(chineseToInt('碳')).toBeNull();
    expect(chineseToInt('')).toBeNull();
  });
});

describe('parseMarker', () => {
  it('recognises every heading marker of GB/T 9704', () => {
    expect(parseMarker('三、重点行动')).toMatchObject({ kind: 'part', num: 3, rest: '重点行动' });
    expect(parseMarker('（四）实施交通体系绿色转型行动')).toMatchObject({ kind: 'item', num: 4 });
    expect(parseMarker('(二) 数字化赋能碳达峰。')).toMatchObject({ kind: 'item', num: 2, printed: '(二)', rest: '数字化赋能碳达峰。' });
    expect(parseMarker('11.推动绿色交通基础设施建设。')).toMatchObject({ kind: 'para', num: 11 });
    expect(parseMarker('1. 强化绿色低碳发展规划引领。')).toMatchObject({ kind: 'para', num: 1, rest: '强化绿色低碳发展规划引领。' });
    expect(parseMarker('（2）推进')).toMatchObject({ kind: 'subpara', num: 2 });
    expect(parseMarker('二是推进水泥行业碳达峰。')).toMatchObject({ kind: 'point', num: 2 });
    expect(parseMarker('——总体部署、分类施策。')).toMatchObject({ kind: 'indent', num: null });
    expect(parseMarker('专栏 10 气候变化数据采集工程')).toMatchObject({ kind: 'box', num: 10, rest: '气候变化数据采集工程' });
  });
  it('does not mistake numbers in prose for markers', () => {
    expect(parseMarker('1.08亿立方米左右')).toBeNull();
    expect(parseMarker('2025年，全市非化石能源消费比重达到45%左右')).toBeNull();
    expect(parseMarker('“十四五”期间')).toBeNull();
  });
});
