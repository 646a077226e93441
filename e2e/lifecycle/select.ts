// Steps of the lifecycle journey from the formal check to the published finalists: assignment, review, ranking,
// selection, notice, objection, publication.
import { expect } from 'vitest';
import { PASSWORD, send, session } from '../api.js';
import { cardRows, confirmPopover, signIn } from '../browser.js';
import { E2E_ADMIN } from '../global-setup.js';
import { applicant, clockAt, code, expert, open, state, tag, visited } from './journey.js';

/** The program admin makes the formal check and assigns the online round. */
export async function formalCheckAndAssign(): Promise<void> {
  const { a, b } = state;
  const staff = await open('/');
  await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
  await staff.goto(`/admin/recommendations?program=${code}`);
  await staff.getByRole('heading', { level: 1, name: '推荐与形式审查' }).waitFor();
  const checks = cardRows(staff, '形式审查');
  await expect.poll(() => checks.count()).toBe(2);
  await visited(staff, 'formal-check');
  for (const app of [a, b]) {
    await staff.getByRole('button', { name: `通过 ${app.title}`, exact: true }).click();
    await expect.poll(() => checks.filter({ hasText: app.title }).count()).toBe(0);
  }

  await staff.goto(`/admin/assignments?program=${code}`);
  await staff.getByRole('heading', { level: 1, name: '评审分配' }).waitFor();
  await staff.getByLabel('每份申报专家数').fill('1');
  await staff.getByLabel('每位专家上限').fill('2');
  await staff.getByRole('button', { name: '计算最优分配' }).click();
  await staff.getByTestId('assignment-summary').getByText('已分配 2 个配对', { exact: false }).waitFor();
  for (const app of [a, b]) await staff.getByRole('row').filter({ hasText: app.title }).filter({ hasText: expert.name }).waitFor();
  await visited(staff, 'assignment-online');
  await staff.getByRole('button', { name: '发布', exact: true }).click();
  await confirmPopover(staff, '发布');
  await staff.getByText('本轮分配已发布。').waitFor();
  await staff.context().close();
}

/** The expert declares no conflict, scores and submits (the competitor’s review through the API). */
export async function review(): Promise<void> {
  const { a, b } = state;
  const page = await open('/');
  await signIn(page, expert.email, PASSWORD);
  await page.getByRole('heading', { name: '我的待办' }).waitFor();
  await visited(page, 'expert-home');
  await page.getByRole('link', { name: '我的评审' }).click();
  await page.getByRole('link', { name: a.title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `评审：${a.title}` }).waitFor();
  await page.getByText('查看申报书全文前，请先声明是否存在利益冲突').waitFor();
  await visited(page, 'review-declare');
  await page.getByRole('button', { name: '声明无利益冲突' }).click();
  await page.getByText('评审表', { exact: true }).waitFor();
  for (const [label, score] of [
    ['技术先进性（权重 30%，满分 10）', '9'],
    ['技术路线可行性（权重 25%，满分 10）', '9'],
    ['攻关目标合理性（权重 20%，满分 10）', '8'],
    ['团队与条件保障（权重 15%，满分 10）', '8'],
    ['应用前景与产业带动（权重 10%，满分 10）', '9'],
  ]) {
    await page.getByLabel(label!, { exact: true }).fill(score!);
  }
  await page.locator('#review-comment').fill('目标优于规划目标，流片经验可信，建议入围。');
  await page.getByTestId('review-save-state').getByText('已保存', { exact: true }).waitFor();
  await visited(page, 'review-form');
  await page.getByRole('button', { name: '提交评审' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await page.getByTestId('review-total').getByText('加权总分：86.5（满分 100）').waitFor();
  await page.context().close();

  // The competitor's review, lower, through the API.
  const api = await session(expert.email, PASSWORD);
  const mine = (await (await api.api.get('/api/expert/assignments')).json()).items as Array<{ id: string; applicationId: string }>;
  const other = mine.find((x) => x.applicationId === b.id)!;
  const scores = { advanced: 6, feasibility: 6, targets: 6, team: 6, impact: 6 };
  await send(api, 'put', `/api/assignments/${other.id}/review`, { conflict: false, scores, comment: '流片经验尚待验证', submit: true });
}

/** The program admin reads the ranking, selects both finalists and opens the public notice. */
export async function selectFinalists(): Promise<void> {
  const { a, b } = state;
  const staff = await open('/');
  await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
  await staff.goto(`/admin/ranking?program=${code}`);
  await staff.getByRole('heading', { level: 1, name: '评审排名' }).waitFor();
  const ranked = staff.getByRole('row').filter({ hasText: a.title });
  await ranked.getByText('86.5').first().waitFor();
  await visited(staff, 'ranking');

  await staff.goto(`/admin/selection?program=${code}`);
  await staff.getByRole('heading', { level: 1, name: '入围与公示' }).waitFor();
  const ranking = staff.locator('.ant-card', { has: staff.getByText('评审排名（网络初评）') }).locator('.ant-table-tbody > tr.ant-table-row');
  await expect.poll(async () => (await ranking.allTextContents()).map((text) => [a, b].findIndex((x) => text.includes(x.title)))).toEqual([0, 1]);
  for (const app of [a, b]) await staff.getByRole('checkbox', { name: `选择 ${app.title}`, exact: true }).check();
  await staff.getByRole('button', { name: '选为入围单位（2）' }).click();
  await staff.getByText('已选择 2 家').waitFor();
  await expect.poll(() => cardRows(staff, '已选择').count()).toBe(2);
  await visited(staff, 'selection-finalists');
  await staff.locator('.ant-card-extra').getByRole('button', { name: '发布公示' }).click();
  await confirmPopover(staff, '发布公示');
  await staff.getByText('公示已发布').waitFor();
  await staff.context().close();
}

/** A visitor objects in real name; the admin dismisses it and publishes the finalists after the notice. */
export async function objectAndPublish(): Promise<void> {
  const { a, b, program } = state;
  const visitor = await open(`/programs/${code}/notices`);
  const notice = visitor.locator('.ant-card', { hasText: '入围揭榜单位公示' });
  await notice.getByText('公示中', { exact: true }).waitFor();
  await expect.poll(() => notice.locator('.ant-table-tbody > tr.ant-table-row').count()).toBe(2);
  await visited(visitor, 'notice');
  await visitor.getByRole('button', { name: `提出异议 ${b.title}`, exact: true }).click();
  const objection = visitor.getByRole('dialog', { name: `对“${b.title}”提出异议` });
  const objector = { name: `赵异议${tag}`, contact: '010-12345678', reason: '该单位申报的流片经验与事实不符，请核查其流片记录。' };
  await objection.locator('#objection-name').fill(objector.name);
  await objection.locator('#objection-contact').fill(objector.contact);
  await objection.locator('#objection-reason').fill(objector.reason);
  await visited(visitor, 'objection');
  await objection.getByRole('button', { name: '提交异议' }).click();
  await visitor.getByText('异议已提交，主管部门将核查处理').waitFor();

  const staff = await open('/');
  await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
  await staff.goto(`/admin/selection?program=${code}`);
  const row = cardRows(staff, '异议').filter({ hasText: b.title });
  await row.getByText(`${objector.name} · ${objector.contact}`).waitFor();
  await row.getByRole('button', { name: '驳回' }).click();
  const resolve = staff.getByRole('dialog', { name: `驳回对“${b.title}”的异议` });
  await resolve.locator('#objection-resolution').fill('经核查，该单位已提供流片记录和第三方测试报告，异议不成立。');
  await visited(staff, 'objection-resolution');
  await resolve.getByRole('button', { name: '驳回' }).click();
  await staff.getByText('异议已处理').waitFor();
  await row.getByText(/^已驳回：/).waitFor();

  // The clock passes the notice's end; sessions idle past their limit then, so the admin signs in again.
  const { items } = (await (await staff.request.get(`/api/public/programs/${program.id}/notices`)).json()) as { items: Array<{ stage: string; closesAt: string }> };
  await clockAt(Date.parse(items.find((n) => n.stage === 'finalist')!.closesAt) + 60_000);
  await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
  await staff.goto(`/admin/selection?program=${code}`);
  await expect.poll(() => cardRows(staff, '已选择').count()).toBe(2);
  await staff.locator('.ant-card-extra').getByRole('button', { name: '公布结果' }).click();
  await confirmPopover(staff, '公布结果');
  await staff.getByText('结果已公布').waitFor();
  await expect.poll(() => cardRows(staff, '已选择').filter({ hasText: '入围揭榜单位' }).count()).toBe(2);
  await visited(staff, 'finalists-published');
  await staff.context().close();

  await visitor.goto(`/programs/${code}/results`);
  const finalists = cardRows(visitor, '入围揭榜单位');
  await expect.poll(() => finalists.count()).toBe(2);
  await finalists.filter({ hasText: a.title }).filter({ hasText: applicant.org }).waitFor();
  await visitor.getByText('优胜名单尚未公布').waitFor();
  expect(await visitor.locator('body').textContent()).not.toContain(applicant.name);
  await visited(visitor, 'results-finalists');
  await visitor.context().close();
}
