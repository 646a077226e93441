// Configuration from the environment: defaults, and one clear sentence for each bad value.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { LaunchError } from './launch-error.js';

function failure(env: Record<string, string>): LaunchError {
  try {
    loadConfig(env, '/srv/jiebang');
  } catch (error) {
    if (error instanceof LaunchError) return error;
    throw error;
  }
  throw new Error('expected a LaunchError');
}

describe('loadConfig', () => {
  it('has working defaults: embedded database in ./data, 127.0.0.1:3000', () => {
    const config = loadConfig({}, '/srv/jiebang');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      dataDir: '/srv/jiebang/data',
      databaseUrl: undefined,
      testMode: false,
      production: false,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, '/x').port).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /1–65535/],
    [{ PORT: '70000' }, 'PORT', /1–65535/],
    [{ JIEBANG_DB_PORT: '-1' }, 'JIEBANG_DB_PORT', /1–65535/],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /postgres:\/\//],
    [{ JIEBANG_TEST_MODE: 'maybe' }, 'JIEBANG_TEST_MODE', /1 或 0/],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV', /production/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /info/],
  ])('names the bad variable in one sentence: %o', (env, name, hint) => {
    const error = failure(env as Record<string, string>);
    const line = error.toLine();
    expect(line).toContain(name);
    expect(line).toMatch(hint);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toMatch(/ at |ZodError|\{/);
  });

  it('refuses test mode in production mode', () => {
    const error = failure({ NODE_ENV: 'production', JIEBANG_TEST_MODE: '1' });
    expect(error.toLine()).toContain('JIEBANG_TEST_MODE');
  });

  it('turns the demo on with the embedded database only, and refuses it in production mode', () => {
    expect(loadConfig({}, '/x').demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/j' }, '/x').demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }, '/x').demo).toBe(false);
    expect(loadConfig({ JIEBANG_DEMO: '0' }, '/x').demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/j', JIEBANG_DEMO: '1' }, '/x').demo).toBe(true);
    expect(failure({ NODE_ENV: 'production', JIEBANG_DEMO: '1' }).toLine()).toContain('JIEBANG_DEMO');
  });

  it('accepts a PostgreSQL server URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/jiebang' }, '/x').databaseUrl).toBe(
      'postgresql://u:p@db:5432/jiebang',
    );
  });
});
