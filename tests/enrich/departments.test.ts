// Responsible departments: the real 渠县 notes, their variants (several leads, no lead, a list
// after 负责, nested asides) and made-up forms, and no note where a clause has none.
import { describe, expect, it } from 'vitest';
import { extractDepartments } from '../../src/enrich/departments.js';
import { CHENGDU, LESHAN, MIANYANG, QUXIAN, SICHUAN, realLibrary } from '../helpers.js';

const library = realLibrary();
const notesOf = (docId: string) =>
  library
    .clausesOf(docId)
    .map((clause) => ({ clause, note: extractDepartments(clause.text) }))
    .filter((x) => x.note !== null);
const noteIn = (id: string) => {
  const clause = library.getClause(id);
  if (!clause) throw new Error(`no clause ${id}`);
  return extractDepartments(clause.text);
};

describe('real 渠县 notes', () => {
  it('50 渠县 clauses carry a note, always at the very end; no other document has one', () => {
    const notes = notesOf(QUXIAN);
    expect(notes).toHaveLength(50);
    for (const { clause, note } of notes) {
      expect(clause.text.slice(note?.start, note?.end)).toBe(note?.raw);
      expect(note?.end).toBe(clause.text.length);
      expect(note?.raw).toMatch(/^〔.*〕$/u);
    }
    for (const docId of [SICHUAN, CHENGDU, MIANYANG, LESHAN]) expect(notesOf(docId), docId).toEqual([]);
  });

  it('one lead, then 等按职责分工负责', () => {
    expect(noteIn(`${QUXIAN}.part_2__item_1__para_3`)).toEqual({
      lead: ['县发改局'],
      support: ['县经信局', '县科技局', '县电力公司', '国网渠县公司'],
      raw: '〔县发改局牵头，县经信局、县科技局、县电力公司、国网渠县公司等按职责分工负责〕',
      start: expect.any(Number),
      end: expect.any(Number),
    });
  });

  it('several leads', () => {
    expect(noteIn(`${QUXIAN}.part_2__item_1__para_4`)).toMatchObject({
      lead: ['县发改局', '县经信局', '县生态环境局'],
      support: ['县市场监管局', '县电力公司'],
    });
    expect(noteIn(`${QUXIAN}.part_4__item_1__p_1`)).toMatchObject({
      lead: ['县统计局', '县生态环境局', '县发改局'],
      support: ['县经信局', '县市场监管局', '县气象局'],
    });
  });

  it('no 牵头: nobody leads, every unit is listed in order', () => {
    expect(noteIn(`${QUXIAN}.part_2__item_9__para_4`)).toMatchObject({ lead: [], support: ['县委组织部', '县发改局'] });
    expect(noteIn(`${QUXIAN}.part_2__item_10__para_4`)).toMatchObject({
      lead: [],
      support: ['县发改局', '县经信局', '县经开区', '县碳达峰碳中和工作委员会成员单位'],
    });
    expect(noteIn(`${QUXIAN}.part_5__item_3__p_1`)).toMatchObject({
      lead: [],
      support: ['县碳达峰碳中和工作委员会成员单位', '县目标绩效办'],
    });
  });

  it('nested brackets: the aside is dropped, 各乡镇（街道办） kept as a name', () => {
    const note = noteIn(`${QUXIAN}.part_2__item_1__para_1`);
    expect(note?.raw).toBe('〔县发改局牵头，县经信局、县自然资源局、县生态环境局、县住建局、县水务局、县农业农村局、县财政局、县国资中心、县林保中心等按职责分工负责，各乡镇（街道办）（以下均需各乡镇（街道办）落实，不再单独列出）〕');
    expect(note?.lead).toEqual(['县发改局']);
    expect(note?.support).toEqual(['县经信局', '县自然资源局', '县生态环境局', '县住建局', '县水务局', '县农业农村局', '县财政局', '县国资中心', '县林保中心', '各乡镇（街道办）']);
  });

  it('no name keeps 等, an aside, or a role word', () => {
    for (const { note } of notesOf(QUXIAN)) {
      for (const name of [...(note?.lead ?? []), ...(note?.support ?? [])]) {
        expect(name).not.toMatch(/等$|以下|牵头|负责|配合|^\s|\s$/u);
        expect(name.length).toBeGreaterThan(1);
      }
    }
  });
});

describe('no note', () => {
  it('a clause without a note, or with 牵头 in running text, gives null', () => {
    expect(noteIn(`${QUXIAN}.preamble__p_1`)).toBeNull();
    expect(noteIn(`${CHENGDU}.part_4__item_1`)).toBeNull(); // 发挥好牵头作用
    expect(noteIn(`${MIANYANG}.part_4__item_1`)).toBeNull(); // （市发展改革委）要加强统筹协调
    expect(extractDepartments('推进工作（2025年前完成）。')).toBeNull();
    expect(extractDepartments('本方案自印发之日起施行（由市发展改革委负责解释）。')).toBeNull();
    expect(extractDepartments('')).toBeNull();
  });
});

describe('made-up notes', () => {
  it('牵头 … 配合 in round brackets at the end', () => {
    expect(extractDepartments('加快建设。（市发改委牵头，市经信局配合）')).toEqual({
      lead: ['市发改委'],
      support: ['市经信局'],
      raw: '（市发改委牵头，市经信局配合）',
      start: 5,
      end: 20,
    });
  });

  it('labelled forms: 牵头单位：…；配合单位：… and 【责任单位：…】', () => {
    expect(extractDepartments('（牵头单位：市发展改革委；配合单位：市经信局、市生态环境局）')).toMatchObject({
      lead: ['市发展改革委'],
      support: ['市经信局', '市生态环境局'],
    });
    expect(extractDepartments('【责任单位：县发改局、县住建局等】')).toMatchObject({ lead: [], support: ['县发改局', '县住建局'] });
  });

  it('a lone 负责 unit owns the measure', () => {
    expect(extractDepartments('〔县住建局负责〕')).toMatchObject({ lead: ['县住建局'], support: [] });
  });

  it('duplicates dropped, a lead not repeated as support, half-width brackets and deeper nesting', () => {
    expect(extractDepartments('[县发改局、县发改局牵头，县发改局、县林保中心(含(国有)林场)等按职责分工负责]')).toMatchObject({
      lead: ['县发改局'],
      support: ['县林保中心'],
    });
  });

  it('a note mid-text is still found; the last one wins', () => {
    const text = '第一项。〔县发改局牵头，县经信局配合〕第二项。〔县住建局牵头〕然后。';
    expect(extractDepartments(text)).toMatchObject({ lead: ['县住建局'], support: [], raw: '〔县住建局牵头〕' });
  });
});
