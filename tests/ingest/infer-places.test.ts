// The pieces of identity inference on their own: the division table and the places a text names,
// organs split out of a run of names, the jurisdiction and level a document speaks for, readable
// ids, and titles joined across wrapped lines. Examples from real documents, and properties over
// the whole division table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cityOf, divisionByCode, divisionsNamed, mentions, placeIn, provinceOf } from '../../src/ingest/infer/divisions.js';
import { identityId, placeSlug } from '../../src/ingest/infer/doc-id.js';
import { expandOrgan, issuersBeforeAbout, issuersOfMasthead, splitOrgans } from '../../src/ingest/infer/issuer.js';
import { inferJurisdiction } from '../../src/ingest/infer/jurisdiction.js';
import { continuesTitle } from '../../src/ingest/title-lines.js';

const divisionCodes = () => {
  const codes: string[] = [];
  for (let p = 11; p <= 82; p++)
    for (let c = 0; c <= 99; c++)
      for (const a of ['00', '01', '02', '21', '22', '81']) {
        const code = `${p}${String(c).padStart(2, '0')}${a}`;
        if (divisionByCode(code)) codes.push(code);
      }
  return codes;
};

describe('the division table (GB/T 2260)', () => {
  it('places levels: provinces and 直辖市, cities and 自治州, counties and districts', () => {
    expect(divisionByCode('510000')).toMatchObject({ name: '四川省', level: 'province' });
    expect(divisionByCode('500000')).toMatchObject({ name: '重庆市', level: 'province' });
    expect(divisionByCode('513200')).toMatchObject({ name: '阿坝藏族羌族自治州', level: 'city' });
    expect(divisionByCode('511725')).toMatchObject({ name: '渠县', level: 'county' });
    expect(divisionByCode('110112')).toMatchObject({ name: '通州区', level: 'county', parent: { name: '北京市' } });
  });

  it('reads the short forms people write: 四川, 阿坝州, 内蒙古, 海西州', () => {
    expect(divisionsNamed('四川')[0]?.name).toBe('四川省');
    expect(divisionsNamed('阿坝州')[0]?.name).toBe('阿坝藏族羌族自治州');
    expect(divisionsNamed('内蒙古')[0]?.name).toBe('内蒙古自治区');
    expect(divisionsNamed('海西州')[0]?.name).toBe('海西蒙古族藏族自治州');
    // County short forms are ordinary words (和平, 新城): only full names count.
    expect(divisionsNamed('和平')).toEqual([]);
  });

  it('property: every division is found by its full name, and its chain is consistent', () => {
    const codes = divisionCodes();
    expect(codes.length).toBeGreaterThan(300);
    fc.assert(
      fc.property(fc.constantFrom(...codes), (code) => {
        const d = divisionByCode(code);
        if (!d) return false;
        const found = placeIn(d.name);
        expect(found?.name).toBe(d.name);
        expect(provinceOf(d).level).toBe('province');
        if (d.level !== 'province') expect(cityOf(d)).not.toBeNull();
        expect(placeSlug(d)).toMatch(/^[a-z]+$/u);
      }),
      { numRuns: 300 },
    );
  });

  it('property: mentions never overlap and each is a name of the table', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('四川省', '成都市', '达州市渠县', '关于', '印发', '阿坝州', '发展和改革委员会', '的', '南京江北新区'), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        let end = 0;
        for (const m of mentions(text)) {
          expect(m.at).toBeGreaterThanOrEqual(end);
          expect(text.startsWith(m.name, m.at)).toBe(true);
          expect(divisionsNamed(m.name).length).toBeGreaterThan(0);
          end = m.at + m.name.length;
        }
      }),
    );
  });

  it('the most specific place named consistently: 四川省达州市渠县 is 渠县, 南京江北新区 is 南京市', () => {
    expect(placeIn('四川省达州市渠县人民政府')?.code).toBe('511725');
    expect(placeIn('南京江北新区碳达峰、碳中和行动计划')?.name).toBe('南京市');
    // A second place later in a title does not move the document there.
    expect(placeIn('南京市关于组织申报2022年度江苏省碳达峰碳中和科技创新专项资金项目的通知')?.name).toBe('南京市');
  });
});

describe('organs', () => {
  it('splits organs printed without a separator where a new place or 中共 begins', () => {
    expect(splitOrgans('四川省生态环境厅四川省经济和信息化厅')).toEqual(['四川省生态环境厅', '四川省经济和信息化厅']);
    expect(splitOrgans('中共四川省委 四川省人民政府')).toEqual(['中共四川省委', '四川省人民政府']);
    expect(splitOrgans('中国人民银行邯郸市中心支行邯郸市机关事务管理局')).toEqual(['中国人民银行邯郸市中心支行', '邯郸市机关事务管理局']);
    expect(splitOrgans('为深入落实《中共中央国务院')).toBeNull();
  });

  it('reads the organs of a 发文机关标志 and of a title before 关于 (without 等17部门)', () => {
    expect(issuersOfMasthead('菏泽市人民政府文件')).toEqual(['菏泽市人民政府']);
    expect(issuersBeforeAbout('四川省住房城乡建设厅等17部门关于加强县城绿色低碳建设的实施意见')).toEqual(['四川省住房城乡建设厅']);
    expect(issuersBeforeAbout('中共青海省委、青海省人民政府贯彻落实《关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》的实施意见')).toEqual(['中共青海省委', '青海省人民政府']);
    expect(issuersBeforeAbout('关于印发《X》的通知')).toBeNull();
  });

  it('writes an abbreviation out only where the document prints the full name', () => {
    expect(expandOrgan('市科技局', '', '南京市')).toBe('南京市科技局');
    expect(expandOrgan('阿坝州人民政府', '……阿坝藏族羌族自治州“十四五”……', '阿坝藏族羌族自治州')).toBe('阿坝藏族羌族自治州人民政府');
    expect(expandOrgan('阿坝州人民政府', '没有全称', '阿坝藏族羌族自治州')).toBe('阿坝州人民政府');
    expect(expandOrgan('省发展改革委', '四川省发展和改革委员会', '四川省')).toBe('四川省发展和改革委员会');
  });
});

describe('jurisdiction and level', () => {
  const issuers = (value: string) => ({ value, source: 'cover' as const, confidence: 0.9 });
  const at = (input: Partial<Parameters<typeof inferJurisdiction>[0]>) => inferJurisdiction({ issuers: null, title: '', docNumber: null, lines: [], ...input });

  it("a department takes its place's level; national organs are national", () => {
    expect(at({ issuers: issuers('四川省生态环境厅') })).toMatchObject({ level: 'province', division: { name: '四川省' } });
    expect(at({ issuers: issuers('生态环境部办公厅') })).toMatchObject({ level: 'national', division: null });
    expect(at({ issuers: issuers('国家发展和改革委员会、国家能源局') })).toMatchObject({ level: 'national' });
  });

  it('an organ naming only its level takes its place from the title at that level', () => {
    expect(at({ issuers: issuers('自治区人民政府办公厅'), title: '关于鼓励和支持参与拉萨南北山绿化的政策措施' })).toMatchObject({ level: 'province', division: { name: '西藏自治区' } });
  });

  it('the 文号 abbreviation places a document whose title and issuers name no place', () => {
    expect(at({ title: '关于开展减排奖补工作的通知', docNumber: '粤环〔2022〕3号' })).toMatchObject({ level: 'province', division: { name: '广东省' } });
  });

  it('a national bank branch co-signing does not move a city plan to its city', () => {
    expect(at({ issuers: issuers('中国银保监会黑龙江监管局'), title: '哈尔滨市绿色建筑创建行动实施方案' })).toMatchObject({ level: 'city', division: { name: '哈尔滨市' } });
  });
});

describe('readable ids', () => {
  it('jurisdiction in pinyin, type and year', () => {
    const sichuan = divisionByCode('510000');
    expect(identityId({ division: sichuan, level: 'province', title: '关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见', date: '2022-03-14' })).toBe('sichuan-implementation-opinions-2022');
    expect(identityId({ division: null, level: 'national', title: '“十四五”循环经济发展规划', date: '2021-07-01' })).toBe('national-plan-2021');
    expect(identityId({ division: divisionByCode('610000'), level: 'province', title: '陕西省碳排放权交易管理实施细则（试行）', date: null })).toBe('shaanxi-rules');
    expect(identityId({ division: null, level: null, title: '某方案', date: null })).toBeNull();
  });
});

describe('titles over wrapped lines', () => {
  it("joins a wrapped title, a status line and the issuers' line above 关于, and nothing else", () => {
    expect(continuesTitle('四川省生态环境厅四川省经济和信息化厅关于开展近零', '碳排放园区试点工作的通知', null)).toBe(true);
    expect(continuesTitle('南京江北新区碳达峰、碳中和行动计划', '（试行）', null)).toBe(true);
    expect(continuesTitle('中共四川省委四川省人民政府', '关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见', null)).toBe(true);
    expect(continuesTitle('成都市碳达峰实施方案', '前言', null)).toBe(false);
    expect(continuesTitle('附件1', '成都市能源结构调整十条政策措施', null)).toBe(false);
    expect(continuesTitle('XTCR-2021-01028', '湘潭市人民政府办公室关于印发《湘潭市“十四五”生态环境保护规划》的通知', null)).toBe(false);
    expect(continuesTitle('菏泽市人民政府文件', '菏泽市人民政府关于印发菏泽市“十四五”生态环境保护规划的通知', null)).toBe(false);
  });
});
