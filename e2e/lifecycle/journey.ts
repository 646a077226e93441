// What the steps of the lifecycle journey share: the names of its program and accounts (unique per run), what earlier
// steps made, and the checks every page visited goes through.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from '../a11y.js';
import { session, setClock } from '../api.js';
import { openPage, snapshot } from '../browser.js';
import { E2E_ADMIN } from '../global-setup.js';

export interface Application {
  id: string;
  title: string;
  email: string;
}

export const DAY = 86_400_000;
const WIDTH = 1280;
const SCREENSHOTS = path.resolve('test-results', 'screenshots');

export const tag = Date.now().toString(36);
export const code = `lc-${tag}`;
export const programTitle = `智能芯片揭榜挂帅（全流程 ${tag}）`;
export const unitName = `人工智能产业联盟全流程${tag}`;
export const recommender = { name: '联盟推荐员', email: `lc.unit.${tag}@e2e.jiebang.cn` };
export const expert = { name: `全流程专家${tag}`, email: `lc.expert.${tag}@e2e.jiebang.cn` };
export const lab = { name: `国家智能芯片检验检测中心${tag}`, email: `lc.lab.${tag}@e2e.jiebang.cn` };
export const applicant = { org: `广州全流程智芯科技有限公司${tag}`, name: '李工', email: `lc.app.${tag}@e2e.jiebang.cn`, password: 'Lifecycle-passw0rd-1' };
export const pdf = (what: string) => Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${what}\ntrailer << >>\n%%EOF\n`);

/** What the steps made, for the steps after them. */
export const state = {
  browser: undefined as unknown as Browser,
  /** The server's clock when the journey starts: every phase is placed from it. */
  start: 0,
  program: { id: '', code },
  unitId: '',
  expertId: '',
  indicators: { power: '', watts: '' },
  /** A, the applicant of the journey, applies in the browser; B, a competitor in the same subfield, through the API. */
  a: undefined as unknown as Application,
  b: undefined as unknown as Application,
};

/** A fresh context 1280 px wide, as the polish checks ask. */
export const open = (pathname = '/') => openPage(state.browser, pathname, { viewport: { width: WIDTH, height: 900 } });

/** A new admin API session: the one from before may have expired while the clock jumped. */
export const adminApi = () => session(E2E_ADMIN.email, E2E_ADMIN.password);

/** Puts the server's clock at this moment (ms since the epoch). */
export async function clockAt(moment: number): Promise<void> {
  expect((await setClock(moment - Date.now())).status).toBe(200);
}

/** The folder shows this run's pages only, not those of an earlier run that went further. */
export function clearScreenshots(): void {
  if (!fs.existsSync(SCREENSHOTS)) return;
  for (const f of fs.readdirSync(SCREENSHOTS)) if (f.startsWith('lifecycle-')) fs.rmSync(path.join(SCREENSHOTS, f));
}

let shot = 0;
/** A page of the journey, once it shows what it should: no horizontal scrolling at 1280 px, a numbered screenshot, no
 * serious accessibility violation. */
export async function visited(page: Page, what: string): Promise<void> {
  shot += 1;
  const name = `lifecycle-${String(shot).padStart(2, '0')}-${what}`;
  // axe first: it waits for the page's transitions to settle, so the screenshot shows the page at rest.
  await expectAccessible(page, name);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(WIDTH);
  await snapshot(page, name);
}

/** Presses Tab until the field with this label has the focus (keyboard only, whatever lies between). */
export async function tabTo(page: Page, label: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  for (let i = 0; i < 12; i += 1) {
    if (await field.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${label}`);
}
