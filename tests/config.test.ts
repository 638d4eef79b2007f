// Configuration is checked once at start-up; bad values fail with a code naming them.
import { describe, expect, it } from 'vitest';
import { DEFAULTS, loadConfig } from '../src/config.js';
import { AppError } from '../src/errors.js';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:3000 and the bundled corpus', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', port: 3000, corpusDir: DEFAULTS.corpusDir });
  });
  it('takes PORT and HOST from the environment', () => {
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', port: 8080 });
  });
  it.each(['abc', '70000', '-1', '3.5'])('rejects PORT=%s with CONFIG_INVALID', (port) => {
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
});
