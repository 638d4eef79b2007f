// Preloaded into `npm run index` by the bench (node --import): reports the process's peak
// resident memory on exit, on stderr, for the "peak RSS while building" figure. Plain
// JavaScript, so it loads before scripts/run.mjs without a TypeScript loader.
import fs from 'node:fs';

process.on('exit', () => {
  fs.writeSync(2, `\nBENCH_MAXRSS ${process.resourceUsage().maxRSS * 1024}\n`);
});
