// The per-client limiter by cost on every route but the health checks and static files:
// RATE_LIMIT_PER_MINUTE units a minute, refilled continuously, a page costing 1 and a search,
// comparison or targets table 5; 429 with a code in JSON on the API, a Chinese page elsewhere;
// 0 turns it off. The client table is bounded, least recently seen first out, and X-Forwarded-For
// is capped before use. The clock is injected, so no test waits.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { rateLimiter } from '../../src/web/rate-limit.js';
import { realApp } from '../helpers.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('rate limiting by cost', () => {
  it('a search costs 5 units: RATE_LIMIT_PER_MINUTE=15 allows 3, then 429 RATE_LIMITED in JSON with Retry-After', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 15, now: c.now });
    for (let i = 0; i < 3; i++) await request(app).get('/api/search?q=氢能').expect(200);
    const res = await request(app).get('/api/search?q=氢能').expect(429).expect('Content-Type', /json/u);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(res.body.error.message).toContain('每分钟最多 15 个请求单位（本次 5 个）');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(20);
    // A page costs 1: the 0 units left do not allow it either, but a minute refills them all.
    c.advance(60_000);
    await request(app).get('/api/search?q=氢能').expect(200);
  });

  it('answers a page with a Chinese 429 page, escaped like every page', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 5, now: c.now });
    await request(app).get('/search?q=氢能').expect(200);
    const res = await request(app).get('/search?q=<script>alert(1)</script>').expect(429).expect('Content-Type', /html/u);
    expect(res.text).toContain('请求过于频繁：每分钟最多 5 个请求单位（本次 5 个），请');
    expect(res.text).not.toContain('<script>alert(1)</script>');
  });

  it('regression: /compare, /compare.csv, /targets.csv and /docs?hl= were unlimited', async () => {
    for (const url of ['/compare?q=氢能', '/compare.csv?q=氢能', '/targets.csv', '/docs/chengdu-carbon-peak-2024?hl=氢能', '/targets', '/themes', '/']) {
      const app = realApp({ rateLimitPerMinute: 1, now: clock().now });
      const first = await request(app).get(url);
      const second = await request(app).get(url);
      expect([first.status, second.status], url).toContain(429);
    }
  });

  it('refills continuously: one unit per (60 / limit) seconds comes back', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 2, now: c.now });
    await request(app).get('/api/docs').expect(200);
    await request(app).get('/api/docs').expect(200);
    await request(app).get('/api/docs').expect(429);
    c.advance(29_000);
    await request(app).get('/api/docs').expect(429);
    c.advance(1_000);
    await request(app).get('/api/docs').expect(200);
    await request(app).get('/api/docs').expect(429);
  });

  it('counts each client IP separately (behind TRUST_PROXY hops, by X-Forwarded-For)', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 1, trustProxy: 1, now: c.now });
    await request(app).get('/api/docs').set('X-Forwarded-For', '203.0.113.1').expect(200);
    await request(app).get('/api/docs').set('X-Forwarded-For', '203.0.113.1').expect(429);
    await request(app).get('/api/docs').set('X-Forwarded-For', '203.0.113.2').expect(200);
  });

  it('regression: an 8 KB X-Forwarded-For is cut to the trusted hops before use', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 1, trustProxy: 1, now: c.now });
    const long = `${'9.9.9.9,'.repeat(1000)}203.0.113.7`;
    await request(app).get('/api/docs').set('X-Forwarded-For', long).expect(200);
    // The same client (its last hop) is recognised through the capped header.
    await request(app).get('/api/docs').set('X-Forwarded-For', '203.0.113.7').expect(429);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY, so a client cannot dodge the limit', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 1, now: c.now });
    await request(app).get('/api/docs').set('X-Forwarded-For', '203.0.113.1').expect(200);
    await request(app).get('/api/docs').set('X-Forwarded-For', '203.0.113.9').expect(429);
  });

  it('never limits /healthz, /readyz or static files', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 1, now: c.now });
    await request(app).get('/api/docs').expect(200);
    await request(app).get('/api/docs').expect(429);
    for (const url of ['/healthz', '/readyz', '/static/style.css', '/healthz']) await request(app).get(url).expect(200);
  });

  it('RATE_LIMIT_PER_MINUTE=0 turns it off', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 0, now: c.now });
    for (let i = 0; i < 50; i++) await request(app).get('/api/search?q=碳汇').expect(200);
  });

  it('property: the client table never holds more than maxClients, and the least recently seen goes first', () => {
    const c = clock();
    const limit = rateLimiter({ perMinute: 1, maxClients: 100, now: c.now });
    const outcome = (ip: string) => {
      let status = 200;
      const req = { ip, socket: {} } as never;
      const res = { set: () => undefined } as never;
      limit(req, res, (err?: unknown) => {
        if (err) status = 429;
      });
      return status;
    };
    expect(outcome('client-0')).toBe(200);
    for (let i = 1; i <= 20_000; i++) outcome(`client-${i}`);
    // client-0 was forgotten long ago: it comes back with a full bucket.
    expect(outcome('client-0')).toBe(200);
    // The most recent client is still remembered, with its bucket spent.
    expect(outcome('client-20000')).toBe(429);
  });
});
