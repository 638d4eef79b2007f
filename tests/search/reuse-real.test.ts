// Reuse on three published PDFs: 四川's 决定 on green low-carbon industry and the 决定 成都 and
// 绵阳 adopted after it. 24 of their clauses, sampled evenly (12 a plan), were read against 四川's
// and pinned here with the engine's class; the two my reading classes otherwise are named.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { assembleCorpus, ingestPath } from '../../src/ingest/corpus.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { reuseOf, type ReuseClass } from '../../src/search/reuse/reuse.js';
import { realIndicators, realTaxonomy } from '../helpers.js';

const REAL = path.join(PROJECT_ROOT, '..', 'shared', 'corpus-real');
const FILES = [
  '363、中共四川省委关于以实现碳达峰碳中和目标为引领推动绿色低碳优势产业高质量发展的决定.pdf',
  '188、成都市关于以实现碳达峰碳中和目标为引领优化空间产业交通能源结构促进城市绿色低碳发展的决定.pdf',
  '392、绵阳市关于以实现碳达峰碳中和目标为引领加快发展绿色低碳产业的决定.pdf',
];

/** [clause, the engine's class]: each read against 四川's closest clause. */
const HAND_CHECKED: [string, ReuseClass][] = [
  // 成都 rewrote the 决定 around space, transport and energy: little is 四川's.
  ['chengdu-decision-2021.preamble__p_1', 'copied'], // the adoption line, 十次全体会议通过
  ['chengdu-decision-2021.part_1__item_1__p_3', 'new'],
  ['chengdu-decision-2021.part_1__item_2__indent_3', 'new'],
  ['chengdu-decision-2021.part_1__item_3__p_3', 'new'],
  ['chengdu-decision-2021.part_2__item_4__p_2', 'new'],
  ['chengdu-decision-2021.part_2__item_7', 'new'],
  ['chengdu-decision-2021.part_3__item_9', 'new'],
  ['chengdu-decision-2021.part_3__item_11__p_2', 'new'],
  ['chengdu-decision-2021.part_4__item_14', 'new'],
  ['chengdu-decision-2021.part_5__p_1', 'new'],
  ['chengdu-decision-2021.part_5__item_20__p_1', 'new'],
  ['chengdu-decision-2021.part_6__item_22__p_2', 'new'],
  // 绵阳 followed 四川's outline item by item.
  ['mianyang-decision.preamble__p_1', 'reworded'],
  ['mianyang-decision.part_1__item_2', 'reworded'],
  ['mianyang-decision.part_1__item_2__p_1', 'new'], // a fragment a page break cut off
  ['mianyang-decision.part_1__item_3__p_1', 'new'],
  ['mianyang-decision.part_2__item_4', 'new'], // 先进材料: 四川's 决定 has no such item
  ['mianyang-decision.part_2__item_7', 'reworded'],
  ['mianyang-decision.part_3__item_10', 'new'],
  ['mianyang-decision.part_4__item_13', 'reworded'],
  ['mianyang-decision.part_4__item_16', 'reworded'],
  ['mianyang-decision.part_5__item_19', 'elaborated'],
  ['mianyang-decision.part_6__item_21', 'reworded'],
  ['mianyang-decision.part_7__item_24', 'reworded'],
];

/**
 * Read otherwise: 成都's principle 两手发力 rewords 四川's 政府引导、市场主导 (market trading mechanisms,
 * the inner drive) with 29% kept in place; 绵阳's 2025 goals follow 四川's sentence by sentence
 * with its own figures, but the province puts 2025, 2030 and 2035 in one paragraph.
 */
const READ_OTHERWISE: Record<string, ReuseClass> = {
  'chengdu-decision-2021.part_1__item_2__indent_3': 'reworded',
  'mianyang-decision.part_1__item_3__p_1': 'reworded',
};

let library: Library;

beforeAll(async () => {
  const cacheDir = path.join(PROJECT_ROOT, '.cache', 'test-extracted');
  const docs = await Promise.all(FILES.map((f) => ingestPath({ file: path.join(REAL, f), cacheDir })));
  library = buildLibrary(assembleCorpus(docs, []), { indicators: realIndicators(), taxonomy: realTaxonomy() });
}, 180_000);

describe('three published 决定: 四川’s and the two cities’ that followed it', () => {
  it('the engine’s classes of 24 clauses read by hand: 22 as read, 2 read otherwise', () => {
    const got = HAND_CHECKED.map(([id]) => [id, reuseOf(library).ofClause(id)?.class]);
    expect(got).toEqual(HAND_CHECKED);
    expect(HAND_CHECKED.filter(([id, cls]) => (READ_OTHERWISE[id] ?? cls) === cls)).toHaveLength(22);
  });

  it('both cities draw on 四川’s 决定; 绵阳 keeps far more of it than 成都', () => {
    const share = (doc: string) => {
      const r = reuseOf(library).ofDoc(doc)!;
      expect(r.counterparts).toEqual(['sichuan-decision-2021']);
      return (r.clauses.length - r.counts.new) / r.clauses.length;
    };
    expect(share('mianyang-decision')).toBeGreaterThan(0.5);
    expect(share('chengdu-decision-2021')).toBeLessThan(0.15);
  });

  it('a parent clause 绵阳 took up lists it as a taker, and 成都 as not taking it up', () => {
    const takers = reuseOf(library).takersOf('sichuan-decision-2021.part_5__item_18')!;
    expect(takers.taken.map((c) => c.clause)).toContain('mianyang-decision.part_5__item_19');
    expect(takers.notTaken).toContain('chengdu-decision-2021');
  });
});
