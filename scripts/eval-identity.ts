// `npm run eval:identity -- [folder] [labels.json]`: how well the engine tells what each
// document is without a catalogue, field by field, against labels such as the dataset authors'
// ../shared/corpus-real/expected.json. Prints each miss with what was inferred and what the label
// says, then the accuracy per field and the targets; exits 1 when a target is missed.
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { evaluateIdentity, FIELDS, type Field } from './eval/identity.js';

const dir = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real'));
const labels = path.resolve(process.argv[3] ?? path.join(dir, 'expected.json'));
const cacheDir = path.join(PROJECT_ROOT, '.cache', 'eval-extracted');
const clean = (s: string | null) => (s ?? '—').replace(/[\u0000-\u001f\u007f]/gu, '\uFFFD');

/** The accuracy each field must reach (issue 15); type has no target, its classes differ. */
export const TARGETS: Partial<Record<Field, number>> = { title: 0.95, date: 0.95, province: 0.95, city: 0.95, level: 0.95, issuer: 0.9 };
const NAMES: Record<Field, string> = { title: '标题', date: '日期', issuer: '发文机关', province: '省份', city: '城市', level: '层级', docType: '类型' };

const report = await evaluateIdentity({ dir, labels, cacheDir });
for (const row of report.rows) {
  const misses = FIELDS.filter((f) => !row.ok[f]);
  if (misses.length === 0) continue;
  console.log(clean(row.file));
  for (const f of misses) console.log(`  ${NAMES[f]}\t推断 ${clean(row.got[f])}\t标注 ${clean(row.want[f])}${row.printed[f] === false ? '\t（原文未载标注值）' : ''}`);
}
console.log(`\n${report.rows.length} 个文件`);
let failed = false;
for (const f of FIELDS) {
  const acc = report.accuracy[f];
  const target = TARGETS[f];
  const met = target === undefined ? '' : acc >= target ? `  达标（≥${target * 100}%）` : `  未达标（≥${target * 100}%）`;
  if (target !== undefined && acc < target) failed = true;
  const printed = report.rows.filter((r) => r.printed[f] === true);
  const within = printed.length ? `；原文载有标注值者 ${printed.filter((r) => r.ok[f]).length}/${printed.length}（${((printed.filter((r) => r.ok[f]).length / printed.length) * 100).toFixed(1)}%）` : '';
  console.log(`${NAMES[f]}\t${(acc * 100).toFixed(1)}%\t${report.rows.filter((r) => r.ok[f]).length}/${report.rows.length}${within}${met}`);
}
process.exitCode = failed ? 1 : 0;
