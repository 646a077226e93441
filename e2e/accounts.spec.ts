// Journey: a new applicant registers (after meeting the exact error for a wrong check character), signs out, signs in.
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { validUscc } from '../src/server/test/factories.js';
import { launchBrowser, openPage, snapshot } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});

describe('applicant account', () => {
  it('registers, signs out and signs in again', async () => {
    const page = await openPage(browser, '/');
    await page.getByRole('link', { name: '单位注册' }).first().click();
    await page.getByRole('heading', { name: '申报单位注册' }).waitFor();

    const uscc = validUscc('440300');
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    const email = `e2e.${Date.now()}@example.cn`;
    await page.getByLabel('单位名称').fill('深圳智行科技有限公司');
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(wrong);
    await page.getByText('统一社会信用代码校验位错误').waitFor();
    await snapshot(page, 'register-wrong-check');
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(uscc);
    await page.getByText('统一社会信用代码校验位错误').waitFor({ state: 'detached' });

    await page.getByLabel('所在地区（省级）').click();
    await page.getByLabel('所在地区（省级）').fill('广东');
    await page.locator('.ant-select-item-option', { hasText: '广东省' }).click();
    await page.getByLabel('计划单列市').click();
    await page.locator('.ant-select-item-option', { hasText: '深圳市' }).click();
    await page.getByLabel('姓名').fill('王芳');
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('联系电话').fill('0755-88886666');
    await page.getByLabel('密码', { exact: true }).fill('Shenzhen-2026a');
    await page.getByLabel('确认密码').fill('Shenzhen-2026a');
    await page.getByRole('button', { name: '注册并登录' }).click();

    await page.getByRole('heading', { name: '我的账户' }).waitFor();
    await page.getByText(email).waitFor();
    expect(await page.getByText('申报单位管理员').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: /退出/ }).click();
    const headerSignIn = page.getByRole('banner').getByRole('link', { name: '登录' });
    await headerSignIn.waitFor();
    await headerSignIn.click();
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.getByText('邮箱或密码错误').waitFor();
    await page.getByLabel('密码').fill('Shenzhen-2026a');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.getByText('王芳').waitFor();
    await snapshot(page, 'signed-in-home');
    await page.context().close();
  });
});
