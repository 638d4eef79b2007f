// The analysts' YAML files (themes.yaml, indicators.yaml) hold one top-level list each; reading
// it and reporting a broken file by name is the same for both.
import { parse } from 'yaml';

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
