// Takes headless-Chromium screenshots of reader pages, for a person to look at.
// Usage: [WIDTH=390] [FULL=1] npx tsx scripts/screenshot.ts <baseUrl> <outDir> <path> [<path> …]
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl = 'http://127.0.0.1:3000', outDir = 'screenshots', ...paths] = process.argv.slice(2);

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  // WIDTH=390 for a phone; 1280 by default.
  const width = Number(process.env.WIDTH ?? 1280);
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  for (const [i, p] of (paths.length ? paths : ['/']).entries()) {
    await page.goto(baseUrl + p, { waitUntil: 'load' });
    const slug =
      p
        .replace(/[^a-zA-Z0-9]+/gu, '_')
        .replace(/^_|_$/gu, '')
        .slice(0, 60) || 'home';
    const file = path.join(outDir, `${String(i + 1).padStart(2, '0')}-${slug}.png`);
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
  }
  if (errors.length) console.log('console errors:', errors);
  await browser.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
