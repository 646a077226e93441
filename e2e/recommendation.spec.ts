// Journey: a recommending unit returns an application with a reason; the applicant revises and resubmits it; the
// unit recommends and ranks two, submits its batch and downloads the 推荐汇总表.
import ExcelJS from 'exceljs';
import { request as playwrightRequest, type APIRequestContext, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, signIn, snapshot } from './browser.js';
import { E2E_ADMIN } from './global-setup.js';

let browser: Browser;
let admin: APIRequestContext;
let adminCsrf: string;
let programId: string;
let original: Array<{ key: string; opensAt: string; closesAt: string }>;
const PASSWORD = 'Journey-passw0rd-1';

async function session(email: string, password: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await playwrightRequest.newContext({ baseURL: inject('baseUrl') });
  const res = await api.post('/api/auth/login', { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { api, csrf: (await res.json()).csrfToken };
}

async function setPhase(key: string, opensAt: Date, closesAt: Date) {
  const res = await admin.put(`/api/admin/programs/${programId}/phases/${key}`, {
    data: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
    headers: { 'x-csrf-token': adminCsrf },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** A valid 统一社会信用代码 in Guangdong from a number. */
function uscc(n: number): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `9144010${String(n).padStart(10, '0').slice(-10)}`;
  const sum = [...body].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i]!, 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

/** An applicant with a submitted application in the subfield, choosing the given unit. */
async function submittedApplication(code: string, tag: string, unitId: string) {
  const email = `rec.${tag}@e2e.jiebang.cn`;
  const api = await playwrightRequest.newContext({ baseURL: inject('baseUrl') });
  const reg = await api.post('/api/auth/register', {
    data: {
      organization: { name: `广州${tag}科技有限公司`, uscc: uscc(Date.now() % 1e9 + Math.floor(Math.random() * 1e6)), kind: 'enterprise', regionCode: '440000' },
      user: { name: '陈工', email, phone: '020-66668888', password: PASSWORD },
    },
  });
  expect(reg.status(), await reg.text()).toBe(201);
  const csrf = (await reg.json()).csrfToken as string;
  const catalogue = await (await api.get('/api/programs/ai-2018/catalogue')).json();
  const subfield = catalogue.directions.flatMap((d: { subfields: unknown[] }) => d.subfields).find((s: { code: string }) => s.code === code);
  const created = await (await api.post('/api/applications', { data: { programId, subfieldId: subfield.id }, headers: { 'x-csrf-token': csrf } })).json();
  const value = (kind: string) => (kind === 'number' ? 80 : kind === 'boolean' ? true : '达到');
  const saved = await api.patch(`/api/applications/${created.id}`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      version: created.version,
      title: `${code} 攻关项目（${tag}）`,
      responsiblePerson: { name: '陈工', title: '所长', phone: '020-66668888', email },
      recommenderId: unitId,
      sections: { basis: '基础', route: '路线', milestones: '进度', team: '团队', funding: '经费' },
      indicators: subfield.indicators.map((i: { id: string; kind: string }) => ({ indicatorId: i.id, current: value(i.kind), target: value(i.kind) })),
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const submitted = await api.post(`/api/applications/${created.id}/submit`, { data: {}, headers: { 'x-csrf-token': csrf, 'idempotency-key': `journey-${tag}-${Date.now()}` } });
  expect(submitted.status(), await submitted.text()).toBe(200);
  return { email, title: `${code} 攻关项目（${tag}）`, id: created.id as string };
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ api: admin, csrf: adminCsrf } = await session(E2E_ADMIN.email, E2E_ADMIN.password));
  const program = (await (await admin.get('/api/programs')).json()).items[0];
  programId = program.id;
  original = program.phases;
  // Applications and recommendations both open now (phases may overlap).
  const health = await (await admin.get('/api/health')).json();
  const now = Date.parse(health.now);
  await setPhase('application', new Date(now - 86_400_000), new Date(now + 10 * 86_400_000));
  await setPhase('recommendation', new Date(now - 86_400_000), new Date(now + 10 * 86_400_000));
});
afterAll(async () => {
  for (const p of original.filter((p) => p.key === 'application' || p.key === 'recommendation')) await setPhase(p.key, new Date(p.opensAt), new Date(p.closesAt));
});

describe('recommendation', () => {
  it('returns, gets a revision, recommends and ranks, submits the batch and exports the summary', async () => {
    const tag = Date.now().toString(36);
    // A unit of its own (an industry association, which any organization may choose), so that applications other
    // journeys left with the provincial units cannot hold up its batch.
    const created = await admin.post('/api/admin/recommenders', {
      headers: { 'x-csrf-token': adminCsrf },
      data: { name: `人工智能产业联盟${tag}`, kind: 'association' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const unitId = (await created.json()).id as string;
    const unitEmail = `gd.${tag}@e2e.jiebang.cn`;
    const account = await admin.post('/api/admin/users', {
      headers: { 'x-csrf-token': adminCsrf },
      data: { role: 'recommender', name: '联盟推荐员', email: unitEmail, password: PASSWORD, recommenderId: unitId },
    });
    expect(account.status(), await account.text()).toBe(201);
    const first = await submittedApplication('D01-01', `${tag}a`, unitId);
    const second = await submittedApplication('D01-02', `${tag}b`, unitId);

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
