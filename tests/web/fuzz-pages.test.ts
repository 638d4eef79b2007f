// Fuzzing every route with hostile input (fast-check): arbitrary Unicode, lone surrogates,
// control characters, 10,000-character values, regex metacharacters, script/ejs/template
// payloads and percent-encoding garbage, in query values, parameter names and path ids.
// No answer may be a 5xx, and no page may carry a payload unescaped.
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CHENGDU, realApp, realLibrary } from '../helpers.js';

const app = realApp();
const library = realLibrary();
const clauseId = library.clausesOf(CHENGDU)[8]?.id as string;

/** Payloads that would do harm if a page carried them raw; each is checked for by itself. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' autofocus onfocus='alert(1)",
  '" autofocus onfocus="alert(1)',
  '<%= process.env.HOME %>',
  '<%- include("/etc/passwd") %>',
  '${process.exit()}',
  '{{constructor.constructor("alert(1)")()}}',
  '</textarea><svg/onload=alert(1)>',
  '<x-fuzz>',
  'javascript:alert(1)',
];
/** What each payload looks like raw in HTML: present only if it was not escaped. */
const RAW_MARKERS = ['<script>alert', '<img src=x', " autofocus onfocus='", '" autofocus onfocus="', '<%=', '<%-', '<svg/onload', '<x-fuzz', '</textarea><'];

const GARBAGE = ['%', '%%', '%zz', '%E0%A4%A', '%uD800', '%00', '%C0%AF', '%ED%A0%80', '%FF%FE', '%2', '+%+', '&&', '==', '&=&', '#frag', '?', '%0D%0ASet-Cookie:x=1'];
const REGEX = ['.*', '(a+)+$', '[', ']', '\\', '^$', '(?=', '{1,}', '|', '||', '*', '+?', '\\u{', '/', '$&', '$1'];
const WORDS = ['加氢站', '碳达峰', '氢能', 'CCER', '海绵城市', '-氢', '"绿色 低碳"', '光伏 | 风电', '2025', '到 2025 年', 'OR', '-'];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) }, // lone surrogates included
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u2028', '\u2029', '\u202e', '\ufeff', '\ud800', '\udfff', '\t', '\n', '\r'), maxLength: 10 }) },
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.constantFrom(...REGEX) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom('碳'.repeat(10_000), 'a '.repeat(5_000), '<'.repeat(10_000), '%'.repeat(10_000)) },
);
const value = fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));

/** Percent-encodes UTF-8 (lone surrogates as U+FFFD, as a browser does); raw garbage stays raw. */
const encode = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const encoded = fc.oneof({ weight: 4, arbitrary: value.map(encode) }, { weight: 1, arbitrary: fc.constantFrom(...GARBAGE) }, { weight: 1, arbitrary: fc.tuple(value.map(encode), fc.constantFrom(...GARBAGE)).map(([a, b]) => a + b) });

interface Route {
  /** The path; `:id` is filled with a real id or fuzz. */
  path: string;
  names: string[];
  ids?: string[];
}
const IDENTITY = ['region', 'issuer', 'type', 'status', 'issued'];
const FILTERS = ['doc', 'level', ...IDENTITY, 'theme', 'policy', 'department'];
const ROUTES: Route[] = [
  { path: '/', names: [] },
  { path: '/search', names: ['q', 'page', 'expand', ...FILTERS] },
  { path: '/api/search', names: ['q', 'limit', 'offset', 'expand', ...FILTERS] },
  { path: '/docs/:id', names: ['hl'], ids: [CHENGDU] },
  { path: '/c/:id', names: ['hl'], ids: [clauseId] },
  { path: '/api/docs/:id', names: [], ids: [CHENGDU] },
  { path: '/api/clauses/:id', names: [], ids: [clauseId] },
  { path: '/themes/:id', names: [], ids: ['hydrogen'] },
  { path: '/api/themes/:id', names: [], ids: ['hydrogen'] },
  { path: '/compare', names: ['theme', 'q', 'docs', 'expand', 'level', ...IDENTITY] },
  { path: '/compare.csv', names: ['theme', 'q', 'docs', 'expand', 'level', ...IDENTITY] },
  { path: '/targets', names: ['indicator', 'doc', 'year', 'level', ...IDENTITY, 'sort', 'order'] },
  { path: '/targets.csv', names: ['indicator', 'doc', 'year', 'level', ...IDENTITY, 'sort', 'order'] },
  { path: '/targets.json', names: ['indicator', 'doc', 'year', 'level', ...IDENTITY, 'sort', 'order'] },
  { path: '/api/targets', names: ['indicator', 'doc', 'year', 'level', ...IDENTITY, 'sort', 'order'] },
  { path: '/targets/:id', names: ['doc', 'year', 'level'], ids: ['non-fossil-share'] },
  { path: '/themes', names: [] },
  { path: '/policies', names: [] },
  { path: '/docs', names: ['level', ...IDENTITY] },
  { path: '/api/docs', names: ['level', ...IDENTITY] },
  { path: '/api/themes', names: [] },
  { path: '/api/indicators', names: [] },
  { path: '/api/policies', names: [] },
  { path: '/healthz', names: [] },
];

const request$ = fc.record({
  route: fc.constantFrom(...ROUTES),
  id: fc.option(encoded, { nil: undefined }),
  pairs: fc.array(fc.tuple(fc.option(fc.constantFrom('q', 'limit', 'doc', 'hl', 'theme', 'sort', 'page'), { nil: undefined }), encoded), { maxLength: 4 }),
  strangeName: fc.option(encoded, { nil: undefined }),
});

/** The raw markers of the payloads that went into a URL. */
const markersIn = (url: string) => {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // garbage stays as typed
  }
  return RAW_MARKERS.filter((m) => decoded.includes(m) || decoded.replace(/\+/gu, ' ').includes(m));
};

async function check(url: string): Promise<void> {
  const res = await request(app).get(url);
  expect(res.status, url.slice(0, 300)).toBeLessThan(500);
  if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) return;
  for (const marker of markersIn(url)) expect(res.text.includes(marker), `${marker} raw in ${url.slice(0, 200)}`).toBe(false);
  // A page is whole: the layout's end is there, so no template died half way.
  expect(res.text).toContain('</html>');
}

function urlOf(r: { route: Route; id?: string; pairs: [string | undefined, string][]; strangeName?: string }): string {
  const id = r.id ?? r.route.ids?.[0] ?? '';
  const names = r.route.names.length ? r.route.names : ['x'];
  const query = r.pairs.map(([name, v], i) => `${name ?? names[i % names.length]}=${v}`);
  if (r.strangeName) query.push(`${r.strangeName}=1`);
  return r.route.path.replace(':id', id) + (query.length ? `?${query.join('&')}` : '');
}

describe('fuzzing every route', () => {
  it('every route × every payload, in each of its parameters and its id: no 5xx, nothing raw', async () => {
    for (const route of ROUTES) {
      for (const payload of [...PAYLOADS, ...GARBAGE.slice(0, 8), '碳'.repeat(10_000), '\ud800x\udc00']) {
        const v = GARBAGE.includes(payload) ? payload : encode(payload);
        for (const name of route.names) await check(urlOf({ route, pairs: [[name, v]] }));
        if (route.ids) await check(route.path.replace(':id', v));
        await check(`${urlOf({ route, pairs: [] })}${route.names.length ? '?' : '?'}${v}=${v}`);
      }
    }
  }, 120_000);

  it('property: random routes, names, values and ids never give a 5xx or raw markup', async () => {
    await fc.assert(
      fc.asyncProperty(request$, async (r) => {
        await check(urlOf(r));
      }),
      { numRuns: 600 },
    );
  }, 120_000);

  it('property: /search and /api/search with real words around hostile text answer, and pages stay escaped', async () => {
    const mixed = fc.tuple(fc.constantFrom(...WORDS), text, fc.constantFrom(...WORDS)).map((parts) => encode(parts.join(' ')));
    await fc.assert(
      fc.asyncProperty(mixed, fc.constantFrom('/search', '/api/search', `/docs/${CHENGDU}`, '/compare'), async (q, path) => {
        await check(`${path}?${path.startsWith('/docs') ? 'hl' : 'q'}=${q}`);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
