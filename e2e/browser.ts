// Debian's Chromium driven by playwright-core, with the flags this machine needs (no network, no sandbox as root).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`npm test\`, which installs it with apt-get`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  afterAll(() => browser.close());
  return browser;
}

/** A fresh browser context (its own storage) and page on the platform under test; `options` add to the context's
 * (a viewport, say). */
export async function openPage(browser: Browser, pathname = '/', options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: inject('baseUrl'), locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const page = await context.newPage();
  await page.goto(pathname);
  return page;
}

/** Saves a screenshot under test-results/ so a person can look at what the journey saw. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in page and waits until the header shows the signed-in user. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s?录/ }).click();
  await page.getByRole('button', { name: /退出/ }).waitFor();
}

/** Chooses an option of an antd Select found by its label, from the open dropdown. */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  // One drop-down at a time: another's closing animation still shows its options, which a click would miss.
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect.poll(() => dropdown.count()).toBe(0);
  await select.click();
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** The rows of the table in the card with this title. */
export const cardRows = (page: Page, title: string): Locator =>
  page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) }).locator('.ant-table-tbody > tr.ant-table-row');

/** Confirms the open Popconfirm, whose confirming button carries the same words as the button that opened it. */
export const confirmPopover = (page: Page, name: string): Promise<void> => page.locator('.ant-popover').getByRole('button', { name }).last().click();
