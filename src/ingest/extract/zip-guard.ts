// Checks a zip container (a .docx) before any library inflates it: reads the End Of Central
// Directory record and the central directory by hand, refuses what is not a well-formed zip,
// and refuses zip bombs by the sizes the directory declares, then by the sizes the parts
// really inflate to (bounded, so a lying directory cannot make us inflate more than it declared).
import zlib from 'node:zlib';
import { AppError } from '../../errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** An entry this large must not expand more than maxRatio times its compressed size. */
  ratioMinBytes: number;
  maxRatio: number;
  maxEntries: number;
}

const MB = 1024 * 1024;
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 200 * MB, ratioMinBytes: 10 * MB, maxRatio: 200, maxEntries: 10_000 };

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const ZIP64_EXTRA_ID = 0x0001;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const METHOD_DEFLATE = 8;

/** Internal: a structural fault; the caller turns it into FILE_CORRUPT naming the file. */
class ZipFault extends Error {}

function fault(detail: string): never {
  throw new ZipFault(detail);
}

interface Directory {
  entries: number;
  size: number;
  offset: number;
}

function findEocd(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = buf.length - EOCD_SIZE; at >= lowest; at--) {
    if (buf.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + buf.readUInt16LE(at + 20) <= buf.length) return at;
  }
  return fault('不是 zip 压缩包，或文件末尾被截断');
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) fault('zip64 记录中的数值超出范围');
  return Number(value);
}

/** Archives past 65,535 entries or 4 GB keep the real figures in a ZIP64 record. */
function readZip64Directory(buf: Buffer, eocd: number): Directory {
  const locator = eocd - 20;
  if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) fault('缺少 zip64 定位记录');
  const record = safeNumber(buf.readBigUInt64LE(locator + 8));
  if (record + 56 > buf.length || buf.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) fault('zip64 目录记录损坏');
  return {
    entries: safeNumber(buf.readBigUInt64LE(record + 32)),
    size: safeNumber(buf.readBigUInt64LE(record + 40)),
    offset: safeNumber(buf.readBigUInt64LE(record + 48)),
  };
}

function readDirectory(buf: Buffer): Directory {
  if (buf.length < EOCD_SIZE) fault('不是 zip 压缩包');
  const eocd = findEocd(buf);
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) fault('分卷 zip 不受支持');
  const entries = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  const dir = entries === U16_MAX || size === U32_MAX || offset === U32_MAX ? readZip64Directory(buf, eocd) : { entries, size, offset };
  if (dir.offset + dir.size > buf.length) fault('中央目录超出文件末尾（文件被截断）');
  // Every entry takes at least 46 bytes, so a count the directory cannot hold is a lie.
  if (dir.entries * CENTRAL_SIZE > dir.size) fault('中央目录的条目数与其长度不符');
  return dir;
}

/** Real 64-bit sizes for fields saturated at 0xFFFFFFFF, in the order the format lists them. */
function applyZip64Extra(buf: Buffer, extra: { from: number; to: number }, entry: ZipEntry): void {
  let at = extra.from;
  while (at + 4 <= extra.to) {
    const id = buf.readUInt16LE(at);
    const length = buf.readUInt16LE(at + 2);
    const end = at + 4 + length;
    if (end > extra.to) fault('扩展字段超出条目');
    if (id === ZIP64_EXTRA_ID) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > end) fault('zip64 扩展字段过短');
        const value = safeNumber(buf.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = next();
      return;
    }
    at = end;
  }
}

function readEntry(buf: Buffer, at: number, end: number): { entry: ZipEntry; next: number } {
  if (at + CENTRAL_SIZE > end || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) fault('中央目录条目损坏');
  const nameLength = buf.readUInt16LE(at + 28);
  const extraLength = buf.readUInt16LE(at + 30);
  const commentLength = buf.readUInt16LE(at + 32);
  const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
  if (next > end) fault('中央目录条目超出目录');
  const nameStart = at + CENTRAL_SIZE;
  const entry: ZipEntry = {
    name: buf.toString('utf8', nameStart, nameStart + nameLength),
    method: buf.readUInt16LE(at + 10),
    compressedSize: buf.readUInt32LE(at + 20),
    uncompressedSize: buf.readUInt32LE(at + 24),
    localHeaderOffset: buf.readUInt32LE(at + 42),
  };
  applyZip64Extra(buf, { from: nameStart + nameLength, to: nameStart + nameLength + extraLength }, entry);
  return { entry, next };
}

/** The archive's entries as its central directory lists them; nothing is inflated. */
export function readCentralDirectory(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const dir = readDirectory(buf);
    const entries: ZipEntry[] = [];
    let at = dir.offset;
    for (let i = 0; i < dir.entries; i++) {
      const read = readEntry(buf, at, dir.offset + dir.size);
      entries.push(read.entry);
      at = read.next;
    }
    return entries;
  } catch (err) {
    if (err instanceof ZipFault) throw new AppError('FILE_CORRUPT', `${fileName}（${err.message}）`);
    throw err;
  }
}

function tooLarge(fileName: string, detail: string): AppError {
  return new AppError('FILE_TOO_LARGE', `${fileName}（${detail}）`);
}

const inMb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Refuses an archive by the sizes its directory declares. */
export function checkDeclaredSizes(entries: ZipEntry[], fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  if (entries.length > limits.maxEntries) throw tooLarge(fileName, `含 ${entries.length} 个条目，上限 ${limits.maxEntries}`);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.compressedSize === 0 ? Infinity : e.uncompressedSize / e.compressedSize;
    if (e.uncompressedSize > limits.ratioMinBytes && ratio > limits.maxRatio) {
      throw tooLarge(fileName, `条目 ${e.name} 解压后 ${inMb(e.uncompressedSize)}，压缩比超过 ${limits.maxRatio}:1`);
    }
  }
  if (total > limits.maxTotalBytes) throw tooLarge(fileName, `解压后共 ${inMb(total)}，上限 ${inMb(limits.maxTotalBytes)}`);
}

function entryData(buf: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_SIZE > buf.length || buf.readUInt32LE(at) !== LOCAL_SIGNATURE) fault(`条目 ${entry.name} 的本地头损坏`);
  const start = at + LOCAL_SIZE + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buf.length) fault(`条目 ${entry.name} 的数据超出文件末尾（文件被截断）`);
  return buf.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates the named entries with the output capped at their declared size: a directory that
 * understates a part's size (to pass checkDeclaredSizes) is caught after at most that many bytes.
 */
export function checkInflatedSizes(bytes: Uint8Array, entries: ZipEntry[], fileName: string): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    if (entry.method !== METHOD_DEFLATE) continue;
    try {
      const data = entryData(buf, entry);
      zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (err) {
      if (err instanceof ZipFault) throw new AppError('FILE_CORRUPT', `${fileName}（${err.message}）`);
      if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw tooLarge(fileName, `条目 ${entry.name} 解压后超过其声明的 ${entry.uncompressedSize} 字节`);
      }
      throw new AppError('FILE_CORRUPT', `${fileName}（条目 ${entry.name} 无法解压）`);
    }
  }
}
