// Recorded answers: the status, content type and bytes of every page, API answer and download
// for a fixed set of about a thousand requests over the bundled corpus, kept as SHA-256 digests
// in tests/golden/responses.json. A refactoring (issue 17) must leave every one byte-identical.
// When a change is meant to alter what is served, re-record and review the list of paths that
// changed:  GOLDEN_RECORD=1 npx vitest run tests/web/golden.test.ts
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/library/library.js';
import { QUERY_MIX } from '../../scripts/bench/queries.js';
import { realApp, realLibrary } from '../helpers.js';

const FILE = path.join(import.meta.dirname, '..', 'golden', 'responses.json');
const enc = encodeURIComponent;

/** The requests: every route, every document, theme and indicator, clauses and queries sampled. */
function goldenPaths(library: Library): string[] {
  const paths = ['/', '/docs', '/policies', '/themes', '/targets', '/targets.csv', '/targets.json', '/search', '/compare'];
  paths.push('/api/docs', '/api/policies', '/api/themes', '/api/targets', '/api/indicators', '/healthz', '/readyz');
  paths.push('/nope', '/api/nope', '/docs/nope', '/api/docs/nope', '/c/nope', '/themes/nope', '/targets/nope', '/static/nope.css');
  for (const d of library.documents) {
    paths.push(`/docs/${d.id}`, `/api/docs/${d.id}`, `/docs/${d.id}?hl=${enc('碳达峰|氢能')}`);
    library.clausesOf(d.id).forEach((c, i) => {
      if (i % 9 === 0) paths.push(`/c/${c.id}`, `/api/clauses/${c.id}`);
    });
  }
  for (const t of library.enrichment.taxonomy.themes) paths.push(`/themes/${t.id}`, `/api/themes/${t.id}`, `/compare?theme=${t.id}`, `/compare.csv?theme=${t.id}`);
  for (const x of library.enrichment.indicators.indicators) paths.push(`/targets/${x.id}`);
  for (const { q } of QUERY_MIX) paths.push(`/search?q=${enc(q)}`, `/api/search?q=${enc(q)}`);
  const variants = [
    '/search?q=氢能&page=2',
    '/search?q=碳&limit=50',
    '/search?q=氢能&level=city',
    '/search?q=氢能&theme=hydrogen',
    '/search?q=氢能&doc=chengdu-carbon-peak-2024',
    '/search?q=光伏&expand=1',
    '/search?q=碳达峰 -碳中和',
    '/search?q="海绵城市"',
    '/search?q=氢能|加氢站',
    '/search?q=',
    '/search?q=%E2%80%8B',
    '/search?q=氢能&page=0',
    '/search?q=氢能&limit=abc',
    '/search?q=氢能&bogus=1',
    '/api/search?q=氢能&limit=1000',
    '/api/search?q=氢能&page=99',
    '/api/search?q=氢能&bogus=1',
    '/api/search?q=的|年|和|在|发|展|能|源|碳|推|进|建|设|加|强|业|产|区|市|化|多',
    '/compare?q=加氢站',
    '/compare?q=氢能&docs=chengdu-carbon-peak-2024,quxian-carbon-peak-revised',
    '/compare.csv?q=氢能',
    '/docs?region=四川省&level=city',
    '/docs?type=实施方案',
    '/api/docs?level=county',
    '/targets?theme=hydrogen',
    '/targets?level=city',
    '/api/targets?indicator=non-fossil-share',
  ];
  paths.push(...variants.map((p) => p.replace(/[^\x21-\x7e]/gu, (ch) => enc(ch))));
  return paths;
}

interface Recorded {
  status: number;
  type: string;
  bytes: number;
  sha256: string;
}

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer(realApp());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function answer(p: string): Promise<Recorded> {
  const res = await fetch(base + p, { redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: body.length, sha256: crypto.createHash('sha256').update(body).digest('hex') };
}

describe('recorded answers', () => {
  it('every recorded request answers byte-identically', async () => {
    const paths = goldenPaths(realLibrary());
    const now: Record<string, Recorded> = {};
    for (const p of paths) now[p] = await answer(p);
    if (process.env.GOLDEN_RECORD === '1') {
      fs.mkdirSync(path.dirname(FILE), { recursive: true });
      fs.writeFileSync(FILE, `${JSON.stringify(now, null, 1)}\n`);
    }
    const recorded = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, Recorded>;
    expect(Object.keys(now).sort()).toEqual(Object.keys(recorded).sort());
    const changed = paths.filter((p) => JSON.stringify(now[p]) !== JSON.stringify(recorded[p]));
    expect(changed, `changed: ${changed.slice(0, 20).join(' ')}`).toEqual([]);
    // The set covers successes and refusals, pages, API answers and downloads.
    const statuses = new Set(Object.values(recorded).map((r) => r.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400, 404]));
    expect(paths.length).toBeGreaterThan(500);
  }, 300_000);
});
