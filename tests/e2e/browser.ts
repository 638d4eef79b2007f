// Helpers for the real-browser tests: the app on a free local port, Debian's Chromium driven by
// playwright-core, per-page console and page-error collection, screenshots and axe-core.
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../src/web/app.js';
import { BUNDLED_SOURCES, openEngine, type Engine } from '../../src/engine/open.js';
import { DEFAULTS, PROJECT_ROOT } from '../../src/config.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

/** Where screenshots go: git-ignored, recreated each run. */
export const SCREENSHOT_DIR = path.resolve('test-results', 'e2e');

/** Launches Debian's Chromium; a missing binary is a failure with the fix in the message, never a skip. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: the browser tests (tests/e2e) need Debian's chromium package. ` + 'Install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).');
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/** The 86 published PDFs that issue 19's browser checks serve beside the bundled five. */
export const REAL_PDF_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real');

/**
 * The bundled five plus the 86 published PDFs of ../shared/corpus-real, copied into one temporary
 * corpus folder (the loader refuses symlinks) and opened as the server opens a library. PDF text
 * is cached by content hash in .cache/e2e-extracted (git-ignored): the first run extracts for about
 * a minute, later runs take seconds.
 */
export async function openWideLibrary(): Promise<{ engine: Engine; cleanup(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-library-'));
  const corpusDir = path.join(dir, 'corpus');
  fs.mkdirSync(corpusDir);
  for (const f of fs.readdirSync(DEFAULTS.corpusDir)) if (f.endsWith('.txt') || f === DEFAULTS.catalogName) fs.copyFileSync(path.join(DEFAULTS.corpusDir, f), path.join(corpusDir, f));
  const pdfs = fs.readdirSync(REAL_PDF_DIR).filter((f) => f.endsWith('.pdf'));
  if (pdfs.length < 80) throw new Error(`${REAL_PDF_DIR} holds ${pdfs.length} PDFs; the browser tests need the 86 published ones`);
  for (const f of pdfs) fs.copyFileSync(path.join(REAL_PDF_DIR, f), path.join(corpusDir, f));
  const sources = { ...BUNDLED_SOURCES, corpusDir, catalogFile: path.join(corpusDir, DEFAULTS.catalogName), cacheDir: path.join(PROJECT_ROOT, '.cache', 'e2e-extracted') };
  const engine = await openEngine({ sources, indexDir: path.join(dir, 'index') });
  return { engine, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The draft of 成都's plan that openVersionPair adds: its own id, and the issued text's. */
export const VERSION_PAIR = { draft: 'chengdu-carbon-peak-2024-draft', issued: 'chengdu-carbon-peak-2024' } as const;

/**
 * The bundled five plus a made-up 征求意见稿 of 成都's plan (an earlier date, one clause the issued
 * text added, 40% where it says 42%), so the version page has a pair to show. Kept out of the wide
 * library, whose other checks count its documents.
 */
export async function openVersionPair(): Promise<{ engine: Engine; cleanup(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-versions-'));
  const corpusDir = path.join(dir, 'corpus');
  fs.mkdirSync(corpusDir);
  for (const f of fs.readdirSync(DEFAULTS.corpusDir)) if (f.endsWith('.txt')) fs.copyFileSync(path.join(DEFAULTS.corpusDir, f), path.join(corpusDir, f));
  const issuedFile = `${VERSION_PAIR.issued}.txt`;
  const issued = fs.readFileSync(path.join(DEFAULTS.corpusDir, issuedFile), 'utf8');
  const added = issued.split('\n').find((l) => l.startsWith('2. 推进空间治理低碳转型')) as string;
  const draft = issued.replace('## 成都市碳达峰实施方案', '## 成都市碳达峰实施方案（征求意见稿）').replace(`${added}\n`, '').replace('42% 左右', '40% 左右');
  fs.writeFileSync(path.join(corpusDir, `${VERSION_PAIR.draft}.txt`), draft);
  const catalog = JSON.parse(fs.readFileSync(path.join(DEFAULTS.corpusDir, DEFAULTS.catalogName), 'utf8')) as { documents: Record<string, unknown>[] };
  const entry = catalog.documents.find((d) => d.id === VERSION_PAIR.issued) as Record<string, unknown>;
  catalog.documents.push({ ...entry, file: `${VERSION_PAIR.draft}.txt`, id: VERSION_PAIR.draft, title: '成都市碳达峰实施方案（征求意见稿）', docNumber: null, date: '2023-10', status: '征求意见稿', sourceSha256: undefined, notes: undefined });
  fs.writeFileSync(path.join(corpusDir, DEFAULTS.catalogName), JSON.stringify(catalog));
  const sources = { ...BUNDLED_SOURCES, corpusDir, catalogFile: path.join(corpusDir, DEFAULTS.catalogName) };
  const engine = await openEngine({ sources, indexDir: path.join(dir, 'index') });
  return { engine, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The app over an opened engine (rate limit off) listening on 127.0.0.1 at a free port. */
export async function startServer(engine: Engine): Promise<RunningServer> {
  const app = createApp({ library: engine.library, searcher: engine.searcher, today: () => '2026-11-21', rateLimitPerMinute: 0 });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Console errors and uncaught page errors, each with the URL it happened on. */
export class PageProblems {
  readonly items: string[] = [];

  watch(page: Page): Page {
    page.on('console', (m) => {
      if (m.type() === 'error') this.items.push(`console error on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (err) => this.items.push(`page error on ${page.url()}: ${err.message}`));
    // A failed subresource (a 404 stylesheet, say) also logs a console error; name the URL here.
    page.on('response', (r) => {
      if (r.status() >= 400) this.items.push(`HTTP ${r.status()} for ${r.url()} (from ${page.url()})`);
    });
    return page;
  }

  take(): string[] {
    return this.items.splice(0);
  }
}

let shotCount = 0;

/** A full-page PNG named by step, in SCREENSHOT_DIR. */
export async function screenshot(page: Page, name: string): Promise<string> {
  shotCount++;
  const file = path.join(SCREENSHOT_DIR, `${String(shotCount).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function resetScreenshots(): void {
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  shotCount = 0;
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/**
 * Runs axe-core on the page with its default rules (WCAG A/AA and best practices). The source goes
 * in through page.evaluate, which the page's CSP does not govern (an inline script tag would be blocked).
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** Violations as lines a person can act on: rule id, impact, help, and the first few elements. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `    ${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/gu, ' ')}` : ''}`);
      const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
      return [`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

export type { Browser, BrowserContext, Page };
