// `npm run targets -- [--indicator ID] [--doc ID] [--year Y] [--level L] [--region …] [--csv | --json] [--list]`:
// the targets table of /targets on the terminal, or the same CSV and JSON as the downloads.
// Needs no search index, so it never loads jieba.
import { AppError } from '../errors.js';
import { readParams } from '../request/params.js';
import { targetSelectionFrom } from '../request/targets.js';
import { indicatorSummaries, selectTargets, verticalChecks } from '../search/targets/index.js';
import { tableCsv } from '../present/table.js';
import { figureLabel, RELATION_LABELS, targetRecord, targetsJson, targetsTable, type TargetRecord } from '../present/target-table.js';
import { asParams, parseCliArgs } from './args.js';
import { printable } from './format.js';
import { loadLibrary } from './load.js';

const USAGE = `用法：npm run targets -- [--indicator 指标标识] [--doc 文档标识] [--year 年份] [--level national|province|city|county]
                     [--obligation binding|strive|guiding|exploratory|none]
                     [--region 省份或全国] [--issuer 发文机关] [--type 文档类型] [--status 状态] [--issued 发文年份]
                     [--sort indicator|doc|year|value] [--order asc|desc] [--csv | --json] [--list]
--list 列出全部指标及其目标数；--csv / --json 输出与网页下载相同的数据（含引用和固定链接）。`;

const SPEC = { values: ['indicator', 'doc', 'year', 'level', 'obligation', 'region', 'issuer', 'type', 'status', 'issued', 'sort', 'order', 'origin'], flags: ['csv', 'list'] };

function table(records: TargetRecord[]): string {
  const lines = records.map((r) =>
    [r.indicatorLabel, r.jurisdiction ?? r.doc, r.year ?? '—', figureLabel(r), r.qualifier ?? '', r.province ? `省级 ${r.province.label}${r.province.relation ? ` ${RELATION_LABELS[r.province.relation]}` : ''}` : '', r.citation].join('\t'),
  );
  return [['指标', '地区', '年份', '目标', '限定', '省级对照', '出处'].join('\t'), ...lines].join('\n');
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2), SPEC);
  if (args.help || args.query.length > 0) {
    console.error(USAGE);
    return args.help ? 0 : 2;
  }
  const { library, config } = await loadLibrary({ quiet: true });
  if (args.flags.has('list')) {
    for (const s of indicatorSummaries(library)) console.log(printable(`${s.id}\t${s.label}\t${s.count}`));
    return 0;
  }
  const { query, identity, targets } = selectTargets(library, targetSelectionFrom(readParams('targets', asParams(args.values, ['origin']), { strict: true }), library));
  const checks = verticalChecks(library);
  const origin = args.values.origin?.[0] ?? config.publicOrigin ?? `http://${config.host}:${config.port}`;
  const records = targets.map((target) => targetRecord({ library, target, check: checks.get(target.id), origin }));
  if (args.flags.has('csv')) process.stdout.write(tableCsv(targetsTable(records)));
  else if (args.json) console.log(JSON.stringify(targetsJson(query, records, identity), null, 2));
  else console.log(printable(table(records)));
  return 0;
}

// `npm run targets | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

try {
  process.exitCode = await main();
} catch (err) {
  if (err instanceof AppError) console.error(`错误 [${err.code}] ${err.message}`);
  else console.error((err as Error).message);
  process.exitCode = 2;
}
