// `npm run search -- <query> [--json] [--limit N] [--offset N] [--doc ID] [--level L] [--region …]`:
// the same search as /api/search, printed for a terminal (or as the API's JSON with --json).
import { SEARCH_DEFAULTS } from '../config.js';
import { AppError } from '../errors.js';
import { searchParams } from '../request/search.js';
import { presentSearch, searchJson } from '../present/search-results.js';
import { asParams, parseCliArgs } from './args.js';
import { formatResults, useColor } from './format.js';
import { loadAll } from './load.js';

const USAGE = `用法：npm run search -- <检索式> [--json] [--limit N] [--offset N] [--doc 文档标识] [--level national|province|city|county|none]
                    [--region 省份或全国] [--issuer 发文机关] [--type 文档类型] [--status 状态] [--issued 发文年份]
检索式：空格 = 且，| 或 OR = 或，-词 = 排除，"短语" = 整体匹配；筛选项可重复`;

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help || args.query.length === 0) {
    console.error(USAGE);
    return args.help ? 0 : 2;
  }
  const { library, searcher } = await loadAll({ quiet: true });
  const params = searchParams({ limit: String(SEARCH_DEFAULTS.cliLimit), ...asParams(args.values), q: args.query.join(' ') }, library);
  const view = presentSearch({ library, params, outcome: searcher.search(params) });
  console.log(args.json ? JSON.stringify(searchJson(view), null, 2) : formatResults(view, useColor()));
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
