// A corpus folder as a careless maintainer or an attacker leaves it (issue 16): one good plan
// beside a symlink to a plan outside the folder, a file over MAX_FILE_MB=6, a file named with an
// escape sequence, a plan with a NUL after its first 64 KB and a plan with one 5 MB line. Used by
// the real `npm run index` (tests/cli) and the real server (tests/ingest).
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULTS } from '../../src/config.js';
import { tempDir } from '../helpers.js';

export const GOOD = 'chengdu-carbon-peak-2024.txt';
/** Words only the plan outside the folder has: found anywhere, the link was followed. */
export const SECRET_MARK = '外部机密县';
export const ESC_NAME = '\u001b[31mred.txt';
/** MAX_FILE_MB for these runs: big.txt is 6.5 MB, the 5 MB line's plan is within it. */
export const MAX_FILE_MB = '6';
export const LATE_NUL_SENTENCE = '（三）工作原则。坚持节约优先。';
/** The words around the NUL, as they read in normalised text too. */
export const LATE_NUL_WORDS = '坚持节约优先';

const SENTENCE = '到2025年，全市非化石能源消费比重达到45%左右，单位地区生产总值二氧化碳排放比2020年下降19%。';

export function hostileCorpus(): { dir: string; longLine: string } {
  const dir = tempDir();
  fs.copyFileSync(path.join(DEFAULTS.corpusDir, GOOD), path.join(dir, GOOD));
  const outside = path.join(tempDir(), 'secret.txt');
  fs.writeFileSync(outside, `${SECRET_MARK}碳达峰实施方案\n\n一、总体要求\n\n（一）指导思想。${SECRET_MARK}坚持稳中求进。\n`);
  fs.symlinkSync(outside, path.join(dir, 'p.txt'));
  fs.writeFileSync(path.join(dir, 'big.txt'), `某镇碳达峰实施方案\n\n一、总体要求\n\n${'\n'.repeat(6.5 * 1024 * 1024)}`);
  fs.writeFileSync(path.join(dir, ESC_NAME), '某乡碳达峰实施方案\n\n一、总体要求\n\n（一）指导思想。坚持稳中求进。\n');
  const filler = '（二）主要目标。到2025年，非化石能源消费比重达到40%左右。\n\n'.repeat(2000);
  fs.writeFileSync(path.join(dir, 'late-nul.txt'), `某区碳达峰实施方案\n\n一、总体要求\n\n${filler}${LATE_NUL_SENTENCE.replace('节约', '节\u0000约')}\n`);
  const longLine = SENTENCE.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(SENTENCE)));
  fs.writeFileSync(path.join(dir, 'long-line.txt'), `某市碳达峰实施方案\n\n一、总体要求\n\n（一）指导思想。坚持稳中求进。\n\n${longLine}\n\n二、主要目标\n\n到2030年实现碳达峰。\n`);
  return { dir, longLine };
}
