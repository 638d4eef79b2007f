// Extracts a web page saved from a government site (.html/.htm): decodes it by its declared
// charset, isolates the article (Readability, or the element holding the most text when
// Readability finds nothing), and turns it into blocks without the site's navigation, metadata
// table, share buttons and footer. The article's title becomes layoutTitle.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { httpUrl } from '../http-url.js';
import { AppError } from '../../errors.js';
import type { Block } from '../blocks.js';
import { decodeHtml } from './html-decode.js';
import { cleanHtmlText, elementToBlocks } from './html-blocks.js';
import { dropPageFurniture } from './page-furniture.js';
import type { Extracted } from './types.js';

/** Never article text, and confusing to Readability and to the text-size fallback alike. */
const ALWAYS_CHROME = 'script, style, noscript, template, iframe, nav, aside, [role="navigation"], [role="search"]';
/** Site banners and footers; inside an <article> or <main> a <header> holds the article's title. */
const SITE_CHROME = 'header, footer, [role="banner"], [role="contentinfo"]';

/** Elements that hold blocks of a page; the fallback measures the text directly inside each. */
const CONTAINERS = new Set(['body', 'main', 'article', 'section', 'div', 'td', 'th', 'center', 'form', 'blockquote', 'table', 'tbody', 'tr']);

/** Readability's article must hold at least this share of the largest container's text. */
const MIN_READABILITY_SHARE = 0.5;

/** 文章标题_栏目_四川省人民政府网站, 标题 | 网站, 标题 - 中国政府网: the article's part comes first. */
const TITLE_SEPARATOR = /\s*(?:[_|｜]|\s[-–—]+\s)\s*/u;
const MIN_TITLE_CHARS = 4;
const MAX_TITLE_CHARS = 200;
/** A CMS shortens long titles in <title> with an ellipsis. */
const ELLIPSIS = /(?:\.{3}|…+)$/u;
/** How far into the blocks the title may already stand before we add it. */
const TITLE_SEARCH_BLOCKS = 10;

function parsePage(html: string): Document {
  const { document } = parseHTML(html);
  for (const el of Array.from(document.querySelectorAll(ALWAYS_CHROME))) el.remove();
  for (const el of Array.from(document.querySelectorAll(SITE_CHROME))) {
    if (el.closest('article, main, [role="main"]') === null) el.remove();
  }
  return document;
}

const squash = (s: string) => s.replace(/\s+/gu, '');
const textOf = (el: Element) => cleanHtmlText(el.textContent ?? '');
const titleLength = (s: string) => [...s].length >= MIN_TITLE_CHARS && [...s].length <= MAX_TITLE_CHARS;

/**
 * The article's title: a heading (h1–h3) that is one of the <title>'s parts (the rest name the
 * column and the site), or that a truncated <title> part begins; else the <title>'s first part;
 * else the first <h1>.
 */
export function pageTitle(doc: Document): string | null {
  const tag = doc.querySelector('title')?.textContent ?? '';
  const parts = [tag, ...tag.split(TITLE_SEPARATOR)].map(cleanHtmlText).filter(titleLength).map(squash);
  const headings = Array.from(doc.querySelectorAll('h1, h2, h3')).map(textOf).filter(titleLength);
  const exact = headings.find((h) => parts.includes(squash(h)));
  if (exact) return exact;
  const cut = parts.filter((p) => ELLIPSIS.test(p)).map((p) => p.replace(ELLIPSIS, ''));
  const truncated = headings.find((h) => cut.some((p) => squash(h).startsWith(p)));
  if (truncated) return truncated;
  const first = tag.split(TITLE_SEPARATOR).map(cleanHtmlText).find(titleLength);
  return first ?? Array.from(doc.querySelectorAll('h1')).map(textOf).find(titleLength) ?? null;
}

const CONTAINER_SELECTOR = [...CONTAINERS].join(', ');

/**
 * The paragraph text an element holds itself: its text nodes and inline or <p> children, and
 * children that are containers with no container inside (a CMS that wraps each paragraph in a
 * <div> or <section>), but not the text of deeper structures, which count for their own element.
 */
function ownTextLength(el: Element): number {
  let length = 0;
  for (const child of Array.from(el.childNodes)) {
    const isElement = child.nodeType === 1;
    const isContainer = isElement && CONTAINERS.has((child as Element).tagName.toLowerCase());
    const isLeafBlock = isContainer && (child as Element).querySelector(CONTAINER_SELECTOR) === null;
    if (!isContainer || isLeafBlock) length += squash(child.textContent ?? '').length;
  }
  return length;
}

/** The element with the most text directly inside it: where a page keeps its article's paragraphs. */
function largestTextContainer(doc: Document): Element {
  let best: Element = doc.body;
  let bestLength = ownTextLength(doc.body);
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    if (!CONTAINERS.has(el.tagName.toLowerCase())) continue;
    const length = ownTextLength(el);
    if (length > bestLength) [best, bestLength] = [el, length];
  }
  return best;
}

interface Article {
  root: Element;
  /** Readability found nothing usable and the largest text container was taken instead. */
  fallback: boolean;
}

function readabilityArticle(html: string): { root: Element; length: number } | null {
  const result = new Readability(parsePage(html)).parse();
  if (!result?.content) return null;
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${result.content}</body></html>`);
  return { root: document.body, length: squash(document.body.textContent ?? '').length };
}

function findArticle(html: string, page: Document, useReadability: boolean): Article {
  const container = largestTextContainer(page);
  const containerLength = squash(container.textContent ?? '').length;
  const read = useReadability ? readabilityArticle(html) : null;
  if (read && read.length > 0 && read.length >= containerLength * MIN_READABILITY_SHARE) return { root: read.root, fallback: false };
  return { root: container, fallback: true };
}

/**
 * The plan's title line belongs in the blocks (the parser separates a cover notice from the plan
 * by it), once: Readability drops a heading that repeats the page title, and pages often print
 * the title twice (the <h1>, then the body's first paragraph).
 */
function withTitle(blocks: Block[], title: string | null): Block[] {
  if (title === null) return blocks;
  const want = squash(title);
  const isTitle = (b: Block | undefined) => b?.type === 'line' && squash(b.text) === want;
  const head = blocks.slice(0, TITLE_SEARCH_BLOCKS);
  const first = head.findIndex(isTitle);
  if (first !== -1) return blocks.filter((b, i) => i <= first || i >= TITLE_SEARCH_BLOCKS || !isTitle(b));
  const shifted = blocks.map((b) => ({ ...b, start: b.start + 1, end: b.end + 1 }));
  return [{ type: 'line', text: title, hashes: 1, boldLead: null, start: 1, end: 1, joins: [], heading: true }, ...shifted];
}

export interface HtmlOptions {
  /** false skips Readability and takes the largest text container (the fallback) directly. */
  readability?: boolean;
}

/** The page as blocks, with the encoding it was decoded by (the corpus reports it as for text files). */
export async function extractHtml(bytes: Uint8Array, name: string, options: HtmlOptions = {}): Promise<Extracted & { encoding: string }> {
  const decoded = decodeHtml(bytes, name);
  const page = parsePage(decoded.text);
  const layoutTitle = pageTitle(page);
  const article = findArticle(decoded.text, page, options.readability ?? true);
  const { blocks } = dropPageFurniture(elementToBlocks(article.root));
  // No article text at all (a page whose body a script fills in, a frameset, an error page):
  // FILE_EMPTY says what is wrong with the file; FILE_NO_STRUCTURE would suggest text without numbering.
  if (blocks.length === 0) throw new AppError('FILE_EMPTY', `${name}（网页中没有正文文字）`);
  const warnings = [...decoded.warnings];
  if (article.fallback && options.readability !== false) warnings.push(`未能识别网页正文，已取文字最多的区块：${name}`);
  return { format: 'html', pages: null, blocks: withTitle(blocks, layoutTitle), warnings, layoutTitle, sourceUrl: statedUrl(page), encoding: decoded.encoding };
}

/** The address a saved page gives for itself: its canonical link, else og:url; absolute http(s) only. */
function statedUrl(page: Document): string | null {
  const candidates = [page.querySelector('link[rel="canonical"]')?.getAttribute('href'), page.querySelector('meta[property="og:url"]')?.getAttribute('content')];
  for (const raw of candidates) {
    const url = httpUrl(raw?.trim() ?? '');
    if (url) return url;
  }
  return null;
}
