// Every route declares the parameters it takes (src/request/params.ts) and they are checked
// before it runs; the API and downloads also refuse unknown ones. Handlers read the checked
// values with paramsOf(res, kind).
import type { RequestHandler, Response } from 'express';
import { readParams, type ParamKind, type ParamsOf } from '../../request/params.js';

// `any` route parameters: a typed middleware would override the path's own (:id) in the handler.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
function takes(kind: ParamKind, options: { strict: boolean; json: boolean }): RequestHandler<any> {
  return function checkParams(req, res, next) {
    // Set first: errors, the parameters' own among them, answer in the route's format.
    res.locals.json = options.json;
    const p = readParams(kind, req.query as Record<string, unknown>, options) as { q?: string; hl?: string };
    res.locals.params = p;
    res.locals.searchQuery = p.q ?? p.hl ?? '';
    next();
  };
}

/** JSON answers, unknown parameters refused. */
export const api = (kind: ParamKind) => takes(kind, { strict: true, json: true });
/** Downloads: unknown parameters refused, errors as pages (a link opened in the browser). */
export const file = (kind: ParamKind) => takes(kind, { strict: true, json: false });
/** Pages: unknown parameters (tracking tags on shared links) ignored. */
export const page = (kind: ParamKind) => takes(kind, { strict: false, json: false });

export const paramsOf = <K extends ParamKind>(res: Response, _kind: K) => res.locals.params as ParamsOf<K>;
