// Journey: the program admin selects five finalists from the ranking (one out of order, with a written justification)
// and is refused a sixth; opens the public notice; a visitor files a real-name objection; the admin dismisses it; once
// the (test-mode) clock has passed the notice, the admin publishes and visitors see the finalists without personal data.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, associationUnit, openPhases, ownProgram, PASSWORD, send, session, setClock, submittedApplication } from './api.js';
import { cardRows, confirmPopover, launchBrowser, openPage, signIn, snapshot } from './browser.js';
import { E2E_ADMIN } from './global-setup.js';

interface Candidate {
  id: string;
  title: string;
  email: string;
}

const tag = Date.now().toString(36);
let browser: Browser;
let admin: ApiSession;
let program: Awaited<ReturnType<typeof ownProgram>>;
/** Six eligible applications, the best reviewed first. */
let ranked: Candidate[];
const expertIds: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await session(E2E_ADMIN.email, E2E_ADMIN.password);

  // A program of its own, so its subfield's quota, notice and publication are this journey's alone.
  program = await ownProgram(admin, {
    code: `sl-${tag}`,
    title: `智能芯片揭榜挂帅（入围 ${tag}）`,
    subfields: [{ code: 'S01-01', name: '神经网络芯片', direction: { code: 'S01', name: '智能芯片', group: '核心基础' } }],
  });
  const subfield = { id: program.subfields['S01-01']! };
  await send(admin, 'post', `/api/admin/subfields/${subfield.id}/indicators`, { code: 'S01-01-I1', name: '峰值算力', kind: 'number', unit: 'TOPS', better: 'higher' });
  await openPhases(admin, program.id, ['application', 'recommendation', 'review'], 10);

  // Six eligible applications: submitted, recommended in a submitted batch, formally checked.
  const unit = await associationUnit(admin, `sl${tag}`);
  const apps: Candidate[] = [];
  for (const suffix of ['a', 'b', 'c', 'd', 'e', 'f']) apps.push(await submittedApplication(program.id, 'S01-01', `s${tag}${suffix}`, unit.id));
  const recommender = await session(unit.email, PASSWORD);
  for (const [i, app] of apps.entries()) await send(recommender, 'post', `/api/applications/${app.id}/recommendation`, { decision: 'recommend', comment: '推荐', rank: i + 1 });
  await send(recommender, 'post', `/api/recommenders/${unit.id}/batches`, { programId: program.id });
  for (const app of apps) await send(admin, 'post', `/api/applications/${app.id}/eligibility`, { eligible: true });

  // Three experts of the subfield review the online round: two reviews each, all submitted.
  const experts: ApiSession[] = [];
  for (const n of [1, 2, 3]) {
    const email = `sl${n}.${tag}@e2e.jiebang.cn`;
    const { id } = await send(admin, 'post', '/api/admin/experts', {
      name: `遴选专家${n}号${tag}`,
      email,
      password: PASSWORD,
      organization: { name: `北京第${n}研究院` },
      regionCode: '110000',
      subfieldIds: [subfield.id],
      keywords: ['神经网络芯片'],
    });
    expertIds.push(id);
    experts.push(await session(email, PASSWORD));
  }
  const auto = await send(admin, 'post', `/api/admin/programs/${program.id}/assignments/auto`, { round: 'online', reviewersPerApplication: 2, maxPerExpert: 4 });
  expect(auto).toMatchObject({ assigned: 12, unassigned: [] });
  await send(admin, 'post', `/api/admin/programs/${program.id}/assignments/release`, { round: 'online' });
  // The later an application was made, the higher every expert scores it: its mean total and rank follow.
  for (const expert of experts) {
    for (const a of (await (await expert.api.get('/api/expert/assignments')).json()).items as Array<{ id: string; applicationId: string; criteria: Array<{ key: string; maxScore: number }> }>) {
      const level = 0.3 + 0.1 * apps.findIndex((x) => x.id === a.applicationId);
      const scores = Object.fromEntries(a.criteria.map((c) => [c.key, Math.round(c.maxScore * level)]));
      await send(expert, 'put', `/api/assignments/${a.id}/review`, { conflict: false, scores, comment: '技术路线清晰，团队基础扎实', submit: true });
    }
  }
  ranked = [...apps].reverse();
  const ranking = (await (await admin.api.get(`/api/admin/programs/${program.id}/ranking?round=online`)).json()).items as Array<{ applicationId: string; rank: number }>;
  expect(ranking.map((r) => [r.applicationId, r.rank])).toEqual(ranked.map((a, i) => [a.id, i + 1]));
});

// The clock goes back for the journeys after this one; the experts leave the platform-wide pool, so that other
// journeys' assignments never reach them. The session is new: the one from before may have expired while time jumped.
afterAll(async () => {
  await setClock(0);
  const again = await session(E2E_ADMIN.email, E2E_ADMIN.password);
  for (const id of expertIds) {
    const res = await again.api.post(`/api/admin/users/${id}/disabled`, { data: { disabled: true }, headers: { 'x-csrf-token': again.csrf } });
    expect(res.status(), await res.text()).toBe(204);
  }
});

describe('selection', () => {
  it('selects five finalists (one with a justification), refuses a sixth, notices, takes an objection, publishes', { timeout: 120_000 }, async () => {
    const [first, second, third, fourth, fifth, sixth] = ranked as [Candidate, Candidate, Candidate, Candidate, Candidate, Candidate];
    const finalists = [first, second, third, fourth, sixth];
    const staff = await openPage(browser, '/');
    await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
    await staff.goto(`/admin/selection?program=${program.code}`);
    await staff.getByRole('heading', { level: 1, name: '入围与公示' }).waitFor();
    await staff.locator('.ant-form-item', { has: staff.locator('#selection-stage') }).getByText('入围', { exact: true }).waitFor();
    await staff.locator('.ant-form-item', { has: staff.locator('#selection-subfield') }).getByText(/神经网络芯片/).waitFor();
    // The ranking of the online round, best first.
    const ranking = staff.locator('.ant-card', { has: staff.getByText('评审排名（网络初评）') }).locator('.ant-table-tbody > tr.ant-table-row');
    await expect.poll(async () => (await ranking.allTextContents()).map((text) => ranked.findIndex((a) => text.includes(a.title)))).toEqual([0, 1, 2, 3, 4, 5]);

    // Passing over the fifth for the sixth departs from the ranking: the server asks why, in a dialog.
    for (const app of finalists) await staff.getByRole('checkbox', { name: `选择 ${app.title}`, exact: true }).check();
    await staff.getByRole('button', { name: '选为入围单位（5）' }).click();
    const dialog = staff.getByRole('dialog', { name: '未按评审排名选择' });
    await dialog.getByText(`第 5 名“${fifth.title}”排名更靠前`).waitFor();
    const justification = '第 5 名的流片验证尚未完成，第 6 名已有车规级芯片量产经验';
    await dialog.locator('#selection-justification').fill(justification);
    await dialog.getByRole('button', { name: '选为入围单位（5）' }).click();
    await staff.getByText('已选择 5 家').waitFor();
    const selected = cardRows(staff, '已选择');
    await expect.poll(() => selected.count()).toBe(5);
    for (const app of finalists) await selected.filter({ hasText: app.title }).getByText(justification).waitFor();
    await staff.getByText('本细分领域已选 5 家').waitFor();

    // A sixth finalist passes the subfield's quota: refused, and nothing is added.
    await staff.getByRole('checkbox', { name: `选择 ${fifth.title}`, exact: true }).check();
    await staff.getByRole('button', { name: '选为入围单位（1）' }).click();
    await staff.getByText(/至多 5 家入围单位/).waitFor();
    await snapshot(staff, 'selection-quota');
    await staff.reload();
    await expect.poll(() => selected.count()).toBe(5);
    expect(await selected.filter({ hasText: fifth.title }).count()).toBe(0);

    // The buttons that open a Popconfirm are in the cards' headers; their popovers are elsewhere in the page.
    const header = staff.locator('.ant-card-extra');
    await header.getByRole('button', { name: '发布公示' }).click();
    await confirmPopover(staff, '发布公示');
    await staff.getByText('公示已发布').waitFor();
    await expect.poll(() => header.getByRole('button', { name: '发布公示' }).isDisabled()).toBe(true);

    // A visitor, not signed in, sees the notice and objects to the entry chosen out of order; the name is required.
    const visitor = await openPage(browser, `/programs/${program.code}/notices`);
    const notice = visitor.locator('.ant-card', { hasText: '入围揭榜单位公示' });
    await notice.getByText('公示中', { exact: true }).waitFor();
    const entries = notice.locator('.ant-table-tbody > tr.ant-table-row');
    await expect.poll(() => entries.count()).toBe(5);
    for (const app of finalists) await entries.filter({ hasText: app.title }).waitFor();
    await visitor.getByRole('button', { name: `提出异议 ${sixth.title}`, exact: true }).click();
    const objection = visitor.getByRole('dialog', { name: `对“${sixth.title}”提出异议` });
    await objection.getByRole('button', { name: '提交异议' }).click();
    await objection.getByText(/异议须实名提出/).waitFor();
    const objector = { name: `王异议${tag}`, contact: '010-12345678', reason: '该单位申报的车规级量产经验与事实不符，请核查其流片记录。' };
    await objection.locator('#objection-name').fill(objector.name);
    await objection.locator('#objection-contact').fill(objector.contact);
    await objection.locator('#objection-reason').fill(objector.reason);
    await objection.getByRole('button', { name: '提交异议' }).click();
    await visitor.getByText('异议已提交，主管部门将核查处理').waitFor();
    await expect.poll(() => objection.count()).toBe(0);
    await snapshot(visitor, 'notice-objection');

    // The admin sees who objected and how to reach them, and dismisses the objection with the reason.
    await staff.reload();
    const objections = cardRows(staff, '异议');
    const row = objections.filter({ hasText: sixth.title });
    await row.getByText(`${objector.name} · ${objector.contact}`).waitFor();
    await row.getByText(objector.reason).waitFor();
    await row.getByRole('button', { name: /驳\s?回/ }).click();
    const resolve = staff.getByRole('dialog', { name: `驳回对“${sixth.title}”的异议` });
    const resolution = '经核查，该单位已提供量产芯片的流片记录和出货证明，异议不成立。';
    await resolve.locator('#objection-resolution').fill(resolution);
    await resolve.getByRole('button', { name: /驳\s?回/ }).click();
    await staff.getByText('异议已处理').waitFor();
    await row.getByText(`已驳回：${resolution}`).waitFor();
    await snapshot(staff, 'selection-objections');

    // While the notice is open the results cannot be published.
    await header.getByRole('button', { name: '公布结果' }).click();
    await confirmPopover(staff, '公布结果');
    await staff.getByText('公示期尚未结束，不能公布').waitFor();

    // The clock passes the notice's end; the sessions are idle past their limit then, so the admin signs in again.
    const { items } = (await (await fetch(`${inject('baseUrl')}/api/public/programs/${program.id}/notices`)).json()) as { items: Array<{ closesAt: string }> };
    expect((await setClock(Date.parse(items[0]!.closesAt) - Date.now() + 60_000)).status).toBe(200);
    await visitor.reload();
    await notice.getByText('公示已结束', { exact: true }).waitFor();
    expect(await visitor.getByRole('button', { name: /^提出异议/ }).count()).toBe(0);

    await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
    await staff.goto(`/admin/selection?program=${program.code}`);
    await expect.poll(() => selected.count()).toBe(5);
    await header.getByRole('button', { name: '公布结果' }).click();
    await confirmPopover(staff, '公布结果');
    await staff.getByText('结果已公布').waitFor();
    await expect.poll(() => selected.filter({ hasText: '入围揭榜单位' }).count()).toBe(5);
    await staff.context().close();

    // Visitors see the five finalists: organizations and projects, never the contact person's name, phone or e-mail.
    await visitor.goto(`/programs/${program.code}/results`);
    const results = cardRows(visitor, '入围揭榜单位');
    await expect.poll(() => results.count()).toBe(5);
    for (const app of finalists) await results.filter({ hasText: app.title }).filter({ hasText: `广州s${tag}` }).waitFor();
    expect(await results.filter({ hasText: fifth.title }).count()).toBe(0);
    await visitor.getByText('优胜名单尚未公布').waitFor();
    const text = (await visitor.locator('body').textContent()) ?? '';
    for (const personal of ['020-66668888', '陈工', ...finalists.map((a) => a.email), objector.name, objector.contact]) expect(text).not.toContain(personal);
    await snapshot(visitor, 'results-published');
    await visitor.context().close();
  });
});
