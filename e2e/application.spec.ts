// Journey: an applicant starts an application from a subfield, fills the indicator table (seeing which targets beat
// the plan), uploads a PDF, reloads without losing anything, meets a conflict from a second tab without an overwrite,
// submits, reads the receipt and verifies it on the public page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, signIn, snapshot } from './browser.js';

let browser: Browser;
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  // Be inside the built-in program's application phase (it opens at 09:00 Beijing time on the day of the first start).
  const program = ((await (await fetch(`${base()}/api/programs`)).json()) as { items: Array<{ phases: Array<{ key: string; opensAt: string }> }> }).items[0]!;
  const opens = Date.parse(program.phases.find((p) => p.key === 'application')!.opensAt);
  const offsetMs = Math.max(0, opens - Date.now() + 3_600_000);
  await fetch(`${base()}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });
});
afterAll(async () => {
  await fetch(`${base()}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"offsetMs":0}' });
});

/** A registered applicant organization in Guangdong with a valid unified social credit code. */
async function registerApplicant(): Promise<{ email: string; password: string }> {
  const tag = Date.now().toString(36);
  const email = `applicant.${tag}@e2e.jiebang.cn`;
  const password = 'Applicant-passw0rd-1';
  const res = await fetch(`${base()}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organization: { name: `广东智芯科技有限公司${tag}`, uscc: usccFor(tag), kind: 'enterprise', regionCode: '440000' },
      user: { name: '王工', email, phone: '020-88886666', password },
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return { email, password };
}

/** A valid 统一社会信用代码 (GB 32100-2015 check character) made from a tag. */
function usccFor(tag: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let digits = '';
  for (const ch of tag) digits += String(ch.charCodeAt(0) % 10);
  const body = `9144030${digits.padEnd(10, '7').slice(0, 10)}`;
  const sum = [...body].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i]!, 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

async function fillIndicators(page: Page) {
  const rows = page.locator('.ant-card').filter({ hasText: '指标表' }).locator('tbody tr.ant-table-row');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    for (const field of ['本单位当前水平', '目标']) {
      const input = rows.nth(i).getByLabel(new RegExp(` ${field}$`));
      const kind = await input.evaluate((el) => (el.closest('.ant-select') ? 'boolean' : el.closest('.ant-input-number') ? 'number' : 'text'));
      if (kind === 'boolean') {
        // The first option is 达到 (reached); the keyboard avoids the other drop-down's closing animation.
        await input.click();
        await input.press('Enter');
        await rows.nth(i).getByTitle('达到').first().waitFor();
      } else {
        await input.fill(kind === 'number' ? (field === '目标' ? '95' : '60') : field === '目标' ? 'ASIL-D' : 'ASIL-B');
      }
    }
  }
}

describe('application', () => {
  it('is filled, saved, kept through a reload and a second tab, submitted and verified', async () => {
    const account = await registerApplicant();
    const page = await openPage(browser, '/');
    await signIn(page, account.email, account.password);
    await page.goto('/programs/ai-2018/subfields/D01-01');
    await page.getByRole('button', { name: '申报该细分领域' }).click();
    await page.getByRole('heading', { level: 1, name: '（未命名申报书）' }).waitFor();
    const applicationUrl = page.url();

    await page.getByLabel('项目名称').fill('车规级 AI 芯片攻关');
    await page.getByLabel('职务').fill('总工程师');
    await page.getByLabel('联系电话').fill('020-88886666');
    await page.getByLabel('推荐单位').click();
    await page.locator('.ant-select-item-option', { hasText: '广东省工业和信息化主管部门' }).click();
    for (const label of ['技术基础与现有水平', '技术路线与创新点', '攻关目标与进度安排', '团队与组织保障', '经费预算与条件保障']) {
      await page.getByLabel(label).fill(`${label}：详见附件。`);
    }
    await fillIndicators(page);
    await page.getByText('优于预期目标').first().waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '技术方案.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await page.getByRole('link', { name: '技术方案.pdf' }).waitFor();
    await page.getByTestId('save-state').getByText(/^已保存/).waitFor();
    await snapshot(page, 'application-filled');

    // A reload keeps everything.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '车规级 AI 芯片攻关' }).waitFor();
    expect(await page.getByLabel('职务').inputValue()).toBe('总工程师');
    expect(await page.getByLabel('技术路线与创新点').inputValue()).toContain('详见附件');

    // A second tab saves first; this tab then gets a conflict and keeps its own typing.
    const second = await page.context().newPage();
    await second.goto(applicationUrl);
    await second.getByLabel('职务').fill('副总工程师');
    await second.getByTestId('save-state').getByText(/^已保存（/).waitFor();
    await page.getByLabel('项目名称').fill('车规级 AI 芯片攻关（第一标签页）');
    await page.getByText('这份申报书已在另一个窗口或标签页中保存过').waitFor();
    expect(await page.getByLabel('项目名称').inputValue()).toBe('车规级 AI 芯片攻关（第一标签页）');
    await page.getByRole('button', { name: '加载最新版本并保留我的修改' }).click();
    await page.getByTestId('save-state').getByText(/^已保存（/).waitFor();
    expect(await page.getByLabel('职务').inputValue()).toBe('副总工程师');
    expect(await page.getByLabel('项目名称').inputValue()).toBe('车规级 AI 芯片攻关（第一标签页）');
    await second.close();

    await page.getByRole('button', { name: '提交申报书' }).click();
    await page.getByRole('heading', { level: 1, name: '申报回执' }).waitFor();
    const number = (await page.getByTestId('receipt-number').textContent()) ?? '';
    expect(number).toMatch(/^AI2018-D01-01-\d{6}$/);
    await snapshot(page, 'application-receipt');

    // The paper copy carries the receipt number and hash on every page.
    await page.getByRole('link', { name: /纸质申报书/ }).click();
    await page.getByTestId('print-band').getByText(number).waitFor();
    expect(await page.getByText('技术路线与创新点：详见附件。').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await snapshot(page, 'application-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.goBack();

    const visitor = await openPage(browser, '/');
    await page.getByRole('link', { name: '核验回执' }).click();
    await page.getByTestId('verify-result').getByText('一致：这就是平台保存的提交版本').waitFor();
    await visitor.goto(`/verify/${number}?sha256=${'0'.repeat(64)}`);
    await visitor.getByTestId('verify-result').getByText(/不一致/).waitFor();
    await visitor.context().close();

    await page.goto('/applications');
    await page.getByRole('cell', { name: number }).waitFor();
    await page.context().close();
  });
});
