// Journey: a visitor opens a program's portal, reads its timeline and figures, opens the statistics with the China
// map, saves a chart as PNG and the data as Excel, switches to larger text; every public page passes axe (WCAG 2.1
// AA). The program admin sees the funnel on the dashboard and the to-do list on the home page.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './a11y.js';
import { type ApiSession, associationUnit, openPhases, ownProgram, send, serverNow, session, setPhase, submittedApplication } from './api.js';
import { launchBrowser, openPage, signIn, snapshot } from './browser.js';
import { E2E_ADMIN } from './global-setup.js';

const DAY = 86_400_000;
const tag = Date.now().toString(36);
let browser: Browser;
let admin: ApiSession;
let program: Awaited<ReturnType<typeof ownProgram>>;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await session(E2E_ADMIN.email, E2E_ADMIN.password);
  program = await ownProgram(admin, {
    code: `pt-${tag}`,
    title: `智能制造揭榜挂帅（门户 ${tag}）`,
    subfields: [
      { code: 'P01-01', name: '神经网络芯片', direction: { code: 'P01', name: '智能芯片', group: '核心基础' } },
      { code: 'P02-01', name: '家庭服务机器人', direction: { code: 'P02', name: '智能服务机器人', group: '智能产品' } },
    ],
  });
  await send(admin, 'post', `/api/admin/subfields/${program.subfields['P01-01']}/indicators`, {
    code: 'P01-01-I1',
    name: '峰值算力',
    kind: 'number',
    unit: 'TOPS',
    better: 'higher',
    planTarget: { text: '大于 100 TOPS', comparator: '>', value: 100 },
  });
  await openPhases(admin, program.id, ['application', 'recommendation'], 10);
  const now = await serverNow(admin);
  await setPhase(admin, program.id, 'review', new Date(now + 20 * DAY), new Date(now + 40 * DAY));
  const unit = await associationUnit(admin, `pt${tag}`);
  await submittedApplication(program.id, 'P01-01', `p${tag}a`, unit.id, { regionCode: '440000', kind: 'enterprise', target: 120 });
  await submittedApplication(program.id, 'P01-01', `p${tag}b`, unit.id, { regionCode: '110000', kind: 'institute', target: 90 });
  await submittedApplication(program.id, 'P01-01', `p${tag}c`, unit.id, { regionCode: '310000', kind: 'university', target: 150 });
  await submittedApplication(program.id, 'P02-01', `p${tag}d`, unit.id, { regionCode: '510000', kind: 'enterprise' });
});

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

describe('public portal and statistics', () => {
  it('shows the timeline, the figures, the map and the downloads, accessibly', async () => {
    const page = await openPage(browser, `/programs/${program.code}`);
    await page.getByRole('heading', { level: 1, name: program.title }).waitFor();
    // The timeline: the application phase is open, the countdown runs to its close.
    await page.getByRole('timer').waitFor();
    expect(await page.locator('[aria-current="step"]').first().textContent()).toContain('申报');
    expect(await page.locator('[data-figure="stats.total.applications"]').textContent()).toBe('4');
    await snapshot(page, 'portal');
    await expectAccessible(page, 'the program portal');

    await page.locator('#main').getByRole('link', { name: '申报统计' }).click();
    await page.waitForURL(`**/programs/${program.code}/statistics`);
    await page.getByRole('heading', { level: 1, name: /申报统计/ }).waitFor();
    const map = page.locator('[data-chart$="by-region"][data-ready="true"]');
    await map.waitFor();
    const regions = page.getByRole('figure', { name: '按地区' }).locator('xpath=..');
    await regions.locator('summary', { hasText: '数据表' }).click();
    for (const region of ['广东省', '北京市', '上海市', '四川省']) {
      await expect.poll(() => regions.getByRole('row').filter({ hasText: region }).getByRole('cell').last().textContent()).toBe('1');
    }
    // Two of three targets beat the plan target of 100 TOPS.
    const ambition = page.getByRole('figure', { name: '指标目标与规划目标' }).locator('xpath=..');
    await ambition.locator('summary', { hasText: '数据表' }).click();
    expect(await ambition.getByRole('row').filter({ hasText: '峰值算力' }).textContent()).toContain('66.7%');
    await snapshot(page, 'statistics');
    await expectAccessible(page, 'the statistics page');

    const png = await download(page, () => page.getByRole('figure', { name: '按地区' }).getByRole('button', { name: '下载图片（PNG）' }).click());
    expect(png.name).toBe(`${program.code}-by-region.png`);
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.bytes.length).toBeGreaterThan(10_000);

    const excel = await download(page, () => page.getByRole('link', { name: '下载数据（Excel）' }).click());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excel.bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('按地区')!.rowCount).toBe(5);
    expect(workbook.getWorksheet('按方向')!.getRow(2).values).toEqual([undefined, 'P01', '智能芯片', '核心基础', 3]);

    // Larger text for older readers, remembered across pages.
    await page.getByRole('button', { name: '大字模式' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    await page.goto('/');
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    expect(await page.getByRole('button', { name: '大字模式' }).getAttribute('aria-pressed')).toBe('true');
    await page.context().close();
  });

  it('keeps every public page free of serious accessibility violations, by keyboard too', async () => {
    const page = await openPage(browser, '/');
    await page.getByRole('heading', { level: 1, name: '揭榜挂帅平台' }).waitFor();
    // The first Tab reaches the skip link, which moves the focus to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    for (const [path, heading] of [
      ['/', '揭榜挂帅平台'],
      ['/catalogue', /榜单/],
      [`/programs/${program.code}/catalogue`, /榜单/],
      ['/notices', /公示/],
      ['/results', /结果|名单/],
      ['/statistics', /申报统计/],
      ['/verify/AI2018-D01-01-999999', '回执核验'],
      ['/login', /登录/],
      ['/register', /注册/],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      await expectAccessible(page, path);
    }
    await page.context().close();
  });

  it('shows the program admin the funnel and the to-do list', async () => {
    const page = await openPage(browser, '/');
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/admin/dashboard?program=${program.code}`);
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await page.locator('[data-chart$="-funnel"][data-ready="true"]').waitFor();
    const all = page.getByRole('row').filter({ hasText: '全部方向' });
    await expect.poll(async () => (await all.getByRole('cell').allTextContents()).slice(1, 4)).toEqual(['4', '4', '0']);
    const chips = page.getByRole('row').filter({ hasText: 'P01 智能芯片' });
    expect((await chips.getByRole('cell').allTextContents()).slice(1, 3)).toEqual(['3', '3']);
    await snapshot(page, 'dashboard');
    await page.context().close();
  });
});
