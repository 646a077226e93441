// The CLI as an operator runs it: migrate, create-admin, check-invariants, exit codes.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../test/database.js';
import { runTs } from '../test/process.js';

describe('jiebang CLI', () => {
  it('migrates an empty database, creates an admin, and reports invariants', async () => {
    const empty = await createEmptyDatabase();
    afterAll(() => empty.drop());
    const env = { DATABASE_URL: empty.url, JIEBANG_ADMIN_PASSWORD: undefined };

    const migrate = runTs('src/server/cli/main.ts', ['migrate'], env);
    expect(await migrate.exited).toBe(0);

    const weak = runTs('src/server/cli/main.ts', ['create-admin', '--email', 'chief@example.gov.cn'], {
      ...env,
      JIEBANG_ADMIN_PASSWORD: 'short',
    });
    expect(await weak.exited).toBe(1);
    expect(weak.output()).toContain('密码至少 10 个字符');

    const admin = runTs('src/server/cli/main.ts', ['create-admin', '--email', 'chief@example.gov.cn', '--name', '张三'], {
      ...env,
      JIEBANG_ADMIN_PASSWORD: 'Kq7-harbour-lamp',
    });
    expect(await admin.exited).toBe(0);
    expect(admin.output()).toContain('created administrator chief@example.gov.cn');

    const ok = runTs('src/server/cli/main.ts', ['check-invariants'], env);
    expect(await ok.exited).toBe(0);

    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    await client.query(`DELETE FROM programs`);
    await client.end();
    const broken = runTs('src/server/cli/main.ts', ['check-invariants'], env);
    expect(await broken.exited).toBe(1);
    expect(broken.output()).toMatch(/FAIL the built-in program exists/);
  });

  it('refuses an unknown command with the usage and exit code 2', async () => {
    const run = runTs('src/server/cli/main.ts', ['frobnicate'], {});
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('unknown command: frobnicate');
  });
});
