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
  // Drawing operators cost more than the text (images are decoded): read them only where the
  // text is laid out in columns, as a table's is.
  const rules = mayHoldTable(items) ? await readRules(page, viewport.transform) : [];
  return { width: round(viewport.width), height: round(viewport.height), items, rules };
}

/** Three or more baselines whose text breaks into runs two type sizes apart: columns. */
function mayHoldTable(items) {
  const byLine = new Map();
  for (const it of items) {
    if (it[4].trim() === '') continue;
    const key = Math.round(it[1] / 3);
    const line = byLine.get(key);
    if (line) line.push(it);
    else byLine.set(key, [it]);
  }
  let columnar = 0;
  for (const line of byLine.values()) {
    line.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < line.length; i++) {
      const prev = line[i - 1];
      if (line[i][0] - (prev[0] + prev[2]) > 2 * prev[3]) {
        columnar++;
        break;
      }
    }
  }
  return columnar >= 3;
}

const { OPS } = pdfjs;
const PAINTS = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
/** A rectangle thinner than this (points) is a drawn rule, as Word draws table borders. */
const THIN = 2.5;
/** Drawn segments shorter than this are glyph strokes or bullets, not table rules. */
const MIN_RULE = 8;

/**
 * Horizontal and vertical rules drawn on the page (table borders), as [x0, y0, x1, y1] in the
 * same top-down coordinates as the text. Paths are read from the operator list with their
 * transforms; a thin filled rectangle counts as the rule it draws.
 */
async function readRules(page, viewportTransform) {
  const list = await page.getOperatorList();
  const rules = [];
  let ctm = viewportTransform;
  const stack = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = pdfjs.Util.transform(ctm, args);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0])) ctm = pdfjs.Util.transform(ctm, Array.from(args[0]));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && PAINTS.has(args?.[0]) && args[1]?.[0]) pathRules(args[1][0], ctm, rules);
    if (rules.length > 5000) break;
  }
  return rules;
}

function pathRules(data, ctm, out) {
  const points = [];
  const flush = () => {
    if (points.length >= 2) shapeRules(points, out);
    points.length = 0;
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === 0 || op === 1) {
      if (op === 0) flush();
      const x = data[i++];
      const y = data[i++];
      points.push([x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5]]);
    } else if (op === 2) {
      flush();
      i += 6;
    } else if (op === 3) {
      flush();
      i += 4;
    } else if (op === 4) {
      if (points.length) points.push(points[0]);
      flush();
    } else break;
  }
  flush();
}

/** A thin closed box is one rule; otherwise each straight axis-aligned edge is a rule. */
function shapeRules(points, out) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (points.length >= 4 && (x1 - x0 < THIN || y1 - y0 < THIN)) {
    if (x1 - x0 < THIN && y1 - y0 >= MIN_RULE) out.push([round((x0 + x1) / 2), round(y0), round((x0 + x1) / 2), round(y1)]);
    else if (y1 - y0 < THIN && x1 - x0 >= MIN_RULE) out.push([round(x0), round((y0 + y1) / 2), round(x1), round((y0 + y1) / 2)]);
    return;
  }
  for (let k = 1; k < points.length; k++) {
    const [ax, ay] = points[k - 1];
    const [bx, by] = points[k];
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_RULE) out.push([round(Math.min(ax, bx)), round(ay), round(Math.max(ax, bx)), round(ay)]);
    else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= MIN_RULE) out.push([round(ax), round(Math.min(ay, by)), round(ax), round(Math.max(ay, by))]);
  }
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
