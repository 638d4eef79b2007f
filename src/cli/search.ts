// `npm run search -- <query> [--json] [--limit N] [--offset N] [--doc ID] [--level L]`:
// the same search as /api/search, printed for a terminal (or as the API's JSON with --json).
import { parseArgs } from 'node:util';
import { AppError } from '../errors.js';
import { createSearcher } from '../search/engine.js';
import { searchParams } from '../search/params.js';
import { presentSearch, searchJson } from '../web/search-view.js';
import { formatResults, useColor } from './format.js';
import { loadAll } from './load.js';

const USAGE = `用法：npm run search -- <检索式> [--json] [--limit N] [--offset N] [--doc 文档标识] [--level province|city|county]
检索式：空格 = 且，| 或 OR = 或，-词 = 排除，"短语" = 整体匹配`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      offset: { type: 'string' },
      doc: { type: 'string', multiple: true },
      level: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const { library, opened } = await loadAll({ quiet: true });
  const params = searchParams({ q: positionals.join(' '), limit: values.limit ?? '10', offset: values.offset, doc: values.doc, level: values.level }, library);
  const view = presentSearch({ library, params, outcome: createSearcher(library, opened.index).search(params) });
  console.log(values.json ? JSON.stringify(searchJson(view), null, 2) : formatResults(view, useColor()));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof AppError) console.error(`错误 [${err.code}] ${err.message}`);
    else console.error((err as Error).message);
    process.exit(2);
  },
);
