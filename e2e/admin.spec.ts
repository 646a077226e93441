// Journey: the first administrator creates an audit admin; the audit admin signs in and verifies the audit chain.
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signIn, snapshot } from './browser.js';
import { E2E_ADMIN } from './global-setup.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});

describe('administration', () => {
  it('creates an audit admin who verifies the audit chain', async () => {
    const admin = await openPage(browser, '/');
    await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
    // Administrators have many pages; the narrower the window, the more of them sit in the menu's overflow.
    await admin.goto('/admin/accounts');
    await admin.getByRole('heading', { name: '账户与推荐单位' }).waitFor();
    // The provincial-level recommending units are there from the first start.
    await admin.getByRole('cell', { name: '北京市工业和信息化主管部门' }).waitFor();

    const auditorEmail = `auditor.${Date.now()}@e2e.jiebang.cn`;
    const form = admin.locator('form').filter({ has: admin.getByLabel('初始密码') });
    await form.getByLabel('角色').click();
    await admin.locator('.ant-select-item-option', { hasText: '审计管理员' }).click();
    await form.getByLabel('姓名').fill('审计员');
    await form.getByLabel('电子邮箱').fill(auditorEmail);
    await form.getByLabel('初始密码').fill('Audit-passw0rd-1');
    await form.getByRole('button', { name: /创\s?建/ }).click();
    // Other journeys add accounts too: find this one.
    await admin.getByLabel('按姓名或邮箱查找').fill(auditorEmail);
    await admin.getByRole('cell', { name: auditorEmail }).waitFor();
    await snapshot(admin, 'admin-accounts');
    // An expert for the pool, with a subfield and keywords.
    await admin.goto('/admin/experts');
    const expert = admin.locator('form#expert');
    await expert.getByLabel('姓名').fill('陈教授');
    await expert.getByLabel('电子邮箱').fill(`expert.${Date.now()}@e2e.jiebang.cn`);
    await expert.getByLabel('初始密码').fill('Expert-passw0rd-1');
    await expert.getByLabel('工作单位', { exact: true }).fill('北京某大学');
    await expert.getByLabel('所在地区').click();
    await expert.getByLabel('所在地区').fill('北京');
    await admin.locator('.ant-select-item-option', { hasText: '北京市' }).click();
    await expert.getByLabel('熟悉的细分领域').click();
    await expert.getByLabel('熟悉的细分领域').fill('车载智能芯片');
    await admin.locator('.ant-select-tree-title', { hasText: '车载智能芯片' }).click();
    await expert.getByLabel('研究方向关键词').fill('自动驾驶');
    await expert.getByLabel('研究方向关键词').press('Enter');
    await expert.getByRole('button', { name: /创\s?建/ }).click();
    // Other journeys add experts too: look at this one's row.
    const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: '北京某大学', exact: true }) });
    await row.getByRole('cell', { name: 'D01-01', exact: true }).waitFor();
    await snapshot(admin, 'experts');
    // The system admin has no way into the audit log.
    expect(await admin.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    await admin.context().close();

    const auditor = await openPage(browser, '/');
    await signIn(auditor, auditorEmail, 'Audit-passw0rd-1');
    await auditor.getByRole('link', { name: '审计日志' }).click();
    await auditor.getByRole('cell', { name: 'user.create' }).first().waitFor();
    await auditor.getByRole('button', { name: '校验哈希链' }).click();
    await auditor.getByText(/哈希链完整：共 \d+ 条记录/).waitFor();
    await snapshot(auditor, 'audit-verified');
    await auditor.context().close();
  });
});
