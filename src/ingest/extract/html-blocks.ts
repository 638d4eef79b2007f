// Turns HTML (a Word file converted by mammoth, or a web page's article) into the parser's blocks,
// the same plain data the text path makes: one LineBlock per paragraph or <br>-separated line,
// one TableBlock per data table. Block numbers (start/end) count the units in reading order,
// since HTML has no source lines.
import { parseHTML } from 'linkedom';
import type { Block, LineBlock, TableBlock } from '../blocks.js';
import { repairSpacing } from '../text.js';
import { isLayoutTable, ownCells, ownRows, readGrid } from './html-table.js';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose start and end break the line: everything laid out as a block. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'caption',
  'tr',
  'td',
  'th',
]);

/** Elements whose text is never part of the document's wording. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video', 'img', 'button', 'input', 'select', 'textarea', 'option']);

const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** Zero-width and soft-hyphen characters pasted in by editors; they split words for search. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;

/**
 * One display line: HTML whitespace (and &nbsp; / full-width spaces used as indentation) collapsed
 * and trimmed, then the same spacing repair as the text path (到 2025 年 → 到2025年).
 */
export function cleanHtmlText(raw: string): string {
  return repairSpacing(raw.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim());
}

/** Hidden in the page itself: screen-reader copies, collapsed menus, print-only duplicates. */
function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/gu, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

class BlockCollector {
  readonly blocks: Block[] = [];
  private parts: string[] = [];
  private headingLevel = 0;
  private boldLead: string | null = null;
  private unit = 0;

  /** Inside <pre>, a newline ends a line (plans are sometimes posted as preformatted text). */
  private preDepth = 0;

  walk(node: Node): void {
    if (node.nodeType === TEXT_NODE) return this.text(node.textContent ?? '');
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (SKIPPED_TAGS.has(tag) || isHidden(el)) return;
    if (tag === 'br') return this.lineBreak();
    if (tag === 'table') return this.table(el);
    if (tag === 'strong' || tag === 'b') return this.bold(el);
    const block = BLOCK_TAGS.has(tag);
    if (block) this.flush();
    const outer = this.headingLevel;
    this.headingLevel = HEADING_LEVEL[tag] ?? outer;
    if (tag === 'pre') this.preDepth++;
    this.children(el);
    if (tag === 'pre') this.preDepth--;
    if (block) this.flush();
    this.headingLevel = outer;
  }

  /** A <br> ends a line, except in a heading: a title wrapped onto two lines is one heading. */
  private lineBreak(): void {
    if (this.headingLevel > 0) this.parts.push(' ');
    else this.flush();
  }

  private text(value: string): void {
    if (this.preDepth === 0) {
      this.parts.push(value);
      return;
    }
    value.split(/\r\n?|\n/u).forEach((line, i) => {
      if (i > 0) this.flush();
      this.parts.push(line);
    });
  }

  private children(el: Element): void {
    for (const child of Array.from(el.childNodes)) this.walk(child);
  }

  /** A bold run that opens a line is its lead (the text path's **…** at the start of a line). */
  private bold(el: Element): void {
    const opens = cleanHtmlText(this.parts.join('')) === '';
    const from = this.parts.length;
    const unitBefore = this.unit;
    this.children(el);
    if (opens && this.unit === unitBefore && this.boldLead === null) {
      const lead = cleanHtmlText(this.parts.slice(from).join(''));
      this.boldLead = lead === '' ? null : lead;
    }
  }

  flush(): void {
    const text = cleanHtmlText(this.parts.join(''));
    this.parts = [];
    const boldLead = this.boldLead;
    this.boldLead = null;
    if (text === '') return;
    this.unit++;
    const line: LineBlock = { type: 'line', text, hashes: this.headingLevel, boldLead, start: this.unit, end: this.unit, joins: [] };
    if (this.headingLevel > 0) line.heading = true;
    this.blocks.push(line);
  }

  private table(el: Element): void {
    this.flush();
    if (isLayoutTable(el)) return this.layoutTable(el);
    const grid = readGrid(el, cellText);
    const hasText = [grid.header, ...grid.rows].some((row) => row.some((c) => c !== ''));
    if (!hasText) return;
    this.unit++;
    const block: TableBlock = { type: 'table', layout: 'markup', header: grid.header, rows: grid.rows, start: this.unit, end: this.unit };
    this.blocks.push(block);
  }

  /** Cells of a layout table are read as text containers, row by row. */
  private layoutTable(el: Element): void {
    for (const row of ownRows(el)) {
      for (const cell of ownCells(row)) {
        this.children(cell);
        this.flush();
      }
    }
  }
}

/** A data cell's text on one line: its paragraphs and <br> lines joined by a space, then repaired. */
function cellText(cell: Element): string {
  const inner = new BlockCollector();
  inner.walk(cell);
  inner.flush();
  return cleanHtmlText(inner.blocks.map((b) => (b.type === 'line' ? b.text : '')).join(' '));
}

/** Blocks of an element's content (a parsed page's article, or a converted Word body). */
export function elementToBlocks(root: Element): Block[] {
  const collector = new BlockCollector();
  collector.walk(root);
  collector.flush();
  return collector.blocks;
}

/** Blocks of an HTML document or fragment (a fragment is wrapped in a body first). */
export function htmlToBlocks(html: string): Block[] {
  const whole = /^\s*(<!doctype|<html[\s>])/iu.test(html);
  const { document } = parseHTML(whole ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  return elementToBlocks(document.body);
}
