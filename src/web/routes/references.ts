// Exports of citations: reference-manager files (/references.ris, .bib, .json) and a GB/T 7714
// reference list (/references.txt) for one clause
// (clause=), one document (doc=) or every hit of a search (q= with the search filters), and the
// whole result set as a spreadsheet (/search.xlsx), all rendered from the citation model.
import express from 'express';
import { AppError } from '../../errors.js';
import { searchFrom } from '../../request/search.js';
import { REFERENCE_FORMATS, renderReferences, searchReferences, type Reference, type ReferenceFormat } from '../../present/references.js';
import { findClause, findDoc, sendWorkbook, type RouteContext } from './context.js';
import { searchTable } from '../../present/downloads.js';
import type { ClauseCitation } from '../../present/citation.js';
import { file, paramsOf } from './takes.js';

const EXTENSION_FORMAT: Record<string, ReferenceFormat> = { ris: 'ris', bib: 'bib', json: 'csl', txt: 'gbt' };

export function referencesRouter(ctx: RouteContext): express.Router {
  const { library, searcher } = ctx;
  const router = express.Router();

  const referencesOf = (p: ReturnType<typeof paramsOf<'references'>>): { refs: Reference[]; name: string } => {
    if (p.clause) return { refs: [ctx.citeClause(findClause(library, p.clause))], name: p.clause };
    if (p.q) return { refs: searchReferences({ library, searcher, search: searchFrom(p, library), cite: ctx.citeClause }), name: 'search' };
    const [doc] = p.doc ?? [];
    if (doc && (p.doc ?? []).length === 1) return { refs: [ctx.citeDoc(findDoc(library, doc))], name: doc };
    throw new AppError('PARAM_INVALID', 'clause、doc（一份）或 q（至少给出一个）');
  };

  // Every hit of a search as a spreadsheet: one row per clause, typed, with its legal pinpoint.
  router.get('/search.xlsx', file('references'), (req, res, next) => {
    const p = paramsOf(res, 'references');
    if (!p.q) throw new AppError('PARAM_INVALID', 'q（检索词）');
    const { refs } = referencesOf({ ...p, clause: undefined });
    const about = ctx.aboutDownload(req, { title: `检索：${p.q}`, query: req.originalUrl.split('?')[1] ?? '' });
    sendWorkbook(res, { file: 'search.xlsx', tables: [searchTable(library, refs as ClauseCitation[])], about }).catch(next);
  });

  router.get(/^\/references\.(ris|bib|json|txt)$/u, file('references'), (req, res) => {
    const format = EXTENSION_FORMAT[(req.params as Record<string, string>)[0] as string] as ReferenceFormat;
    const { refs, name } = referencesOf(paramsOf(res, 'references'));
    const spec = REFERENCE_FORMATS[format];
    res.set('Content-Type', spec.type);
    res.set('Content-Disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/gu, '_')}.${spec.extension}"`);
    res.send(renderReferences(refs, format));
  });
  return router;
}
