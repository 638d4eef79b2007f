// `npm run search -- <query> [--json] [--limit N] [--offset N] [--doc ID] [--level L] [--region …]`:
// the same search as /api/search, printed for a terminal (or as the API's JSON with --json);
// `--cite gbt|ris|bib|csl` prints every hit as references instead, from the same citation model
// as the web's /references downloads.
import { SEARCH_DEFAULTS } from '../config.js';
import { AppError, quoteValue } from '../errors.js';
import { citeClause } from '../present/citation.js';
import { REFERENCE_FORMATS, renderReferences, searchReferences, type ReferenceFormat } from '../present/references.js';
import type { SearchParams } from '../request/search.js';
import type { Loaded } from './load.js';
import { searchParams } from '../request/search.js';
import { presentSearch, searchJson } from '../present/search-results.js';
import { asParams, parseCliArgs } from './args.js';
import { formatResults, useColor } from './format.js';
import { loadAll } from './load.js';

const USAGE = `用法：npm run search -- <检索式> [--json] [--limit N] [--offset N] [--doc 文档标识] [--level national|province|city|county|none]
                    [--region 省份或全国] [--issuer 发文机关] [--type 文档类型] [--status 状态] [--issued 发文年份]
                    [--cite gbt|ris|bib|csl]
检索式：空格 = 且，| 或 OR = 或，-词 = 排除，"短语" = 整体匹配；筛选项可重复
--cite 输出全部命中条款的参考文献（GB/T 7714 列表、RIS、BibLaTeX 或 CSL-JSON），与网页导出相同；
       网址取自 PUBLIC_ORIGIN，著录版本取自 CITATION_EDITION。`;

const SPEC = { values: ['limit', 'offset', 'doc', 'level', 'region', 'issuer', 'type', 'status', 'issued', 'cite'], flags: [] };

/** The --cite format, checked before the library is loaded. */
function citeFormat(values: string[] | undefined): ReferenceFormat | null {
  if (!values) return null;
  const format = values.at(-1) as string;
  if (!Object.hasOwn(REFERENCE_FORMATS, format)) throw new AppError('PARAM_INVALID', `--cite=${quoteValue(format)}（可选 ${Object.keys(REFERENCE_FORMATS).join('、')}）`);
  return format as ReferenceFormat;
}

function references(loaded: Loaded, o: { search: SearchParams; format: ReferenceFormat }): string {
  const { config } = loaded;
  const settings = { origin: config.publicOrigin ?? '', today: new Date().toISOString().slice(0, 10), edition: config.citationEdition };
  const refs = searchReferences({ library: loaded.library, searcher: loaded.searcher, search: o.search, cite: (c) => citeClause(loaded.library, c, settings) });
  return renderReferences(refs, o.format);
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2), SPEC);
  if (args.help || args.query.length === 0) {
    console.error(USAGE);
    return args.help ? 0 : 2;
  }
  const format = citeFormat(args.values.cite);
  const loaded = await loadAll({ quiet: true });
  const { library, searcher } = loaded;
  const params = searchParams({ limit: String(SEARCH_DEFAULTS.cliLimit), ...asParams(args.values, ['cite']), q: args.query.join(' ') }, library);
  if (format) {
    process.stdout.write(references(loaded, { search: params, format }));
    return 0;
  }
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
