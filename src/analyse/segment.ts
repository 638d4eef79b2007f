// Word boundaries from nodejieba with the domain dictionary. Only index builds import this
// file: loading jieba takes about a second and 240 MB, and a fresh index already stores
// every boundary ranking needs.
import fs from 'node:fs';
import { AppError } from '../errors.js';

export interface Segmenter {
  /** Lengths (UTF-16 units) of consecutive words that exactly tile `text`. */
  wordLengths(text: string): number[];
}

let loaded: Segmenter | null = null;
let loadedDict: string | null = null;

export async function loadSegmenter(dictPath: string): Promise<Segmenter> {
  if (loaded && loadedDict === dictPath) return loaded;
  // cppjieba aborts the whole process on a missing dictionary, so look before loading.
  if (!fs.existsSync(dictPath)) throw new AppError('CONFIG_INVALID', `分词词典不存在：${dictPath}`);
  const jieba = (await import('nodejieba')).default;
  jieba.load({ userDict: dictPath });
  loaded = { wordLengths: (text) => tile(text, jieba.cut(text, true)) };
  loadedDict = dictPath;
  return loaded;
}

/** jieba may drop or merge whitespace; realign its words on the text so lengths always tile it. */
export function tile(text: string, words: string[]): number[] {
  const lengths: number[] = [];
  let at = 0;
  for (const word of words) {
    if (word === '') continue;
    const found = text.indexOf(word, at);
    if (found < 0) continue;
    if (found > at) lengths.push(found - at);
    lengths.push(word.length);
    at = found + word.length;
  }
  if (at < text.length) lengths.push(text.length - at);
  return lengths;
}
