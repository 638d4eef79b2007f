// `npm run scale-corpus -- --scale 10 [--seed 1] [--out .bench/corpus-x10]`: writes a synthetic
// corpus N times the bundled one (plain-text plans plus catalog.json) outside corpus/, for
// `npm run bench -- --scale`. Same seed, same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS, PROJECT_ROOT } from '../src/config.js';
import { loadCatalog } from '../src/ingest/catalog.js';
import { scaleCorpus } from './lib/scale-corpus.js';

export function writeScaleCorpus(options: { scale: number; seed: number; out: string }): { files: number; chars: number } {
  const catalog = [...loadCatalog(path.join(DEFAULTS.corpusDir, DEFAULTS.catalogName)).values()];
  const sources = catalog.map((entry) => ({ entry, text: fs.readFileSync(path.join(DEFAULTS.corpusDir, entry.file), 'utf8') }));
  const plans = scaleCorpus(sources, { scale: options.scale, seed: options.seed });
  fs.rmSync(options.out, { recursive: true, force: true });
  fs.mkdirSync(options.out, { recursive: true });
  let chars = 0;
  for (const p of plans) {
    fs.writeFileSync(path.join(options.out, p.file), p.text);
    chars += p.text.length;
  }
  const json = { $comment: `Synthetic ×${options.scale} corpus (seed ${options.seed}) from scripts/scale-corpus.ts; not real plans.`, documents: plans.map((p) => p.entry) };
  fs.writeFileSync(path.join(options.out, DEFAULTS.catalogName), `${JSON.stringify(json, null, 1)}\n`);
  return { files: plans.length, chars };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(PROJECT_ROOT, 'scripts', 'scale-corpus.ts')) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '10' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000 || !Number.isInteger(seed)) {
    console.error('用法：npm run scale-corpus -- --scale N（1–1000） [--seed 整数] [--out 目录]');
    process.exit(2);
  }
  const out = path.resolve(values.out ?? path.join(PROJECT_ROOT, '.bench', `corpus-x${scale}`));
  const started = performance.now();
  const { files, chars } = writeScaleCorpus({ scale, seed, out });
  console.log(`${files} 份文档，${(chars / 1e6).toFixed(1)} M 字符 → ${out}（${Math.round(performance.now() - started)} ms）`);
}
