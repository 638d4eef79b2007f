// A clause page lists the targets read from that clause, each linking to its indicator's page.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CHENGDU, realApp, SICHUAN } from '../helpers.js';

const app = realApp();

describe('targets on the clause page', () => {
  it('成都 二 第1段 lists its three 2025 targets with indicator links', async () => {
    const res = await request(app).get(`/c/${CHENGDU}.part_2__p_1`).expect(200);
    expect(res.text).toContain('本条量化目标');
    expect(res.text).toContain('href="/targets/non-fossil-share"');
    expect(res.text).toContain('href="/targets/co2-per-gdp"');
    expect(res.text).toContain('<strong>42%左右</strong>');
    expect(res.text).toMatch(/下降，基准 2020 年/u);
  });

  it('a table row shows its cell with unit and the comparable value', async () => {
    const res = await request(app).get(`/c/${SICHUAN}.part_2__item_3__table_1__row_6`).expect(200);
    expect(res.text).toContain('1.29亿千瓦（12900万千瓦）');
  });

  it('a clause without figures has no targets section', async () => {
    const res = await request(app).get(`/c/${CHENGDU}.preamble__p_1`).expect(200);
    expect(res.text).not.toContain('本条量化目标');
  });
});

describe('regression: a table cell’s unit was dropped from the province figure (省级 42左右 without %)', () => {
  it('the province figure beside a city names its unit, and [4左右] reads as percentage points', async () => {
    const res = await request(app).get(`/api/targets?indicator=non-fossil-share&doc=${CHENGDU}&year=2025`).expect(200);
    expect(res.body.targets[0].province.label).toBe('42%左右');
    const page = await request(app).get(`/targets?indicator=non-fossil-share&doc=${SICHUAN}`).expect(200);
    expect(page.text).toContain('4个百分点左右');
  });
});
