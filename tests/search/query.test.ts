// The query language on its own: operators, phrases, export spacing, and the error codes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText } from '../../src/analyse/analyzer.js';
import { parseQuery, queryWithout, queryWithoutExclusion } from '../../src/search/query.js';
import { errorCode } from '../helpers.js';

const groups = (q: string) => parseQuery(q).groups.map((g) => g.map((t) => t.text));
const excluded = (q: string) => parseQuery(q).exclude.map((t) => t.text);

describe('parseQuery', () => {
  it('space is AND: each word its own group', () => {
    expect(groups('碳汇 湿地')).toEqual([['碳汇'], ['湿地']]);
  });

  it('| and OR join neighbours into one group, and bind tighter than AND', () => {
    expect(groups('氢能 | 加氢站')).toEqual([['氢能', '加氢站']]);
    expect(groups('氢能|加氢站')).toEqual([['氢能', '加氢站']]);
    expect(groups('海绵城市 OR 韧性城市')).toEqual([['海绵城市', '韧性城市']]);
    expect(groups('建筑 光伏 | 风电')).toEqual([['建筑'], ['光伏', '风电']]);
    expect(groups('光伏 | 风电 | 水电')).toEqual([['光伏', '风电', '水电']]);
  });

  it('lower-case "or" is a word, not an operator', () => {
    expect(groups('氢能 or 加氢站')).toEqual([['氢能'], ['or'], ['加氢站']]);
  });

  it('-term excludes; a lone or inner hyphen is literal', () => {
    expect(groups('氢 -加氢站')).toEqual([['氢']]);
    expect(excluded('氢 -加氢站')).toEqual(['加氢站']);
    expect(excluded('碳汇 -"林草碳汇"')).toEqual(['林草碳汇']);
    expect(groups('co-firing')).toEqual([['co-firing']]);
    expect(groups('碳汇 -')).toEqual([['碳汇'], ['-']]);
  });

  it('"…" is one phrase, spaces inside normalised like document text', () => {
    expect(groups('"到 2025 年" 光伏')).toEqual([['到2025年'], ['光伏']]);
    expect(parseQuery('"碳排放权交易"').groups[0]?.[0]?.phrase).toBe(true);
    expect(groups('"ccus technology"')).toEqual([['ccus technology']]);
    expect(groups('"未闭合 短语')).toEqual([['未闭合短语']]);
  });

  it('a space between Chinese and a digit is export spacing, not a separator', () => {
    expect(groups('到 2025 年')).toEqual([['到2025年']]);
    expect(groups('到　２０２５　年')).toEqual([['到2025年']]);
    expect(groups('45 %')).toEqual([['45%']]);
    expect(groups('CCER 项目')).toEqual([['ccer'], ['项目']]);
  });

  it('terms are normalised by the analyzer: width, script and case', () => {
    expect(groups('ＣＣＥＲ')).toEqual([['ccer']]);
    expect(groups('加氫站 碳達峰')).toEqual([['加氢站'], ['碳达峰']]);
    expect(groups('氢能｜加氢站')).toEqual([['氢能', '加氢站']]);
  });

  it('duplicates collapse', () => {
    expect(groups('碳汇 碳汇 CCER ccer')).toEqual([['碳汇'], ['ccer']]);
  });

  it('queryWithout drops one AND group and keeps the rest as typed', () => {
    const q = parseQuery('"到 2025 年" 氢能 | 加氢站 -天然气');
    expect(queryWithout(q, 0)).toBe('氢能 | 加氢站 -天然气');
    expect(queryWithout(q, 1)).toBe('"到 2025 年" -天然气');
  });
});

describe('search as people type (issue 19)', () => {
  it('Chinese quotes “”「」『』 are phrase quotes, and a quote inside a word is literal', () => {
    for (const q of ['“海绵城市建设”', '「海绵城市建设」', '『海绵城市建设』', '"海绵城市建设"']) {
      expect(groups(q), q).toEqual([['海绵城市建设']]);
      expect(parseQuery(q).groups[0]?.[0]?.phrase, q).toBe(true);
    }
    expect(groups('「海绵 城市」 韧性')).toEqual([['海绵城市'], ['韧性']]);
    expect(groups('四川省“十四五”规划')).toEqual([['四川省“十四五”规划']]);
    expect(groups('“未闭合 短语')).toEqual([['未闭合短语']]);
  });

  it('，、；separate terms as AND, but a comma inside a number does not', () => {
    for (const q of ['氢能，加氢站', '氢能、加氢站', '氢能；加氢站', '氢能,加氢站', '氢能 ， 加氢站']) expect(groups(q), q).toEqual([['氢能'], ['加氢站']]);
    expect(groups('1,000 吨')).toEqual([['1,000吨']]);
    expect(groups('"氢能，加氢站"')).toEqual([['氢能,加氢站']]);
  });

  it('AND, OR and NOT in upper case are operators; in lower case they are words', () => {
    expect(groups('氢能 AND 加氢站')).toEqual([['氢能'], ['加氢站']]);
    expect(groups('碳中和 NOT 碳达峰')).toEqual([['碳中和']]);
    expect(excluded('碳中和 NOT 碳达峰')).toEqual(['碳达峰']);
    expect(excluded('碳中和 NOT "碳达峰"')).toEqual(['碳达峰']);
    expect(groups('氢能 and 加氢站 not 碳')).toEqual([['氢能'], ['and'], ['加氢站'], ['not'], ['碳']]);
    expect(errorCode(() => parseQuery('氢 | NOT 碳'))).toBe('QUERY_EXCLUSION_IN_OR');
    expect(errorCode(() => parseQuery('NOT 碳'))).toBe('QUERY_ONLY_EXCLUSIONS');
    // An operator's name as a key of Object.prototype is a word, not an operator.
    expect(groups('constructor toString')).toEqual([['constructor'], ['tostring']]);
  });

  it('single Chinese characters spaced out are one word; a longer word among them keeps its own group', () => {
    expect(groups('碳 达 峰')).toEqual([['碳达峰']]);
    expect(groups('碳　达　峰')).toEqual([['碳达峰']]);
    expect(groups('碳 达 峰 -中和')).toEqual([['碳达峰']]);
    expect(groups('碳 达峰')).toEqual([['碳'], ['达峰']]);
    expect(groups('碳 | 氢')).toEqual([['碳', '氢']]);
    expect(groups('碳')).toEqual([['碳']]);
    expect(groups('a b')).toEqual([['a'], ['b']]);
  });

  it('a query rebuilt without one part parses to the same remaining parts', () => {
    const q = parseQuery('“海绵城市” 氢能，加氢站 NOT 天然气 -煤');
    expect(queryWithoutExclusion(q, 1)).toBe('“海绵城市” 氢能 加氢站 -天然气');
    expect(parseQuery(queryWithout(q, 0)).groups.map((g) => g.map((t) => t.text))).toEqual([['氢能'], ['加氢站']]);
    // Regression (fuzz): 前 参与渠道 创 without its middle word was rebuilt as 前 创, read as 前创.
    const spaced = parseQuery('前 参与渠道 创');
    expect(parseQuery(queryWithout(spaced, 1)).groups.map((g) => g.map((t) => t.text))).toEqual([['前'], ['创']]);
    expect(parseQuery(queryWithout(parseQuery('x | 碳 达峰 氢'), 1)).groups.map((g) => g.map((t) => t.text))).toEqual([['x', '碳'], ['氢']]);
    // Regression (fuzz): a letter-spaced word kept its spaces as typed, so 化 电力 煤 年 without
    // 电力 was rebuilt as 化 煤 年 and read as 化煤年; it is now typed back joined.
    expect(parseQuery(queryWithout(parseQuery('化、电力、煤\t年'), 1)).groups.map((g) => g.map((t) => t.text))).toEqual([['化'], ['煤年']]);
    // A phrase never closed is closed with its own kind of quote.
    expect(queryWithout(parseQuery('碳 「未闭合'), 0)).toBe('「未闭合」');
  });

  it('property: any mix of typed separators and quotes parses without a crash, to terms that occur in the query', () => {
    const piece = fc.constantFrom('氢能', '加氢站', '碳', '达', '峰', 'AND', 'OR', 'NOT', '|', '，', '、', '；', '“', '”', '「', '」', '"', '-', ' ', '1,000', 'ccer', '〔2021〕');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const q = pieces.join(' ');
        let parsed;
        try {
          parsed = parseQuery(q);
        } catch (err) {
          expect((err as { code?: string }).code).toMatch(/^QUERY_/u);
          return;
        }
        const typed = normalizeText(q);
        for (const t of [...parsed.groups.flat(), ...parsed.exclude]) for (const ch of t.text) expect(typed).toContain(ch);
      }),
    );
  });
});

describe('parseQuery errors', () => {
  it('empty and blank queries are QUERY_EMPTY', () => {
    expect(errorCode(() => parseQuery(''))).toBe('QUERY_EMPTY');
    expect(errorCode(() => parseQuery('  \u3000 '))).toBe('QUERY_EMPTY');
    expect(errorCode(() => parseQuery('|'))).toBe('QUERY_EMPTY');
    expect(errorCode(() => parseQuery('｜ OR'))).toBe('QUERY_EMPTY');
    expect(errorCode(() => parseQuery('\u200b'))).toBe('QUERY_EMPTY');
  });

  it('over 200 characters is QUERY_TOO_LONG; exactly 200 is fine', () => {
    expect(errorCode(() => parseQuery('碳'.repeat(201)))).toBe('QUERY_TOO_LONG');
    expect(errorCode(() => parseQuery('碳'.repeat(200)))).toBeNull();
  });

  it('only exclusions is QUERY_ONLY_EXCLUSIONS', () => {
    expect(errorCode(() => parseQuery('-氢能 -天然气'))).toBe('QUERY_ONLY_EXCLUSIONS');
  });

  it('an exclusion inside OR is QUERY_EXCLUSION_IN_OR', () => {
    expect(errorCode(() => parseQuery('氢能 | -天然气'))).toBe('QUERY_EXCLUSION_IN_OR');
    expect(errorCode(() => parseQuery('-天然气 | 氢能'))).toBe('QUERY_EXCLUSION_IN_OR');
  });

  it('more than 20 terms is QUERY_TOO_MANY_TERMS, naming the count and the limit; exactly 20 is fine', () => {
    const terms = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(errorCode(() => parseQuery(terms(21)))).toBe('QUERY_TOO_MANY_TERMS');
    expect(() => parseQuery(terms(21))).toThrow('检索词过多：21 个（最多 20 个）');
    expect(parseQuery(terms(20)).groups).toHaveLength(20);
    // OR alternatives and exclusions count too.
    expect(errorCode(() => parseQuery(`${terms(19)} a|b -c`))).toBe('QUERY_TOO_MANY_TERMS');
  });
});
