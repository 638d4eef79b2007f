// The search area: the results page (/search), its facets, pages and suggestions. The API's
// /api/search answers the same request in JSON (./api.ts).
import express from 'express';
import { searchPage } from '../../present/search-page.js';
import type { RouteContext } from './context.js';

export function searchRouter(ctx: RouteContext): express.Router {
  const router = express.Router();
  router.get('/search', (req, res) => {
    const page = searchPage({ library: ctx.library, searcher: ctx.searcher, raw: req.query });
    res.locals.searchQuery = page.q;
    res.status(page.status).render('search', page);
  });
  return router;
}
