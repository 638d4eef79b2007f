// The citation model on the bundled five: GB/T 7714 entries written out by hand (official
// documents: issuer. title: 文号[type]. date / (date)[accessed]. URL), the cover notice's 文号
// cited as the notice's, legal-style pinpoints, and the page, the API and the model agreeing.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { legalPinpoint } from '../../src/ingest/identity.js';
import { citeClause, citeDocument, inTextOf, type CiteSettings } from '../../src/present/citation.js';
import { createApp } from '../../src/web/app.js';
import { CHENGDU, MIANYANG, realLibrary, realSearcher, SICHUAN } from '../helpers.js';

const OFFLINE: CiteSettings = { origin: '', today: '2026-11-30', edition: '2015' };
const ONLINE: CiteSettings = { origin: 'https://policy.example.org', today: '2026-11-30', edition: '2015' };
const doc = (id: string) => realLibrary().getDocument(id)!;

describe('GB/T 7714 entries of the bundled five', () => {
  it('with no address to give: the printed form [A], unknown parts left out, never 出版日期不详', () => {
    const entries = realLibrary().documents.map((d) => citeDocument(realLibrary(), d, OFFLINE).gbt);
    expect(entries).toEqual([
      '四川省“十四五”应对气候变化规划（征求意见稿）[A]. 2022-10.',
      '成都市人民政府. 成都市人民政府关于印发成都市碳达峰实施方案的通知: 成府发〔2024〕10号[A]. 2024-03-13.',
      '绵阳市人民政府. 绵阳市碳达峰实施方案[A]. 2024-01-11.',
      '国家碳达峰试点（乐山）实施方案[A].',
      '渠县碳达峰实施方案（修订版）[A].',
    ]);
    for (const e of entries) expect(e).not.toContain('不详');
  });

  it('online: [EB/OL] with the date in parentheses, the access date and this site’s page when no official source is known', () => {
    const entries = realLibrary().documents.map((d) => citeDocument(realLibrary(), d, ONLINE));
    expect(entries.map((e) => e.gbt)).toEqual([
      '四川省“十四五”应对气候变化规划（征求意见稿）[EB/OL]. (2022-10)[2026-11-30]. https://policy.example.org/docs/sichuan-climate-plan-2022-draft.',
      '成都市人民政府. 成都市人民政府关于印发成都市碳达峰实施方案的通知: 成府发〔2024〕10号[EB/OL]. (2024-03-13)[2026-11-30]. https://policy.example.org/docs/chengdu-carbon-peak-2024.',
      '绵阳市人民政府. 绵阳市碳达峰实施方案[EB/OL]. (2024-01-11)[2026-11-30]. https://policy.example.org/docs/mianyang-carbon-peak-2024.',
      '国家碳达峰试点（乐山）实施方案[EB/OL]. [2026-11-30]. https://policy.example.org/docs/leshan-carbon-peak-pilot.',
      '渠县碳达峰实施方案（修订版）[EB/OL]. [2026-11-30]. https://policy.example.org/docs/quxian-carbon-peak-revised.',
    ]);
    expect(entries.every((e) => e.urlKind === 'permalink')).toBe(true);
  });

  it('GB/T 7714-2025 (the default): "." without a space, full-width "：" and （date）; the access date stays for web pages', () => {
    const at = (settings: CiteSettings) => realLibrary().documents.map((d) => citeDocument(realLibrary(), d, { ...settings, edition: '2025' }).gbt);
    expect(at(ONLINE).slice(0, 3)).toEqual([
      '四川省“十四五”应对气候变化规划（征求意见稿）[EB/OL].（2022-10）[2026-11-30].https://policy.example.org/docs/sichuan-climate-plan-2022-draft.',
      '成都市人民政府.成都市人民政府关于印发成都市碳达峰实施方案的通知：成府发〔2024〕10号[EB/OL].（2024-03-13）[2026-11-30].https://policy.example.org/docs/chengdu-carbon-peak-2024.',
      '绵阳市人民政府.绵阳市碳达峰实施方案[EB/OL].（2024-01-11）[2026-11-30].https://policy.example.org/docs/mianyang-carbon-peak-2024.',
    ]);
    expect(at(OFFLINE)).toEqual([
      '四川省“十四五”应对气候变化规划（征求意见稿）[A].2022-10.',
      '成都市人民政府.成都市人民政府关于印发成都市碳达峰实施方案的通知：成府发〔2024〕10号[A].2024-03-13.',
      '绵阳市人民政府.绵阳市碳达峰实施方案[A].2024-01-11.',
      '国家碳达峰试点（乐山）实施方案[A].',
      '渠县碳达峰实施方案（修订版）[A].',
    ]);
  });

  it('an official source address, when the catalogue gives one, is cited instead of this site', () => {
    const meta = { ...doc(CHENGDU), sourceUrl: 'https://gk.chengdu.gov.cn/govInfo/detail.action?id=1' };
    const c = citeDocument(realLibrary(), meta, ONLINE);
    expect(c.urlKind).toBe('source');
    expect(c.gbt).toBe('成都市人民政府. 成都市人民政府关于印发成都市碳达峰实施方案的通知: 成府发〔2024〕10号[EB/OL]. (2024-03-13)[2026-11-30]. https://gk.chengdu.gov.cn/govInfo/detail.action?id=1.');
  });
});

describe('clauses', () => {
  it('the 文号 of a plan issued by a cover notice is cited as the notice’s, with the plan named', () => {
    const clause =
      realLibrary().getClause(`${CHENGDU}.part_3__item_2__para_5`) ??
      realLibrary()
        .clausesOf(CHENGDU)
        .find((c) => c.label === '三（二）5')!;
    const c = citeClause(realLibrary(), clause, OFFLINE);
    expect(c.coverNotice).toEqual({ title: '成都市人民政府关于印发成都市碳达峰实施方案的通知', docNumber: '成府发〔2024〕10号' });
    expect(c.inText).toBe('《成都市碳达峰实施方案》（成府发〔2024〕10号文印发）第三部分第（二）项第5条“深化能源消费结构调整”');
    expect(c.pinpoint).toBe('第三部分第（二）项第5条');
    expect(c.shortPinpoint).toBe('三（二）5');
    expect(c.quote).toBe(clause.text);
  });

  it('in-text citations carry title, 文号 (the notice’s when it issued the plan), legal pinpoint and lead phrase', () => {
    const inText = (docId: string, eId: string) => inTextOf(realLibrary(), realLibrary().getClause(`${docId}.${eId}`)!);
    expect(inText(CHENGDU, 'part_3__item_2')).toBe('《成都市碳达峰实施方案》（成府发〔2024〕10号文印发）第三部分第（二）项');
    expect(inText(MIANYANG, 'part_2__item_1__para_1')).toBe('《绵阳市碳达峰实施方案》第二部分第（一）项第1条“加大可再生能源开发力度”');
    expect(inText(SICHUAN, 'part_4__item_4__box_7__p_1')).toBe('《四川省“十四五”应对气候变化规划（征求意见稿）》专栏7第1段“海绵城市工程”');
    for (const d of realLibrary().documents) {
      for (const c of realLibrary().clausesOf(d.id)) {
        const text = inTextOf(realLibrary(), c);
        expect(text.startsWith(`《${d.title}》`), c.id).toBe(true);
        expect(text, c.id).toBe(citeClause(realLibrary(), c, ONLINE).inText);
      }
    }
  });

  it('legal pinpoints: parts, items, articles, sub-items; unnumbered paragraphs counted within their numbered parent', () => {
    expect(legalPinpoint('三（四）11')).toBe('第三部分第（四）项第11条');
    expect(legalPinpoint('二第1段')).toBe('第二部分第1段');
    expect(legalPinpoint('一「主要目标」第1段')).toBe('第一部分「主要目标」第1段');
    expect(legalPinpoint('专栏3（一）')).toBe('专栏3第（一）项');
    expect(legalPinpoint('第二章第三节（一）第2段')).toBe('第二章第三节第（一）项第2段');
    expect(legalPinpoint('第三章第十二条（一）')).toBe('第三章第十二条第（一）项');
    expect(legalPinpoint('附件1一（二）3')).toBe('附件1第一部分第（二）项第3条');
    expect(legalPinpoint('三（二）5一是')).toBe('第三部分第（二）项第5条一是');
    expect(legalPinpoint('「主要目标」（1）第2段')).toBe('「主要目标」第（1）目第2段');
    expect(legalPinpoint('印发通知第1段')).toBe('印发通知第1段');
    expect(legalPinpoint('一（一）表2第3行')).toBe('第一部分第（一）项表2第3行');
  });

  it('every clause of the five has a pinpoint made only of named steps, and dropping the step words gives back the label', () => {
    for (const d of realLibrary().documents) {
      for (const clause of realLibrary().clausesOf(d.id)) {
        const p = legalPinpoint(clause.label);
        const back = p
          .replace(/第([一二三四五六七八九十百零〇两]+)部分/gu, '$1')
          .replace(/第(（[^）]+）)[项目]/gu, '$1')
          .replace(/第(\d+)条/gu, '$1');
        expect(back, clause.id).toBe(clause.label);
      }
    }
  });
});

describe('one model for the page and the API', () => {
  const app = createApp({ library: realLibrary(), searcher: realSearcher(), today: () => '2026-11-30', publicOrigin: 'https://policy.example.org', citationEdition: '2015' });

  it('/api/docs, /api/docs/<id>, /api/clauses/<id> and the document page give the same entry', async () => {
    const expected = citeDocument(realLibrary(), doc(CHENGDU), ONLINE).gbt;
    const list = (await request(app).get('/api/docs').expect(200)).body as { docs: { id: string; reference: string }[] };
    expect(list.docs.find((d) => d.id === CHENGDU)?.reference).toBe(expected);
    expect((await request(app).get(`/api/docs/${CHENGDU}`).expect(200)).body.doc.reference).toBe(expected);
    const clauseId = realLibrary().clausesOf(CHENGDU)[10]!.id;
    expect((await request(app).get(`/api/clauses/${clauseId}`).expect(200)).body.reference).toBe(expected);
    const html = (await request(app).get(`/docs/${CHENGDU}`).expect(200)).text;
    expect(html).toContain(`<code class="citation">${expected.replace(/“/gu, '“')}</code>`);
  });

  it('the clause page shows the legal pinpoint and an absolute permalink with a copy button', async () => {
    const clause = realLibrary()
      .clausesOf(CHENGDU)
      .find((c) => c.label === '三（二）5')!;
    const html = (await request(app).get(`/c/${clause.id}`).expect(200)).text;
    expect(html).toContain('第三部分第（二）项第5条');
    expect(html).toContain(`data-copy="https://policy.example.org/c/${clause.id}"`);
  });
});
