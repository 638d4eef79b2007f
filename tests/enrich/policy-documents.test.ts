// Cited policies resolved to the library's documents: by title however worded (issuer prefix
// or not, 关于 or not, (试行) or not), by 文号, and by scope, so that a generic title never lands
// on another jurisdiction's document of the same name. Documents are made up and held in memory.
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/library/library.js';
import { ALL, full, GENERIC, library, national } from '../fixtures/cited-library.js';

/** [cited text, cited document] for each citation in a clause. */
const linksIn = (lib: Library, clauseId: string) => {
  const text = lib.getClause(clauseId)?.text ?? '';
  return lib.enrichment.citationsIn(clauseId).map((c) => [text.slice(c.start, c.end), c.doc]);
};

describe('a cited policy resolves to the document the library holds', () => {
  it('by title, with or without the issuers printed before 关于 on either side', () => {
    expect(linksIn(full, 'chengdu-plan.part_1__item_1')).toEqual([
      [`《中共中央国务院关于${GENERIC}的意见》`, 'nation-opinions'],
      [`《中共四川省委四川省人民政府关于${GENERIC}的实施意见》`, 'sichuan-opinions'],
    ]);
    // 河北's own document is printed without its issuers; 邯郸 cites it with them.
    expect(linksIn(full, 'handan-plan.part_1__item_1')).toEqual([
      [`《关于${GENERIC}的实施意见》`, 'hebei-opinions'],
      [`《关于${GENERIC}的实施意见》`, 'hebei-opinions'],
    ]);
  });

  it('a generic title cited without issuer goes to the plan binding the citing one: its province’s, or the nation’s', () => {
    // 成都 is in 四川: the 实施意见 is 四川's, not 河北's of the same title.
    expect(linksIn(full, 'chengdu-plan.part_1__item_2')).toEqual([
      [`《关于${GENERIC}的实施意见》`, 'sichuan-opinions'],
      ['中发[2021]36号', 'nation-opinions'],
    ]);
    // 渠县: the national 意见 (not 石家庄's document of that title) and 四川's 实施意见 through 省委、省政府.
    expect(linksIn(full, 'quxian-plan.part_1__item_1')).toEqual([
      [`《关于${GENERIC}的意见》`, 'nation-opinions'],
      [`《关于${GENERIC}的实施意见》`, 'sichuan-opinions'],
    ]);
  });

  it('regression: a national title never lands on a city’s document of the same title when the nation’s is absent', () => {
    const withoutNation = library(ALL.filter((d) => d !== national));
    expect(linksIn(withoutNation, 'chengdu-plan.part_1__item_1')).toEqual([
      [`《中共中央国务院关于${GENERIC}的意见》`, null],
      [`《中共四川省委四川省人民政府关于${GENERIC}的实施意见》`, 'sichuan-opinions'],
    ]);
    expect(linksIn(withoutNation, 'quxian-plan.part_1__item_1')[0]).toEqual([`《关于${GENERIC}的意见》`, null]);
    expect(withoutNation.enrichment.citersOf('shijiazhuang-opinions')).toEqual([]);
  });

  it('a title cited without its (试行) or without its 关于 still finds the document', () => {
    expect(linksIn(full, 'chengdu-plan.part_1__item_3')).toEqual([
      ['《成都市近零碳排放区试点建设工作方案》', 'chengdu-zero-trial'],
      ['《以实现碳达峰碳中和目标为引领推动绿色低碳优势产业高质量发展的决定》', 'sichuan-decision'],
    ]);
  });

  it('a document naming itself links nowhere', () => {
    expect(linksIn(full, 'chengdu-plan.part_1__item_4').map(([, doc]) => doc)).toEqual([]);
  });

  it('the cited document lists the plans and clauses that cite it, in library order', () => {
    expect(full.enrichment.citersOf('sichuan-opinions')).toEqual([
      { docId: 'chengdu-plan', clauseIds: ['chengdu-plan.part_1__item_1', 'chengdu-plan.part_1__item_2'] },
      { docId: 'quxian-plan', clauseIds: ['quxian-plan.part_1__item_1'] },
    ]);
    expect(full.enrichment.citersOf('nation-opinions').map((c) => c.docId)).toEqual(['sichuan-opinions', 'chengdu-plan', 'quxian-plan']);
    expect(full.enrichment.citersOf('hebei-opinions')).toEqual([{ docId: 'handan-plan', clauseIds: ['handan-plan.part_1__item_1'] }]);
    expect(full.enrichment.citersOf('shijiazhuang-opinions')).toEqual([]);
  });

  it('the policy list names the document as corpusDoc', () => {
    const byDoc = new Map(full.enrichment.policies.filter((p) => p.corpusDoc).map((p) => [p.corpusDoc, p.key]));
    expect(byDoc.get('sichuan-opinions')).toBe(`关于${GENERIC}的实施意见@四川省`);
    expect(byDoc.get('nation-opinions')).toBe(`关于${GENERIC}的意见@国家`);
    expect(byDoc.get('hebei-opinions')).toBe(`关于${GENERIC}的实施意见@河北省`);
  });
});
