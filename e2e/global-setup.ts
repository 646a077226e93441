// Browser-test setup: runs the built platform (dist/) in test mode on a throwaway embedded PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { clearStaleServer, freePort } from '../src/server/db/embedded.js';
import { PACKAGE_ROOT } from '../src/server/paths.js';
import { runTs } from '../src/server/test/process.js';

/** The first administrator of the platform under test (system admin and program admin of all programs). */
export const E2E_ADMIN = { email: 'admin@e2e.jiebang.cn', password: 'E2e-chief-Passw0rd' };

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(PACKAGE_ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('the web app is not built: run `npm test` (it builds), or `npm run build` first');
  }
  const dataDir = fs.mkdtempSync('/tmp/jiebang-e2e-');
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const server = runTs('src/server/main.ts', [], {
    JIEBANG_DATA_DIR: dataDir,
    PORT: String(port),
    JIEBANG_DB_PORT: String(await freePort()),
    JIEBANG_TEST_MODE: '1',
    JIEBANG_ADMIN_EMAIL: E2E_ADMIN.email,
    JIEBANG_ADMIN_PASSWORD: E2E_ADMIN.password,
  });
  await server.waitFor(/is running at/, 120_000);
  project.provide('baseUrl', `http://127.0.0.1:${port}`);

  return async () => {
    server.child.kill('SIGINT');
    await server.exited;
    await clearStaleServer(path.join(dataDir, 'pg'), () => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
