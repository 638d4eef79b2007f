// Decodes a saved web page: by the charset the page declares (<meta charset>, http-equiv
// Content-Type, an XML declaration), with the corpus's own UTF-8 / GB18030 detection where the
// page declares none, declares the GB family, or lies (a page re-saved as UTF-8 keeps its old
// <meta charset="gb2312">; valid UTF-8 that is not ASCII is never an accident).
import { isUtf8 } from 'node:buffer';
import { decodeBuffer } from '../decode.js';

export interface DecodedPage {
  text: string;
  /** The encoding actually used. */
  encoding: string;
  /** The charset the page declares, lower-cased; null when it declares none. */
  declared: string | null;
  warnings: string[];
}

/** Browsers look for the declaration in the first 1024 bytes; saved pages sometimes push it further. */
const SNIFF_BYTES = 4096;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)/iu;
const XML_ENCODING = /^\s*<\?xml[^>]+encoding\s*=\s*["']([-\w:.]+)/iu;

/** Every label of the GB2312 family decodes as GB18030, its superset (WHATWG maps them to GBK). */
const GB_FAMILY = /^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|csgb2312|chinese|euc-cn|gb_2312(-80)?|iso-ir-58|csiso58gb231280)$/u;
const UTF8_FAMILY = /^(utf-?8|unicode-1-1-utf-8|unicode11utf8|unicode20utf8|x-unicode20utf8)$/u;

export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString('latin1');
  const found = META_CHARSET.exec(head)?.[1] ?? XML_ENCODING.exec(head)?.[1];
  return found ? found.toLowerCase() : null;
}

function hasBom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** A declared charset outside the UTF-8 and GB families (Big5, Shift_JIS, windows-1252…). */
function decodeDeclared(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Pure-ASCII bytes read the same in every family, so only pages with other bytes can disagree. */
function disagrees(declared: string, used: string, bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  if (GB_FAMILY.test(declared)) return used !== 'gb18030';
  if (UTF8_FAMILY.test(declared)) return used === 'gb18030';
  return false;
}

export function decodeHtml(bytes: Uint8Array, fileName: string): DecodedPage {
  const declared = declaredCharset(bytes);
  const warnings: string[] = [];
  const other = declared !== null && !hasBom(bytes) && !GB_FAMILY.test(declared) && !UTF8_FAMILY.test(declared) && !isUtf8(bytes);
  if (other) {
    const text = decodeDeclared(bytes, declared);
    if (text !== null) return { text, encoding: declared, declared, warnings };
    warnings.push(`网页声明的编码 ${declared} 无法解码此文件，已按 UTF-8 / GB18030 识别：${fileName}`);
  }
  // decodeBuffer: BOM, then strict UTF-8, then GB18030; refuses empty, binary and undecodable files.
  const decoded = decodeBuffer(bytes, fileName);
  if (declared !== null && disagrees(declared, decoded.encoding, bytes)) {
    warnings.push(`网页声明的编码为 ${declared}，实际按 ${decoded.encoding} 解码：${fileName}`);
  }
  return { text: decoded.text, encoding: decoded.encoding, declared, warnings };
}
