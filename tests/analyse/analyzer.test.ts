// The one analyzer on its own, with real policy sentences: normalisation, the offset map,
// recall tokens, query tokens, and jieba word boundaries with the domain dictionary.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { displaySpan, findAll, normalize, normalizeText, recallTokens, termTokens, USER_DICT_PATH } from '../../src/analyse/analyzer.js';
import { loadSegmenter, tile, type Segmenter } from '../../src/analyse/segment.js';
import { normOf } from '../../src/index/search-index.js';
import { realIndex } from '../helpers.js';

describe('normalize', () => {
  it.each([
    ['到 2025 年，力争全省50%以上', '到2025年,力争全省50%以上'],
    ['国家核证自愿减排量（ＣＣＥＲ）', '国家核证自愿减排量(ccer)'],
    ['加氫站建設與碳達峰', '加氢站建设与碳达峰'],
    ['推进 CCUS 技术 示范', '推进ccus技术示范'],
    ['CCUS  technology\tdemo', 'ccus technology demo'],
    ['碳\u200b达峰', '碳达峰'],
    ['　（一）指导思想　', '(一)指导思想'],
    ['“双碳” 目标', '“双碳”目标'],
    ['单位ＧＤＰ能耗', '单位gdp能耗'],
  ])('%s → %s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('maps every normalised character back to its display span', () => {
    const display = '到 2025 年';
    const n = normalize(display);
    expect(n.text).toBe('到2025年');
    expect(n.starts).toEqual([0, 2, 3, 4, 5, 7]);
    expect(displaySpan(n, 1, 5)).toEqual([2, 6]);
    expect(display.slice(...displaySpan(n, 0, 6))).toBe(display);
  });

  it('an expansion maps all its characters to the one display character', () => {
    const n = normalize('面积㎡');
    expect(n.text).toBe('面积m2');
    expect(displaySpan(n, 2, 3)).toEqual([2, 3]);
    expect(displaySpan(n, 3, 4)).toEqual([2, 3]);
  });

  it('characters beyond the BMP keep one map entry per UTF-16 unit', () => {
    const n = normalize('𠀀碳汇');
    expect(n.starts).toHaveLength(n.text.length);
    const at = n.text.indexOf('碳汇');
    expect(displaySpan(n, at, at + 2)).toEqual([2, 4]);
  });

  it('the offset map served from the index (identity view or recomputed) equals normalising the clause', () => {
    let identities = 0;
    for (const e of realIndex().entries) {
      const served = normOf(e);
      const fresh = normalize(e.clause.text);
      expect(served.text).toBe(fresh.text);
      expect(Array.from(served.starts)).toEqual(Array.from(fresh.starts));
      expect(Array.from(served.ends)).toEqual(Array.from(fresh.ends));
      if (e.identity) identities++;
    }
    // Both paths must be exercised: most clauses keep their offsets, some drop spaces or fold.
    expect(identities).toBeGreaterThan(realIndex().entries.length / 2);
    expect(identities).toBeLessThan(realIndex().entries.length);
  });

  it('is idempotent on the whole corpus, and the map is monotone', () => {
    for (const e of realIndex().entries) {
      expect(normalizeText(e.text)).toBe(e.text);
      const { starts } = normOf(e);
      for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1] as number);
    }
  });

  it('converts character by character, so a substring normalises like the same text in context', () => {
    // Phrase conversion would turn 乾隆 into 乾隆 but 乾 alone into 干; we must be consistent.
    expect(normalizeText('乾隆')).toBe(`${normalizeText('乾')}${normalizeText('隆')}`);
  });
});

describe('brackets fold to one kind (文号 as printed and as typed)', () => {
  it('〔〕 【】 〖〗 [] ［］ （） () all normalise to (), one character for one, spans kept', () => {
    for (const typed of ['国发〔2021〕23号', '国发[2021]23号', '国发【2021】23号', '国发〖2021〗23号', '国发［2021］23号', '国发（2021）23号', '国发(2021)23号']) {
      expect(normalizeText(typed), typed).toBe('国发(2021)23号');
      const n = normalize(typed);
      expect(displaySpan(n, 2, 8)).toEqual([2, 8]);
    }
  });
});

describe('recall tokens', () => {
  it('single characters and overlapping pairs; ASCII words are not tokens of their own (never read)', () => {
    expect(recallTokens('氢能ccus')).toEqual(['氢', '氢能', '能', '能c', 'c', 'cc', 'cu', 'u', 'us', 's']);
    expect(recallTokens('加氢站')).toEqual(['加', '加氢', '氢', '氢站', '站']);
    expect(recallTokens('5g')).toEqual(['5', '5g', 'g']);
  });

  it('a term needs its pairs, or its one character', () => {
    expect(termTokens('加氢站')).toEqual(['加氢', '氢站']);
    expect(termTokens('氢')).toEqual(['氢']);
    expect(termTokens('碳碳碳')).toEqual(['碳碳']);
  });

  it('every token a term needs is among the tokens of any text containing it', () => {
    const text = normalizeText('推动国家核证自愿减排量（CCER）等自愿减排项目储备和开发');
    const tokens = new Set(recallTokens(text));
    for (let i = 0; i < text.length; i++)
      for (let j = i + 1; j <= Math.min(text.length, i + 8); j++) {
        for (const t of termTokens(text.slice(i, j))) expect(tokens.has(t)).toBe(true);
      }
  });

  it('findAll finds non-overlapping occurrences left to right', () => {
    expect(findAll('碳汇碳汇林草碳汇', '碳汇')).toEqual([0, 2, 6]);
    expect(findAll('碳碳碳', '碳碳')).toEqual([0]);
    expect(findAll('abc', '')).toEqual([]);
  });
});

describe('word boundaries (jieba + domain dictionary)', () => {
  let segmenter: Segmenter;
  beforeAll(async () => {
    segmenter = await loadSegmenter(USER_DICT_PATH);
  });
  const words = (text: string) => {
    const n = normalizeText(text);
    let at = 0;
    return segmenter.wordLengths(n).map((l) => n.slice(at, (at += l)));
  };

  it('the dictionary is a data file of at least 200 terms, each found in the corpus', () => {
    const lines = fs.readFileSync(USER_DICT_PATH, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(200);
    const corpus = realIndex()
      .entries.map((e) => e.clause.text.replace(/\s+/gu, ''))
      .join('\n');
    for (const line of lines) {
      const term = line.split(' ')[0] as string;
      expect(corpus.includes(term), term).toBe(true);
    }
  });

  it.each([
    ['推动国家核证自愿减排量（CCER）等自愿减排项目储备和开发', ['推动', '国家', '核证自愿减排量', '(', 'ccer', ')', '等', '自愿减排', '项目', '储备', '和', '开发']],
    ['加快五通桥区配套加氢站建设', ['加快', '五通桥区', '配套', '加氢站', '建设']],
    ['到 2025 年，力争全省50%以上的城市建成区达到海绵城市建设要求', ['到', '2025', '年', ',', '力争', '全省', '50', '%', '以上', '的', '城市', '建成区', '达到', '海绵城市', '建设', '要求']],
    ['推进源网荷储一体化和分布式光伏开发', ['推进', '源网荷储', '一体化', '和', '分布式光伏', '开发']],
    ['推动林草碳汇高质量发展', ['推动', '林草', '碳汇', '高质量', '发展']],
    ['碳達峰碳中和', ['碳达峰', '碳中和']],
  ])('%s', (sentence, expected) => {
    expect(words(sentence)).toEqual(expected);
  });

  it('word lengths always tile the text, even where jieba drops or merges spaces', () => {
    expect(tile('ab cd', ['ab', 'cd'])).toEqual([2, 1, 2]);
    expect(tile('abc', ['x', 'abc'])).toEqual([3]);
    expect(tile('abcd', ['ab'])).toEqual([2, 2]);
    for (const e of realIndex().entries.slice(0, 50)) {
      expect(segmenter.wordLengths(e.text).reduce((a, b) => a + b, 0)).toBe(e.text.length);
    }
  });

  it('a missing dictionary is an error naming the path, not a crash of the process', async () => {
    await expect(loadSegmenter('/nonexistent/dict.utf8')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
