// A small library with a national level, two provinces, a city and a county, built in memory
// for the identity facet and filter tests: one national plan's identity is inferred from its
// text (no catalogue entry), the others come with catalogue entries.
import { buildLibrary, type Library } from '../src/library/library.js';
import { ingestBytes } from '../src/ingest/corpus.js';
import type { CatalogEntry, ParsedDocument } from '../src/ingest/types.js';
import { realIndicators, realTaxonomy } from './helpers.js';

/** Every plan holds this clause word for word, so its hits tie and the level order decides. */
export const SHARED = '（二）重点任务。推进光伏发电和储能协同发展。';
export const SHARED_TERM = '光伏发电';

const body = (share: number) => ['一、总体要求', `（一）主要目标。到2025年，非化石能源消费比重达到${share}%左右。`, SHARED];

/** The State Council's plan, with no catalogue entry: its level (national) is inferred. */
export const INFERRED_FILE = 'guowuyuan-action.txt';
const INFERRED_TEXT = ['国务院关于印发2030年前碳达峰行动方案的通知', '各省、自治区、直辖市人民政府：', '现将《2030年前碳达峰行动方案》印发给你们，请认真贯彻执行。', '国务院', '2021年10月24日', '2030年前碳达峰行动方案', ...body(20)];

type Entry = Omit<CatalogEntry, 'file'>;
const none = { docNumber: null, parent: null, status: null } as const;

export const ENTRIES: Entry[] = [
  { ...none, id: 'nea-renewables', title: '“十四五”可再生能源发展规划', jurisdiction: '国家', adminCode: null, level: 'national', issuer: '国家发展改革委、国家能源局', date: '2021-10' },
  { ...none, id: 'zhejiang-peak', title: '浙江省碳达峰实施方案', jurisdiction: '浙江省', adminCode: '330000', level: 'province', issuer: '浙江省人民政府', date: '2022-07-18' },
  { ...none, id: 'sichuan-peak', title: '四川省碳达峰实施方案', jurisdiction: '四川省', adminCode: '510000', level: 'province', issuer: '四川省人民政府', date: '2022-12-30' },
  {
    ...none,
    id: 'chengdu-opinions',
    title: '成都市关于推进碳达峰的实施意见（征求意见稿）',
    jurisdiction: '成都市',
    adminCode: '510100',
    level: 'city',
    parent: { name: '四川省', adminCode: '510000' },
    issuer: '成都市发展和改革委员会、四川省人民政府',
    date: '2023-05',
    status: '征求意见稿',
  },
  {
    ...none,
    id: 'quxian-peak',
    title: '渠县碳达峰实施方案（试行）',
    jurisdiction: '渠县',
    adminCode: '511725',
    level: 'county',
    parent: { name: '达州市', adminCode: '511700', province: '四川省' },
    issuer: '渠县人民政府',
    date: '2024-02',
    status: '试行',
  },
];

function textDoc(file: string, lines: string[], entry?: CatalogEntry): ParsedDocument {
  return ingestBytes({ name: file, bytes: Buffer.from(lines.join('\n\n')), entry });
}

export function identityDocuments(): ParsedDocument[] {
  const catalogued = ENTRIES.map((e, i) => textDoc(`${e.id}.txt`, [e.title, ...body(30 + i)], { ...e, file: `${e.id}.txt` }));
  return [textDoc(INFERRED_FILE, INFERRED_TEXT), ...catalogued];
}

export function identityLibrary(): Library {
  return buildLibrary({ documents: identityDocuments(), errors: [], warnings: [] }, { taxonomy: realTaxonomy(), indicators: realIndicators() });
}

/** The inferred national plan's id (ids of uncatalogued files come from ingest). */
export function inferredId(library: Library): string {
  const doc = library.documents.find((d) => d.file === INFERRED_FILE);
  if (!doc) throw new Error('the inferred plan did not load');
  return doc.id;
}
