// Journey: the platform as a newcomer finds it after `npm start` (issue 13): a platform of its own in demo mode shows
// the built-in program with its figures and map, the sign-in page lists one account per role, and every demo role
// signs in to a non-empty to-do list.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearStaleServer, freePort } from '../src/server/db/embedded.js';
import { DEMO_ACCOUNTS } from '../src/server/demo/demo-people.js';
import { runTs, type ChildRun } from '../src/server/test/process.js';
import { expectAccessible } from './a11y.js';
import { launchBrowser, snapshot } from './browser.js';

let browser: Browser;
let server: ChildRun;
let dataDir: string;
let base: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = fs.mkdtempSync('/tmp/jiebang-demo-');
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  server = runTs('src/server/main.ts', [], { JIEBANG_DATA_DIR: dataDir, PORT: String(port), JIEBANG_DB_PORT: String(await freePort()), JIEBANG_DEMO: '1' });
  await server.waitFor(new RegExp(DEMO_ACCOUNTS[DEMO_ACCOUNTS.length - 1]!.email.replace('.', '\\.')), 240_000);
  base = `http://127.0.0.1:${port}`;
}, 300_000);

afterAll(async () => {
  server?.child.kill('SIGINT');
  await server?.exited;
  await clearStaleServer(path.join(dataDir, 'pg'), () => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const context = (): Promise<BrowserContext> => browser.newContext({ baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });

describe('the demo', () => {
  it('prints an account for every role at start', () => {
    for (const account of DEMO_ACCOUNTS) expect(server.output()).toContain(account.email);
  });

  it('shows the built-in program with its figures and the map', async () => {
    const page = await (await context()).newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: '新一代人工智能产业创新重点任务揭榜' }).waitFor();
    await page.getByRole('link', { name: '2025年智能制造揭榜挂帅项目（演示）' }).waitFor();
    await page.goto('/statistics');
    await page.locator('[data-chart$="by-region"][data-ready="true"]').waitFor();
    expect(Number(await page.locator('[data-figure="stats.total.applications"]').textContent())).toBeGreaterThanOrEqual(25);
    expect(Number(await page.locator('[data-figure="stats.total.regions"]').textContent())).toBeGreaterThanOrEqual(15);
    await snapshot(page, 'demo-statistics');
    await page.goto('/programs/demo-2024/results');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByText('揭榜优胜单位').first().waitFor();
    await page.context().close();
  });

  it('lets every demo role sign in from the sign-in page to a non-empty to-do list', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const ctx = await context();
      const page = await ctx.newPage();
      await page.goto('/login');
      await page.getByRole('button', { name: `填入 ${account.email}` }).click();
      if (account === DEMO_ACCOUNTS[0]) await expectAccessible(page, 'the sign-in page with demo accounts');
      await page.getByRole('button', { name: /登\s?录/ }).click();
      await page.getByRole('button', { name: /退出/ }).waitFor();
      await page.goto('/');
      await page.getByRole('heading', { name: '我的待办' }).waitFor();
      await page.locator('[data-todo]').first().waitFor();
      expect(await page.locator('[data-todo]').count(), account.role).toBeGreaterThan(0);
      await snapshot(page, `demo-todo-${account.role}`);
      await ctx.close();
    }
  });
});
