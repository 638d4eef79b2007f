// Runtime configuration: every default lives here, and the environment is checked once at
// start-up so that a bad PORT fails loudly before anything is loaded.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from './errors.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  port: number;
  host: string;
  corpusDir: string;
  catalogFile: string;
  publicOrigin: string | undefined;
  nodeEnv: string;
}

export const DEFAULTS = {
  port: 3000,
  host: '127.0.0.1',
  corpusDir: path.join(PROJECT_ROOT, 'corpus'),
  catalogName: 'catalog.json',
} as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? DEFAULTS.port : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG_INVALID', `PORT=${env.PORT}（应为 0–65535 的整数）`);
  }
  const host = env.HOST?.trim() || DEFAULTS.host;
  const corpusDir = path.resolve(env.CORPUS_DIR?.trim() || DEFAULTS.corpusDir);
  const catalogFile = path.resolve(env.CATALOG_FILE?.trim() || path.join(corpusDir, DEFAULTS.catalogName));
  const publicOrigin = env.PUBLIC_ORIGIN?.trim().replace(/\/+$/u, '') || undefined;
  if (publicOrigin !== undefined && !/^https?:\/\/[^\s/]+$/u.test(publicOrigin)) {
    throw new AppError('CONFIG_INVALID', `PUBLIC_ORIGIN=${publicOrigin}（应形如 https://example.org）`);
  }
  return { port, host, corpusDir, catalogFile, publicOrigin, nodeEnv: env.NODE_ENV ?? 'production' };
}
