// Parses a document's blocks into the clause tree: numbered units take their level and eId
// from the printed numbering; unnumbered paragraphs, dash items, boxes and table rows hang
// under the innermost open unit.
import type { Block, LineBlock, TableBlock } from './blocks.js';
import { isTitleOnly } from './blocks.js';
import { citationFor, labelFor, type LabelPart } from './identity.js';
import { MARKER_LEVEL, parseMarker, type Marker } from './numbering.js';
import { DATE_LINE } from './text.js';
import type { Clause, ClauseKind } from './types.js';

export interface ParseInput {
  docId: string;
  /** The plan's own title; the line that holds it separates the cover notice from the plan. */
  title: string | null;
  docNumber: string | null;
  blocks: Block[];
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
}

const EID_PREFIX: Record<ClauseKind, string> = {
  notice: 'p', preamble: 'p', preface: 'preface', part: 'part', item: 'item', para: 'para',
  subpara: 'subpara', point: 'point', indent: 'indent', heading: 'hcontainer', box: 'box',
  paragraph: 'p', note: 'note', table: 'table', row: 'row',
};

const MAX_LEAD = 40;
const MAX_UNNUMBERED_HEADING = 20;

class TreeBuilder {
  readonly clauses: Clause[] = [];
  private readonly root: Open = { eId: '', path: [], kind: null, level: 0, labelParts: [], counters: new Map() };
  private stack: Open[] = [];
  private readonly used = new Set<string>();

  constructor(
    private readonly docId: string,
    private readonly cite: { title: string; docNumber: string | null },
  ) {}

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

  /** Next position among siblings of one kind, for units that have no printed number. */
  nextPosition(parent: Open, key: string): number {
    const n = (parent.counters.get(key) ?? 0) + 1;
    parent.counters.set(key, n);
    return n;
  }

  uniqueEId(base: string): string {
    let eId = base;
    for (let n = 2; this.used.has(eId); n++) eId = `${base}_dup${n}`;
    this.used.add(eId);
    return eId;
  }

  add(spec: ClauseSpec, parent: Open = this.top()): Open {
    const local = `${EID_PREFIX[spec.kind]}_${spec.num}`;
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
      citation: citationFor({ ...this.cite, label, lead: spec.lead }),
      lines: spec.lines,
    };
    this.clauses.push(clause);
    if (spec.kind !== 'notice') this.onlyNotices = false;
    return { eId, path: [...parent.path, eId], kind: spec.kind, level: spec.level ?? 99, labelParts, counters: new Map() };
  }

  push(open: Open): void {
    this.stack.push(open);
  }
}

interface ClauseSpec {
  kind: ClauseKind;
  num: number;
  scope?: string;
  level?: number;
  labelPart: LabelPart;
  marker: string | null;
  title: string | null;
  lead: string | null;
  text: string;
  lines: [number, number];
  cells?: string[];
  table?: { columns: string[]; caption: string | null };
}

export function parseDocument(input: ParseInput): ParseOutput {
  const blocks = input.blocks;
  const titleIndex = findTitle(blocks, input.title);
  const foundTitle = titleIndex === -1 ? null : (blocks[titleIndex] as LineBlock).text;
  const b = new TreeBuilder(input.docId, { title: input.title ?? foundTitle ?? input.docId, docNumber: input.docNumber });
  const front = blocks.slice(0, Math.max(titleIndex, 0));
  const notice = container(front.some((bl) => bl.type === 'line' && bl.text.includes('通知')) ? '印发通知' : '文首');
  const preamble = container('序言');

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (i === titleIndex) continue;
    if (block.type === 'table') {
      addTable(b, block, null);
      continue;
    }
    const next = blocks[i + 1];
    if (i < titleIndex || (b.onlyNotices && DATE_LINE.test(block.text))) {
      addParagraph(b, block, notice, 'notice');
      continue;
    }
    const marker = parseMarker(block.text);
    if (marker) {
      i += addNumbered(b, marker, block, next);
      continue;
    }
    if (isUnnumberedHeading(block) && next?.type === 'table') {
      addTable(b, next, block);
      i++;
      continue;
    }
    if (/^前言$|^序言$/u.test(block.text) && b.atRoot()) {
      b.popTo(1);
      b.push(b.add({ kind: 'preface', num: 1, level: 1, labelPart: { text: '前言', kind: 'container' }, marker: null, title: block.text, lead: null, text: block.text, lines: [block.start, block.end] }));
      continue;
    }
    // A signature line followed by a date (某市人民政府 / 2024年3月13日) is not a heading.
    if (isUnnumberedHeading(block) && next?.type === 'line' && !DATE_LINE.test(next.text) && !b.onlyNotices) {
      addHeading(b, block);
      continue;
    }
    if (/^注[:：]/u.test(block.text)) {
      const parent = b.top();
      b.add({ kind: 'note', num: b.nextPosition(parent, 'note'), labelPart: { text: '注', kind: 'suffix' }, marker: null, title: null, lead: null, text: block.text, lines: [block.start, block.end] });
      continue;
    }
    if (closesBox(b.top(), block)) b.popTo(MARKER_LEVEL.box);
    const inRoot = b.atRoot();
    addParagraph(b, block, inRoot ? preamble : b.top(), inRoot ? 'preamble' : 'paragraph');
  }
  return { clauses: b.clauses, foundTitle };
}

/** Paragraph holders that are not clauses themselves: the cover notice and the preamble. */
function container(label: string): Open {
  return { eId: '', path: [], kind: null, level: 0, labelParts: [{ text: label, kind: 'container' }], counters: new Map() };
}

function findTitle(blocks: Block[], title: string | null): number {
  const squash = (s: string) => s.replace(/\s+/gu, '');
  if (title) {
    const want = squash(title);
    const exact = blocks.findIndex((bl) => bl.type === 'line' && squash(bl.text) === want);
    if (exact !== -1) return exact;
  }
  const firstLine = blocks.findIndex((bl) => bl.type === 'line');
  const first = blocks[firstLine];
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
  part: 'part', item: 'item', para: 'para', subpara: 'subpara', point: 'point', indent: 'indent', box: 'box',
};

/** Adds a numbered unit; returns how many following blocks it consumed. */
function addNumbered(b: TreeBuilder, marker: Marker, block: LineBlock, next: Block | undefined): number {
  const kind = KIND_OF[marker.kind];
  const level = MARKER_LEVEL[marker.kind];
  const leaf = kind === 'point' || kind === 'indent';
  if (!leaf) b.popTo(level);
  const parent = b.top();
  const num = marker.num ?? b.nextPosition(parent, kind);
  const titleOnly = isTitleOnly(marker.rest);
  // A title-only numbered line ending in 。 followed by its body paragraph ("1.加快发展千亿级
  // 产业集群。" + body) is one clause with the title as its lead phrase, as when printed inline.
  const merge = titleOnly && marker.rest.endsWith('。') && level >= 3 && !leaf && next?.type === 'line' && isBody(next);
  const own = marker.printed + marker.rest;
  const text = merge ? own + (next as LineBlock).text : own;
  const lead = merge ? marker.rest.slice(0, -1) : titleOnly ? null : leadOf(marker.rest);
  const title = leaf ? null : (lead ?? (titleOnly ? marker.rest.replace(/。$/u, '') : null));
  const open = b.add(
    {
      kind, num, level, marker: marker.printed, title, lead, text,
      labelPart: labelPartFor(marker, num),
      lines: [block.start, merge ? (next as LineBlock).end : block.end],
    },
    parent,
  );
  if (!leaf) b.push(open);
  return merge ? 1 : 0;
}

function isBody(block: LineBlock): boolean {
  return parseMarker(block.text) === null && !isUnnumberedHeading(block) && !/^注[:：]/u.test(block.text);
}

function labelPartFor(marker: Marker, num: number): LabelPart {
  switch (marker.kind) {
    case 'part': return { text: marker.printed.replace(/、$/u, ''), kind: 'part' };
    case 'item': return { text: `（${marker.printed.replace(/^[（(]|[）)].*$/gu, '')}）`, kind: 'item' };
    case 'para': return { text: String(num), kind: 'para' };
    case 'subpara': return { text: `（${num}）`, kind: 'subpara' };
    case 'point': return { text: marker.printed, kind: 'suffix' };
    case 'indent': return { text: `第${num}项`, kind: 'suffix' };
    case 'box': return { text: `专栏${num}`, kind: 'box' };
  }
}

function addHeading(b: TreeBuilder, block: LineBlock): void {
  b.popTo(2);
  const parent = b.top();
  const num = b.nextPosition(parent, 'heading');
  b.push(b.add({ kind: 'heading', num, level: 2, labelPart: { text: block.text, kind: 'heading' }, marker: null, title: block.text, lead: null, text: block.text, lines: [block.start, block.end] }, parent));
}

function addParagraph(b: TreeBuilder, block: LineBlock, parent: Open, kind: ClauseKind): void {
  const num = b.nextPosition(parent, 'p');
  const scope = kind === 'notice' || kind === 'preamble' ? kind : undefined;
  b.add(
    { kind, num, scope, labelPart: { text: `第${num}段`, kind: 'suffix' }, marker: null, title: null, lead: leadOf(block.text), text: block.text, lines: [block.start, block.end] },
    parent,
  );
}

const INHERITED_COLUMN = /类别|分类|领域|类型/u;

function addTable(b: TreeBuilder, table: TableBlock, caption: LineBlock | null): void {
  const parent = b.top();
  const num = b.nextPosition(parent, 'table');
  const captionText = caption?.text ?? null;
  const open = b.add(
    {
      kind: 'table', num, labelPart: { text: `表${num}`, kind: 'suffix' }, marker: null, title: captionText, lead: null,
      text: captionText ?? `表${num}`, cells: table.header, table: { columns: table.header, caption: captionText },
      lines: [caption?.start ?? table.start, table.end],
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
        kind: 'row', num: serial, labelPart: { text: `第${serial}行`, kind: 'suffix' }, marker: null, title: nameColumn === -1 ? null : (cells[nameColumn] || null), lead: null,
        text: cells.filter((c) => c !== '').join(' '), cells, lines: [table.start, table.end],
      },
      open,
    );
  });
}
