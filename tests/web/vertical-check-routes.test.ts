// The vertical check on /targets, in /api/targets and in the CSV download: beside a county's
// figure its city's, its province's and the nation's; beside a city's its province's and the
// nation's. The province columns and fields keep their names; the other levels are added.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { verticalLibrary } from '../fixtures/vertical-library.js';
import { searcherFor } from '../helpers.js';

const library = verticalLibrary();
const app = createApp({ library, searcher: searcherFor(library), today: () => '2026-11-21' });

interface Upper {
  doc: string;
  jurisdiction: string;
  label: string;
  relation: string | null;
  ambition: string | null;
  url: string;
}
type Rec = { doc: string; indicator: string; national: Upper | null; province: Upper | null; city: Upper | null };

const shareOf = (records: Rec[], doc: string) => records.find((r) => r.doc === doc && r.indicator === 'non-fossil-share') as Rec;

/** Quoted-field CSV, as the download writes it (no line breaks inside these cells). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/u, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/(?:"((?:[^"]|"")*)"|([^,]*))(?:,|$)/gu)].map((m) => (m[1] ?? m[2] ?? '').replace(/""/gu, '"')).slice(0, -1));
}

describe('the vertical check on every level', () => {
  it('/api/targets: a county’s record carries the nation’s, the province’s and its city’s figures', async () => {
    const { body } = await request(app).get('/api/targets').query({ indicator: 'non-fossil-share' }).expect(200);
    const quxian = shareOf(body.targets, 'quxian-plan');
    expect(quxian.national).toMatchObject({ doc: 'nation-plan', jurisdiction: '国家', label: '20%左右', relation: 'above', ambition: 'stricter' });
    expect(quxian.province).toMatchObject({ doc: 'sichuan-plan', jurisdiction: '四川省', label: '42%左右', relation: 'below', ambition: 'looser' });
    expect(quxian.city).toMatchObject({ doc: 'dazhou-plan', jurisdiction: '达州市', label: '40%左右', relation: 'below' });
    expect(quxian.city?.url).toMatch(/^\/c\/dazhou-plan\./u);
    const chengdu = shareOf(body.targets, 'chengdu-plan');
    expect([chengdu.national?.doc, chengdu.province?.doc, chengdu.city]).toEqual(['nation-plan', 'sichuan-plan', null]);
    const nation = shareOf(body.targets, 'nation-plan');
    expect([nation.national, nation.province, nation.city]).toEqual([null, null, null]);
  });

  it('/targets.csv: 国家 and 市级 columns beside the 省级 ones, levels in order', async () => {
    const res = await request(app).get('/targets.csv').query({ indicator: 'non-fossil-share' }).expect(200);
    const [header, ...rows] = parseCsv(res.text);
    const at = (name: string) => (header as string[]).indexOf(name);
    expect(header?.slice(at('国家目标'), at('与市级比较') + 1)).toEqual(['国家目标', '与国家比较', '省级目标', '与省级比较', '市级目标', '与市级比较']);
    expect(header?.slice(-3)).toEqual(['条款', '引用', '固定链接']);
    const quxian = rows.find((r) => r[at('地区')] === '渠县') as string[];
    expect(quxian.length).toBe(header?.length);
    expect([quxian[at('国家目标')], quxian[at('与国家比较')], quxian[at('省级目标')], quxian[at('与省级比较')], quxian[at('市级目标')], quxian[at('与市级比较')]]).toEqual(['20%左右', '高于国家', '42%左右', '低于省级', '40%左右', '低于市级']);
    const sichuan = rows.find((r) => r[at('地区')] === '四川省' && r[at('目标（原文）')] === '42%左右') as string[];
    expect([sichuan[at('与国家比较')], sichuan[at('省级目标')], sichuan[at('市级目标')]]).toEqual(['高于国家', '', '']);
  });

  it('/targets: each row lists the figures above it, linked to their clauses and marked', async () => {
    const res = await request(app).get('/targets').query({ indicator: 'non-fossil-share' }).expect(200);
    expect(res.text).toContain('上级目标（对照）');
    const row = /<tr>(?:(?!<\/tr>)[\s\S])*?渠县(?:(?!<\/tr>)[\s\S])*<\/tr>/u.exec(res.text)?.[0] ?? '';
    expect(row).toMatch(/<span class="muted">国家<\/span> <a href="\/c\/nation-plan\.[^"]+">20%左右<\/a> <span class="rel rel-above">高于国家<\/span>/u);
    expect(row).toMatch(/<span class="muted">四川省<\/span> <a href="\/c\/sichuan-plan\.[^"]+">42%左右<\/a> <span class="rel rel-below">低于省级<\/span>/u);
    expect(row).toMatch(/<span class="muted">达州市<\/span> <a href="\/c\/dazhou-plan\.[^"]+">40%左右<\/a> <span class="rel rel-below">低于市级<\/span>/u);
  });
});
