// Per-client request limit by cost, on every route but /healthz, /readyz and static files: a
// token bucket per client, refilled continuously, where a search or a comparison costs more
// than a page. The client table is bounded and least-recently-seen first out, so each request
// costs the same whether 10 or 100,000 clients have been seen; the key is capped in length.
// State is per process: with WEB_CONCURRENCY workers or several instances each counts its own
// share, which is why the limit is a guard against abuse rather than a quota.
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimitOptions {
  /** Tokens per client per minute; a page costs 1. 0 turns the limit off. */
  perMinute: number;
  /** Clients remembered; the least recently seen is forgotten first (it returns with a full bucket). */
  maxClients: number;
  now?: () => number;
}

/** Longest client key kept: an IPv6 address with a zone fits; anything longer is cut. */
const MAX_KEY = 64;

export type CostOf = (req: Request, res: Response) => number;

export function rateLimiter(options: RateLimitOptions, costOf: CostOf = () => 1): (req: Request, res: Response, next: NextFunction) => void {
  const { perMinute, maxClients } = options;
  const now = options.now ?? Date.now;
  // A Map keeps insertion order: re-inserting on each visit makes its first key the least recent.
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  return (req, res, next) => {
    if (perMinute === 0) return next();
    const t = now();
    const key = (req.ip ?? req.socket.remoteAddress ?? 'unknown').slice(0, MAX_KEY);
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
    buckets.delete(key);
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.set(key, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
    const cost = costOf(req, res);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return next();
    }
    const waitSeconds = Math.max(1, Math.ceil((cost - bucket.tokens) / perMs / 1000));
    res.set('Retry-After', String(waitSeconds));
    next(new AppError('RATE_LIMITED', `每分钟最多 ${perMinute} 个请求单位（本次 ${cost} 个），请 ${waitSeconds} 秒后再试`));
  };
}

/**
 * X-Forwarded-For as long as the proxies in front need it: the last `hops` entries (the ones
 * trusted), each cut to an address's length. An 8 KB header from a client is not parsed whole.
 */
export function capForwardedFor(hops: number): (req: Request, _res: Response, next: NextFunction) => void {
  return (req, _res, next) => {
    const xff = req.headers['x-forwarded-for'];
    if (typeof xff === 'string' && xff.length > 0) {
      const tail = xff.slice(-(hops + 1) * (MAX_KEY + 2));
      req.headers['x-forwarded-for'] = tail
        .split(',')
        .slice(-(hops + 1))
        .map((s) => s.trim().slice(0, MAX_KEY))
        .join(', ');
    } else if (Array.isArray(xff)) {
      delete req.headers['x-forwarded-for'];
    }
    next();
  };
}
