// Turns a corpus file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or
// GB18030/GBK; refuses empty, binary and undecodable files with an error naming the file.
import { AppError } from '../errors.js';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

const PLAUSIBLE_SHARE = 0.9;

export function decodeBuffer(buf: Uint8Array, fileName: string): Decoded {
  if (buf.length === 0) throw new AppError('FILE_EMPTY', fileName);
  const decoded = decodeBytes(buf, fileName);
  if (decoded.text.trim() === '') throw new AppError('FILE_EMPTY', fileName);
  if (!looksLikeText(decoded.text)) throw new AppError('FILE_UNDECODABLE', fileName);
  return decoded;
}

function decodeBytes(buf: Uint8Array, fileName: string): Decoded {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    return { text: strict('utf-8', buf.subarray(3), fileName), encoding: 'utf-8-bom' };
  }
  if (startsWith(buf, [0xff, 0xfe])) return { text: strict('utf-16le', buf.subarray(2), fileName), encoding: 'utf-16le' };
  if (startsWith(buf, [0xfe, 0xff])) return { text: strict('utf-16be', buf.subarray(2), fileName), encoding: 'utf-16be' };
  if (looksBinary(buf)) throw new AppError('FILE_BINARY', fileName);
  const utf8 = tryDecode('utf-8', buf);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', buf);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  throw new AppError('FILE_UNDECODABLE', fileName);
}

function strict(encoding: string, buf: Uint8Array, fileName: string): string {
  const text = tryDecode(encoding, buf);
  if (text === null) throw new AppError('FILE_UNDECODABLE', fileName);
  return text;
}

function tryDecode(encoding: string, buf: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return null;
  }
}

function startsWith(buf: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => buf[i] === b);
}

/**
 * NUL bytes, or many C0 control bytes, never occur in the plain-text plans we accept. Only the
 * first 64 KB are sampled: a real binary shows itself there, while a stray NUL or escape further
 * on is removed from the text (safe-text.ts) rather than a reason to refuse the file.
 */
function looksBinary(buf: Uint8Array): boolean {
  const sample = buf.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / sample.length > 0.01;
}

/**
 * GB18030 maps almost any byte sequence to some character, so a successful decode proves
 * little: also require that nearly all characters are ones a Chinese plan is written in.
 */
function looksLikeText(text: string): boolean {
  let good = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (/[\p{Script=Han}\p{P}\p{Zs}\p{N}\p{Sm}\p{So}\p{Sc}\t\n\r\f]|[A-Za-z]/u.test(ch)) good++;
  }
  return total > 0 && good / total >= PLAUSIBLE_SHARE;
}
