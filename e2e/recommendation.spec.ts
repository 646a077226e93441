// Journey: a recommending unit returns an application with a reason; the applicant revises and resubmits it; the
// unit recommends and ranks two, submits its batch and downloads the 推荐汇总表.
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { associationUnit, PASSWORD, openApplicationAndRecommendation, session, submittedApplication, type ApiSession } from './api.js';
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

describe('recommendation', () => {
  it('returns, gets a revision, recommends and ranks, submits the batch and exports the summary', async () => {
    const tag = Date.now().toString(36);
    // A unit of its own, so that applications other journeys left with the provincial units cannot hold up its batch.
    const { id: unitId, email: unitEmail } = await associationUnit(admin, tag);
    const first = await submittedApplication(programId, 'D01-01', `${tag}a`, unitId);
    const second = await submittedApplication(programId, 'D01-02', `${tag}b`, unitId);

    const unit = await openPage(browser, '/');
    await signIn(unit, unitEmail, PASSWORD);
    await unit.getByRole('link', { name: '推荐工作' }).click();
    await unit.getByRole('cell', { name: first.title, exact: true }).waitFor();
    await unit.getByRole('button', { name: `退回修改 ${first.title}` }).click();
    await unit.getByRole('dialog').getByLabel('理由（申报单位可见）').fill('请补充第三方测试报告');
    await unit.getByRole('dialog').getByRole('button', { name: /确\s?定/ }).click();
    await unit.getByRole('row').filter({ has: unit.getByRole('cell', { name: first.title, exact: true }) }).locator('.ant-tag', { hasText: '退回修改' }).waitFor();

    // The applicant reads the reason, revises and resubmits.
    const applicant = await openPage(browser, '/');
    await signIn(applicant, first.email, PASSWORD);
    await applicant.goto(`/applications/${first.id}`);
    await applicant.getByText('请补充第三方测试报告').waitFor();
    await applicant.getByLabel('项目名称').fill(`${first.title}（已补充）`);
    await applicant.getByTestId('save-state').getByText(/^已保存（/).waitFor();
    await applicant.getByRole('button', { name: '提交申报书' }).click();
    await applicant.getByRole('heading', { level: 1, name: '申报回执' }).waitFor();
    await applicant.context().close();

    // Recommend both, the revised one first, then submit the batch.
    await unit.reload();
    const revised = `${first.title}（已补充）`;
    await unit.getByRole('button', { name: `推荐 ${second.title}`, exact: true }).click();
    await unit.getByRole('dialog').getByLabel('推荐意见（写入推荐汇总表）').fill('技术基础扎实');
    await unit.getByRole('dialog').getByRole('button', { name: /确\s?定/ }).click();
    await unit.getByRole('button', { name: `推荐 ${revised}`, exact: true }).click();
    await unit.getByRole('dialog').getByLabel('推荐意见（写入推荐汇总表）').fill('建议优先支持');
    await unit.getByRole('dialog').getByLabel('推荐排序').fill('1');
    await unit.getByRole('dialog').getByRole('button', { name: /确\s?定/ }).click();
    await unit.getByRole('button', { name: `排序上移 ${second.title}` }).waitFor();
    await unit.getByRole('button', { name: '报送推荐批次' }).click();
    await unit.getByRole('button', { name: '报送推荐批次' }).last().click();
    await unit.getByTestId('batch-submitted').waitFor();
    await snapshot(unit, 'recommender-batch');

    const [download] = await Promise.all([unit.waitForEvent('download'), unit.getByRole('link', { name: '下载推荐汇总表（Excel）' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await streamToBuffer(await download.createReadStream())) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('推荐汇总表')!;
    expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['序号', '揭榜方向', '细分领域']);
    expect(ws.getRow(3).getCell(4).value).toBe(revised);
    expect(ws.getRow(3).getCell(10).value).toBe(1);
    expect(ws.getRow(4).getCell(4).value).toBe(second.title);
    expect(ws.getRow(4).getCell(11).value).toBe('技术基础扎实');

    await unit.getByRole('link', { name: '推荐函（可打印）' }).click();
    await unit.getByTestId('letter-hash').waitFor();
    await snapshot(unit, 'recommendation-letter');
    await unit.context().close();
  });
});

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
