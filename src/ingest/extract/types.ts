// What every format's extractor hands to the parser: the document as blocks (paragraphs and
// tables, in reading order), plus the facts about the source that the reader and the report show.
import type { Block } from '../blocks.js';

export type SourceFormat = 'text' | 'pdf' | 'docx' | 'html';

export const SOURCE_FORMAT_LABELS: Record<SourceFormat, string> = {
  text: '文本',
  pdf: 'PDF',
  docx: 'Word',
  html: '网页',
};

/** Plain data, JSON-serialisable: it crosses a worker boundary and is cached on disk. */
export interface Extracted {
  format: SourceFormat;
  /** Page count where the format has pages (PDF, text with form feeds); null otherwise. */
  pages: number | null;
  blocks: Block[];
  /** Human-readable notes in Chinese (dropped footer, contents page left out, …). */
  warnings: string[];
  /** The document's title as laid out (largest type on the first page, a web page's <h1>). */
  layoutTitle?: string | null;
  /** A web page's own address as it states it (its canonical link or og:url): the source a citation points to. */
  sourceUrl?: string | null;
  /** What layout repair removed or joined (PDF): page numbers, running headers, contents lines, tables, page joins. */
  layoutStats?: Record<string, number>;
  /** Page numbers as printed, by 1-based page, where the layout found them. */
  pageLabels?: Record<number, string>;
}
