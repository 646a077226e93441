// Steps of the lifecycle journey after the finalists: the attack period's progress report, the test lab's
// measurements, the final round, the winner's notice and publication.
import { expect } from 'vitest';
import { PASSWORD, send, session } from '../api.js';
import { cardRows, choose, confirmPopover, signIn } from '../browser.js';
import { E2E_ADMIN } from '../global-setup.js';
import { applicant, clockAt, code, DAY, expert, lab, open, pdf, programTitle, state, visited } from './journey.js';

/** In the attack period the admin asks for a progress report, the finalist files it, the admin accepts it. */
export async function reportProgress(): Promise<void> {
  const { a, start } = state;
  await clockAt(start + 21 * DAY);
  const staff = await open('/');
  await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
  await staff.goto(`/admin/progress?program=${code}`);
  await staff.getByRole('heading', { level: 1, name: '攻关进展报告' }).waitFor();
  await staff.getByRole('button', { name: '新增进展报告' }).click();
  const dialog = staff.getByRole('dialog', { name: '新增进展报告' });
  await dialog.locator('#milestone-title').fill('中期进展报告');
  // Due in ten days, at 17:00 Beijing time (the field is in Beijing time).
  await dialog.locator('#milestone-due').fill(`${new Date(start + 31 * DAY + 8 * 3_600_000).toISOString().slice(0, 10)}T17:00`);
  await dialog.locator('#milestone-description').fill('流片与样片测试进展，对照攻关目标说明');
  await visited(staff, 'progress-due-date');
  await dialog.getByRole('button', { name: '保存' }).click();
  await cardRows(staff, '报告安排').filter({ hasText: '中期进展报告' }).waitFor();

  // The finalist's to-do list names the report due; its page is the application's attack period and evaluation.
  const owner = await open('/');
  await signIn(owner, applicant.email, applicant.password);
  const todo = owner.locator('li[data-todo="progressDue"]', { hasText: programTitle });
  await todo.waitFor();
  await visited(owner, 'applicant-home');
  await todo.getByRole('link', { name: '去处理' }).click();
  await owner.getByRole('heading', { level: 1, name: '我的申报' }).waitFor();
  await visited(owner, 'my-applications');
  await owner.getByRole('row').filter({ hasText: a.title }).getByRole('link', { name: '攻关与测评' }).click();
  await owner.getByRole('heading', { level: 1, name: `攻关与测评：${a.title}` }).waitFor();
  await owner.getByLabel('中期进展报告 进展情况').fill('已完成第一版流片，样片峰值算力 110 TOPS，满载功耗 9.2 W。');
  await owner.getByRole('button', { name: '保存' }).click();
  await owner.getByText('进展报告已保存').waitFor();
  await owner.locator('input[type="file"]').setInputFiles({ name: '流片报告.pdf', mimeType: 'application/pdf', buffer: pdf('流片报告') });
  await owner.getByRole('link', { name: '流片报告.pdf' }).waitFor();
  await visited(owner, 'progress-report');
  await owner.getByRole('button', { name: '提交进展报告' }).click();
  await confirmPopover(owner, '提交进展报告');
  await owner.getByText('已提交，待审核').waitFor();
  await owner.context().close();

  await staff.reload();
  await staff.getByRole('button', { name: `中期进展报告 ${a.title}` }).click();
  const drawer = staff.getByRole('dialog').filter({ hasText: '满载功耗 9.2 W' });
  await drawer.waitFor();
  await visited(staff, 'progress-review');
  await drawer.getByRole('button', { name: '审核通过' }).click();
  await staff.getByText('进展报告已通过').waitFor();
  await staff.context().close();
}

/** The admin creates the test lab and gives it the subfield; in the evaluation phase the lab records what it measured. */
export async function measure(): Promise<void> {
  const { a, b, start, indicators } = state;
  const staff = await open('/');
  await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
  await staff.goto('/admin/accounts');
  const account = staff.locator('form#account');
  await choose(staff, account.getByLabel('角色'), '评测机构');
  await account.getByLabel('姓名').fill(lab.name);
  await account.getByLabel('电子邮箱').fill(lab.email);
  await account.getByLabel('初始密码').fill(PASSWORD);
  await account.getByRole('button', { name: '创建' }).click();
  await staff.getByText('已创建').waitFor();

  await staff.goto(`/admin/evaluation?program=${code}`);
  await staff.getByRole('heading', { level: 1, name: '测评与指标达成度' }).waitFor();
  const overview = cardRows(staff, '入围揭榜单位');
  await expect.poll(() => overview.count()).toBe(2);
  await choose(staff, staff.locator('#bulk-subfield'), '神经网络芯片');
  await choose(staff, staff.locator('#bulk-lab'), lab.name);
  await staff.getByRole('button', { name: '为该细分领域统一指定' }).click();
  await staff.getByText('已为 2 家入围单位指定评测机构').waitFor();
  await visited(staff, 'lab-assignment');
  await staff.context().close();

  // The evaluation phase opens; the lab tests and records A in its workspace (B through the API).
  await clockAt(start + 51 * DAY);
  const testedAt = new Date(start + 50 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
  const page = await open('/');
  await signIn(page, lab.email, PASSWORD);
  await page.getByRole('heading', { name: '我的待办' }).waitFor();
  await visited(page, 'lab-home');
  await page.getByRole('link', { name: '测评工作' }).click();
  await page.getByRole('link', { name: a.title, exact: true }).waitFor();
  await visited(page, 'lab-workspace');
  await page.getByRole('link', { name: a.title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `测评：${a.title}` }).waitFor();
  await page.locator('input[type="file"]').setInputFiles({ name: '算力与功耗测试报告.pdf', mimeType: 'application/pdf', buffer: pdf('算力与功耗测试报告') });
  await page.getByText('已上传“算力与功耗测试报告.pdf”').waitFor();
  for (const [ind, measured, method] of [
    ['L01-01-I1', '128', 'GB/T 45087 峰值算力测试'],
    ['L01-01-I2', '7.5', '满载典型功耗测试'],
  ] as const) {
    await page.getByLabel(`${ind} 实测值`).fill(measured);
    await page.getByLabel(`${ind} 测试方法`).fill(method);
    await page.getByLabel(`${ind} 测试日期`).fill(testedAt);
    await choose(page, page.getByLabel(`${ind} 依据报告`), '算力与功耗测试报告.pdf');
  }
  await page.getByRole('button', { name: '保存实测值（2 项）' }).click();
  await page.getByText('已保存 2 项实测值').waitFor();
  await page.getByTestId('met-share').getByText('承诺目标达到 2 项 / 可判定 2 项，指标达成度 100%').waitFor();
  await visited(page, 'lab-measurements');
  await page.context().close();

  const labApi = await session(lab.email, PASSWORD);
  await send(labApi, 'put', `/api/applications/${b.id}/measurements`, {
    items: [
      { indicatorId: indicators.power, measured: 105, method: '峰值算力测试', testedAt },
      { indicatorId: indicators.watts, measured: 9.5, method: '功耗测试', testedAt },
    ],
  });

  // The finalist reads what was measured.
  const owner = await open('/');
  await signIn(owner, applicant.email, applicant.password);
  await owner.goto(`/applications/${a.id}/evaluation`);
  await owner.getByText(`评测机构：${lab.name}`).waitFor();
  await owner.getByTestId('met-share').getByText('指标达成度 100%', { exact: false }).waitFor();
  await visited(owner, 'applicant-measurements');
  await owner.context().close();
}

/** The final round: the admin assigns it, the expert scores with the measured attainment filled in. */
export async function finalRound(): Promise<void> {
  const { a, b } = state;
  const staff = await open('/');
  await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
  await staff.goto(`/admin/assignments?program=${code}`);
  await staff.getByRole('heading', { level: 1, name: '评审分配' }).waitFor();
  await choose(staff, staff.locator('#assignment-round'), '总体评估');
  await staff.getByLabel('每份申报专家数').fill('1');
  await staff.getByLabel('每位专家上限').fill('2');
  await staff.getByRole('button', { name: '计算最优分配' }).click();
  await staff.getByTestId('assignment-summary').getByText('已分配 2 个配对', { exact: false }).waitFor();
  await visited(staff, 'assignment-final');
  await staff.getByRole('button', { name: '发布', exact: true }).click();
  await confirmPopover(staff, '发布');
  await staff.getByText('本轮分配已发布。').waitFor();
  await staff.context().close();

  const page = await open('/');
  await signIn(page, expert.email, PASSWORD);
  await page.getByRole('link', { name: '我的评审' }).click();
  const final = page.getByRole('row').filter({ hasText: '总体评估' });
  await expect.poll(() => final.count()).toBe(2);
  await visited(page, 'expert-final-round');
  await final.getByRole('link', { name: a.title, exact: true }).click();
  await page.getByRole('button', { name: '声明无利益冲突' }).click();
  await page.getByText('评审表', { exact: true }).waitFor();
  await page.getByTestId('automatic-metShare').getByText('由评测机构实测结果自动计算：10 / 10').waitFor();
  for (const label of ['技术水平（权重 20%，满分 10）', '应用成效（权重 20%，满分 10）', '产业带动作用（权重 10%，满分 10）']) {
    await page.getByLabel(label, { exact: true }).fill('9');
  }
  await page.locator('#review-comment').fill('实测指标全部达到承诺目标，功耗优于预期，进展报告翔实。');
  await page.getByTestId('review-save-state').getByText('已保存', { exact: true }).waitFor();
  await visited(page, 'final-review');
  await page.getByRole('button', { name: '提交评审' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await page.getByTestId('review-total').getByText('加权总分：95（满分 100）').waitFor();
  await page.context().close();

  const api = await session(expert.email, PASSWORD);
  const mine = (await (await api.api.get('/api/expert/assignments')).json()).items as Array<{ id: string; applicationId: string; round: string }>;
  const other = mine.find((x) => x.applicationId === b.id && x.round === 'final')!;
  await send(api, 'put', `/api/assignments/${other.id}/review`, { conflict: false, scores: { level: 7, application: 7, industry: 7 }, comment: '实测指标未达到承诺目标', submit: true });
}

/** The admin selects the winner, notices and publishes it; visitors read the results and the winner page. */
export async function winners(): Promise<void> {
  const { a, b, program } = state;
  const staff = await open('/');
  await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
  await staff.goto(`/admin/selection?program=${code}`);
  await choose(staff, staff.locator('#selection-stage'), '优胜');
  const ranking = staff.locator('.ant-card', { has: staff.getByText('评审排名（总体评估）') }).locator('.ant-table-tbody > tr.ant-table-row');
  await expect.poll(async () => (await ranking.allTextContents()).map((text) => [a, b].findIndex((x) => text.includes(x.title)))).toEqual([0, 1]);
  await staff.getByRole('checkbox', { name: `选择 ${a.title}`, exact: true }).check();
  await staff.getByRole('button', { name: '选为优胜单位（1）' }).click();
  await staff.getByText('已选择 1 家').waitFor();
  await visited(staff, 'selection-winner');
  const header = staff.locator('.ant-card-extra');
  await header.getByRole('button', { name: '发布公示' }).click();
  await confirmPopover(staff, '发布公示');
  await staff.getByText('公示已发布').waitFor();

  // The visitor sees the winner's notice while it runs.
  const visitor = await open(`/programs/${code}/notices`);
  const notice = visitor.locator('.ant-card', { hasText: '揭榜优胜单位公示' });
  await notice.getByText('公示中', { exact: true }).waitFor();
  await notice.getByText(a.title).waitFor();
  await visited(visitor, 'winner-notice');

  const { items } = (await (await staff.request.get(`/api/public/programs/${program.id}/notices`)).json()) as { items: Array<{ stage: string; closesAt: string }> };
  await clockAt(Date.parse(items.find((n) => n.stage === 'winner')!.closesAt) + 60_000);
  await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
  await staff.goto(`/admin/selection?program=${code}`);
  await choose(staff, staff.locator('#selection-stage'), '优胜');
  await expect.poll(() => cardRows(staff, '已选择').count()).toBe(1);
  await header.getByRole('button', { name: '公布结果' }).click();
  await confirmPopover(staff, '公布结果');
  await staff.getByText('结果已公布').waitFor();
  await cardRows(staff, '已选择').filter({ hasText: '揭榜优胜单位' }).waitFor();
  await visited(staff, 'winner-published');
  await staff.context().close();

  await visitor.goto(`/programs/${code}/results`);
  const winners = cardRows(visitor, '揭榜优胜单位');
  await expect.poll(() => winners.count()).toBe(1);
  await visited(visitor, 'results-winners');
  await winners.filter({ hasText: a.title }).getByRole('link', { name: '查看实测结果' }).click();
  await visitor.getByRole('heading', { level: 1, name: '揭榜优胜单位：L01-01 神经网络芯片' }).waitFor();
  const card = visitor.getByTestId('winner').filter({ hasText: a.title });
  await card.getByText('承诺目标达到 2 项 / 可判定 2 项，指标达成度 100%').waitFor();
  await card.locator('tr', { hasText: '峰值算力' }).getByText('128 TOPS').waitFor();
  const text = (await visitor.locator('body').textContent()) ?? '';
  for (const personal of [applicant.name, applicant.email, '020-66668888', lab.name]) expect(text).not.toContain(personal);
  await visited(visitor, 'winner-page');
  await visitor.context().close();
}
