// Extracts a Word file (.docx): the zip is checked by hand first (corrupt files and zip bombs
// are refused before anything is inflated), then mammoth converts it to HTML, and the HTML
// becomes the same blocks as the text path, with heading-styled paragraphs marked as headings.
import mammoth from 'mammoth';
import { AppError } from '../../errors.js';
import type { Block } from '../blocks.js';
import { parseMarker } from '../numbering.js';
import { htmlToBlocks } from './html-blocks.js';
import type { Extracted } from './types.js';
import { checkDeclaredSizes, checkInflatedSizes, readCentralDirectory, type ZipLimits } from './zip-guard.js';

const MAIN_PART = 'word/document.xml';

/** The parts mammoth parses (XML and relationships); media is never read, so never inflated. */
const PARSED_PART = /\.(xml|rels)$/iu;

/**
 * mammoth maps Word's English style names; Chinese Word and WPS files may name them 标题 1…6
 * (and 标题 for the title style). The title style is a heading too: it is the largest type.
 */
const STYLE_MAP = [...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='标题 ${n}'] => h${n}:fresh`, `p[style-name='标题${n}'] => h${n}:fresh`]), "p[style-name='Title'] => h1:fresh", "p[style-name='标题'] => h1:fresh"];

export interface DocxOptions {
  limits?: ZipLimits;
}

/** An OLE compound file: a Word 97–2003 .doc, or a password-protected .docx (encrypted into OLE). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Refuses a file that is not a Word zip, or one that would inflate past the limits. */
function checkContainer(bytes: Uint8Array, name: string, limits: ZipLimits | undefined): void {
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new AppError('FILE_CORRUPT', `${name}（是旧版 .doc 或加密的 Word 文件，请另存为未加密的 .docx）`);
  }
  const entries = readCentralDirectory(bytes, name);
  if (!entries.some((e) => e.name === MAIN_PART)) throw new AppError('FILE_CORRUPT', `${name}（压缩包中没有 ${MAIN_PART}，不是 Word 文档）`);
  checkDeclaredSizes(entries, name, limits);
  checkInflatedSizes(
    bytes,
    entries.filter((e) => PARSED_PART.test(e.name)),
    name,
  );
}

async function toHtml(bytes: Uint8Array, name: string): Promise<{ html: string; warnings: string[] }> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are dropped unread: they carry no clause text, and reading them costs memory.
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    const warnings = result.messages.filter((m) => m.type === 'error').map((m) => `Word 转换出错（部分内容可能缺失）：${m.message}`);
    return { html: result.value, warnings };
  } catch (err) {
    throw new AppError('FILE_CORRUPT', `${name}（Word 文档无法解析：${(err as Error).message}）`);
  }
}

/** The title as laid out: a heading-styled paragraph before the first numbered one. */
function headingTitle(blocks: Block[]): string | null {
  for (const b of blocks) {
    if (b.type !== 'line') continue;
    if (parseMarker(b.text) !== null) return null;
    if (b.heading === true) return b.text;
  }
  return null;
}

export async function extractDocx(bytes: Uint8Array, name: string, options: DocxOptions = {}): Promise<Extracted> {
  if (bytes.length === 0) throw new AppError('FILE_EMPTY', name);
  checkContainer(bytes, name, options.limits);
  const { html, warnings } = await toHtml(bytes, name);
  const blocks = htmlToBlocks(html);
  if (blocks.length === 0) throw new AppError('FILE_EMPTY', `${name}（Word 文档中没有文字）`);
  return { format: 'docx', pages: null, blocks, warnings, layoutTitle: headingTitle(blocks) };
}
