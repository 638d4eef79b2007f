// Reads one corpus file's bytes, and only if it is a regular file inside the corpus folder and
// within the size limit. A symlink named p.txt pointing at /etc/passwd must not load and be
// served as a document, and a 3 GB file must be refused before it is read into memory.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';
import { tooLargeError } from './extract/limits.js';

export interface ReadCorpusFileOptions {
  /** The path to read: a direct child of its corpus folder (the folder may itself be a symlink). */
  file: string;
  /** The file's name as it may be printed (printableName), for error messages. */
  shown: string;
  maxBytes: number;
}

export function readCorpusFile({ file, shown, maxBytes }: ReadCorpusFileOptions): Buffer {
  checkEntry(file, shown);
  const fd = openNoFollow(file, shown);
  try {
    // Sized from the open descriptor, so a file swapped after the checks is still measured.
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new AppError('FILE_UNREADABLE', `${shown}（不是普通文件）`);
    if (stat.size > maxBytes) throw tooLargeError(shown, stat.size, maxBytes);
    return readAll(fd, stat.size);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Every symlink is refused, even one pointing inside the folder: the folder's contents are what
 * is published, and a link may be re-pointed later. Anything else must resolve inside the folder.
 */
function checkEntry(file: string, shown: string): void {
  const stat = fs.lstatSync(file);
  if (stat.isSymbolicLink()) throw outside(shown, '符号链接');
  if (stat.isDirectory()) throw new AppError('FILE_UNREADABLE', `${shown}（EISDIR）`);
  // A FIFO or device named *.txt would block the build or never end.
  if (!stat.isFile()) throw new AppError('FILE_UNREADABLE', `${shown}（不是普通文件）`);
  const folder = fs.realpathSync(path.dirname(file));
  const relative = path.relative(folder, fs.realpathSync(file));
  // Not startsWith('..'): a file may be named ..plan.txt.
  if (relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) throw outside(shown, '实际位置在语料目录之外');
}

function outside(shown: string, why: string): AppError {
  return new AppError('FILE_OUTSIDE_CORPUS', `${shown}（${why}）`);
}

/**
 * O_NOFOLLOW closes the gap between the check and the open: a file replaced by a symlink in
 * between fails to open (ELOOP). O_NONBLOCK keeps a file replaced by a FIFO from blocking here.
 */
function openNoFollow(file: string, shown: string): number {
  const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0 } = fs.constants;
  try {
    return fs.openSync(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw outside(shown, '符号链接');
    throw err;
  }
}

/** Exactly the bytes fstat counted: a file that grows while it is read cannot pass the limit. */
function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const n = fs.readSync(fd, buf, at, size - at, at);
    if (n === 0) break;
    at += n;
  }
  return at < size ? buf.subarray(0, at) : buf;
}
