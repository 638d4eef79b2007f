// One catalogue of error codes and their Chinese messages, shared by every stage, so that
// tests can check codes and users always see a message that names the bad value.

export const ERRORS = {
  CONFIG_INVALID: { status: 500, message: (v: string) => `配置无效：${v}` },
  CORPUS_DIR_MISSING: { status: 500, message: (v: string) => `语料目录不存在：${v}` },
  THEMES_INVALID: { status: 500, message: (v: string) => `主题分类文件无效：${v}` },
  INDICATORS_INVALID: { status: 500, message: (v: string) => `指标文件无效：${v}` },
  CATALOG_INVALID: { status: 500, message: (v: string) => `目录文件无法解析：${v}` },
  FILE_EMPTY: { status: 422, message: (v: string) => `文件为空：${v}` },
  FILE_BINARY: { status: 422, message: (v: string) => `文件不是文本（疑似二进制）：${v}` },
  FILE_UNDECODABLE: { status: 422, message: (v: string) => `文件无法按 UTF-8 或 GB18030 解码：${v}` },
  FILE_NO_STRUCTURE: { status: 422, message: (v: string) => `文件中没有可识别的条款：${v}` },
  FILE_DUPLICATE_ID: { status: 422, message: (v: string) => `文档标识重复：${v}` },
  FILE_UNREADABLE: { status: 422, message: (v: string) => `文件无法读取：${v}` },
  FILE_OUTSIDE_CORPUS: { status: 422, message: (v: string) => `文件不在语料目录内，拒绝读取：${v}` },
  FILE_CORRUPT: { status: 422, message: (v: string) => `文件已损坏或格式不符：${v}` },
  FILE_TOO_LARGE: { status: 422, message: (v: string) => `文件过大或解压后过大：${v}` },
  PDF_ENCRYPTED: { status: 422, message: (v: string) => `PDF 已加密，无法读取文字：${v}` },
  PDF_NO_TEXT: { status: 422, message: (v: string) => `PDF 没有文字层（疑似扫描图像，需先做文字识别）：${v}` },
  EXTRACT_TIMEOUT: { status: 422, message: (v: string) => `文件提取超时：${v}` },
  FILE_FORMAT_UNKNOWN: { status: 422, message: (v: string) => `不支持的文件格式：${v}` },
  DOC_NOT_FOUND: { status: 404, message: (v: string) => `未找到文档：${v}` },
  THEME_NOT_FOUND: { status: 404, message: (v: string) => `未找到主题：${v}` },
  PLACE_NOT_FOUND: { status: 404, message: (v: string) => `文库中没有该地区的文档：${v}` },
  POLICY_NOT_FOUND: { status: 404, message: (v: string) => `文库中没有方案引用这份政策：${v}` },
  VERSIONS_NOT_LINKED: { status: 404, message: (v: string) => `这两份文档不是同一方案的不同版本：${v}` },
  REUSE_NOT_AVAILABLE: { status: 404, message: (v: string) => `该文档不是市、县文件，或文库中没有其上级文件，无法比较承接情况：${v}` },
  INDICATOR_NOT_FOUND: { status: 404, message: (v: string) => `未找到指标：${v}` },
  CLAUSE_NOT_FOUND: { status: 404, message: (v: string) => `未找到条款：${v}` },
  ROUTE_NOT_FOUND: { status: 404, message: (v: string) => `未找到页面：${v}` },
  QUERY_EMPTY: { status: 400, message: (_v: string) => '请输入检索词' },
  QUERY_TOO_LONG: { status: 400, message: (v: string) => `检索式过长：${v}` },
  QUERY_TOO_MANY_TERMS: { status: 400, message: (v: string) => `检索词过多：${v}` },
  QUERY_TOO_COSTLY: { status: 400, message: (v: string) => `检索代价超出上限：${v}` },
  QUERY_ONLY_EXCLUSIONS: { status: 400, message: (v: string) => `检索式只有排除词：${v}（至少需要一个要查找的词）` },
  QUERY_EXCLUSION_IN_OR: { status: 400, message: (v: string) => `排除词不能放在 OR 之间：${v}` },
  PARAM_INVALID: { status: 400, message: (v: string) => `参数无效：${v}` },
  EXPORT_TOO_LARGE: { status: 400, message: (v: string) => `导出条目过多，请缩小检索范围：${v}` },
  PARAM_UNKNOWN: { status: 400, message: (v: string) => `未知参数：${v}` },
  FILTER_UNKNOWN: { status: 400, message: (v: string) => `筛选条件无效：${v}` },
  INDEX_UNAVAILABLE: { status: 503, message: (v: string) => `检索索引不可用：${v}` },
  RATE_LIMITED: { status: 429, message: (v: string) => `请求过于频繁：${v}` },
  SERVER_BUSY: { status: 503, message: (v: string) => `服务繁忙：${v}` },
  NOT_READY: { status: 503, message: (v: string) => `服务尚未就绪：${v}` },
  BAD_REQUEST: { status: 400, message: (v: string) => `请求无效：${v}` },
  INTERNAL: { status: 500, message: (_v: string) => '服务器内部错误' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly value: string;

  constructor(code: ErrorCode, value: string) {
    super(ERRORS[code].message(value));
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.value = value;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Bad values can be huge or hold control characters; keep messages readable. */
export function quoteValue(value: string, max = 80): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
