// Security headers for every response: a strict Content-Security-Policy (page scripts and
// styles come only from /static, so an injected tag or attribute can neither run nor style),
// nosniff, no framing, no referrer leaking queries to other sites.
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      // Served over plain HTTP on 127.0.0.1 by default: upgrading requests would break it.
      directives: { ...CONTENT_SECURITY_POLICY, upgradeInsecureRequests: null },
    },
    // Search queries are in URLs; other sites need only the origin.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
