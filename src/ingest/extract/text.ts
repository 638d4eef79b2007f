// Plain-text and markdown sources: decoded, then repaired as far as the text allows (form feeds
// as page breaks, page numbers and contents pages left out) and split into blocks. Control
// characters are removed from the whole text first, wherever they are: the binary check looks
// only at the first 64 KB, and a NUL or an escape further on must not reach a clause.
import { splitBlocks } from '../blocks.js';
import { decodeBuffer } from '../decode.js';
import { controlsWarning, stripControls } from '../safe-text.js';
import type { Extracted } from './types.js';

export function extractText(bytes: Uint8Array, name: string): Extracted & { encoding: string } {
  const decoded = decodeBuffer(bytes, name);
  const clean = stripControls(decoded.text);
  const split = splitBlocks(clean.text);
  const warnings: string[] = controlsWarning(clean.removed, name);
  if (split.droppedFooter) {
    warnings.push(`已略去网页页脚（第${split.droppedFooter.start}行起共${split.droppedFooter.lines}行）：${name}`);
  }
  if (split.contentsLines > 0) warnings.push(`已略去目录（${split.contentsLines} 行）：${name}`);
  return { format: 'text', pages: split.pages, blocks: split.blocks, warnings, encoding: decoded.encoding };
}
