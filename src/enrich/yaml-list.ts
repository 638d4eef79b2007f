// The analysts' YAML files (themes.yaml, indicators.yaml) hold one top-level list each; reading
// it, each entry's id and label, and its word lists, and reporting a broken file by name, is the
// same for both.
import { parse } from 'yaml';
import { DOC_ID } from '../ingest/catalog.js';

/** The list under `key`, or a call to `fail` naming what is wrong. */
export function readYamlList(text: string, key: string, fail: (detail: string) => never): unknown[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    fail(`YAML 无法解析（${(err as Error).message.split('\n')[0]}）`);
  }
  const list = (doc as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) fail(`缺少 ${key} 列表`);
  return list;
}

/** Ids in both files: lower-case letters and digits, joined by single dashes. */
/** Theme and indicator ids follow the catalogue's id rule: lower-case letters, digits, single dashes. */
const ID = DOC_ID;

/** What every entry starts with: an object with a valid id and a non-empty label. */
export function readEntryHead(options: { raw: unknown; index: number; noun: string; fail: (detail: string) => never }): { fields: Record<string, unknown>; id: string; label: string } {
  const { raw, index, noun, fail } = options;
  if (typeof raw !== 'object' || raw === null) fail(`第 ${index + 1} 个${noun}不是对象`);
  const fields = raw as Record<string, unknown>;
  const id = typeof fields.id === 'string' ? fields.id.trim() : '';
  if (!ID.test(id)) fail(`第 ${index + 1} 个${noun}的 id “${String(fields.id)}” 应为小写字母、数字和短横线`);
  const label = typeof fields.label === 'string' ? fields.label.trim() : '';
  if (!label) fail(`${noun} ${id} 缺少 label`);
  return { fields, id, label };
}

/** An optional list of words (numbers allowed, as YAML reads 2030 unquoted), trimmed, empties dropped. */
export function readStringList(options: { value: unknown; what: string; fail: (detail: string) => never }): string[] {
  const { value, fail } = options;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number')) fail(`${options.what} 应为字符串列表`);
  return (value as (string | number)[]).map((v) => String(v).trim()).filter(Boolean);
}
