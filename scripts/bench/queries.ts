// The fixed query mix every benchmark run uses, by kind, as researchers type them. Changing it
// changes every figure, so results.json records it alongside the numbers.
export const QUERY_KINDS = {
  single: ['碳达峰', '碳中和', '加氢站', '氢能', '海绵城市', '碳普惠', '近零碳', '源网荷储', '分布式光伏', '新型储能', '抽水蓄能', '天然气', '充电桩', '绿色建筑', '森林覆盖率', '碳汇', '甲烷'],
  ascii: ['CCER', 'ccus', '5G', 'GDP', 'PUE', 'LNG', '2025', '45%'],
  phrase: ['"到2030年"', '"自愿减排项目储备"', '"碳排放权交易"', '"绿色低碳"', '"国家核证自愿减排量"', '到 2025 年', '单位地区生产总值', '非化石能源消费比重'],
  multi: ['光伏 储能', '氢能 燃料电池', '碳汇 湿地', '新能源汽车 充电', '工业 节能 改造', '交通 电动化', '建筑 光伏', '垃圾 分类 资源化', '能源 结构 调整 优化'],
  or: ['氢能 | 加氢站', '海绵城市 OR 韧性城市', '光伏 | 风电 | 水电', 'CCER | 核证自愿减排量'],
  not: ['氢 -加氢站', '碳汇 -林草', '能源 -天然气', '储能 -抽水'],
  singleChar: ['氢', '碳', '水', '氨'],
  common: ['发展', '建设', '推进', '能源', '的', '年'],
  // Twenty terms ORed, as a theme's expansion or a pasted word list gives them.
  or20: ['光伏 | 风电 | 水电 | 氢能 | 储能 | 核电 | 生物质 | 地热 | 天然气 | 煤炭 | 石油 | 电网 | 充电桩 | 加氢站 | 碳汇 | 湿地 | 森林 | 建筑 | 交通 | 工业'],
  rare: ['六氟化硫', '全氟化碳', '三氟化氮', '光热', '蓝碳', '核聚变'],
} as const;

export type QueryKind = keyof typeof QUERY_KINDS;

export const QUERY_MIX: { kind: QueryKind; q: string }[] = (Object.entries(QUERY_KINDS) as [QueryKind, readonly string[]][]).flatMap(([kind, list]) => list.map((q) => ({ kind, q })));
