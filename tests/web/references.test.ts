// Reference-manager exports read back by independent parsers: RIS and BibTeX through citation-js's
// plugins and @retorquere/bibtex-parser, CSL-JSON through citation-js's CSL input. Fields round-trip
// for every bundled plan, for clauses and for a whole result set (every hit, not one page).
import { Cite } from '@citation-js/core';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { citeClause, citeDocument } from '../../src/present/citation.js';
import { createApp } from '../../src/web/app.js';
import { CHENGDU, realLibrary, realSearcher } from '../helpers.js';
import { asCsl, authorName, type CslItem } from './read-back.js';

const ORIGIN = 'https://policy.example.org';
const SETTINGS = { origin: ORIGIN, today: '2026-11-30', edition: '2025' as const };
const app = createApp({ library: realLibrary(), searcher: realSearcher(), today: () => '2026-11-30', publicOrigin: ORIGIN, rateLimitPerMinute: 0 });
const CLAUSE = `${CHENGDU}.part_3__item_2__para_5`;

const dateOf = (item: CslItem) => item.issued?.['date-parts'][0]?.join('-');

describe('RIS', () => {
  it('each bundled plan round-trips: title, issuer, 文号, date, address and access date', async () => {
    for (const meta of realLibrary().documents) {
      const expected = citeDocument(realLibrary(), meta, SETTINGS);
      const res = await request(app).get(`/references.ris?doc=${meta.id}`).expect(200);
      expect(res.headers['content-type']).toContain('application/x-research-info-systems');
      const [item] = asCsl(res.text, '@ris/file');
      expect(item?.title).toBe(expected.coverNotice?.title ?? expected.title);
      expect(item?.author?.map(authorName) ?? []).toEqual(expected.issuers);
      expect(item?.number ?? null).toBe(expected.coverNotice?.docNumber ?? expected.docNumber);
      // citation-js reads the year (PY) and ignores DA on GOVDOC records; the full date is in DA as RIS writes it.
      expect(dateOf(item!) ?? null).toBe(expected.date?.slice(0, 4) ?? null);
      if (expected.date) expect(res.text).toContain(`DA  - ${expected.date.split('-').concat(['', '']).slice(0, 3).join('/')}/\r\n`);
      expect(item?.URL).toBe(expected.url);
    }
  });

  it('a clause carries its legal pinpoint, its words and its own permalink', async () => {
    const expected = citeClause(realLibrary(), realLibrary().getClause(CLAUSE)!, SETTINGS);
    const res = await request(app).get(`/references.ris?clause=${CLAUSE}`).expect(200);
    expect(res.text).toContain(`SE  - 第三部分第（二）项第5条\r\n`);
    const [item] = asCsl(res.text, '@ris/file');
    expect(item?.section).toBe('第三部分第（二）项第5条');
    expect(item?.abstract).toBe(expected.quote.replace(/\s+/gu, ' ').trim());
    expect(item?.URL).toBe(`${ORIGIN}/c/${CLAUSE}`);
  });

  it('a result set is every hit, not one page', async () => {
    const ids = (await request(app).get('/api/search?q=碳达峰&limit=1').expect(200)).body.total as number;
    expect(ids).toBeGreaterThan(20);
    const res = await request(app).get('/references.ris?q=碳达峰').expect(200);
    expect(res.text.match(/^TY {2}- /gmu)?.length).toBe(ids);
    expect(asCsl(res.text, '@ris/file')).toHaveLength(ids);
  });
});

describe('BibLaTeX', () => {
  it('reads back through @retorquere/bibtex-parser: @online with a URL, the issuer as one corporate name, the 文号 as subtitle', async () => {
    for (const meta of realLibrary().documents) {
      const expected = citeDocument(realLibrary(), meta, SETTINGS);
      const res = await request(app).get(`/references.bib?doc=${meta.id}`).expect(200);
      const { entries, errors } = parseBibtex(res.text);
      expect(errors).toEqual([]);
      const [entry] = entries;
      expect(entry?.type).toBe('online');
      expect(entry?.fields.title).toBe(expected.coverNotice?.title ?? expected.title);
      const author = entry?.fields.author as { name?: string }[] | undefined;
      expect(author?.[0]?.name ?? null).toBe(expected.issuer);
      expect(entry?.fields.subtitle ?? null).toBe(expected.coverNotice?.docNumber ?? expected.docNumber);
      expect(entry?.fields.url).toBe(expected.url);
      expect(entry?.fields.urldate).toBe('2026-11-30');
    }
  });

  it('a clause: pinpoint in note, quoted words in addendum; citation-js reads it too', async () => {
    const res = await request(app).get(`/references.bib?clause=${CLAUSE}`).expect(200);
    const [entry] = parseBibtex(res.text).entries;
    expect(entry?.fields.note).toBe('第三部分第（二）项第5条');
    expect(String(entry?.fields.addendum)).toContain('深化能源消费结构调整');
    // citation-js joins title and subtitle, as biblatex prints them.
    expect(asCsl(res.text, '@biblatex/text')[0]?.title).toBe('成都市人民政府关于印发成都市碳达峰实施方案的通知: 成府发〔2024〕10号');
  });

  it('TeX specials in a title are escaped, so the entry still parses to the same text', async () => {
    const meta = { ...realLibrary().getDocument(CHENGDU)!, title: '50% 达标 & {测试} #1_a' };
    const { toBibLatex } = await import('../../src/present/references.js');
    const text = toBibLatex([{ ...citeDocument(realLibrary(), meta, SETTINGS), coverNotice: null }]);
    expect(parseBibtex(text).entries[0]?.fields.title).toBe('50% 达标 & {测试} #1_a');
  });
});

describe('CSL-JSON', () => {
  it('is an array of items citation-js accepts as CSL, with the fields of the model', async () => {
    const res = await request(app).get(`/references.json?clause=${CLAUSE}`).expect(200);
    expect(res.headers['content-type']).toContain('application/vnd.citationstyles.csl+json');
    const items = JSON.parse(res.text) as CslItem[];
    const [item] = new Cite(items).data as CslItem[];
    expect(item).toMatchObject({ id: CLAUSE, title: '成都市人民政府关于印发成都市碳达峰实施方案的通知', number: '成府发〔2024〕10号', section: '第三部分第（二）项第5条', URL: `${ORIGIN}/c/${CLAUSE}` });
    expect(item?.author).toEqual([{ literal: '成都市人民政府' }]);
    expect(item?.accessed?.['date-parts']).toEqual([[2026, 11, 30]]);
  });
});

describe('bad requests', () => {
  it('nothing to export, an unknown clause, an unknown parameter: 4xx with a code naming the value', async () => {
    expect((await request(app).get('/references.ris').expect(400)).text).toContain('PARAM_INVALID');
    const missing = await request(app).get('/references.bib?clause=nope.x').expect(404);
    expect(missing.text).toContain('CLAUSE_NOT_FOUND');
    expect(missing.text).toContain('nope.x');
    expect((await request(app).get('/references.json?doc=nope').expect(404)).text).toContain('DOC_NOT_FOUND');
    expect((await request(app).get('/references.ris?q=碳&bogus=1').expect(400)).text).toContain('bogus');
  });
});

const unescapeHtml = (s: string) => s.replace(/&#34;/gu, '"').replace(/&#39;/gu, "'").replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');

describe('copy as', () => {
  it('the clause page offers the in-text citation, the GB/T entry, BibTeX and a Markdown quote linking the permalink', async () => {
    const html = (await request(app).get(`/c/${CLAUSE}`).expect(200)).text;
    const row = html.slice(html.indexOf('<p class="copy-as"'), html.indexOf('</p>', html.indexOf('<p class="copy-as"')));
    const buttons = [...row.matchAll(/data-copy="([^"]*)" hidden>([^<]+)</gu)].map((m) => [m[2], unescapeHtml(m[1]!)]);
    expect(buttons.map((b) => b[0])).toEqual(['引文', 'GB/T 7714', 'BibTeX', 'Markdown 引用']);
    const c = citeClause(realLibrary(), realLibrary().getClause(CLAUSE)!, SETTINGS);
    expect(buttons[0]?.[1]).toBe(c.inText);
    expect(buttons[1]?.[1]).toBe(c.gbt);
    expect(parseBibtex(buttons[2]?.[1] ?? '').entries[0]?.fields.note).toBe(c.pinpoint);
    expect(buttons[3]?.[1]).toContain(`> —— [${c.inText}](${ORIGIN}/c/${CLAUSE})`);
  });
});
