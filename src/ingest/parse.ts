// Parses a document's blocks into the clause tree: numbered units take their level and eId
// from the printed numbering; unnumbered paragraphs, dash items, boxes and table rows hang
// under the innermost open unit.
import { CORPUS_LIMITS } from '../config.js';
import type { Block, LineBlock, TableBlock } from './blocks.js';
import { isTitleOnly } from './blocks.js';
import { labelFor, type LabelPart } from './identity.js';
import { intToChinese, MARKER_LEVEL, parseAttachment, parseMarker, type AttachmentMarker, type Marker } from './numbering.js';
import { DATE_LINE } from './text.js';
import type { Clause, ClauseKind } from './types.js';

export interface ParseInput {
  docId: string;
  /** The plan's own title; the line that holds it separates the cover notice from the plan. */
  title: string | null;
  blocks: Block[];
  /** The title as laid out (largest type on the first page), for sources that have a layout. */
  layoutTitle?: string | null;
}

export interface ParseOutput {
  clauses: Clause[];
  /** The title as found in the text (first heading) when the catalogue gives none. */
  foundTitle: string | null;
}

interface Open {
  eId: string;
  /** eIds from the outermost ancestor down to this unit; empty for the document root. */
  path: string[];
  kind: ClauseKind | null;
  level: number;
  labelParts: LabelPart[];
  counters: Map<string, number>;
  /** The last printed number among this unit's children, per marker kind. */
  lastNum: Map<string, number>;
  /** A box's printed number, to recognise its caption printed again after a page break. */
  boxNum?: number;
}

const EID_PREFIX: Record<ClauseKind, string> = {
  notice: 'p',
  preamble: 'p',
  preface: 'preface',
  component: 'component',
  volume: 'book',
  chapter: 'chapter',
  section: 'section',
  article: 'art',
  attachment: 'attachment',
  part: 'part',
  item: 'item',
  para: 'para',
  subpara: 'subpara',
  point: 'point',
  indent: 'indent',
  heading: 'hcontainer',
  box: 'box',
  paragraph: 'p',
  note: 'note',
  table: 'table',
  row: 'row',
};

const MAX_LEAD = 40;
const MAX_UNNUMBERED_HEADING = 20;

class TreeBuilder {
  readonly clauses: Clause[] = [];
  private readonly root: Open = { eId: '', path: [], kind: null, level: 0, labelParts: [], counters: new Map(), lastNum: new Map() };
  stack: Open[] = [];
  private readonly used = new Set<string>();

  constructor(private readonly docId: string) {}

  top(): Open {
    return this.stack.at(-1) ?? this.root;
  }

  /** True until the first clause that is not front matter; kept as a flag, not a rescan per block. */
  onlyNotices = true;

  atRoot(): boolean {
    return this.stack.length === 0;
  }

  popTo(level: number): void {
    while (this.stack.length && (this.stack.at(-1)?.level ?? 0) >= level) this.stack.pop();
  }

  /** Index of the innermost open 专栏 box, or -1. */
  boxAt(): number {
    return this.stack.findLastIndex((o) => o.kind === 'box');
  }

  /** Closes the innermost box and everything opened inside it. */
  popBox(): void {
    const at = this.boxAt();
    if (at !== -1) this.stack.length = at;
  }

  /** Pops units opened inside the box (not the box) at or below the given level. */
  popWithinBox(level: number): void {
    const at = this.boxAt();
    while (this.stack.length - 1 > at && (this.stack.at(-1)?.level ?? 0) >= level) this.stack.pop();
  }

  /** The unit a marker of this level would hang under if the box were closed. */
  outerParent(level: number): Open {
    const below = this.stack.slice(0, Math.max(this.boxAt(), 0));
    return below.findLast((o) => o.level < level) ?? this.root;
  }

  /** Next position among siblings of one kind, for units that have no printed number. */
  nextPosition(parent: Open, key: string): number {
    const n = (parent.counters.get(key) ?? 0) + 1;
    parent.counters.set(key, n);
    return n;
  }

  /** Takes back the last clause added (a title line that turns out to open a component). */
  retract(): Clause | undefined {
    const clause = this.clauses.pop();
    if (clause) this.used.delete(clause.eId);
    return clause;
  }

  uniqueEId(base: string): string {
    let eId = base;
    for (let n = 2; this.used.has(eId); n++) eId = `${base}_dup${n}`;
    this.used.add(eId);
    return eId;
  }

  add(spec: ClauseSpec, parent: Open = this.top()): Open {
    const local = `${EID_PREFIX[spec.kind]}_${spec.numText ?? spec.num}`;
    const scope = spec.scope ? `${spec.scope}__` : '';
    const eId = this.uniqueEId(parent.eId ? `${parent.eId}__${scope}${local}` : `${scope}${local}`);
    const labelParts = [...parent.labelParts, spec.labelPart];
    const label = labelFor(labelParts);
    const clause: Clause = {
      id: `${this.docId}.${eId}`,
      docId: this.docId,
      eId,
      kind: spec.kind,
      label,
      marker: spec.marker,
      title: spec.title,
      lead: spec.lead,
      text: spec.text,
      ancestors: parent.path,
      parentEId: parent.path.at(-1) ?? null,
      depth: parent.path.length,
      order: this.clauses.length,
      cells: spec.cells ?? null,
      table: spec.table ?? null,
      lines: spec.lines,
      pages: spec.pages ?? null,
    };
    this.clauses.push(clause);
    if (spec.kind !== 'notice') this.onlyNotices = false;
    if (spec.marker !== null) parent.lastNum.set(spec.kind, spec.num);
    return { eId, path: [...parent.path, eId], kind: spec.kind, level: spec.level ?? 99, labelParts, counters: new Map(), lastNum: new Map() };
  }

  push(open: Open): void {
    this.stack.push(open);
  }
}

interface ClauseSpec {
  kind: ClauseKind;
  num: number;
  /** The number as it goes into the eId when it is not a plain integer (附件2-1 → 2_1). */
  numText?: string;
  scope?: string;
  level?: number;
  labelPart: LabelPart;
  marker: string | null;
  title: string | null;
  lead: string | null;
  text: string;
  lines: [number, number];
  pages?: [number, number] | null;
  cells?: string[];
  table?: { columns: string[]; caption: string | null; notes?: string[] };
}

/**
 * How many documents this process has parsed. A start after a build reads the library snapshot
 * and parses none; the tests hold it to that, and the start-up log reports it.
 */
export const parseStats = { documents: 0 };

export function parseDocument(input: ParseInput): ParseOutput {
  parseStats.documents++;
  const blocks = input.blocks;
  const titleIndex = findTitle(blocks, input.title, input.layoutTitle ?? null);
  // A notice naming a plan that is not printed again under its own title still names it.
  const named = input.title ? null : planNamedBy(titleIndex === -1 ? '' : (blocks[titleIndex] as LineBlock).text);
  const printed = titleIndex === -1 ? null : (blocks[titleIndex] as LineBlock).text;
  // 《云南省…规划》 printed as a title line is the title without its quotation marks.
  const foundTitle = named ?? (printed ? printed.trim().replace(/^《([^《》]+)》$/u, '$1') : null);
  const b = new TreeBuilder(input.docId);
  const front = blocks.slice(0, Math.max(titleIndex, 0));
  const notice = container(front.some((bl) => bl.type === 'line' && bl.text.includes('通知')) ? '印发通知' : '文首');
  const preamble = container('序言');

  const attachments = attachmentStarts(blocks, titleIndex);
  let lastTable: Clause | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (i === titleIndex) continue;
    if (block.type === 'table') {
      lastTable = addTable(b, block, null);
      continue;
    }
    const afterTable = lastTable;
    lastTable = null;
    const next = blocks[i + 1];
    if (i < titleIndex || (b.onlyNotices && DATE_LINE.test(block.text))) {
      addParagraph(b, block, notice, 'notice');
      continue;
    }
    const attachment = attachments.get(i);
    if (attachment) {
      addAttachment(b, attachment, block);
      continue;
    }
    const marker = parseMarker(block.text);
    if (marker) {
      i += addNumbered(b, marker, block, next);
      continue;
    }
    if ((isUnnumberedHeading(block) || CAPTION.test(block.text)) && next?.type === 'table') {
      lastTable = addTable(b, next, block);
      i++;
      continue;
    }
    // A note printed under a table belongs to it: the table carries the note's text.
    if (afterTable?.table && /^注[:：]/u.test(block.text)) afterTable.table.notes = [...(afterTable.table.notes ?? []), block.text];
    if (/^前言$|^序言$/u.test(block.text) && b.atRoot()) {
      b.popTo(1);
      b.push(b.add({ kind: 'preface', num: 1, level: 1, labelPart: { text: '前言', kind: 'container' }, marker: null, title: block.text, lead: null, text: block.text, lines: [block.start, block.end], pages: pagesOf(block) }));
      continue;
    }
    // A signature line followed by a date (某市人民政府 / 2024年3月13日) is not a heading.
    if (isUnnumberedHeading(block) && next?.type === 'line' && !DATE_LINE.test(next.text) && !b.onlyNotices) {
      addHeading(b, block);
      continue;
    }
    if (/^注[:：]/u.test(block.text)) {
      const parent = b.top();
      b.add({ kind: 'note', num: b.nextPosition(parent, 'note'), labelPart: { text: '注', kind: 'suffix' }, marker: null, title: null, lead: null, text: block.text, lines: [block.start, block.end], pages: pagesOf(block) });
      continue;
    }
    if (closesBox(b.top(), block)) b.popBox();
    const inRoot = b.atRoot();
    addParagraph(b, block, inRoot ? preamble : b.top(), inRoot ? 'preamble' : 'paragraph');
  }
  return { clauses: b.clauses, foundTitle };
}

/** Paragraph holders that are not clauses themselves: the cover notice and the preamble. */
function container(label: string): Open {
  return { eId: '', path: [], kind: null, level: 0, labelParts: [{ text: label, kind: 'container' }], counters: new Map(), lastNum: new Map() };
}

/** A table's caption: 表1 …, 附表2 …, 专栏3 … followed by the table itself. */
const CAPTION = /^(附表|表)\s*[0-9０-９一二三四五六七八九十]{1,3}/u;
/** Titles compare across OCR's half-width brackets and stray spaces. */
const squash = (s: string) => s.normalize('NFKC').replace(/[\s“”"《》〈〉<>]+/gu, '');
const MAX_NOTICE_SCAN = 15;

/** 关于印发《X》的通知 (or 〈X〉, or X unquoted), 关于《X》的公示: the plan X that the notice covers. */
function planNamedBy(text: string): string | null {
  if ([...text].length > 120) return null;
  const quoted = /印发\s*[《〈<]\s*(.+?)\s*[》〉>]/u.exec(text)?.[1] ?? /^关于[《〈](.+?)[》〉]的(?:公示|公告)$/u.exec(text.trim())?.[1];
  // Unanchored: a title line may run on into the next (…的通知各区县人民政府：) in plain text.
  // 自治区人民政府办公厅印发关于…的政策措施: the organs printed the plan under its own title.
  const issued = /^[\p{Script=Han}]{3,40}?印发(关于[^《》〈〉，。：]{4,})$/u.exec(text.trim())?.[1];
  return quoted ?? /印发([^《》〈〉，。]+?)的通知/u.exec(text)?.[1] ?? (issued && !/的通知$/u.test(issued) ? issued : null);
}

/** A line that reads as a title: short, no sentence or address punctuation, not an attachment label. */
function titleLike(text: string): boolean {
  const t = text.trim();
  return [...t].length <= 80 && !/[。；：:，,]/u.test(t) && !/^附件[0-9０-９一二三四五六七八九十]*$/u.test(t) && parseMarker(t) === null;
}

/** The title's type word closes it: 规划, 实施方案, 通知… */
const TITLE_END = /(?:规划|方案|意见|决定|通知|办法|条例|细则|指南|计划|导则|措施|纲要|公告|公示)(?:[（(][^（）()]{1,20}[)）])?$/u;

function findTitle(blocks: Block[], title: string | null, layoutTitle: string | null): number {
  const indexOf = (want: string, from = 0) => blocks.findIndex((bl, i) => i >= from && bl.type === 'line' && squash(bl.text) === squash(want));
  if (title) {
    const exact = indexOf(title);
    if (exact !== -1) return exact;
  } else {
    // A cover notice names the plan, whose own title line follows it: the notice is front matter.
    for (let i = 0; i < Math.min(blocks.length, MAX_NOTICE_SCAN); i++) {
      const bl = blocks[i] as Block;
      const named = bl.type === 'line' ? planNamedBy(bl.text) : null;
      const at = named ? indexOf(named, i + 1) : -1;
      if (at !== -1) return at;
    }
    const laidOut = layoutTitle ? indexOf(layoutTitle) : -1;
    if (laidOut !== -1) return laidOut;
  }
  // The first line that reads as a title and ends on its type word; else the first line, if short.
  const typed = blocks.slice(0, MAX_NOTICE_SCAN).findIndex((bl) => bl.type === 'line' && titleLike(bl.text) && TITLE_END.test(squash(bl.text)));
  if (typed !== -1) return typed;
  const firstLine = blocks.findIndex((bl) => bl.type === 'line');
  const first = blocks[firstLine];
  // A plain-text title may have run on into the addressee (…的通知各市生态环境局：): still the title.
  if (first?.type === 'line' && !parseMarker(first.text) && [...first.text].length <= 60 && !/[。；]/u.test(first.text)) return firstLine;
  return -1;
}

/**
 * A 专栏 box has no printed end. Its entries are named projects (…工程, …行业, 川西南发展片);
 * a paragraph that opens with a measure's verb (促进科技成果转化。…) is the section again.
 */
const MEASURE_VERB = /^(促进|加强|加大|加快|推动|推进|实施|建立|完善|提升|提高|强化|开展|积极|深入|健全|严格|大力|优化|探索|鼓励|支持|落实|坚持)/u;

function closesBox(top: Open, block: LineBlock): boolean {
  if (top.kind !== 'box' || (top.counters.get('p') ?? 0) === 0) return false;
  if (top.lastNum.size > 0) return false; // a box with its own numbering ends at the document's next number
  const lead = leadOf(block.text);
  return lead !== null && MEASURE_VERB.test(lead);
}

function isUnnumberedHeading(block: LineBlock): boolean {
  return [...block.text].length <= MAX_UNNUMBERED_HEADING && !/[，。；：、！？,;:]/u.test(block.text) && !DATE_LINE.test(block.text);
}

/** The phrase that opens a clause and ends in 。: short, and not itself a clause of commas. */
export function leadOf(rest: string): string | null {
  const stop = rest.indexOf('。');
  if (stop <= 0 || stop > MAX_LEAD) return null;
  const phrase = rest.slice(0, stop);
  if (/[，；,;]/u.test(phrase)) return null;
  return phrase;
}

const KIND_OF: Record<Marker['kind'], ClauseKind> = {
  volume: 'volume',
  chapter: 'chapter',
  section: 'section',
  article: 'article',
  part: 'part',
  item: 'item',
  para: 'para',
  subpara: 'subpara',
  point: 'point',
  indent: 'indent',
  box: 'box',
};

/** Adds a numbered unit; returns how many following blocks it consumed. */
function addNumbered(b: TreeBuilder, marker: Marker, block: LineBlock, next: Block | undefined): number {
  const kind = KIND_OF[marker.kind];
  const level = MARKER_LEVEL[marker.kind];
  // A 专栏 box that runs over a page break prints its caption again: it is the same box.
  if (kind === 'box' && marker.num !== null && b.stack[b.boxAt()]?.boxNum === marker.num) return 0;
  const leaf = kind === 'point' || kind === 'indent';
  const local = !leaf && kind !== 'box' && isLocalToBox(b, marker, level);
  if (local) b.popWithinBox(level);
  else if (!leaf) {
    if (b.boxAt() !== -1 && level <= MARKER_LEVEL.box) b.popBox();
    b.popTo(level);
    if (restartsNumbering(b, marker, level)) openComponent(b);
  }
  const parent = b.top();
  const num = marker.num ?? b.nextPosition(parent, kind);
  const titleOnly = isTitleOnly(marker.rest);
  // A title-only numbered line ending in 。 followed by its body paragraph ("1.加快发展千亿级
  // 产业集群。" + body) is one clause with the title as its lead phrase, as when printed inline.
  const own = marker.printed + marker.rest;
  // Not past the clause limit: blocks were split to it (safe-text.ts), a merge must not undo that.
  const merge = titleOnly && marker.rest.endsWith('。') && level >= 3 && !leaf && next?.type === 'line' && isBody(next) && own.length + next.text.length <= CORPUS_LIMITS.maxClauseChars;
  const text = merge ? own + (next as LineBlock).text : own;
  const lead = merge ? marker.rest.slice(0, -1) : titleOnly ? null : leadOf(marker.rest);
  const title = leaf ? null : (lead ?? (titleOnly ? marker.rest.replace(/。$/u, '') : null));
  const open = b.add(
    {
      kind,
      num,
      level,
      marker: marker.printed,
      title,
      lead,
      text,
      labelPart: labelPartFor(marker, num),
      lines: [block.start, merge ? (next as LineBlock).end : block.end],
      pages: pagesOf(block, merge ? (next as LineBlock) : block),
    },
    parent,
  );
  if (kind === 'box') open.boxNum = num;
  if (!leaf) b.push(open);
  return merge ? 1 : 0;
}

/**
 * A 专栏 box has its own numbering (一、二、 or 1. 2. inside it) that must not restart or
 * renumber the document's tree. A number is the box's own when it continues the box's
 * sequence or opens the still-empty box; it is the document's when it continues the
 * document's sequence at its level.
 */
function isLocalToBox(b: TreeBuilder, marker: Marker, level: number): boolean {
  const at = b.boxAt();
  if (at === -1 || marker.num === null) return false;
  const kind = KIND_OF[marker.kind];
  const inner = b.top();
  const box = b.stack[at] as Open;
  const innerParent = inner.level < level ? inner : box;
  const localLast = innerParent.lastNum.get(kind);
  if (localLast !== undefined && marker.num === localLast + 1) return true;
  if (box.counters.size === 0 && box.lastNum.size === 0) return marker.num === 1;
  const outerLast = b.outerParent(level).lastNum.get(kind) ?? 0;
  if (marker.num === outerLast + 1) return false;
  return level > MARKER_LEVEL.box || localLast !== undefined;
}

/** A top-level number printed again from 1 under a unit that already has it: a new component. */
function restartsNumbering(b: TreeBuilder, marker: Marker, level: number): boolean {
  if (marker.num !== 1 || level > MARKER_LEVEL.part) return false;
  return (b.top().lastNum.get(KIND_OF[marker.kind]) ?? 0) >= 1;
}

const COMPONENT_LEVEL = 0.12;
const MAX_COMPONENT_TITLE = 60;

/**
 * One file can hold several documents each numbered from 一、 (two plans printed together,
 * the guides of one notice). The short title lines just before the restart name the component
 * (Akoma Ntoso's component); without such a title the number stays a printed repeat.
 */
function openComponent(b: TreeBuilder): void {
  const titles: Clause[] = [];
  for (let c = b.clauses.at(-1); c && isTitleLine(c); c = b.clauses.at(-1)) {
    titles.unshift(c);
    b.retract();
    if (titles.length >= 3) break;
  }
  if (titles.length === 0) return;
  b.popTo(COMPONENT_LEVEL);
  const parent = b.top();
  const num = b.nextPosition(parent, 'component');
  const text = titles.map((t) => t.text).join('');
  const first = titles[0] as Clause;
  const last = titles.at(-1) as Clause;
  b.push(
    b.add(
      {
        kind: 'component',
        num,
        level: COMPONENT_LEVEL,
        labelPart: { text: `「${text}」`, kind: 'container' },
        marker: null,
        title: text,
        lead: null,
        text,
        lines: [first.lines[0], last.lines[1]],
        pages: first.pages && last.pages ? [first.pages[0], last.pages[1]] : null,
      },
      parent,
    ),
  );
}

function isTitleLine(c: Clause): boolean {
  return (c.kind === 'heading' || c.kind === 'paragraph' || c.kind === 'preamble') && [...c.text].length <= MAX_COMPONENT_TITLE && !/[。；，：:]/u.test(c.text) && !DATE_LINE.test(c.text);
}

function pagesOf(first: Block, last: Block = first): [number, number] | null {
  return first.pages && last.pages ? [first.pages[0], last.pages[1]] : null;
}

/**
 * Where attachments begin. A notice lists its attachments (附件：1.… 2.…) before they follow in
 * full, so where one number is printed twice the last is the attachment itself; on paged
 * sources an attachment starts a page, as official documents print it.
 */
function attachmentStarts(blocks: Block[], titleIndex: number): Map<number, AttachmentMarker> {
  const found: Array<[number, AttachmentMarker]> = [];
  blocks.forEach((bl, i) => {
    if (i <= titleIndex || bl.type !== 'line') return;
    const att = parseAttachment(bl.text);
    if (!att) return;
    const prev = blocks[i - 1];
    // 附件：title in the middle of a page is the notice's list of attachments; a bare 附件2 is not.
    if (att.title !== '' && bl.pages && prev?.pages && prev.pages[1] === bl.pages[0]) return;
    found.push([i, att]);
  });
  const lastOf = new Map<string, number>();
  for (const [i, att] of found) lastOf.set(att.key ?? `#${i}`, i);
  // Where attachments are numbered, an unnumbered 附件 before the first one heads the list of them.
  const firstNumbered = found.find(([, att]) => att.num !== null)?.[0] ?? Infinity;
  return new Map(found.filter(([i, att]) => lastOf.get(att.key ?? `#${i}`) === i && (att.num !== null || i > firstNumbered)));
}

/** An attachment is above everything in the plan: its numbering starts again inside it. */
const ATTACHMENT_LEVEL = 0.1;

function addAttachment(b: TreeBuilder, att: AttachmentMarker, block: LineBlock): void {
  b.popTo(ATTACHMENT_LEVEL);
  const num = att.num ?? b.nextPosition(b.top(), 'attachment');
  b.push(
    b.add({
      kind: 'attachment',
      num,
      numText: att.key ?? undefined,
      level: ATTACHMENT_LEVEL,
      labelPart: { text: `附件${att.key?.replace('_', '-') ?? ''}`, kind: 'container' },
      marker: att.printed,
      title: att.title || null,
      lead: null,
      text: block.text,
      lines: [block.start, block.end],
      pages: pagesOf(block),
    }),
  );
}

function isBody(block: LineBlock): boolean {
  return parseMarker(block.text) === null && !isUnnumberedHeading(block) && !/^注[:：]/u.test(block.text);
}

function labelPartFor(marker: Marker, num: number): LabelPart {
  switch (marker.kind) {
    case 'volume':
      return { text: `第${intToChinese(num)}篇`, kind: 'part' };
    case 'chapter':
      return { text: `第${intToChinese(num)}章`, kind: 'part' };
    case 'section':
      return { text: `第${intToChinese(num)}节`, kind: 'part' };
    case 'article':
      return { text: `第${intToChinese(num)}条`, kind: 'part' };
    case 'part':
      return { text: marker.printed.replace(/、$/u, ''), kind: 'part' };
    case 'item':
      return { text: `（${marker.printed.replace(/^[（(]|[）)].*$/gu, '')}）`, kind: 'item' };
    case 'para':
      return { text: String(num), kind: 'para' };
    case 'subpara':
      return { text: `（${num}）`, kind: 'subpara' };
    case 'point':
      return { text: marker.printed, kind: 'suffix' };
    case 'indent':
      return { text: `第${num}项`, kind: 'suffix' };
    case 'box':
      return { text: `专栏${num}`, kind: 'box' };
  }
}

function addHeading(b: TreeBuilder, block: LineBlock): void {
  b.popTo(2);
  const parent = b.top();
  const num = b.nextPosition(parent, 'heading');
  b.push(b.add({ kind: 'heading', num, level: 2, labelPart: { text: block.text, kind: 'heading' }, marker: null, title: block.text, lead: null, text: block.text, lines: [block.start, block.end], pages: pagesOf(block) }, parent));
}

function addParagraph(b: TreeBuilder, block: LineBlock, parent: Open, kind: ClauseKind): void {
  const num = b.nextPosition(parent, 'p');
  const scope = kind === 'notice' || kind === 'preamble' ? kind : undefined;
  b.add({ kind, num, scope, labelPart: { text: `第${num}段`, kind: 'suffix' }, marker: null, title: null, lead: leadOf(block.text), text: block.text, lines: [block.start, block.end], pages: pagesOf(block) }, parent);
}

const INHERITED_COLUMN = /类别|分类|领域|类型/u;

function addTable(b: TreeBuilder, table: TableBlock, caption: LineBlock | null): Clause {
  const parent = b.top();
  const num = b.nextPosition(parent, 'table');
  const captionText = caption?.text ?? null;
  const tableAt = b.clauses.length;
  const open = b.add(
    {
      kind: 'table',
      num,
      labelPart: { text: `表${num}`, kind: 'suffix' },
      marker: null,
      title: captionText,
      lead: null,
      text: captionText ?? `表${num}`,
      cells: table.header,
      table: { columns: table.header, caption: captionText },
      lines: [caption?.start ?? table.start, table.end],
      pages: pagesOf(caption ?? table, table),
    },
    parent,
  );
  const inherit = table.header.map((h) => INHERITED_COLUMN.test(h));
  const serialColumn = table.header[0] === '序号';
  // The column that names what a row measures (具体指标, 项目) titles the row's own page.
  const nameColumn = table.header.findIndex((h) => /指标|项目|名称/u.test(h) && !INHERITED_COLUMN.test(h));
  let previous: string[] = [];
  table.rows.forEach((row, index) => {
    const cells = table.header.map((_, c) => {
      const cell = row[c] ?? '';
      return cell === '' && inherit[c] ? (previous[c] ?? '') : cell;
    });
    previous = cells;
    const serial = serialColumn && /^\d+$/u.test(cells[0] ?? '') ? Number(cells[0]) : index + 1;
    b.add(
      {
        kind: 'row',
        num: serial,
        labelPart: { text: `第${serial}行`, kind: 'suffix' },
        marker: null,
        title: nameColumn === -1 ? null : cells[nameColumn] || null,
        lead: null,
        text: cells.filter((c) => c !== '').join(' '),
        cells,
        lines: [table.start, table.end],
        pages: pagesOf(table),
      },
      open,
    );
  });
  return b.clauses[tableAt] as Clause;
}
