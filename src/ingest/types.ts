// The plain data that ingest hands to every later stage: documents and their clause trees.
import type { SourceFormat } from './extract/types.js';

export type Level = 'national' | 'province' | 'city' | 'county';

/** National plans first: provinces implement them, cities their province's, counties their city's. */
export const LEVEL_ORDER: readonly Level[] = ['national', 'province', 'city', 'county'];
/** The level tag and facet value of documents whose level is not known. */
export const NO_LEVEL = 'none';

export const LEVEL_LABELS: Record<Level, string> = {
  national: '国家级',
  province: '省级',
  city: '市级',
  county: '县级',
};

export interface ParentJurisdiction {
  name: string;
  adminCode: string | null;
  province?: string;
}

/** Catalogue facts about one source file; null where the text does not say. */
export interface CatalogEntry {
  file: string;
  id: string;
  title: string;
  jurisdiction: string | null;
  adminCode: string | null;
  level: Level | null;
  parent: ParentJurisdiction | null;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  status: string | null;
  /** The official publication's address (a government site's page), cited in preference to this tool's own. */
  sourceUrl?: string | null;
  sourceSha256?: string;
  notes?: string;
  /**
   * The id of an earlier version of the same plan (its 征求意见稿, or the edition this one revises),
   * for versions whose titles differ by more than the stage word.
   */
  versionOf?: string | null;
}

export interface DocumentMeta extends CatalogEntry {
  sourceFile: string;
  contentHash: string;
  encoding: string;
  /** 规划, 实施方案, 意见…: the type word the title ends on; null where it names none. */
  docType?: string | null;
  /**
   * Fields the document gave about itself because no catalogue entry did: where each was read
   * (cover, signature, title, body) and how sure the engine is (0–1). Empty when catalogued.
   */
  inferred?: Record<string, { source: 'cover' | 'signature' | 'title' | 'body' | 'file'; confidence: number }>;
  /** The source's format (text, pdf, docx, html) and its page count where it has pages. */
  format: SourceFormat;
  pages: number | null;
  catalogued: boolean;
  clauseCount: number;
}

/**
 * Kinds of addressable unit. Numbered kinds take their eId from the printed number;
 * the others count position among same-kind siblings.
 */
export type ClauseKind =
  | 'notice' // cover notice / front matter before the plan's own title
  | 'preamble' // text between the title and the first numbered part
  | 'preface' // a 前言 heading
  | 'component' // one of several documents printed in one file, each numbered from 一、
  | 'volume' // 第一篇
  | 'chapter' // 第一章
  | 'section' // 第一节
  | 'article' // 第一条
  | 'attachment' // 附件 / 附件1: its own numbering, local to it
  | 'part' // 一、
  | 'item' // （一）
  | 'para' // 1.
  | 'subpara' // （1）
  | 'point' // 一是 / 二是
  | 'indent' // —— dash item
  | 'heading' // an unnumbered heading such as 主要目标
  | 'box' // 专栏 N
  | 'paragraph' // an unnumbered paragraph
  | 'note' // 注：…
  | 'table' // a table's caption; rows are its children
  | 'row'; // one table row

/** Units that open a heading: the reader lists them in its contents, ranking counts them double. */
export const HEADING_KINDS: ReadonlySet<ClauseKind> = new Set<ClauseKind>(['attachment', 'component', 'volume', 'chapter', 'section', 'preface', 'part', 'item', 'heading', 'box', 'table']);

export interface TableInfo {
  columns: string[];
  caption: string | null;
  /** Notes printed under the table (注：…). */
  notes?: string[];
}

export interface Clause {
  /** Global id: `<docId>.<eId>`, stable and URL-safe. */
  id: string;
  docId: string;
  eId: string;
  kind: ClauseKind;
  /** Printed pinpoint label, e.g. 三（四）11. */
  label: string;
  /** The printed marker as in the source, e.g. `1.` or `(一)`; null when unnumbered. */
  marker: string | null;
  /** Heading title (text without its marker), for units that open a heading. */
  title: string | null;
  /** The phrase that opens the clause and ends in 。, without the 。. */
  lead: string | null;
  /** Display text: faithful to the source, with export damage repaired. */
  text: string;
  /** Ancestor eIds, outermost first. */
  ancestors: string[];
  parentEId: string | null;
  depth: number;
  order: number;
  /** Table rows: the cells in column order; table captions: the column headers. */
  cells: string[] | null;
  table: TableInfo | null;
  /** 1-based source line numbers this clause was read from. */
  lines: [number, number];
  /** 1-based first and last page, for sources that have pages; null otherwise. */
  pages?: [number, number] | null;
}

export interface ParsedDocument {
  meta: DocumentMeta;
  clauses: Clause[];
  warnings: string[];
  /** The id was made from the document's identity (not a catalogue or file name): a clash may rename it. */
  idFromIdentity?: boolean;
}

export interface IngestProblem {
  file: string;
  code: string;
  message: string;
}

export interface Corpus {
  documents: ParsedDocument[];
  errors: IngestProblem[];
  warnings: IngestProblem[];
}
