// Runs pdfjs-dist in a worker thread: reads every page's text items with their positions and
// type sizes, in page coordinates (top-down y). Plain JavaScript, so the worker needs no
// TypeScript loader; the layout analysis that uses these items runs in the caller.
import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import(pathToFileURL(path.join(pkgDir, 'legacy/build/pdf.mjs')).href);

/** Text items of one page, each [x, baseline y, width, type size, text, font]. */
async function readPage(doc, number) {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent({ disableNormalization: false });
  const items = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform);
    // Vertical or rotated runs (seals, margin notes) are not part of the reading text.
    if (Math.abs(b) > Math.abs(a) * 0.2 || a <= 0) continue;
    const size = Math.hypot(c, d);
    items.push([round(e), round(f), round(item.width * (viewport.scale || 1)), round(size), item.str, item.fontName ?? '']);
  }
  return { width: round(viewport.width), height: round(viewport.height), items };
}

const round = (n) => Math.round(n * 100) / 100;

/** One file: the answer carries the job id, so the caller can match it. */
async function readFile(bytes) {
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: path.join(pkgDir, 'cmaps') + path.sep,
      cMapPacked: true,
      standardFontDataUrl: path.join(pkgDir, 'standard_fonts') + path.sep,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const name = err?.name ?? '';
    const kind = name === 'PasswordException' ? 'encrypted' : 'corrupt';
    return { ok: false, kind, message: String(err?.message ?? err) };
  }
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n));
    return { ok: true, pages };
  } catch (err) {
    return { ok: false, kind: 'corrupt', message: String(err?.message ?? err) };
  } finally {
    await doc.destroy();
  }
}

// The worker stays up between files (loading pdfjs costs more than most files); the caller
// terminates it when a file runs over its time limit.
parentPort.on('message', async ({ id, bytes }) => {
  parentPort.postMessage({ id, ...(await readFile(bytes)) });
});
