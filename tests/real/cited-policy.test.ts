// The acceptance case of issue 15 on a published PDF: with the bundled plans and 四川's own
// 实施意见 (file 364 of ../shared/corpus-real, no catalogue entry) in one library, the
// 《中共四川省委 四川省人民政府关于…的实施意见》 the provincial plan cites links to that document,
// and the document's page lists the plans citing it.
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { ingestPath } from '../../src/ingest/corpus.js';
import type { DocumentMeta } from '../../src/ingest/types.js';
import { createApp } from '../../src/web/app.js';
import { CHENGDU, realCorpus, searcherFor, SICHUAN } from '../helpers.js';

const REAL = path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real');
const FILE = '364、四川省关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见.pdf';
const OPINIONS = '关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见';
const CITING_CLAUSE = `${SICHUAN}.preface_1__p_2`;

let library: Library;
let cited: DocumentMeta;

beforeAll(async () => {
  const pdf = await ingestPath({ file: path.join(REAL, FILE), cacheDir: path.join(PROJECT_ROOT, '.cache', 'test-extracted') });
  const bundled = realCorpus();
  library = buildLibrary({ ...bundled, documents: [...bundled.documents, pdf] });
  cited = pdf.meta;
}, 120_000);

describe('四川’s 实施意见 from its published PDF', () => {
  it('is inferred as 四川’s, titled with or without its issuers', () => {
    expect(cited.catalogued).toBe(false);
    expect(cited.title.replace(/\s+/gu, '')).toMatch(new RegExp(`^(?:中共四川省委、?四川省人民政府)?${OPINIONS}$`, 'u'));
    expect(cited.jurisdiction).toBe('四川省');
  });

  it('the provincial plan’s citation of it links to it', () => {
    const clause = library.getClause(CITING_CLAUSE);
    const links = library.enrichment.citationsIn(CITING_CLAUSE).filter((c) => c.doc === cited.id);
    expect(links.map((c) => clause?.text.slice(c.start, c.end))).toEqual([`《中共四川省委四川省人民政府${OPINIONS}》`]);
  });

  it('its citers are the provincial plan and 成都, which cites it too', () => {
    expect(library.enrichment.citersOf(cited.id).map((c) => c.docId)).toEqual([SICHUAN, CHENGDU]);
  });

  it('the pages link both ways', async () => {
    const app = createApp({ library, searcher: searcherFor(library), today: () => '2026-11-21' });
    const clausePage = await request(app)
      .get(`/c/${encodeURIComponent(CITING_CLAUSE)}`)
      .expect(200);
    expect(clausePage.text).toContain(`<a class="cited-doc" href="/docs/${encodeURIComponent(cited.id)}"`);
    const docPage = await request(app)
      .get(`/docs/${encodeURIComponent(cited.id)}`)
      .expect(200);
    expect(docPage.text).toContain('引用本文件的方案（2 份）');
    expect(docPage.text).toContain(`href="/c/${encodeURIComponent(CITING_CLAUSE)}"`);
    const { body } = await request(app)
      .get(`/api/docs/${encodeURIComponent(cited.id)}`)
      .expect(200);
    expect(body.citedBy.map((c: { doc: string }) => c.doc)).toEqual([SICHUAN, CHENGDU]);
  });
});
