// Security of the web app: a strict CSP and other headers on every response, no inline script
// or style in any page (so the CSP needs no exceptions), static files only from public/
// whatever the path says, and no stack trace or internal message outside development.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { createApp } from '../../src/web/app.js';
import { CHENGDU, realApp, realLibrary, realSearcher } from '../helpers.js';

const app = realApp();
const library = realLibrary();
const clauseId = library.clausesOf(CHENGDU)[8]?.id as string;
const PAGES = [
  '/',
  '/themes',
  '/themes/hydrogen',
  '/policies',
  '/targets',
  '/targets/non-fossil-share',
  `/docs/${CHENGDU}?hl=加氢站`,
  `/c/${clauseId}`,
  '/search?q=加氢站',
  '/search',
  '/compare?theme=hydrogen',
  '/compare',
  '/no/such/page',
  '/search?q=-氢',
];

describe('headers', () => {
  it('every page and API answer carries a strict CSP, nosniff, no framing and a referrer policy', async () => {
    for (const url of [...PAGES, '/api/docs', '/api/search?q=碳', '/api/nope', '/static/style.css', '/healthz']) {
      const res = await request(app).get(url);
      const csp = res.headers['content-security-policy'] ?? '';
      expect(csp, url).toContain("default-src 'none'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("style-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).toContain("base-uri 'none'");
      expect(csp, url).not.toMatch(/unsafe-inline|unsafe-eval|\*/u);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('the CSP does not upgrade requests: the default server is plain HTTP on 127.0.0.1', async () => {
    const res = await request(app).get('/');
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});

describe('pages need no CSP exception', () => {
  it('no page has an inline script, an inline event handler, a style attribute or a <style> element', async () => {
    for (const url of PAGES) {
      const html = (await request(app).get(url)).text;
      const scripts = [...html.matchAll(/<script\b[^>]*>/giu)].map((m) => m[0]);
      for (const tag of scripts) expect(tag, url).toMatch(/\ssrc="\/static\/[^"]+"/u);
      expect(html, url).not.toMatch(/<[^>]+\son[a-z]+\s*=/iu);
      expect(html, url).not.toMatch(/<[^>]+\sstyle\s*=/iu);
      expect(html, url).not.toMatch(/<style\b/iu);
      expect(html, url).not.toMatch(/javascript:/iu);
    }
  });
});

describe('static files', () => {
  const publicDir = path.join(PROJECT_ROOT, 'public');
  const publicFiles = fs.readdirSync(publicDir).map((f) => fs.readFileSync(path.join(publicDir, f)));
  const secrets = ['package.json', 'src/config.ts', 'tsconfig.json'].map((f) => fs.readFileSync(path.join(PROJECT_ROOT, f)));

  const TRAVERSALS = [
    '/static/../package.json',
    '/static/..%2fpackage.json',
    '/static/..%2Fpackage.json',
    '/static/%2e%2e/package.json',
    '/static/%2e%2e%2fpackage.json',
    '/static/..%5cpackage.json',
    '/static/..\\package.json',
    '/static/%252e%252e%252fpackage.json',
    '/static/....//package.json',
    '/static/.%2e/.%2e/package.json',
    '/static/%c0%ae%c0%ae/package.json',
    '/static/%2fetc%2fpasswd',
    '/static//etc/passwd',
    '/static/style.css%00.json',
    '/static/style.css/../../package.json',
    '/static/.gitkeep',
    '/static/',
    '/static',
  ];

  it.each(TRAVERSALS)('%s is not served from outside public/', async (url) => {
    const res = await request(app).get(url).buffer(true);
    expect([400, 404]).toContain(res.status);
    const body = Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.text ?? '');
    for (const secret of secrets) expect(body.includes(secret.subarray(0, 60))).toBe(false);
  });

  it('property: any path under /static answers 200 only with the bytes of a file in public/', async () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2e', '%2f', '%5c', '%00', '%252e', 'style.css', 'copy.js', 'favicon.svg', '..%2f', '%c0%af', '~', 'package.json', 'src', 'etc', 'passwd', ''),
      fc.string({ maxLength: 6 }).map(encodeURIComponent),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 6 }), async (parts) => {
        const res = await request(app)
          .get(`/static/${parts.join('/')}`)
          .buffer(true);
        expect(res.status).toBeLessThan(500);
        if (res.status === 200) {
          const body = Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.text);
          expect(publicFiles.some((f) => f.equals(body))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('errors outside development', () => {
  afterEach(() => vi.restoreAllMocks());
  const failing = (development: boolean) => {
    const searcher = realSearcher();
    const broken = {
      ...searcher,
      search: () => {
        throw new TypeError('secret internal detail at /srv/app/engine.ts:12');
      },
    };
    return createApp({ library, searcher: broken, development });
  };

  it('a crash in a handler is a 500 with code INTERNAL and no stack or message, in JSON and HTML', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = failing(false);
    const json = await request(app).get('/api/search?q=碳').expect(500);
    expect(json.body).toEqual({ error: { code: 'INTERNAL', message: '服务器内部错误' } });
    const html = await request(app).get('/search?q=碳').expect(500);
    expect(html.text).toContain('INTERNAL');
    expect(html.text).not.toContain('secret internal detail');
    expect(html.text).not.toMatch(/\bat .*\.ts:\d+/u);
    expect(html.text).not.toContain('<pre class="detail"');
    // The operator still sees it in the log.
    expect(log).toHaveBeenCalled();
  });

  it('in development the page shows the stack, to the developer', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const html = await request(failing(true)).get('/search?q=碳').expect(500);
    expect(html.text).toContain('<pre class="detail"');
    expect(html.text).toContain('secret internal detail');
  });

  it('other methods, bodies and odd headers never give a 5xx', async () => {
    for (const url of ['/', '/api/search?q=碳', '/search?q=碳', `/c/${clauseId}`, '/static/style.css', '/nope']) {
      for (const method of ['post', 'put', 'patch', 'delete', 'options'] as const) {
        const res = await request(app)[method](url).set('Content-Type', 'application/json').send('{"q": [1, {"$gt": ""}], "__proto__": {"x": 1}}');
        expect(res.status, `${method} ${url}`).toBeLessThan(500);
        expect([200, 204, 404, 405]).toContain(res.status);
      }
    }
    const odd = await request(app).get('/search?q=碳').set('Accept', '*/*;q=<script>').set('Accept-Language', '\u00ff'.repeat(100)).set('Cookie', 'a=%zz; b');
    expect(odd.status).toBe(200);
  });

  it('malformed percent-encoding in a path is a 400 page, not a 500', async () => {
    for (const url of ['/docs/%E0%A4%A', '/c/%', '/themes/%zz', '/api/docs/%C0']) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(400);
      expect(res.text).toContain('BAD_REQUEST');
    }
  });
});
