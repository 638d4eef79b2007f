// The real server (a child process) on a hostile corpus folder (issue 16): the symlink to a plan
// outside the folder is refused and never served, the late NUL reaches neither the reader's HTML
// nor the CSV nor the API, no clause of the 5 MB line's plan is over the limit, and the log names
// the escape-sequence file without the escape.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_LIMITS } from '../../src/config.js';
import { tempDir } from '../helpers.js';
import { getJson, startLoggedServer, type LoggedServer } from '../index/process-helpers.js';
import { ESC_NAME, hostileCorpus, LATE_NUL_WORDS, MAX_FILE_MB, SECRET_MARK } from './hostile-corpus.js';

interface ApiDoc {
  clauses: { id: string; text: string }[];
}

describe('the server on a hostile corpus folder', () => {
  let server: LoggedServer | null = null;
  const url = (p: string) => `${server?.url}${p}`;
  beforeAll(async () => {
    server = await startLoggedServer({ CORPUS_DIR: hostileCorpus().dir, INDEX_DIR: path.join(tempDir(), 'index'), MAX_FILE_MB }, 120_000);
  }, 130_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('regression: served a symlink to a file outside the corpus as a document; now refuses it, names it, and serves nothing of it', async () => {
    const { docs } = await getJson<{ docs: { id: string; file?: string }[] }>(url('/api/docs'));
    expect(docs.map((d) => d.id).sort()).toEqual(['31mred-868d88ae', 'chengdu-carbon-peak-2024', 'late-nul', 'long-line']);
    const search = await getJson<{ total: number }>(url(`/api/search?q=${encodeURIComponent(SECRET_MARK)}`));
    expect(search.total).toBe(0);
    const home = await (await fetch(url('/'))).text();
    expect(home).toMatch(/<code>p\.txt<\/code>[^<]*FILE_OUTSIDE_CORPUS/u);
    expect(home).toMatch(/<code>big\.txt<\/code>[^<]*FILE_TOO_LARGE/u);
    expect(home).not.toContain(SECRET_MARK);
    expect(server?.log()).toContain('[FILE_OUTSIDE_CORPUS]');
  });

  it('regression: a NUL after the first 64 KB reached HTML and CSV raw; now neither the reader, the CSV nor the API has it', async () => {
    const html = await (await fetch(url('/docs/late-nul'))).text();
    expect(html).toContain(LATE_NUL_WORDS);
    const csv = await fetch(url(`/compare.csv?q=${encodeURIComponent(LATE_NUL_WORDS)}`));
    expect(csv.status).toBe(200);
    const csvText = await csv.text();
    expect(csvText).toContain(LATE_NUL_WORDS);
    const api = await (await fetch(url('/api/docs/late-nul'))).text();
    for (const body of [html, csvText, api]) {
      expect(body).not.toContain('\u0000');
      expect(body).not.toMatch(/\\u0000|&#0;|&#x0;/iu);
    }
  });

  it('serves the plan with one 5 MB line as clauses within the limit', async () => {
    const doc = await getJson<ApiDoc>(url('/api/docs/long-line'));
    expect(doc.clauses.length).toBeGreaterThan(400);
    for (const c of doc.clauses) expect(c.text.length).toBeLessThanOrEqual(CORPUS_LIMITS.maxClauseChars);
  });

  it("regression: the start-up log printed a file name's escape sequence raw; now it shows U+FFFD", () => {
    const log = server?.log() ?? '';
    expect(log).toContain('\uFFFD[31mred.txt');
    expect(log).not.toContain(ESC_NAME);
    expect(log).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/u);
  });
});
