// Journeys of the attack period and the final evaluation. Attack: the admin sets a progress report's due date; a
// finalist writes it with a PDF and submits; the admin asks for more, then accepts the revised report. Evaluation: the
// admin creates a test lab's account and gives it a subfield's confirmed finalists; the lab uploads a test report and
// records every declared indicator (a missing judgement is named first); the applicant comments on a measurement; the
// admin sees the attainment; the expert scores the final round with metShare filled in; the admin selects three
// winners (a fourth is refused), runs the notice on the test clock and publishes; visitors see the winners with their
// measured results.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, associationUnit, openPhases, ownProgram, PASSWORD, send, serverNow, session, setClock, submittedApplication } from './api.js';
import { cardRows, choose, confirmPopover, launchBrowser, openPage, signIn, snapshot } from './browser.js';
import { E2E_ADMIN } from './global-setup.js';

interface Finalist {
  id: string;
  title: string;
  email: string;
}
interface Indicator {
  id: string;
  code: string;
  kind: string;
}

const DAY = 86_400_000;
const tag = Date.now().toString(36);
let browser: Browser;
let admin: ApiSession;
let program: Awaited<ReturnType<typeof ownProgram>>;
let subfieldId: string;
let ind: Record<'higher' | 'lower' | 'capability' | 'level', Indicator>;
/** Four confirmed finalists: the lab records A in the browser, B, C and D through the API. */
let finalists: Finalist[];
let expertId: string;
const expertEmail = `ev.expert.${tag}@e2e.jiebang.cn`;
const labEmail = `ev.lab.${tag}@e2e.jiebang.cn`;
const labName = `国家人工智能产品质量检验检测中心${tag}`;
const pdf = Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% 峰值算力与功耗测试报告\ntrailer << >>\n%%EOF\n`);

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await session(E2E_ADMIN.email, E2E_ADMIN.password);
  // A program of its own: its subfield's winners quota, notices and publication are this journey's alone.
  program = await ownProgram(admin, {
    code: `ev-${tag}`,
    title: `智能芯片揭榜挂帅（测评 ${tag}）`,
    subfields: [{ code: 'V01-01', name: '车载智能芯片', direction: { code: 'V01', name: '智能芯片', group: '核心基础' } }],
  });
  const subfield = { id: program.subfields['V01-01']! };
  subfieldId = subfield.id;
  const indicator = async (code: string, body: object) => ({ ...(await send(admin, 'post', `/api/admin/subfields/${subfield.id}/indicators`, { code, ...body })), code }) as Indicator;
  ind = {
    higher: await indicator('V01-01-I1', { name: '峰值算力', kind: 'number', unit: 'TOPS', better: 'higher', planTarget: { text: '≥ 100 TOPS', comparator: '>=', value: 100 } }),
    lower: await indicator('V01-01-I2', { name: '典型功耗', kind: 'number', unit: 'W', better: 'lower', planTarget: { text: '< 10 W', comparator: '<', value: 10 } }),
    capability: await indicator('V01-01-I3', { name: '车规级认证', kind: 'boolean', planTarget: { text: '通过 AEC-Q100 车规级认证' } }),
    level: await indicator('V01-01-I4', { name: '功能安全等级', kind: 'text', planTarget: { text: 'ASIL-D' } }),
  };
  // Wide enough that the winners' notice (5 working days, holidays included) ends inside attack and evaluation.
  await openPhases(admin, program.id, ['application', 'recommendation', 'review', 'attack', 'evaluation'], 60);

  // Four finalists committing to the same targets, with a custom indicator of their own.
  const unit = await associationUnit(admin, `ev${tag}`);
  finalists = [];
  for (const suffix of ['a', 'b', 'c', 'd']) {
    finalists.push(
      await submittedApplication(program.id, 'V01-01', `ev${tag}${suffix}`, unit.id, {
        extra: {
          indicators: [
            { indicatorId: ind.higher.id, current: 60, target: 120 },
            { indicatorId: ind.lower.id, current: 15, target: 8 },
            { indicatorId: ind.capability.id, current: false, target: true },
            { indicatorId: ind.level.id, current: 'ASIL-B', target: 'ASIL-D' },
          ],
          customIndicators: [{ name: '目标识别准确率', kind: 'number', unit: '%', better: 'higher', current: 90, target: 95 }],
        },
      }),
    );
  }
  const recommender = await session(unit.email, PASSWORD);
  for (const [i, app] of finalists.entries()) await send(recommender, 'post', `/api/applications/${app.id}/recommendation`, { decision: 'recommend', comment: '推荐', rank: i + 1 });
  await send(recommender, 'post', `/api/recommenders/${unit.id}/batches`, { programId: program.id });
  for (const app of finalists) await send(admin, 'post', `/api/applications/${app.id}/eligibility`, { eligible: true });
  await send(admin, 'post', `/api/admin/programs/${program.id}/selections`, { subfieldId, stage: 'finalist', applicationIds: finalists.map((a) => a.id) });
  // The finalists' notice (test mode: it may be short) has run its course; they are published, the attack begins.
  const at = await serverNow(admin);
  await send(admin, 'post', `/api/admin/programs/${program.id}/notices`, { stage: 'finalist', opensAt: new Date(at - 30_000).toISOString(), closesAt: new Date(at - 1_000).toISOString() });
  await send(admin, 'post', `/api/admin/programs/${program.id}/publish`, { stage: 'finalist' });

  // The final round's expert: of the subfield, so the optimum gives it all four.
  expertId = (
    await send(admin, 'post', '/api/admin/experts', {
      name: `总评专家${tag}`,
      email: expertEmail,
      password: PASSWORD,
      organization: { name: '北京智能评估研究院' },
      regionCode: '110000',
      subfieldIds: [subfieldId],
      keywords: ['车载智能芯片'],
    })
  ).id;
  expect(await send(admin, 'post', `/api/admin/programs/${program.id}/assignments/auto`, { round: 'final', reviewersPerApplication: 1, maxPerExpert: 4 })).toMatchObject({ assigned: 4, unassigned: [] });
  const drafted = (await (await admin.api.get(`/api/admin/programs/${program.id}/assignments?round=final`)).json()).items as Array<{ expertId: string }>;
  expect(drafted.every((a) => a.expertId === expertId)).toBe(true);
  await send(admin, 'post', `/api/admin/programs/${program.id}/assignments/release`, { round: 'final' });
});

// The clock goes back for the journeys after this one; the expert leaves the platform-wide pool.
afterAll(async () => {
  await setClock(0);
  const again = await session(E2E_ADMIN.email, E2E_ADMIN.password);
  const res = await again.api.post(`/api/admin/users/${expertId}/disabled`, { data: { disabled: true }, headers: { 'x-csrf-token': again.csrf } });
  expect(res.status(), await res.text()).toBe(204);
});

describe('attack period', () => {
  it('takes a progress report by its due date, asks for more and accepts the revised one', { timeout: 120_000 }, async () => {
    const a = finalists[0]!;
    const staff = await openPage(browser, '/');
    await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
    await staff.goto(`/admin/progress?program=${program.code}`);
    await staff.getByRole('heading', { level: 1, name: '攻关进展报告' }).waitFor();
    await staff.getByRole('button', { name: '新增进展报告' }).click();
    const dialog = staff.getByRole('dialog', { name: '新增进展报告' });
    await dialog.locator('#milestone-title').fill('中期进展报告');
    const due = new Date((await serverNow(admin)) + 10 * DAY + 8 * 3_600_000).toISOString().slice(0, 11) + '17:00';
    await dialog.locator('#milestone-due').fill(due);
    await dialog.locator('#milestone-description').fill('流片与样片测试进展，对照攻关目标说明');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await staff.getByText('已保存', { exact: true }).waitFor();
    await cardRows(staff, '报告安排').filter({ hasText: '中期进展报告' }).getByText(`${due.slice(0, 10).replaceAll('-', '/')} 17:00`).waitFor();

    // The finalist writes the report, attaches a PDF and submits it.
    const owner = await openPage(browser, '/');
    await signIn(owner, a.email, PASSWORD);
    await owner.goto('/applications');
    await owner.getByRole('row').filter({ hasText: a.title }).getByRole('link', { name: '攻关与测评' }).click();
    await owner.getByRole('heading', { level: 1, name: `攻关与测评：${a.title}` }).waitFor();
    const text = owner.getByLabel('中期进展报告 进展情况');
    await text.fill('已完成第一版流片，样片峰值算力 110 TOPS。');
    await owner.getByRole('button', { name: /保\s?存/ }).click();
    await owner.getByText('进展报告已保存').waitFor();
    await owner.locator('input[type="file"]').setInputFiles({ name: '流片报告.pdf', mimeType: 'application/pdf', buffer: pdf });
    await owner.getByText('已上传“流片报告.pdf”').waitFor();
    await owner.getByRole('link', { name: '流片报告.pdf' }).waitFor();
    await owner.getByRole('button', { name: '提交进展报告' }).click();
    await confirmPopover(owner, '提交进展报告');
    await owner.getByText('进展报告已提交').waitFor();
    await owner.getByText('已提交，待审核').waitFor();

    // The admin asks for more, with what is needed.
    await staff.reload();
    await staff.getByRole('button', { name: `中期进展报告 ${a.title}` }).click();
    const drawer = staff.locator('.ant-drawer');
    await drawer.getByText('已完成第一版流片，样片峰值算力 110 TOPS。').waitFor();
    await drawer.locator('#progress-comment').fill('请补充样片满载功耗的测试数据');
    await drawer.getByRole('button', { name: '要求补充' }).click();
    await staff.getByText('已要求补充').waitFor();
    await cardRows(staff, '各单位进展报告').filter({ hasText: a.title }).getByText('需补充').waitFor();

    // The finalist sees the request, completes the report and submits it again; the admin accepts it.
    await owner.reload();
    await owner.locator('.ant-alert', { hasText: '主管部门要求补充' }).getByText('请补充样片满载功耗的测试数据').waitFor();
    await text.fill('已完成第一版流片，样片峰值算力 110 TOPS，满载功耗 9.2 W。');
    await owner.getByRole('button', { name: '提交进展报告' }).click();
    await confirmPopover(owner, '提交进展报告');
    await owner.getByText('进展报告已提交').waitFor();
    await staff.reload();
    await staff.getByRole('button', { name: `中期进展报告 ${a.title}` }).click();
    await drawer.getByText('满载功耗 9.2 W').waitFor();
    await drawer.getByRole('button', { name: '审核通过' }).click();
    await staff.getByText('进展报告已通过').waitFor();
    await cardRows(staff, '各单位进展报告').filter({ hasText: a.title }).getByText('已通过').waitFor();
    await snapshot(staff, 'progress-admin');
    await owner.reload();
    await owner.getByText('主管部门已审核通过').waitFor();
    await owner.getByText(/要求补充：请补充样片满载功耗的测试数据/).waitFor();
    await snapshot(owner, 'progress-applicant');
    await owner.context().close();
    await staff.context().close();
  });
});

describe('final evaluation', () => {
  it('measures with a report, shows attainment, scores the final round, selects and publishes winners', { timeout: 240_000 }, async () => {
    const [a, b, c, d] = finalists as [Finalist, Finalist, Finalist, Finalist];

    // The admin creates the lab's account on the accounts page, then gives the lab the whole subfield.
    const staff = await openPage(browser, '/');
    await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
    await staff.goto('/admin/accounts');
    const account = staff.locator('form[id="account"]');
    await choose(staff, account.getByLabel('角色'), '评测机构');
    await account.getByLabel('姓名').fill(labName);
    await account.getByLabel('电子邮箱').fill(labEmail);
    await account.getByLabel('初始密码').fill(PASSWORD);
    await account.getByRole('button', { name: /创\s?建/ }).click();
    await staff.getByText('已创建').waitFor();

    await staff.goto(`/admin/evaluation?program=${program.code}`);
    await staff.getByRole('heading', { level: 1, name: '测评与指标达成度' }).waitFor();
    const overview = cardRows(staff, '入围揭榜单位');
    await expect.poll(() => overview.count()).toBe(4);
    await choose(staff, staff.locator('#bulk-subfield'), '车载智能芯片');
    await choose(staff, staff.locator('#bulk-lab'), labName);
    await staff.getByRole('button', { name: '为该细分领域统一指定' }).click();
    await staff.getByText('已为 4 家入围单位指定评测机构').waitFor();
    for (const app of finalists) await overview.filter({ hasText: app.title }).getByText(labName).waitFor();

    // The lab sees its four finalists, uploads a test report for A and records every declared indicator.
    const lab = await openPage(browser, '/');
    await signIn(lab, labEmail, PASSWORD);
    await lab.getByRole('link', { name: '测评工作' }).click();
    const mine = lab.locator('.ant-table-tbody > tr.ant-table-row');
    await expect.poll(() => mine.count()).toBe(4);
    await lab.getByRole('link', { name: a.title, exact: true }).click();
    await lab.getByRole('heading', { level: 1, name: `测评：${a.title}` }).waitFor();
    await lab.locator('input[type="file"]').setInputFiles({ name: '峰值算力与功耗测试报告.pdf', mimeType: 'application/pdf', buffer: pdf });
    await lab.getByText('已上传“峰值算力与功耗测试报告.pdf”').waitFor();

    const row = (code: string) => `${code} `;
    await lab.getByLabel(`${row(ind.higher.code)}实测值`).fill('128');
    await lab.getByLabel(`${row(ind.lower.code)}实测值`).fill('7.5');
    await choose(lab, lab.getByLabel(`${row(ind.capability.code)}实测值`), '达到');
    await lab.getByLabel(`${row(ind.level.code)}实测值`).fill('ASIL-D');
    await lab.getByLabel('自定义指标 1 实测值').fill('96.5');
    for (const [code, method] of [
      [ind.higher.code, 'GB/T 45087 峰值算力测试'],
      [ind.lower.code, '满载典型功耗测试'],
      [ind.capability.code, 'AEC-Q100 认证证书核查'],
      [ind.level.code, 'ISO 26262 功能安全评估'],
      ['自定义指标 1', '标准测试集 10 万样本'],
    ]) {
      await lab.getByLabel(`${code} 测试方法`).fill(method!);
      await lab.getByLabel(`${code} 测试日期`).fill('2026-03-02');
    }
    await choose(lab, lab.getByLabel(`${row(ind.higher.code)}依据报告`), '峰值算力与功耗测试报告.pdf');
    // A qualitative level needs the lab's judgement and its reason: the server names what is missing, nothing is lost.
    await lab.getByRole('button', { name: '保存实测值（5 项）' }).click();
    await lab.getByText('文字类指标须由评测机构判定是否达到承诺水平').waitFor();
    await lab.getByText('请写明判定理由').waitFor();
    await choose(lab, lab.getByLabel(`${row(ind.level.code)}判定`, { exact: true }), '达到');
    await lab.getByLabel(`${row(ind.level.code)}判定理由`).fill('功能安全评估报告确认达到 ASIL-D');
    await lab.getByRole('button', { name: '保存实测值（5 项）' }).click();
    await lab.getByText('已保存 5 项实测值').waitFor();
    await lab.getByTestId('met-share').getByText('承诺目标达到 5 项 / 可判定 5 项，指标达成度 100%').waitFor();
    await snapshot(lab, 'lab-measurements');
    const labApi = await session(labEmail, PASSWORD);
    const measure = (id: string, values: Record<'higher' | 'lower' | 'capability' | 'custom', number | boolean>, customId: string) =>
      send(labApi, 'put', `/api/applications/${id}/measurements`, {
        items: [
          { indicatorId: ind.higher.id, measured: values.higher, method: '峰值算力测试', testedAt: '2026-03-03' },
          { indicatorId: ind.lower.id, measured: values.lower, method: '功耗测试', testedAt: '2026-03-03' },
          { indicatorId: ind.capability.id, measured: values.capability, method: '认证核查', testedAt: '2026-03-03' },
          { indicatorId: ind.level.id, measured: 'ASIL-D', judgement: 'met', reason: '评估报告确认', method: 'ISO 26262', testedAt: '2026-03-03' },
          { customIndicatorId: customId, measured: values.custom, method: '标准测试集', testedAt: '2026-03-03' },
        ],
      });
    const customOf = async (id: string) => ((await (await labApi.api.get(`/api/lab/applications/${id}`)).json()).customIndicators as Array<{ id: string }>)[0]!.id;
    expect((await measure(b.id, { higher: 125, lower: 9, capability: true, custom: 96 }, await customOf(b.id))).metShare).toBe(0.8);
    expect((await measure(c.id, { higher: 110, lower: 9, capability: true, custom: 96 }, await customOf(c.id))).metShare).toBe(0.6);
    expect((await measure(d.id, { higher: 130, lower: 7, capability: false, custom: 97 }, await customOf(d.id))).metShare).toBe(0.8);
    await lab.context().close();

    // The applicant sees what was measured and comments on a measurement.
    const owner = await openPage(browser, '/');
    await signIn(owner, a.email, PASSWORD);
    await owner.goto(`/applications/${a.id}/evaluation`);
    await owner.getByText(`评测机构：${labName}`).waitFor();
    await owner.getByTestId('met-share').getByText('指标达成度 100%').waitFor();
    await owner.getByRole('button', { name: `提出意见 ${ind.lower.code}` }).click();
    const commenting = owner.getByRole('dialog', { name: `对“${ind.lower.code} 典型功耗”的实测结果提出意见` });
    await commenting.locator('#measurement-comment').fill('复测条件与量产版本一致，本单位认可');
    await commenting.getByRole('button', { name: '提交意见' }).click();
    await owner.getByText('意见已提交').waitFor();
    await owner.getByRole('row').filter({ hasText: '典型功耗' }).getByText('复测条件与量产版本一致，本单位认可').waitFor();
    await snapshot(owner, 'applicant-measurements');
    await owner.context().close();

    // The admin sees the attainment: per indicator met against the committed and the plan target, and the share.
    await staff.reload();
    await overview.filter({ hasText: c.title }).getByText('60%（3/5）').waitFor();
    await overview.filter({ hasText: a.title }).locator('.ant-table-row-expand-icon').click();
    const detail = staff.getByTestId('attainment-table').first();
    await detail.locator('tr', { hasText: '峰值算力' }).getByText('+8 TOPS（+6.7%）').waitFor();
    await detail.locator('tr', { hasText: '典型功耗' }).getByText('+0.5 W（+6.3%）').waitFor();
    await staff.getByTestId('met-share').first().getByText('指标达成度 100%').waitFor();
    await snapshot(staff, 'evaluation-attainment');

    // The expert scores the final round: metShare is filled in from the attainment and read-only.
    const expertApi = await session(expertEmail, PASSWORD);
    const assignments = (await (await expertApi.api.get('/api/expert/assignments')).json()).items as Array<{ id: string; applicationId: string }>;
    const reviewer = await openPage(browser, '/');
    await signIn(reviewer, expertEmail, PASSWORD);
    await reviewer.getByRole('link', { name: '我的评审' }).click();
    await reviewer.getByRole('link', { name: a.title, exact: true }).click();
    await reviewer.getByRole('button', { name: '声明无利益冲突' }).click();
    await reviewer.getByText('评审表', { exact: true }).waitFor();
    // The progress report accepted in the attack period (the journey above) is part of what the expert reads.
    await reviewer.locator('.ant-card', { has: reviewer.locator('.ant-card-head-title', { hasText: /^攻关进展报告$/ }) }).getByText('满载功耗 9.2 W', { exact: false }).waitFor();
    await reviewer.getByTestId('automatic-metShare').getByText('由评测机构实测结果自动计算：10 / 10').waitFor();
    expect(await reviewer.getByLabel('指标达成度（权重 50%，满分 10）', { exact: true }).isDisabled()).toBe(true);
    await reviewer.getByLabel('技术水平（权重 20%，满分 10）', { exact: true }).fill('8');
    await reviewer.getByLabel('应用成效（权重 20%，满分 10）', { exact: true }).fill('8');
    await reviewer.getByLabel('产业带动作用（权重 10%，满分 10）', { exact: true }).fill('8');
    await reviewer.locator('#review-comment').fill('实测指标全部达到承诺目标，功耗优于预期。');
    await reviewer.getByTestId('review-save-state').getByText('已保存', { exact: true }).waitFor();
    await reviewer.getByRole('button', { name: '提交评审' }).click();
    await reviewer.getByRole('button', { name: '确认提交' }).click();
    await reviewer.getByTestId('review-total').getByText('加权总分：90（满分 100）').waitFor();
    await snapshot(reviewer, 'final-review');
    await reviewer.context().close();
    for (const app of [b, c, d]) {
      const assignment = assignments.find((x) => x.applicationId === app.id)!;
      await send(expertApi, 'put', `/api/assignments/${assignment.id}/review`, { conflict: false, scores: { level: 8, application: 8, industry: 8 }, comment: '按实测结果评定', submit: true });
    }

    // Winners from the final round's ranking: three, and a fourth is refused by the quota.
    await staff.goto(`/admin/selection?program=${program.code}`);
    await choose(staff, staff.locator('#selection-stage'), '优胜');
    const ranking = staff.locator('.ant-card', { has: staff.getByText('评审排名（总体评估）') }).locator('.ant-table-tbody > tr.ant-table-row');
    await expect.poll(() => ranking.count()).toBe(4);
    await ranking.filter({ hasText: c.title }).getByText('60%（3/5）').waitFor();
    for (const app of [a, b, d]) await staff.getByRole('checkbox', { name: `选择 ${app.title}`, exact: true }).check();
    await staff.getByRole('button', { name: '选为优胜单位（3）' }).click();
    await staff.getByText('已选择 3 家').waitFor();
    await staff.getByRole('checkbox', { name: `选择 ${c.title}`, exact: true }).check();
    await staff.getByRole('button', { name: '选为优胜单位（1）' }).click();
    await staff.getByText(/至多 3 家优胜单位/).waitFor();
    await snapshot(staff, 'winners-quota');

    // The winners' notice, then publication once the (test-mode) clock has passed its end.
    const header = staff.locator('.ant-card-extra');
    await header.getByRole('button', { name: '发布公示' }).click();
    await confirmPopover(staff, '发布公示');
    await staff.getByText('公示已发布').waitFor();
    const { items } = (await (await fetch(`${inject('baseUrl')}/api/public/programs/${program.id}/notices`)).json()) as { items: Array<{ stage: string; closesAt: string; entries: unknown[] }> };
    const notice = items.find((n) => n.stage === 'winner')!;
    expect(notice.entries).toHaveLength(3);
    expect((await setClock(Date.parse(notice.closesAt) - Date.now() + 60_000)).status).toBe(200);
    await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
    await staff.goto(`/admin/selection?program=${program.code}`);
    await choose(staff, staff.locator('#selection-stage'), '优胜');
    await expect.poll(() => cardRows(staff, '已选择').count()).toBe(3);
    await header.getByRole('button', { name: '公布结果' }).click();
    await confirmPopover(staff, '公布结果');
    await staff.getByText('结果已公布').waitFor();
    await expect.poll(() => cardRows(staff, '已选择').filter({ hasText: '揭榜优胜单位' }).count()).toBe(3);
    await staff.context().close();

    // Visitors find the winners among the results, and their measured results on the subfield's page.
    const visitor = await openPage(browser, `/programs/${program.code}/results`);
    const winners = cardRows(visitor, '揭榜优胜单位');
    await expect.poll(() => winners.count()).toBe(3);
    expect(await winners.filter({ hasText: c.title }).count()).toBe(0);
    await winners.filter({ hasText: a.title }).getByRole('link', { name: '查看实测结果' }).click();
    await visitor.getByRole('heading', { level: 1, name: '揭榜优胜单位：V01-01 车载智能芯片' }).waitFor();
    const cards = visitor.getByTestId('winner');
    await expect.poll(() => cards.count()).toBe(3);
    const first = cards.filter({ hasText: a.title });
    await first.getByText('承诺目标达到 5 项 / 可判定 5 项，指标达成度 100%').waitFor();
    await first.locator('tr', { hasText: '峰值算力' }).getByText('128 TOPS').waitFor();
    await cards.filter({ hasText: d.title }).locator('tr', { hasText: '车规级认证' }).getByText('未达到').first().waitFor();
    const text = (await visitor.locator('body').textContent()) ?? '';
    for (const personal of ['020-66668888', '陈工', ...finalists.map((f) => f.email), labName, 'GB/T 45087']) expect(text).not.toContain(personal);
    await snapshot(visitor, 'winners-page');
    await visitor.context().close();
  });
});
