// A PDF file to the extractor contract: pages read in a worker, then laid out into blocks.
// A file whose pages carry (almost) no text is a scan without a text layer.
import { AppError } from '../../errors.js';
import type { Extracted } from '../extract/types.js';
import { layoutPages } from './layout.js';
import { readPdfPages, type ReadLimits } from './read.js';

/** Fewer Han characters than this per page on average: the pages are images. */
const MIN_CHARS_PER_PAGE = 20;

export async function extractPdf(bytes: Uint8Array, name: string, limits: ReadLimits): Promise<Extracted> {
  const pages = await readPdfPages(bytes, name, limits);
  let han = 0;
  for (const page of pages) for (const item of page.items) han += (item[4].match(/\p{Script=Han}/gu) ?? []).length;
  if (pages.length === 0 || han < MIN_CHARS_PER_PAGE * pages.length * 0.5) {
    throw new AppError('PDF_NO_TEXT', `${name}（${pages.length} 页，共 ${han} 个汉字）`);
  }
  const layout = layoutPages(pages);
  const warnings: string[] = [];
  if (layout.stats.contentsLines > 0) warnings.push(`已略去目录（${layout.stats.contentsLines} 行）：${name}`);
  return { format: 'pdf', pages: pages.length, blocks: layout.blocks, warnings, layoutTitle: layout.layoutTitle, layoutStats: layout.stats, pageLabels: layout.pageLabels };
}
