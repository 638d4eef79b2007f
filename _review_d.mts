import { searcher, norms, clauses } from './_review_harness.mts';
import { parseQuery } from './src/search/query.js';
import { AppError } from './src/errors.js';
import { snippetHtml } from './src/search/snippet.js';
const pool = ['碳','达','峰','"','＂','|','｜','-','－',' ','　','\n','\t','O','R','OR','or','c','C','Ｃ','e','\u0301','é','𠀀','😀','\u200b','\u00ad','\ufeff','加','氫','站','2','0','5','年','%','％','<','>','&','(',')','（','）','.','\ud800','\udc00','㎡','①','ﬁ','İ','ẞ'];
let errs = 0;
for (let k = 0; k < 200000; k++) {
  const len = 1 + Math.floor(Math.random() * 10);
  let q = '';
  for (let i = 0; i < len; i++) q += pool[Math.floor(Math.random() * pool.length)];
  try {
    const query = parseQuery(q);
    const out = searcher.search({ query, limit: 5, offset: 0 });
    for (const h of out.hits) snippetHtml(h.entry.clause.text, h.entry, h.matches);
  } catch (e) {
    if (e instanceof AppError) continue;
    errs++; if (errs < 10) console.log('CRASH', JSON.stringify(q), (e as Error).stack?.split('\n').slice(0,3).join(' | '));
  }
}
console.log('errs', errs);
