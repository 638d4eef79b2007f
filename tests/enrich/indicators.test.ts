// The canonical indicators file and the unit arithmetic behind comparisons: aliases join the
// wordings of one measure, the longest alias wins, short aliases only match whole phrases, and
// 万/亿 scales convert exactly (1.29亿千瓦 = 12900万千瓦, 8万辆 = 80000辆).
import { describe, expect, it } from 'vitest';
import { matchIndicator, parseIndicators, phraseId } from '../../src/enrich/indicators.js';
import { baseUnit, convert, readFigure, scaled } from '../../src/enrich/units.js';
import { errorCode, realIndicators } from '../helpers.js';

describe('units', () => {
  it('1.29亿千瓦 = 12900万千瓦 and 8万辆 = 80000辆, without binary noise', () => {
    expect(convert(1.29, '亿千瓦', '万千瓦')).toBe(12900);
    expect(convert(12900, '万千瓦', '亿千瓦')).toBe(1.29);
    expect(convert(8, '万辆', '辆')).toBe(80000);
    expect(scaled(1.29, 1e8)).toBe(129000000);
    expect(convert(745.52, '万千瓦', '万千瓦')).toBe(745.52);
  });

  it('spellings and denominators: 吨CO2/万元 is 吨/万元, GW is 10⁶ 千瓦, a scale after the slash is not a scale', () => {
    expect(baseUnit('吨CO2/万元')).toEqual({ unit: '吨/万元', factor: 1 });
    expect(baseUnit('GW')).toEqual({ unit: '千瓦', factor: 1e6 });
    expect(baseUnit('万吨标准煤/年')).toEqual({ unit: '吨标准煤/年', factor: 1e4 });
    expect(baseUnit('2.5万亿元'.replace(/[\d.]/gu, ''))).toEqual({ unit: '元', factor: 1e12 });
    expect(convert(1, '万千瓦', '%')).toBeNull();
  });

  it('reads a figure with its bounds, range, scale and unit', () => {
    expect(readFigure('45%左右，')).toMatchObject({ value: 45, unit: '%', after: '左右', length: 5 });
    expect(readFigure('≤4.03')).toMatchObject({ value: 4.03, before: '≤', unit: null });
    expect(readFigure('17万个以上')).toMatchObject({ value: 17, unit: '万个', after: '以上' });
    expect(readFigure('4%—5%')).toMatchObject({ value: 4, valueMax: 5, unit: '%' });
    expect(readFigure('1:10')).toMatchObject({ value: 1, ratio: true });
    expect(readFigure('4.03吨co2/万元')).toMatchObject({ unit: '吨co2/万元', unitAt: [4, 11] });
    expect(readFigure('年')).toBeNull();
  });
});

describe('indicators file', () => {
  it('the bundled file parses, with the non-fossil share and its three wordings', () => {
    const catalog = realIndicators();
    expect(catalog.indicators.length).toBeGreaterThanOrEqual(40);
    for (const phrase of ['非化石能源消费比重', '非化石能源占能源消费比重', '非化石能源消费占比', '全市非化石能源消费比重']) {
      expect(matchIndicator(catalog, phrase)?.id, phrase).toBe('non-fossil-share');
    }
    for (const ind of catalog.indicators) expect(ind.label, ind.id).toMatch(/\p{Script=Han}/u);
  });

  it('the longest alias wins, so 单位工业增加值二氧化碳排放 is not 单位GDP二氧化碳排放', () => {
    const catalog = realIndicators();
    expect(matchIndicator(catalog, '单位GDP二氧化碳排放')?.id).toBe('co2-per-gdp');
    expect(matchIndicator(catalog, '单位地区生产总值二氧化碳排放')?.id).toBe('co2-per-gdp');
    expect(matchIndicator(catalog, '单位工业增加值二氧化碳排放量')?.id).toBe('co2-per-industrial-value-added');
    expect(matchIndicator(catalog, '可再生能源电力装机容量')?.id).toBe('renewable-capacity');
    expect(matchIndicator(catalog, '国家核证自愿减排（CCER）累计交易量')?.id).toBe('ccer-volume');
  });

  it('short and exact aliases match only a whole phrase (风电, 新能源汽车)', () => {
    const catalog = realIndicators();
    expect(matchIndicator(catalog, '风电')?.id).toBe('wind-capacity');
    expect(matchIndicator(catalog, '水电、风电、太阳能发电装机容量')?.id).not.toBe('wind-capacity');
    expect(matchIndicator(catalog, '新能源汽车')?.id).toBe('nev-stock');
    expect(matchIndicator(catalog, '年度公务用车采购总量中新能源汽车占比')?.id).not.toBe('nev-stock');
  });

  it('reports a bad file by name with INDICATORS_INVALID', () => {
    expect(errorCode(() => parseIndicators('indicators: [ {id: a, label: 甲}, {id: a, label: 乙} ]', 'x.yaml'))).toBe('INDICATORS_INVALID');
    expect(errorCode(() => parseIndicators('indicators: [ {id: Bad_Id, label: 甲} ]'))).toBe('INDICATORS_INVALID');
    expect(errorCode(() => parseIndicators('indicators: [ {id: a, label: 甲, aliases: [丙丙丙]}, {id: b, label: 乙, aliases: [丙丙丙]} ]'))).toBe('INDICATORS_INVALID');
    expect(errorCode(() => parseIndicators('indicators: [ {id: a, label: 甲, better: up} ]'))).toBe('INDICATORS_INVALID');
    expect(errorCode(() => parseIndicators('nope: ['))).toBe('INDICATORS_INVALID');
    expect(() => parseIndicators('indicators: [ {id: a} ]', 'my-indicators.yaml')).toThrow(/my-indicators\.yaml/u);
  });

  it('a phrase no indicator covers gets a stable id from its normalised wording', () => {
    expect(phraseId('新建数据中心平均电能利用效率（PUE）值')).toBe(phraseId('新建数据中心平均电能利用效率(PUE)值'));
    expect(phraseId('甲')).not.toBe(phraseId('乙'));
    expect(phraseId('甲')).toMatch(/^x-[0-9a-f]{10}$/u);
  });
});
