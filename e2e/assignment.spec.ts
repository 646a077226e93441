// Journey: an admin imports experts from Excel, sees a conflict with its reason, computes the optimal assignment, pins
// one pair, computes again around it and releases the round; the expert sees the assignment.
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { associationUnit, PASSWORD, send, openApplicationAndRecommendation, session, submittedApplication, type ApiSession } from './api.js';
import { launchBrowser, openPage, signIn, snapshot } from './browser.js';
import { E2E_ADMIN } from './global-setup.js';

let browser: Browser;
let admin: ApiSession;
let programId: string;
let restorePhases: () => Promise<void>;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await session(E2E_ADMIN.email, E2E_ADMIN.password);
  ({ programId, restore: restorePhases } = await openApplicationAndRecommendation(admin));
});
afterAll(() => restorePhases());

describe('assignment', () => {
  it('imports experts, shows a conflict, assigns, pins, re-optimises and releases', async () => {
    const tag = Date.now().toString(36);
    // Two eligible applications: submitted, recommended in a submitted batch, formally checked.
    const unit = await associationUnit(admin, `a${tag}`);
    const first = await submittedApplication(programId, 'D01-01', `${tag}x`, unit.id);
    const second = await submittedApplication(programId, 'D01-02', `${tag}y`, unit.id);
    const recommender = await session(unit.email, PASSWORD);
    for (const app of [first, second]) await send(recommender, 'post', `/api/applications/${app.id}/recommendation`, { decision: 'recommend', comment: '推荐' });
    await send(recommender, 'post', `/api/recommenders/${unit.id}/batches`, { programId });
    for (const app of [first, second]) await send(admin, 'post', `/api/applications/${app.id}/eligibility`, { eligible: true });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('专家');
    ws.addRow(['姓名', '电子邮箱', '工作单位', '统一社会信用代码', '所在地区', '熟悉的细分领域', '研究方向关键词']);
    ws.addRow([`甲专家${tag}`, `jia.${tag}@e2e.jiebang.cn`, '广州某科技有限公司', first.uscc, '广东', 'D01-01', '自动驾驶、神经网络芯片']);
    ws.addRow([`乙专家${tag}`, `yi.${tag}@e2e.jiebang.cn`, '某大学', '', '北京', 'D01-01、D01-02', '车规级、芯片']);
    ws.addRow([`丙专家${tag}`, `bing.${tag}@e2e.jiebang.cn`, '某研究院', '', '上海', 'D01-02', '自动驾驶']);

    const page = await openPage(browser, '/');
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await page.goto('/admin/experts');
    await page.locator('input[type=file]').setInputFiles({ name: 'experts.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await page.getByTestId('expert-links').getByText(`jia.${tag}@e2e.jiebang.cn`).waitFor();
    const link = (await page.getByTestId('expert-links').locator('li').filter({ hasText: `yi.${tag}` }).textContent()) ?? '';
    expect(link).toMatch(/\/reset\/[A-Za-z0-9_-]{43}/);

    await page.getByRole('button', { name: `检查利益冲突 甲专家${tag}` }).click();
    await page.getByTestId('conflict-reason').filter({ hasText: '统一社会信用代码相同' }).first().waitFor();
    await snapshot(page, 'expert-conflicts');
    await page.keyboard.press('Escape');

    await page.goto('/admin/assignments');
    await page.getByLabel('每份申报专家数').fill('1');
    await page.getByLabel('每位专家上限').fill('1');
    await page.getByRole('button', { name: '计算最优分配' }).click();
    // A background job: its progress shows in the page until the summary replaces it.
    await page.getByTestId('assignment-progress').waitFor();
    await page.getByTestId('assignment-summary').getByText(/已分配 \d+ 个配对/).waitFor();
    // The conflicted pair is never made.
    expect(await page.getByRole('row').filter({ hasText: first.title }).filter({ hasText: `甲专家${tag}` }).count()).toBe(0);

    const row = page.getByRole('row').filter({ hasText: second.title }).first();
    const expertCell = (await row.locator('td').nth(1).textContent()) ?? '';
    const expertName = expertCell.split('（')[0]!;
    await page.getByRole('button', { name: `锁定 ${expertName} ${second.title}` }).click();
    await page.getByRole('button', { name: `取消锁定 ${expertName} ${second.title}` }).waitFor();
    await page.getByRole('button', { name: '计算最优分配' }).click();
    await page.getByTestId('assignment-progress').waitFor();
    await page.getByTestId('assignment-summary').waitFor();
    await page.getByRole('button', { name: `取消锁定 ${expertName} ${second.title}` }).waitFor();
    await snapshot(page, 'assignment');

    await page.getByRole('button', { name: /^发\s?布$/ }).click();
    await page.getByRole('button', { name: /^发\s?布$/ }).last().click();
    await page.getByText('本轮分配已发布。').waitFor();
    await page.context().close();
  });
});
