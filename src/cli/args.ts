// Command-line arguments of the CLI commands: a few flags, and everything else is the query.
import { AppError } from '../errors.js';

export interface CliSpec {
  /** Options that take a value (--doc ID or --doc=ID), repeatable. */
  values: string[];
  /** Options that stand alone (--csv). */
  flags: string[];
}

const SEARCH_SPEC: CliSpec = { values: ['limit', 'offset', 'doc', 'level', 'region', 'issuer', 'type', 'status', 'issued'], flags: [] };

export interface CliArgs {
  query: string[];
  json: boolean;
  help: boolean;
  values: Record<string, string[]>;
  flags: Set<string>;
}

/**
 * Our own flags only; everything else is query text, so `氢 -加氢站` works unquoted (node's
 * parseArgs would take -加氢站 for an unknown option). `--` ends the flags.
 */
export function parseCliArgs(argv: string[], spec: CliSpec = SEARCH_SPEC): CliArgs {
  const out: CliArgs = { query: [], json: false, help: false, values: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const option = /^--([a-z]+)(?:=(.*))?$/u.exec(arg);
    if (arg === '--') {
      out.query.push(...argv.slice(i + 1));
      break;
    } else if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') out.help = true;
    else if (option && spec.flags.includes(option[1] as string) && option[2] === undefined) out.flags.add(option[1] as string);
    else if (option && spec.values.includes(option[1] as string)) {
      const value = option[2] ?? argv[++i];
      if (value === undefined) throw new AppError('PARAM_INVALID', `--${option[1]}（缺少取值）`);
      (out.values[option[1] as string] ??= []).push(value);
    } else out.query.push(arg);
  }
  return out;
}

/**
 * Option values as a URL query would carry them (one value a string, several a list), so the
 * commands' parameters go through the same checks as the API's. `omit` leaves out the options
 * that are the command's own (--origin).
 */
export function asParams(values: Record<string, string[]>, omit: string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, list] of Object.entries(values)) if (!omit.includes(name)) out[name] = list.length === 1 ? (list[0] as string) : list;
  return out;
}
