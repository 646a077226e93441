// Journey: a program admin creates a program and builds its catalogue, sections and review rounds in the browser;
// a visitor sees the new entries; an Excel import with a mistake lists the problem by sheet, row and column.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signIn, snapshot } from './browser.js';
import { E2E_ADMIN } from './global-setup.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});

const drawer = (page: Page) => page.getByRole('dialog');

/** Chooses an option of an antd Select in the drawer, from its open dropdown only, and checks that it took (a click
 * during the dropdown's opening animation can be lost). */
async function pick(page: Page, label: string, option: string) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await drawer(page).getByLabel(label).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
    const field = drawer(page).locator('.ant-form-item', { has: page.getByLabel(label) }).locator('.ant-select-content, .ant-select-selection-item');
    if ((await field.first().textContent())?.trim()) return;
  }
  throw new Error(`could not choose ${option} for ${label}`);
}

describe('program editor', () => {
  it('creates a program and edits its catalogue, sections and review rounds', async () => {
    const page = await openPage(browser, '/');
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await page.getByRole('link', { name: '项目管理' }).click();
    await page.getByRole('heading', { name: '项目管理' }).waitFor();
    const code = `ev-${Date.now().toString(36)}`;
    const create = page.locator('form#create-program');
    await create.getByLabel('项目编号').fill(code);
    await create.getByLabel('项目名称').fill('智能网联汽车揭榜挂帅');
    await create.getByRole('button', { name: /新\s?建/ }).click();
    await page.getByRole('heading', { level: 1, name: '智能网联汽车揭榜挂帅' }).waitFor();

    // A direction, a subfield with its own quota, and a number indicator (a missing unit is refused first).
    await page.getByRole('button', { name: '新增方向' }).click();
    await drawer(page).getByLabel('编号').fill('V01');
    await drawer(page).getByLabel('名称', { exact: true }).fill('车载计算平台');
    await drawer(page).getByRole('button', { name: /保\s?存/ }).click();
    await page.getByRole('cell', { name: '车载计算平台', exact: true }).waitFor();
    await page.getByRole('row', { name: /车载计算平台/ }).getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByRole('button', { name: '新增细分领域' }).click();
    await drawer(page).getByLabel('编号').fill('V01-01');
    await drawer(page).getByLabel('名称', { exact: true }).fill('车规级芯片');
    await drawer(page).getByLabel('本领域入围名额').fill('4');
    await drawer(page).getByRole('button', { name: /保\s?存/ }).click();
    await page.getByRole('cell', { name: '车规级芯片', exact: true }).waitFor();
    await page.getByRole('row', { name: /车规级芯片/ }).getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByRole('button', { name: '新增指标' }).click();
    await drawer(page).getByLabel('编号').fill('V01-01-I1');
    await drawer(page).getByLabel('名称', { exact: true }).fill('峰值算力');
    await drawer(page).getByRole('button', { name: /保\s?存/ }).click();
    await drawer(page).getByText('数值指标须有单位').waitFor();
    await drawer(page).getByLabel('单位').fill('TOPS');
    await drawer(page).getByLabel('计划目标').fill('≥ 100 TOPS');
    await pick(page, '比较符', '>=');
    await drawer(page).getByLabel('目标值').fill('100');
    await drawer(page).getByRole('button', { name: /保\s?存/ }).click();
    await page.getByRole('cell', { name: '≥ 100 TOPS', exact: true }).waitFor();
    await snapshot(page, 'program-editor-catalogue');

    // Retire the indicator; the public subfield page marks it.
    await page.getByRole('button', { name: '停用 峰值算力' }).click();
    await page.getByRole('row', { name: /峰值算力/ }).getByText('已停用').waitFor();

    // Sections: a duplicated key is refused where it repeats.
    await page.getByRole('tab', { name: '申报书章节' }).click();
    await page.getByRole('button', { name: '新增章节' }).click();
    const sections = page.locator('form#sections');
    const keys = sections.getByLabel('键');
    await keys.last().fill('basis');
    await sections.getByLabel('章节标题').last().fill('重复的章节');
    await sections.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('章节键重复：basis').waitFor();
    await keys.last().fill('safety');
    await sections.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('章节键重复：basis').waitFor({ state: 'detached' });
    // Saved on the server, not only shown: an earlier toast could say 已保存 too.
    await expect
      .poll(async () => ((await (await page.request.get('/api/programs')).json()).items as Array<{ code: string; sections: Array<{ key: string }> }>).find((p) => p.code === code)?.sections.map((x) => x.key))
      .toContain('safety');

    // Review rounds: weights must add up to 100.
    await page.getByRole('tab', { name: '评审轮次与标准' }).click();
    const online = page.locator('form#round-online');
    await online.getByLabel('权重').first().fill('40');
    await page.getByTestId('weights-online').getByText('权重合计 110（须为 100）').waitFor();
    await online.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('各项权重之和须为 100（现为 110）').waitFor();
    await online.getByLabel('权重').first().fill('30');
    await online.getByRole('button', { name: /保\s?存/ }).click();
    await snapshot(page, 'program-editor-rounds');

    // A visitor reads the new subfield with its retired indicator.
    const visitor = await openPage(browser, `/programs/${code}/subfields/V01-01`);
    await visitor.getByRole('heading', { level: 1, name: /车规级芯片/ }).waitFor();
    const row = visitor.getByRole('row', { name: /峰值算力/ });
    expect(await row.textContent()).toContain('已停用');
    await visitor.context().close();
    await page.context().close();
  });

  it('imports an Excel workbook, listing each problem by sheet, row and column', async () => {
    const page = await openPage(browser, '/');
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await page.goto('/admin/programs');
    const exported = await page.request.get('/api/admin/programs/ai-2018/export.xlsx');
    expect(exported.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const code = `xl-${Date.now().toString(36)}`;
    wb.getWorksheet('项目')!.getCell('B2').value = code;
    wb.getWorksheet('指标表')!.getCell('F2').value = null; // 单位 of the first (number) indicator
    const broken = Buffer.from(await wb.xlsx.writeBuffer());
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: 'program.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: broken });
    await page.getByTestId('import-problems').getByText('指标表 第2行 单位：数值指标须有单位').waitFor();
    await snapshot(page, 'program-import-problems');

    wb.getWorksheet('指标表')!.getCell('F2').value = 'TOPS';
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    await input.setInputFiles({ name: 'program.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixed });
    await page.getByRole('heading', { level: 1, name: '新一代人工智能产业创新重点任务揭榜' }).waitFor();
    expect(page.url()).toContain('/admin/programs/');
    await page.getByRole('cell', { name: 'D01', exact: true }).waitFor();
    await page.context().close();
  });
});
