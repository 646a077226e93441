// Journey: an expert declares no conflict, scores an application beside its submitted text (the autosave survives a
// reload) and submits; the program admin ranks by normalised score and advances three applications to the defence round.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, associationUnit, openPhases, ownProgram, PASSWORD, send, session, submittedApplication } from './api.js';
import { launchBrowser, openPage, signIn, snapshot } from './browser.js';
import { E2E_ADMIN } from './global-setup.js';

interface Criterion {
  key: string;
  label: string;
  weight: number;
  maxScore: number;
}
interface Expert {
  id: string;
  email: string;
  session: ApiSession;
}
interface MyAssignment {
  id: string;
  applicationId: string;
  title: string;
}

const tag = Date.now().toString(36);
let browser: Browser;
let admin: ApiSession;
let program: Awaited<ReturnType<typeof ownProgram>>;
let apps: Array<{ id: string; title: string; organization: string }>;
const experts: Expert[] = [];
/** The one assignment left for the expert to review in the browser. */
let left: MyAssignment;

const mine = async (e: Expert) => (await (await e.session.api.get('/api/expert/assignments')).json()).items as MyAssignment[];
const criteriaOf = async (e: Expert, assignmentId: string) => (await (await e.session.api.get(`/api/assignments/${assignmentId}`)).json()).round.criteria as Criterion[];

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await session(E2E_ADMIN.email, E2E_ADMIN.password);

  // A program of its own: other journeys release the built-in program's first round, which cannot be drafted again.
  program = await ownProgram(admin, {
    code: `rv-${tag}`,
    title: `智能芯片揭榜挂帅（评审 ${tag}）`,
    subfields: [{ code: 'R01-01', name: '神经网络芯片', direction: { code: 'R01', name: '智能芯片', group: '核心基础' } }],
  });
  const subfield = { id: program.subfields['R01-01']! };
  await send(admin, 'post', `/api/admin/subfields/${subfield.id}/indicators`, { code: 'R01-01-I1', name: '峰值算力', kind: 'number', unit: 'TOPS', better: 'higher' });
  await openPhases(admin, program.id, ['application', 'recommendation', 'review'], 10);

  // Four eligible applications: submitted, recommended and ranked in a submitted batch, formally checked.
  const unit = await associationUnit(admin, `rv${tag}`);
  apps = [];
  for (const suffix of ['a', 'b', 'c', 'd']) {
    apps.push({ ...(await submittedApplication(program.id, 'R01-01', `${tag}${suffix}`, unit.id)), organization: `广州${tag}${suffix}科技有限公司` });
  }
  const recommender = await session(unit.email, PASSWORD);
  for (const [i, app] of apps.entries()) await send(recommender, 'post', `/api/applications/${app.id}/recommendation`, { decision: 'recommend', comment: '推荐', rank: i + 1 });
  await send(recommender, 'post', `/api/recommenders/${unit.id}/batches`, { programId: program.id });
  for (const app of apps) await send(admin, 'post', `/api/applications/${app.id}/eligibility`, { eligible: true });

  // Three experts of the subfield whose keyword is in every application: they fit better than any other expert on the
  // platform, so the round's eight places are theirs.
  for (const n of [1, 2, 3]) {
    const email = `rv${n}.${tag}@e2e.jiebang.cn`;
    const { id } = await send(admin, 'post', '/api/admin/experts', {
      name: `评审专家${n}号${tag}`,
      email,
      password: PASSWORD,
      organization: { name: `北京第${n}研究院` },
      regionCode: '110000',
      subfieldIds: [subfield.id],
      keywords: ['神经网络芯片'],
    });
    experts.push({ id, email, session: await session(email, PASSWORD) });
  }
  const auto = await send(admin, 'post', `/api/admin/programs/${program.id}/assignments/auto`, { round: 'online', reviewersPerApplication: 2, maxPerExpert: 4 });
  expect(auto).toMatchObject({ assigned: 8, unassigned: [] });
  const drafted = (await (await admin.api.get(`/api/admin/programs/${program.id}/assignments?round=online`)).json()).items as Array<{ expertId: string }>;
  expect(drafted.every((a) => experts.some((e) => e.id === a.expertId))).toBe(true);
  await send(admin, 'post', `/api/admin/programs/${program.id}/assignments/release`, { round: 'online' });

  // Every review but one is submitted; the totals depend on the application and the expert, so the ranking has an order
  // and every expert a spread to normalise by.
  left = (await mine(experts[0]!))[0]!;
  for (const [i, expert] of experts.entries()) {
    for (const a of await mine(expert)) {
      if (a.id === left.id) continue;
      const level = (apps.findIndex((x) => x.id === a.applicationId) + 1) / 5 + i * 0.05;
      const scores = Object.fromEntries((await criteriaOf(expert, a.id)).map((c) => [c.key, Math.round(c.maxScore * level)]));
      await send(expert.session, 'put', `/api/assignments/${a.id}/review`, { conflict: false, scores, comment: '技术路线清晰，团队基础扎实', submit: true });
    }
  }
});

// The experts leave the platform-wide expert pool, so that other journeys' assignments never reach them.
afterAll(async () => {
  for (const e of experts) {
    const res = await admin.api.post(`/api/admin/users/${e.id}/disabled`, { data: { disabled: true }, headers: { 'x-csrf-token': admin.csrf } });
    expect(res.status(), await res.text()).toBe(204);
  }
});

describe('review', () => {
  it('declares no conflict, scores with autosave across a reload, submits; the admin ranks normalised and advances three', async () => {
    const expert = experts[0]!;
    const page = await openPage(browser, '/');
    await signIn(page, expert.email, PASSWORD);
    await page.getByRole('link', { name: '我的评审' }).click();
    await page.getByRole('link', { name: left.title, exact: true }).click();
    await page.waitForURL(`**/expert/reviews/${left.id}`);

    // Before the declaration: the title, subfield and applicant only, and the warning to declare first.
    await page.getByRole('heading', { level: 1, name: `评审：${left.title}` }).waitFor();
    await page.getByText('查看申报书全文前，请先声明是否存在利益冲突').waitFor();
    await page.getByRole('cell', { name: '神经网络芯片', exact: true }).waitFor();
    await page.getByRole('cell', { name: apps.find((a) => a.id === left.applicationId)!.organization, exact: true }).waitFor();
    expect(await page.getByText('已有车规级芯片流片经验').count()).toBe(0);
    expect(await page.getByText('评审表', { exact: true }).count()).toBe(0);
    await snapshot(page, 'review-declare');

    await page.getByRole('button', { name: '声明无利益冲突' }).click();
    await page.getByText('申报书（提交版本）').waitFor();
    await page.getByText('已有车规级芯片流片经验').waitFor();
    await page.getByText('评审表', { exact: true }).waitFor();
    await expect.poll(() => page.getByText('查看申报书全文前，请先声明是否存在利益冲突').count()).toBe(0);

    // Scores by their labels (criterion, weight, full marks) and a comment; the page says when the server has them.
    const criteria = await criteriaOf(expert, left.id);
    const typed = ['8', '7.5', '9', '6', '8.5'];
    const field = (c: Criterion) => page.getByLabel(`${c.label}（权重 ${c.weight}%，满分 ${c.maxScore}）`, { exact: true });
    for (const [i, c] of criteria.entries()) await field(c).fill(typed[i % typed.length]!);
    const comment = '技术路线清晰，流片经验可信；\n建议补充车规级可靠性测试计划。';
    await page.locator('#review-comment').fill(comment);
    const saveState = page.getByTestId('review-save-state');
    // Typing marks the form unsaved for the debounce (about a second), then the save ends in 已保存.
    await saveState.getByText('待保存…').waitFor();
    await saveState.getByText('已保存', { exact: true }).waitFor();
    // Saved on the server, not only in the browser: its local copy is gone, so the reload reads the server's draft.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jiebang.review.')))).toEqual([]);
    await snapshot(page, 'review-form');

    await page.reload();
    await page.getByText('评审表', { exact: true }).waitFor();
    // Shown with the step's one decimal (8 as 8.0): compare the numbers.
    for (const [i, c] of criteria.entries()) expect(Number(await field(c).inputValue()), c.key).toBe(Number(typed[i % typed.length]));
    expect(await page.locator('#review-comment').inputValue()).toBe(comment);
    await expect.poll(() => saveState.textContent()).toBe('已保存');

    // Submit: the Popconfirm's confirming button carries the same words as the button that opens it.
    await page.getByRole('button', { name: '提交评审' }).click();
    await page.getByText('提交后不能再修改，确认提交？').waitFor();
    await page.getByRole('button', { name: '确认提交' }).click();
    const expected = Math.round(criteria.reduce((s, c, i) => s + (c.weight * Number(typed[i % typed.length])) / c.maxScore, 0) * 100) / 100;
    await page.getByTestId('review-total').getByText(`加权总分：${expected}（满分 100）`).waitFor();
    await snapshot(page, 'review-submitted');
    await page.context().close();

    // The admin ranks by normalised score: the page's order is the server's.
    const ranking = async (normalized: boolean) =>
      (await (await admin.api.get(`/api/admin/programs/${program.id}/ranking?round=online&normalized=${normalized}`)).json()) as {
        items: Array<{ applicationId: string; title: string; reviews: number; advanced: boolean }>;
      };
    const byZ = (await ranking(true)).items;
    expect(byZ).toHaveLength(4);
    expect(byZ.every((i) => i.reviews === 2)).toBe(true);

    const staff = await openPage(browser, '/');
    await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
    await staff.goto(`/admin/ranking?program=${program.code}`);
    await staff.getByRole('heading', { level: 1, name: '评审排名' }).waitFor();
    await staff.getByRole('columnheader', { name: '标准化得分' }).waitFor();
    const normalizedSwitch = staff.locator('#ranking-normalized');
    // The switch asks the server for the normalised ranking; the rows shown after it are that answer's.
    await Promise.all([staff.waitForResponse((r) => r.url().includes('/ranking?') && r.url().includes('normalized=true')), normalizedSwitch.click()]);
    expect(await normalizedSwitch.getAttribute('aria-checked')).toBe('true');
    const rows = staff.locator('.ant-table-tbody > tr.ant-table-row');
    await expect.poll(async () => (await rows.allTextContents()).map((text) => byZ.findIndex((i) => text.includes(i.title)))).toEqual([0, 1, 2, 3]);

    const top3 = byZ.slice(0, 3);
    for (const item of top3) await staff.getByRole('checkbox', { name: `选择 ${item.title}` }).check();
    await staff.getByRole('button', { name: '晋级到会评答辩（3）' }).click();
    await staff.getByText('已将 3 份申报晋级到会评答辩').waitFor();
    await expect.poll(() => staff.locator('.ant-tag', { hasText: '已晋级' }).count()).toBe(3);
    for (const item of top3) await staff.getByRole('row').filter({ hasText: item.title }).locator('.ant-tag', { hasText: '已晋级' }).waitFor();
    await snapshot(staff, 'ranking-advanced');
    expect((await ranking(true)).items.filter((i) => i.advanced).map((i) => i.applicationId).sort()).toEqual(top3.map((i) => i.applicationId).sort());
    await staff.context().close();
  });
});
