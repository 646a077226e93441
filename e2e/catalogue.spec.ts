// Journey: a visitor reads the catalogue and a subfield's indicators; an admin moves a deadline and the home page's
// countdown follows it, as it follows the (test-mode) server clock.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser, openPage, signIn, snapshot } from './browser.js';
import { E2E_ADMIN } from './global-setup.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await fetch(`${inject('baseUrl')}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"offsetMs":0}' });
});

const countdownDays = async (page: Page) => {
  const text = (await page.getByTestId('countdown').textContent()) ?? '';
  return Number(/^(\d+) 天/.exec(text)?.[1] ?? NaN);
};

describe('catalogue and timeline', () => {
  it('lets a visitor read the catalogue and the indicators of a subfield', async () => {
    const page = await openPage(browser, '/');
    await page.getByRole('link', { name: '榜单' }).first().click();
    for (const group of ['智能产品', '核心基础', '智能制造', '支撑体系']) {
      await page.getByRole('heading', { level: 2, name: group }).waitFor();
    }
    expect(await page.getByRole('heading', { level: 3 }).count()).toBe(17);
    await page.getByRole('link', { name: /D01-01 车载智能芯片/ }).click();
    await page.getByRole('heading', { level: 1, name: /车载智能芯片/ }).waitFor();
    const row = page.getByRole('row', { name: /AI算力/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('TOPS');
    expect(await row.textContent()).toContain('越高越好');
    expect(await row.getByText('示例').count()).toBe(1);
    await snapshot(page, 'subfield');
    await page.context().close();
  });

  it('follows a deadline an admin moves, and the server clock', async () => {
    // The built-in application phase opens at 09:00 Beijing time on the day of the first start: be past it.
    const base = inject('baseUrl');
    const program = ((await (await fetch(`${base}/api/programs`)).json()) as { items: Array<{ phases: Array<{ opensAt: string }> }> }).items[0]!;
    const offsetMs = Math.max(0, Date.parse(program.phases[0]!.opensAt) - Date.now() + 3_600_000);
    await fetch(`${base}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });
    const visitor = await openPage(browser, '/');
    await visitor.getByTestId('countdown').waitFor();
    expect(await countdownDays(visitor)).toBeGreaterThanOrEqual(28);
    // Other journeys may have moved dates too: count the notes of late changes before this one.
    const lateChanges = await visitor.getByText(/已调整（原为/).count();

    const admin = await openPage(browser, '/');
    await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
    await admin.getByRole('link', { name: '项目管理' }).click();
    await admin.getByRole('link', { name: '时间与名额' }).first().click();
    const inTwoDays = new Date(Date.now() + offsetMs + 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await admin.getByLabel('申报 截止时间').fill(`${inTwoDays}T17:00`);
    await admin.getByRole('button', { name: '保存 申报' }).click();
    await admin.getByText('已保存申报阶段时间').waitFor();
    await admin.getByLabel('每个细分领域入围名额').fill('6');
    await admin.getByRole('button', { name: '保存名额' }).click();
    await admin.getByText('名额已保存').waitFor();
    await admin.context().close();

    await visitor.reload();
    await visitor.getByTestId('countdown').waitFor();
    const days = await countdownDays(visitor);
    expect([1, 2]).toContain(days);
    // The application phase had opened: the change is on the public timeline.
    await visitor.getByText(/已调整（原为/).nth(lateChanges).waitFor();
    await visitor.getByText(/调整：入围 5→6/).waitFor();

    await visitor.request.post('/api/test/clock', { data: { offsetMs: offsetMs + 86_400_000 } });
    await visitor.reload();
    await visitor.getByTestId('countdown').waitFor();
    expect(await countdownDays(visitor)).toBe(days - 1);
    await snapshot(visitor, 'home-countdown');
    await visitor.context().close();
  });
});
