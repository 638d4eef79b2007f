// The per-IP limiter on /api/* and /search: RATE_LIMIT_PER_MINUTE requests a minute, refilled
// continuously; 429 with a code in JSON on the API, a Chinese page on /search; 0 turns it off;
// other routes are never limited. The clock is injected, so no test waits.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { realApp } from '../helpers.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('rate limiting', () => {
  it('allows RATE_LIMIT_PER_MINUTE API requests, then answers 429 RATE_LIMITED in JSON with Retry-After', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 3, now: c.now });
    for (let i = 0; i < 3; i++) await request(app).get('/api/search?q=氢能').expect(200);
    const res = await request(app).get('/api/search?q=氢能').expect(429).expect('Content-Type', /json/u);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(res.body.error.message).toContain('每分钟最多 3 次');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(20);
  });

  it('answers the search page with a Chinese 429 page, escaped like every page', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 1, now: c.now });
    await request(app).get('/search?q=氢能').expect(200);
    const res = await request(app).get('/search?q=<script>alert(1)</script>').expect(429).expect('Content-Type', /html/u);
    expect(res.text).toContain('请求过于频繁：每分钟最多 1 次，请');
    expect(res.text).not.toContain('<script>alert(1)</script>');
  });

  it('refills continuously: one request per (60 / limit) seconds comes back', async () => {
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

  it('ignores X-Forwarded-For without TRUST_PROXY, so a client cannot dodge the limit', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 1, now: c.now });
    await request(app).get('/api/docs').set('X-Forwarded-For', '203.0.113.1').expect(200);
    await request(app).get('/api/docs').set('X-Forwarded-For', '203.0.113.9').expect(429);
  });

  it('never limits pages other than search, static files or /healthz', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 1, now: c.now });
    await request(app).get('/api/docs').expect(200);
    await request(app).get('/api/docs').expect(429);
    for (const url of ['/healthz', '/', '/themes', '/targets', '/healthz']) await request(app).get(url).expect(200);
  });

  it('RATE_LIMIT_PER_MINUTE=0 turns it off', async () => {
    const c = clock();
    const app = realApp({ rateLimitPerMinute: 0, now: c.now });
    for (let i = 0; i < 50; i++) await request(app).get('/api/search?q=碳汇').expect(200);
  });
});
