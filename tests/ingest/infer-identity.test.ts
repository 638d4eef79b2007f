// What an uncatalogued document says about itself: 文号 with OCR's bracket variants normalised to
// 〔〕, dates in every printed form at the precision printed, type and status from the title, and
// where each inferred field came from. A catalogue entry wins.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { ingestBytes } from '../../src/ingest/corpus.js';
import { dateLine, findDates } from '../../src/ingest/infer/dates.js';
import { docNumberLine, findDocNumbers } from '../../src/ingest/infer/doc-number.js';
import { docStatus, docType } from '../../src/ingest/infer/kind.js';
import { realCorpus } from '../helpers.js';

describe('文号', () => {
  it.each([
    ['国发〔2021〕23号', '国发〔2021〕23号'],
    ['国发[2021]23号', '国发〔2021〕23号'],
    ['国发(2021)23号', '国发〔2021〕23号'],
    ['国发（2021）23号', '国发〔2021〕23号'],
    ['国发【2021】23号', '国发〔2021〕23号'],
    ['川府发 〔2022〕 8 号', '川府发〔2022〕8号'],
    ['包林草发[2021]23号', '包林草发〔2021〕23号'],
    ['渝府办发〔2022〕022号', '渝府办发〔2022〕22号'],
  ])('%s → %s', (printed, normal) => {
    expect(docNumberLine(printed)).toBe(normal);
  });

  it('a 文号 cited inside a sentence is found without the words before it, but is no 文号 line', () => {
    const text = '根据国发〔2021〕23号和川府发[2022]8号文件精神，制定本方案。';
    expect(findDocNumbers(text).map((m) => m.value)).toEqual(['国发〔2021〕23号', '川府发〔2022〕8号']);
    expect(docNumberLine(text)).toBeNull();
  });

  it('property: any organ, year and serial in any bracket pair normalises to 〔〕', () => {
    const brackets = [
      ['〔', '〕'],
      ['[', ']'],
      ['(', ')'],
      ['（', '）'],
      ['【', '】'],
    ];
    fc.assert(
      fc.property(fc.constantFrom('国发', '川府发', '成府办发', '环气候'), fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 999 }), fc.constantFrom(...brackets), (organ, year, n, [open, close]) => {
        expect(docNumberLine(`${organ}${open}${year}${close}${n}号`)).toBe(`${organ}〔${year}〕${n}号`);
      }),
    );
  });
});

describe('dates', () => {
  it.each([
    ['2022年7月18日', '2022-07-18'],
    ['二〇二二年七月十八日', '2022-07-18'],
    ['二〇二一年十二月三十一日', '2021-12-31'],
    ['2022.07.18', '2022-07-18'],
    ['2022-7-8', '2022-07-08'],
    ['2022年7月', '2022-07'],
    ['（2022年3月14日）', '2022-03-14'],
    ['2021年4月15日印发', '2021-04-15'],
  ])('%s → %s', (printed, value) => {
    expect(dateLine(printed)).toBe(value);
  });

  it('a sentence with a date is no date line; its dates are still found, in order', () => {
    const text = '到2025年，全市……，2030年前实现碳达峰。2022年3月1日起施行。';
    expect(dateLine(text)).toBeNull();
    expect(findDates(text).map((d) => d.value)).toEqual(['2022-03-01']);
  });

  it('property: every valid day prints back to itself in digits and in Chinese numerals', () => {
    const cn = (n: number, positional: boolean) => {
      const d = '〇一二三四五六七八九';
      if (positional) return [...String(n)].map((c) => d[Number(c)]).join('');
      return n < 10 ? d[n] : `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${n % 10 ? d[n % 10] : ''}`;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const want = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(dateLine(`${y}年${m}月${d}日`)).toBe(want);
        expect(dateLine(`${cn(y, true)}年${cn(m, false)}月${cn(d, false)}日`)).toBe(want);
      }),
    );
  });
});

describe('type and status from the title', () => {
  it.each([
    ['成都市碳达峰实施方案', '实施方案', null],
    ['四川省“十四五”可再生能源发展规划', '规划', null],
    ['陕西省碳排放权交易管理实施细则（试行）', '细则', '试行'],
    ['某市应对气候变化规划（2021—2025年）（征求意见稿）', '规划', '征求意见稿'],
    ['关于加快建立健全绿色低碳循环发展经济体系的实施意见', '意见', null],
    ['环保装备制造业高质量发展行动计划（2022－2025年）', '计划', null],
  ])('%s → %s, %s', (title, type, status) => {
    expect(docType(title)).toBe(type);
    expect(docStatus(title)).toBe(status);
  });

  it('已废止 is read from the text', () => {
    expect(docStatus('某市节能办法', '本办法已废止。')).toBe('已废止');
  });
});

describe('inferred identity of an uncatalogued plan', () => {
  const doc = ingestBytes({
    name: 'plan.txt',
    bytes: Buffer.from(
      [
        '某市人民政府文件',
        '某府发[2022]8号',
        '某市人民政府关于印发《某市碳达峰实施方案（试行）》的通知',
        '各区县人民政府：',
        '现将《某市碳达峰实施方案（试行）》印发给你们，请认真贯彻执行。',
        '某市人民政府',
        '二〇二二年七月十八日',
        '某市碳达峰实施方案（试行）',
        '一、总体要求',
        '（一）指导思想。坚持系统观念。',
      ].join('\n\n'),
      'utf8',
    ),
  });

  it('reads the 文号, the signature date, the type and the status, and says where each came from', () => {
    expect(doc.meta).toMatchObject({ title: '某市碳达峰实施方案（试行）', docNumber: '某府发〔2022〕8号', date: '2022-07-18', status: '试行', docType: '实施方案' });
    expect(doc.meta.inferred).toMatchObject({ docNumber: { source: 'cover' }, date: { source: 'signature' }, status: { source: 'title' }, docType: { source: 'title' } });
  });

  it('a catalogue entry wins field by field: the bundled plans keep every catalogue fact and infer only what it leaves empty', () => {
    const catalog = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'corpus', 'catalog.json'), 'utf8')) as { documents: Array<Record<string, unknown>> };
    for (const d of realCorpus().documents) {
      const entry = catalog.documents.find((e) => e.file === d.meta.file) as Record<string, unknown>;
      for (const field of ['title', 'jurisdiction', 'adminCode', 'level', 'issuer', 'docNumber', 'date', 'status'] as const) {
        if (entry[field] !== null) expect(d.meta[field]).toEqual(entry[field]);
      }
      for (const field of Object.keys(d.meta.inferred ?? {})) expect(field === 'docType' || entry[field] === null).toBe(true);
    }
    const leshan = realCorpus().documents.find((d) => d.meta.id === 'leshan-carbon-peak-pilot');
    expect(leshan?.meta.docNumber).toBeNull();
  });
});

describe("a 文号 the text cites is not the document's own", () => {
  it('regression: 419 took the national 环土壤〔2021〕120号 it cites in its notice as its own 文号', () => {
    const doc = ingestBytes({
      name: '农业农村规划.txt',
      bytes: Buffer.from(
        [
          '关于印发《四川省“十四五”农业农村生态环境保护规划》的通知',
          '各市（州）生态环境局：',
          '按照生态环境部等7部委《关于印发“十四五”土壤、地下水和农',
          '村生态环境保护规划的通知》（环土壤〔2021〕120号）文件要求',
          '现印发你们。',
          '一、现状与形势',
          '（一）工作成效。成效明显。',
        ].join('\n\n'),
        'utf8',
      ),
    });
    expect(doc.meta.docNumber).toBeNull();
  });
});

describe('a plain-text notice keeps its 文号 line', () => {
  it('regression: the 文号 line under a plain-text notice title was joined into the title, so 国发〔2021〕23号 was lost', () => {
    const doc = ingestBytes({
      name: '国务院方案.txt',
      bytes: Buffer.from(
        [
          '国务院关于印发2030年前碳达峰行动方案的通知',
          '国发〔2021〕23号',
          '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
          '现将《2030年前碳达峰行动方案》印发给你们，请认真贯彻执行。',
          '国务院',
          '2021年10月24日',
          '2030年前碳达峰行动方案',
          '一、总体要求',
          '（一）指导思想。坚持系统观念。',
        ].join('\n\n'),
        'utf8',
      ),
    });
    expect(doc.meta).toMatchObject({ title: '2030年前碳达峰行动方案', docNumber: '国发〔2021〕23号', issuer: '国务院', level: 'national', jurisdiction: '国家', date: '2021-10-24' });
  });
});
