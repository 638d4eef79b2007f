// Phrase lists (src/index/phrases.ts): a frequent long word's postings must be exactly the
// clauses holding it as a substring, with the class counts that verifying each text gives, and
// a query reading them must answer and rank exactly as one verifying the text.
import { describe, expect, it } from 'vitest';
import { tile, type Segmenter } from '../../src/analyse/segment.js';
import { CLASSES, termClasses } from '../../src/index/features.js';
import { postingClasses, postings, buildIndex, type IndexedClause } from '../../src/index/search-index.js';
import { WordCounter } from '../../src/index/phrases.js';
import { createSearcher } from '../../src/search/engine.js';
import { parseQuery } from '../../src/search/query.js';
import { realLibrary } from '../helpers.js';

/** jieba stand-in: these words whole wherever they occur (longest first), every other character alone. */
const WORDS = ['碳达峰', '碳中和', '加氢站', '新能源汽车', '能源', '绿色低碳', '2025', '2030年'];
const segmenter: Segmenter = {
  wordLengths(text) {
    const words: string[] = [];
    for (let i = 0; i < text.length; ) {
      const word = WORDS.find((w) => text.startsWith(w, i)) ?? (text[i] as string);
      words.push(word);
      i += word.length;
    }
    return tile(text, words);
  },
};

const library = realLibrary();
const withPhrases = buildIndex({ library, segmenter, phrases: { minChars: 3, minClauses: 2 } }).index;
const without = buildIndex({ library, segmenter, phrases: { minChars: 3, minClauses: Number.MAX_SAFE_INTEGER } }).index;
const phraseKeys = [...withPhrases.lists.keys()].filter((k) => [...k].length >= 3);

describe('phrase lists', () => {
  it('are built for the frequent long words and only those', () => {
    expect(phraseKeys.sort()).toEqual(['2025', '2030年', '加氢站', '新能源汽车', '碳中和', '碳达峰', '绿色低碳'].filter((w) => withPhrases.entries.filter((e) => e.text.includes(w)).length >= 2).sort());
    expect(phraseKeys.length).toBeGreaterThanOrEqual(5);
    expect([...without.lists.keys()].filter((k) => [...k].length >= 3)).toEqual([]);
  });

  it('hold exactly the clauses containing the phrase, with the class counts of verifying each text', () => {
    const one = new Int32Array(CLASSES);
    for (const phrase of phraseKeys) {
      const list = [...postings(withPhrases, phrase)];
      const scanned = withPhrases.entries.flatMap((e, n) => (e.text.includes(phrase) ? [n] : []));
      expect(list, phrase).toEqual(scanned);
      const classes = postingClasses(withPhrases, phrase) as Int32Array;
      list.forEach((n, p) => {
        termClasses(withPhrases.entries[n] as IndexedClause, phrase, Number.MAX_SAFE_INTEGER, one);
        expect([...classes.subarray(p * CLASSES, p * CLASSES + CLASSES)], `${phrase} #${n}`).toEqual([...one]);
      });
    }
  });

  it.each(['碳达峰', '碳中和 | 加氢站', '"绿色低碳" 碳达峰', '到2030年', '能源 -新能源汽车', '碳达峰 -碳中和', '2025'])('%s: the same hits, order and scores as verifying the text', (q) => {
    const query = parseQuery(q);
    const view = (s: ReturnType<typeof createSearcher>) => {
      const outcome = s.search({ query, limit: 50, offset: 0 });
      return { total: outcome.total, hits: outcome.hits.map((h) => [h.entry.clause.id, h.wholeGroups, h.score]), terms: outcome.termCounts.map((t) => t.count) };
    };
    const a = view(createSearcher(library, withPhrases));
    expect(a.total).toBeGreaterThan(0);
    expect(a).toEqual(view(createSearcher(library, without)));
  });
});

describe('word counting for phrases', () => {
  it('counts each long word once per clause, skipping short words and whitespace', () => {
    const counter = new WordCounter(3);
    counter.add('碳达峰碳达峰 能源', [3, 3, 1, 2]);
    counter.add('碳达峰行动', [3, 2]);
    counter.add('a  b c', [1, 3, 2]);
    expect(counter.frequent(2)).toEqual(['碳达峰']);
    expect(counter.frequent(1)).toEqual(['碳达峰']);
  });
});
