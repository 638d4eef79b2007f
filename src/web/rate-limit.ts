// Per-client request limit for the routes that cost real work (/api/*, /search): a token bucket
// per IP, refilled continuously, so a burst of a minute's allowance is fine and a steady flood
// is not. State is per process: with WEB_CONCURRENCY workers or several instances, each counts
// its own share, which is why the limit is a guard against abuse rather than a quota.
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets idle for this long are full again and can be forgotten. */
const IDLE_MS = 60_000;
/** Forget idle buckets when the table grows past this many clients. */
const SWEEP_AT = 10_000;

export function rateLimiter(options: { perMinute: number; now?: () => number }): (req: Request, res: Response, next: NextFunction) => void {
  const { perMinute } = options;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  const sweep = (t: number) => {
    for (const [ip, b] of buckets) if (t - b.at >= IDLE_MS) buckets.delete(ip);
  };
  return (req, res, next) => {
    if (perMinute === 0) return next();
    const t = now();
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    if (buckets.size >= SWEEP_AT) sweep(t);
    const bucket = buckets.get(ip) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.set(ip, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return next();
    }
    const waitSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    res.set('Retry-After', String(waitSeconds));
    next(new AppError('RATE_LIMITED', `每分钟最多 ${perMinute} 次，请 ${waitSeconds} 秒后再试`));
  };
}
