// Smoke journey: a visitor opens the platform, reads the Chinese home page, switches to English, meets the 404 page.
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, snapshot } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});

describe('smoke', () => {
  it('serves the Chinese home page with the built-in program', async () => {
    const page = await openPage(browser, '/');
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).toBe('揭榜挂帅平台');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByText('新一代人工智能产业创新重点任务揭榜').first().waitFor();
    await page.getByText('系统运行正常').waitFor();
    // CJK glyphs really render: the heading is wide, not a row of empty boxes of the fallback font.
    const box = await heading.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    await snapshot(page, 'home-zh');
    await page.context().close();
  });

  it('switches to English and remembers it after a reload', async () => {
    const page = await openPage(browser, '/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Jiebang Open-Call Platform' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Jiebang Open-Call Platform' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await snapshot(page, 'home-en');
    await page.context().close();
  });

  it('shows the 404 page for an unknown address, with security headers on the page', async () => {
    const page = await openPage(browser, '/');
    const response = await page.goto('/no/such/page');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    await page.getByRole('link', { name: /返回首页/ }).click();
    await page.getByRole('heading', { level: 1, name: '揭榜挂帅平台' }).waitFor();
    await page.context().close();
  });

  it('loads no script from outside the platform and logs no errors', async () => {
    const page = await openPage(browser, '/');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(new URL(page.url()).origin) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.reload();
    await page.getByText('系统运行正常').waitFor();
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });
});
