// `npm run search` end to end in a child process, against the index built for this test run.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { MIANYANG, realIndex } from '../helpers.js';

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, INDEX_DIR: inject('indexDir'), NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

const containing = (term: string) => realIndex().entries.filter((e) => e.text.includes(term)).length;

describe('npm run search', () => {
  it('prints ranked hits with label, citation and a highlighted snippet', () => {
    const { code, out } = cli('加氢站');
    expect(code).toBe(0);
    expect(out).toContain(`“加氢站”：${containing('加氢站')} 个条款`);
    expect(out).toContain('【加氢站】');
    expect(out).toMatch(/^1\. \S+/mu);
    expect(out).toMatch(/引用：《[^》]+》/u);
    expect(out).toMatch(/链接：\/c\//u);
  });

  it('--cite prints every hit (not one page) from the citation model: RIS as the web export, a numbered GB/T list', async () => {
    const { parse } = await import('@retorquere/bibtex-parser');
    const ris = cli('碳达峰', '--cite', 'ris', '--limit', '2');
    expect(ris.code).toBe(0);
    expect(ris.out.match(/^TY {2}- GOVDOC/gmu)?.length).toBe(containing('碳达峰'));
    const gbt = cli('加氢站', '--cite', 'gbt');
    expect(gbt.out.trim().split('\n')).toHaveLength(containing('加氢站'));
    expect(gbt.out).toMatch(/^\[1\] .+\[A\]/mu);
    const bib = cli('加氢站', '--doc', MIANYANG, '--cite', 'bib');
    expect(parse(bib.out).entries.map((e) => e.fields.author)).toEqual([[{ name: '绵阳市人民政府' }]]);
    const bad = cli('加氢站', '--cite', 'docx');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('PARAM_INVALID');
    expect(bad.err).toContain('docx');
  });

  it('--json prints the API object; --limit and --doc apply', () => {
    const { code, out } = cli('碳汇', '--json', '--limit', '2', '--doc', MIANYANG);
    expect(code).toBe(0);
    const body = JSON.parse(out);
    expect(body.query).toBe('碳汇');
    expect(body.hits).toHaveLength(2);
    expect(body.hits.every((h: { doc: string }) => h.doc === MIANYANG)).toBe(true);
    expect(body.hits[0].snippet).toContain('<mark>碳汇</mark>');
  });

  it('words after the command form one query: space is AND', () => {
    const { out } = cli('加氢站', '海绵城市');
    expect(out).toContain('0 个条款');
    expect(out).toContain('去掉 加氢站：海绵城市');
  });

  it('a NOT term can be its own argument', () => {
    const { code, out } = cli('氢', '-加氢站', '--limit', '1', '--json');
    expect(code).toBe(0);
    const body = JSON.parse(out);
    expect(body.excluded).toEqual(['加氢站']);
    expect(body.hits).toHaveLength(1);
  });

  it('bad input exits 2 with the error code', () => {
    const bad = cli('碳', '--limit', 'ten');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('PARAM_INVALID');
    expect(cli().code).toBe(2);
  });
});
