// `npm run targets` end to end in a child process: table, CSV, JSON and --list, without a
// search index (INDEX_DIR points at a folder that does not exist).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { CHENGDU, MIANYANG, realLibrary, SICHUAN, tempDir } from '../helpers.js';

const scratch = tempDir();
const noIndex = path.join(scratch, 'no-index');
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, INDEX_DIR: noIndex, NO_COLOR: '1' };
  delete env.PUBLIC_ORIGIN;
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/targets.ts', ...args], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

const targets = realLibrary().enrichment.targets;

describe('npm run targets', () => {
  it('--csv for one indicator: BOM, header, one line per target, permalinks on the given origin', () => {
    const { code, out } = cli('--indicator', 'renewable-capacity', '--csv', '--origin', 'https://cli.example.org');
    expect(code).toBe(0);
    expect(out.startsWith('\uFEFF')).toBe(true);
    const lines = out.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^指标标识,指标,原文指标,地区,.*,条款,引用,固定链接$/u);
    const mine = targets.filter((t) => t.indicator === 'renewable-capacity');
    expect(lines).toHaveLength(1 + mine.length);
    for (const line of lines.slice(1)) {
      expect(line.startsWith('renewable-capacity,')).toBe(true);
      expect(line).toMatch(/,https:\/\/cli\.example\.org\/c\/[^,]+$/u);
    }
    expect(out).toContain('12900');
    expect(fs.existsSync(noIndex)).toBe(false);
  });

  it('--json prints {query,total,targets} and the filters apply', () => {
    const { code, out } = cli('--json', '--doc', CHENGDU, '--year', '2025', '--sort', 'value', '--order', 'desc');
    expect(code).toBe(0);
    const body = JSON.parse(out);
    expect(body.query).toEqual({ indicators: [], docs: [CHENGDU], years: [2025], levels: [], obligations: [], regions: [], issuers: [], types: [], statuses: [], issued: [], sort: 'value', order: 'desc' });
    const expected = targets.filter((t) => t.doc === CHENGDU && t.year === 2025);
    expect(body.total).toBe(expected.length);
    expect(body.targets.map((r: { id: string }) => r.id).sort()).toEqual(expected.map((t) => t.id).sort());
    expect(body.targets.every((r: { doc: string; year: number }) => r.doc === CHENGDU && r.year === 2025)).toBe(true);
    const values = body.targets.map((r: { compareValue: number | null }) => r.compareValue).filter((v: number | null) => v !== null);
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
    const nf = body.targets.find((r: { indicator: string }) => r.indicator === 'non-fossil-share');
    expect(nf).toMatchObject({ valueText: '42%左右', province: { doc: SICHUAN, relation: 'equal' } });
  });

  it('--json with comma-separated indicators takes both', () => {
    const body = JSON.parse(cli('--json', '--indicator', 'non-fossil-share,renewable-capacity').out);
    expect(body.total).toBe(targets.filter((t) => t.indicator === 'non-fossil-share' || t.indicator === 'renewable-capacity').length);
  });

  it('--obligation keeps the figures of those grades', () => {
    const body = JSON.parse(cli('--json', '--obligation', 'strive,binding').out);
    const want = targets.filter((t) => t.obligation === 'strive' || t.obligation === 'binding');
    expect(want.length).toBeGreaterThan(0);
    expect(body.targets.map((r: { id: string }) => r.id).sort()).toEqual(want.map((t) => t.id).sort());
  });

  it('the default table shows the province comparison beside a city row', () => {
    const { code, out } = cli('--indicator', 'non-fossil-share', '--doc', MIANYANG);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe(['指标', '地区', '年份', '目标', '限定', '省级对照', '出处'].join('\t'));
    const row = lines.find((l) => l.includes('\t绵阳市\t2025\t45%左右\t'));
    expect(row).toBeDefined();
    expect(row).toMatch(/\t省级 42\S*左右 高于省级\t《绵阳市碳达峰实施方案》/u);
    expect(lines).toHaveLength(1 + targets.filter((t) => t.indicator === 'non-fossil-share' && t.doc === MIANYANG).length);
  });

  it('--list prints id, label and count for every indicator', () => {
    const { code, out } = cli('--list');
    expect(code).toBe(0);
    const count = targets.filter((t) => t.indicator === 'non-fossil-share').length;
    expect(out.split('\n')).toContain(`non-fossil-share\t非化石能源消费比重\t${count}`);
    expect(out.trimEnd().split('\n')).toHaveLength(new Set(targets.map((t) => t.indicator)).size);
  });

  it('bad input exits 2 with the error code on stderr', () => {
    const year = cli('--year', '25');
    expect(year.code).toBe(2);
    expect(year.err).toContain('错误 [PARAM_INVALID]');
    expect(year.err).toContain('year=25');
    expect(year.out).toBe('');
    const unknown = cli('--indicator', 'nope', '--json');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('错误 [FILTER_UNKNOWN]');
    expect(cli('--order', 'sideways').err).toContain('PARAM_INVALID');
  });
});
