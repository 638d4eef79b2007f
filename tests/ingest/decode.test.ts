// Decoding: UTF-8 with/without BOM, UTF-16, GBK/GB18030; empty, binary, undecodable refused.
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
  });
});
