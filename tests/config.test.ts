// Configuration is checked once at start-up; bad values fail with a code naming them.
import { describe, expect, it } from 'vitest';
import { DEFAULTS, loadConfig } from '../src/config.js';
import { AppError } from '../src/errors.js';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:3000 and the bundled corpus', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', port: 3000, corpusDir: DEFAULTS.corpusDir });
  });
  it('CITATION_EDITION: GB/T 7714-2025 by default, 2015 on request, anything else CONFIG_INVALID naming it', () => {
    expect(loadConfig({}).citationEdition).toBe('2025');
    expect(loadConfig({ CITATION_EDITION: '2015' }).citationEdition).toBe('2015');
    expect(() => loadConfig({ CITATION_EDITION: '2005' })).toThrow(/CITATION_EDITION=2005/u);
  });
  it('takes PORT and HOST from the environment', () => {
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', port: 8080 });
  });
  it.each(['abc', '70000', '-1', '3.5', '1e3', '0x50', '8080.0'])('rejects PORT=%s with CONFIG_INVALID', (port) => {
    let error: unknown;
    try {
      loadConfig({ PORT: port });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFIG_INVALID');
    expect((error as AppError).message).toContain(port);
  });
  it('rate limit, proxy hops and worker count default from DEFAULTS and read the environment', () => {
    expect(loadConfig({})).toMatchObject({ rateLimitPerMinute: 600, trustProxy: 0, webConcurrency: 1 });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: '1', WEB_CONCURRENCY: '4' })).toMatchObject({ rateLimitPerMinute: 0, trustProxy: 1, webConcurrency: 4 });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: ' ', WEB_CONCURRENCY: '' })).toMatchObject({ rateLimitPerMinute: 600, webConcurrency: 1 });
  });
  it.each([
    ['RATE_LIMIT_PER_MINUTE', '-5'],
    ['RATE_LIMIT_PER_MINUTE', 'lots'],
    ['RATE_LIMIT_PER_MINUTE', '1.5'],
    ['WEB_CONCURRENCY', '0'],
    ['WEB_CONCURRENCY', '65'],
    ['WEB_CONCURRENCY', 'max'],
    ['TRUST_PROXY', 'true'],
  ])('rejects %s=%s with CONFIG_INVALID naming the setting and the value', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect((error as AppError).code).toBe('CONFIG_INVALID');
    expect((error as AppError).message).toContain(`${name}=${value}`);
  });
});
