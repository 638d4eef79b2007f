// Issue 16, attacks 2 and 7, against the real server in a child process: a plan with one 5 MB
// line made a 20-term OR query take 80 s, and expand=1 turned 20 typed terms into 340. The
// server builds its index from a temp corpus (the bundled plans plus that plan) and must answer
// each query within 2 s, a correctness bound on a pathological input rather than a benchmark,
// with expand=1 inside the term limit.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, SEARCH_DEFAULTS } from '../../src/config.js';
import { tempDir } from '../helpers.js';
import { copyCorpus, startLoggedServer, type LoggedServer } from '../index/process-helpers.js';

const TWENTY_OR = '的|年|和|在|发|展|能|源|碳|排|放|建|设|推|进|绿|色|低|业|工';
const BOUND_MS = 2000;
const WHOLE_PLAN_BOUND_MS = 5000;

/** One line of the bundled plans' sentences in a fixed scrambled order, at least 5 MB of UTF-8. */
function fiveMegabyteLine(): string {
  const text = fs
    .readdirSync(DEFAULTS.corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(DEFAULTS.corpusDir, f), 'utf8'))
    .join('\n');
  // Whole sentences, without their numbering, so the line does not parse into many clauses.
  const sentences = text
    .split(/(?<=[。；])/u)
    .map((s) => s.replace(/\s+/gu, ''))
    .filter((s) => s.length > 8 && !/^[一二三四五六七八九十（(0-9]/u.test(s));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const s = sentences[(i * 7919) % sentences.length] as string;
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  return parts.join('');
}

/** Theme-naming terms, one per theme, as many as a query may hold. */
function twentyThemeTerms(): string {
  const yaml = fs.readFileSync(path.join(DEFAULTS.corpusDir, DEFAULTS.themesName), 'utf8');
  const firsts = [...yaml.matchAll(/include: \[([^,\]]+)/gu)].map((m) => (m[1] as string).trim());
  return [...new Set(firsts)].slice(0, SEARCH_DEFAULTS.maxTerms).join(' ');
}

async function timedGet(url: string): Promise<{ status: number; ms: number; body: string }> {
  const start = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  return { status: res.status, ms: performance.now() - start, body };
}

describe('a plan with a 5 MB line, served by the real server', () => {
  let server: LoggedServer | null = null;

  beforeAll(async () => {
    const corpusDir = copyCorpus();
    fs.writeFileSync(path.join(corpusDir, 'longline.txt'), `某县碳达峰实施方案\n\n${fiveMegabyteLine()}\n`);
    server = await startLoggedServer({ CORPUS_DIR: corpusDir, INDEX_DIR: path.join(tempDir(), 'index') }, 240_000);
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('answers a 20-term OR query within 2 s, on the API and the results page', async () => {
    const q = encodeURIComponent(TWENTY_OR);
    const api = await timedGet(`${server?.url}/api/search?q=${q}`);
    expect(api.status).toBe(200);
    expect(api.ms).toBeLessThan(BOUND_MS);
    // The long plan's text is among the hits (as one clause, or as the pieces ingest cut it into).
    const found = JSON.parse(api.body) as { facets: { doc: { value: string; count: number }[] } };
    expect(found.facets.doc.find((f) => f.value === 'longline')?.count).toBeGreaterThan(0);
    const page = await timedGet(`${server?.url}/search?q=${q}`);
    expect(page.status).toBe(200);
    expect(page.ms).toBeLessThan(BOUND_MS);
  }, 30_000);

  it('answers expand=1 with 20 typed terms within 2 s, inside the term limit, naming what it left out', async () => {
    const q = encodeURIComponent(twentyThemeTerms());
    const api = await timedGet(`${server?.url}/api/search?q=${q}&expand=1`);
    expect(api.status).toBe(200);
    expect(api.ms).toBeLessThan(BOUND_MS);
    const body = JSON.parse(api.body) as { terms: unknown[]; excluded: unknown[]; expansions: { added: string[]; dropped: string[] }[] };
    expect(body.terms.length + body.excluded.length).toBeLessThanOrEqual(SEARCH_DEFAULTS.maxTerms);
    expect(body.expansions.length).toBeGreaterThan(0);
    expect(body.expansions.every((x) => x.dropped.length > 0)).toBe(true);
    const page = await timedGet(`${server?.url}/search?q=${q}&expand=1`);
    expect(page.status).toBe(200);
    expect(page.ms).toBeLessThan(BOUND_MS);
    expect(page.body).toContain('检索词已达上限，未加入');
  }, 30_000);

  // These pages render the whole 5 MB plan (about 1.3 MB of it matches): 1.2 s and 0.9 s alone on
  // this machine, so they are held to a looser bound than a query's, which the full suite's
  // parallel load cannot break. Paging the reader for such a plan is not done (issue 16's note).
  it('opens the long plan highlighted for the 20-term query, and compares on it, within 5 s each', async () => {
    const q = encodeURIComponent(TWENTY_OR);
    for (const url of [`/docs/longline?hl=${q}`, `/compare?q=${q}`, `/compare.csv?q=${q}`]) {
      const r = await timedGet(`${server?.url}${url}`);
      expect(r.status, url).toBe(200);
      expect(r.ms, url).toBeLessThan(WHOLE_PLAN_BOUND_MS);
    }
  }, 60_000);
});
