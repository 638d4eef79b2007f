// Decoding: UTF-8 with/without BOM, UTF-16, GBK (with its extension rows) and GB18030 (with its
// four-byte forms); empty, binary and undecodable files refused.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBuffer } from '../../src/ingest/decode.js';
import { errorCode } from '../helpers.js';

const SENTENCE = '到2025年，全市非化石能源消费比重达到45%左右，CCER累计交易量达到4000万吨。';

describe('decodeBuffer', () => {
  it('reads UTF-8 without and with BOM', () => {
    expect(decodeBuffer(Buffer.from(SENTENCE), 'a.txt')).toEqual({ text: SENTENCE, encoding: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SENTENCE)]);
    expect(decodeBuffer(bom, 'a.txt')).toEqual({ text: SENTENCE, encoding: 'utf-8-bom' });
  });
  it('reads GBK and GB18030', () => {
    expect(decodeBuffer(iconv.encode(SENTENCE, 'gbk'), 'gbk.txt')).toEqual({ text: SENTENCE, encoding: 'gb18030' });
    const rare = `${SENTENCE}𠀀`; // outside GBK: needs GB18030's four-byte form
    expect(decodeBuffer(iconv.encode(rare, 'gb18030'), 'gb.txt').text).toBe(rare);
  });
  it('reads GBK characters outside GB2312 (the GBK extension rows)', () => {
    const text = `${SENTENCE}朱镕基同志曾指出，䶮字亦可显示。`;
    const bytes = iconv.encode(text, 'gbk');
    expect(bytes.includes(Buffer.from([0xe9, 0x46]))).toBe(true); // 镕: trail byte below 0xA1
    expect(bytes.includes(Buffer.from([0xfe, 0x9f]))).toBe(true); // 䶮
    expect(decodeBuffer(bytes, 'gbk-ext.txt')).toEqual({ text, encoding: 'gb18030' });
  });
  it('reads characters only GB18030 has, in its four-byte form, in and beyond the BMP', () => {
    // Tibetan ཀ (U+0F40) and Mongolian ᠠ (U+1820) are four bytes in the BMP; 𠀀 (U+20000) is beyond it.
    const text = `${SENTENCE}藏文ཀ、蒙古文ᠠ、扩展B区𠀀。`;
    const bytes = iconv.encode(text, 'gb18030');
    for (const fourBytes of ['8132ee38', '8134d630', '95328236']) expect(bytes.includes(Buffer.from(fourBytes, 'hex')), fourBytes).toBe(true);
    // GBK has none of them: the fixture really needs GB18030.
    expect(iconv.encode('ཀᠠ𠀀', 'gbk').toString()).toMatch(/^\?+$/u);
    expect(decodeBuffer(bytes, 'gb18030-only.txt')).toEqual({ text, encoding: 'gb18030' });
  });
  it('reads UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE, 'utf16le')]);
    expect(decodeBuffer(le, 'u16.txt').text).toBe(SENTENCE);
  });
  it('refuses empty and whitespace-only files, naming the file', () => {
    expect(errorCode(() => decodeBuffer(Buffer.alloc(0), 'empty.txt'))).toBe('FILE_EMPTY');
    expect(errorCode(() => decodeBuffer(Buffer.from(' \n\t\n'), 'blank.txt'))).toBe('FILE_EMPTY');
    expect(() => decodeBuffer(Buffer.alloc(0), 'empty.txt')).toThrow(/empty\.txt/u);
  });
  it('refuses binary files', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(errorCode(() => decodeBuffer(png, 'pic.txt'))).toBe('FILE_BINARY');
  });
  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(errorCode(() => decodeBuffer(Buffer.from([0xff, 0xff, 0xfe, 0x41, 0xff]), 'bad.txt'))).toBe('FILE_UNDECODABLE');
    // Latin-1 text: 0xE9 is no UTF-8 here, and a GB18030 lead byte followed by a space is invalid.
    expect(errorCode(() => decodeBuffer(Buffer.from('Objectifs fix\u00e9 \u00e0 2030\n', 'latin1'), 'latin1.txt'))).toBe('FILE_UNDECODABLE');
    // UTF-8 cut off in the middle of a character (到2025 and the first byte of 年).
    expect(errorCode(() => decodeBuffer(Buffer.from(SENTENCE).subarray(0, 8), 'cut.txt'))).toBe('FILE_UNDECODABLE');
  });
  it('refuses a GB18030 decode that is mostly not text (private-use and rare symbols from random bytes)', () => {
    const bytes = Buffer.alloc(2000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 2 === 0 ? 0xaa : 0xa1 + (i % 90); // user-defined area AAA1–AAFE
    expect(errorCode(() => decodeBuffer(bytes, 'pua.txt'))).toBe('FILE_UNDECODABLE');
  });
});
