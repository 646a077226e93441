// The real platform as a process on loopback (src/server/main.ts, embedded PostgreSQL in a temporary folder, test
// mode, a first administrator), with a small fetch client: for scans that must hit the real thing.
import fs from 'node:fs';
import path from 'node:path';
import { clearStaleServer, freePort } from '../../db/embedded.js';
import { runTs, type ChildRun } from '../process.js';

export interface Platform {
  base: string;
  admin: { email: string; password: string };
  server: ChildRun;
  request(method: string, url: string, options?: { cookie?: string; csrf?: string; body?: unknown }): Promise<{ status: number; json: Record<string, unknown> & { email?: string }; cookie: string; email: string }>;
  signIn(email: string, password: string): Promise<{ cookie: string; csrf: string }>;
  stop(): Promise<void>;
}

export async function startPlatform(): Promise<Platform> {
  const dataDir = fs.mkdtempSync('/tmp/jiebang-scan-');
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const admin = { email: 'scan.admin@example.gov.cn', password: 'Scan-harbour-Lamp7' };
  const server = runTs('src/server/main.ts', [], {
    JIEBANG_DATA_DIR: dataDir,
    PORT: String(port),
    JIEBANG_DB_PORT: String(await freePort()),
    DATABASE_URL: undefined,
    JIEBANG_TEST_MODE: '1',
    JIEBANG_ADMIN_EMAIL: admin.email,
    JIEBANG_ADMIN_PASSWORD: admin.password,
  });
  await server.waitFor(/is running at/, 120_000);
  const base = `http://127.0.0.1:${port}`;
  const request: Platform['request'] = async (method, url, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.csrf) headers['x-csrf-token'] = options.csrf;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${url}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const cookie = /jiebang_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
    return { status: res.status, json, cookie, email: String((options.body as { email?: string } | undefined)?.email ?? '') };
  };
  return {
    base,
    admin,
    server,
    request,
    async signIn(email, password) {
      const res = await request('POST', '/api/auth/login', { body: { email, password } });
      if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}`);
      return { cookie: res.cookie, csrf: res.json.csrfToken as string };
    },
    async stop() {
      server.child.kill('SIGINT');
      await server.exited;
      await clearStaleServer(path.join(dataDir, 'pg'), () => undefined).catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
