// Steps of the lifecycle journey up to the recommending unit's batch: the program and its unit, the application, the
// recommendation.
import { expect } from 'vitest';
import { PASSWORD, send, setPhase, submittedApplication, uniqueUscc } from '../api.js';
import { choose, confirmPopover, signIn } from '../browser.js';
import { E2E_ADMIN } from '../global-setup.js';
import { adminApi, applicant, code, DAY, expert, open, pdf, programTitle, recommender, state, tabTo, tag, unitName, visited } from './journey.js';

/** The program admin creates the program and the recommending unit with its account (the catalogue, the phases and the
 * expert through the API). */
export async function createProgram(): Promise<void> {
  const staff = await open('/');
  await signIn(staff, E2E_ADMIN.email, E2E_ADMIN.password);
  await staff.getByRole('heading', { name: '我的待办' }).waitFor();
  await visited(staff, 'admin-home');
  await staff.getByRole('link', { name: '项目管理' }).click();
  await staff.getByRole('heading', { level: 1, name: '项目管理' }).waitFor();
  const create = staff.locator('form#create-program');
  await create.getByLabel('项目编号').fill(code);
  await create.getByLabel('项目名称', { exact: true }).fill(programTitle);
  await visited(staff, 'programs');
  await create.getByRole('button', { name: /新\s?建/ }).click();
  await staff.getByRole('heading', { level: 1, name: programTitle }).waitFor();
  await visited(staff, 'program-editor');

  // The catalogue and the phases come from the API, as an imported program's would: one direction, one subfield,
  // two number indicators with plan targets; applications, recommendation and review open now, the attack period
  // from day 20, the evaluation from day 50.
  const admin = await adminApi();
  const program = ((await (await admin.api.get('/api/programs')).json()).items as Array<{ id: string; code: string }>).find((p) => p.code === code)!;
  state.program = program;
  const { start } = state;
  const direction = await send(admin, 'post', `/api/admin/programs/${program.id}/directions`, { code: 'L01', name: '智能芯片', group: '核心基础' });
  const subfield = await send(admin, 'post', `/api/admin/directions/${direction.id}/subfields`, { code: 'L01-01', name: '神经网络芯片' });
  const indicator = (body: object) => send(admin, 'post', `/api/admin/subfields/${subfield.id}/indicators`, body).then((r: { id: string }) => r.id);
  state.indicators.power = await indicator({ code: 'L01-01-I1', name: '峰值算力', kind: 'number', unit: 'TOPS', better: 'higher', planTarget: { text: '≥ 100 TOPS', comparator: '>=', value: 100 } });
  state.indicators.watts = await indicator({ code: 'L01-01-I2', name: '典型功耗', kind: 'number', unit: 'W', better: 'lower', planTarget: { text: '< 10 W', comparator: '<', value: 10 } });
  await setPhase(admin, program.id, 'application', new Date(start - DAY), new Date(start + 3 * DAY));
  await setPhase(admin, program.id, 'recommendation', new Date(start - DAY), new Date(start + 5 * DAY));
  await setPhase(admin, program.id, 'review', new Date(start - DAY), new Date(start + 6 * DAY));
  await setPhase(admin, program.id, 'attack', new Date(start + 20 * DAY), new Date(start + 80 * DAY));
  await setPhase(admin, program.id, 'evaluation', new Date(start + 50 * DAY), new Date(start + 80 * DAY));

  // The recommending unit (an industry association, which anyone may choose) and its recommender's account.
  await staff.getByRole('link', { name: '账户与推荐单位' }).click();
  await staff.getByRole('heading', { level: 1, name: '账户与推荐单位' }).waitFor();
  const unitForm = staff.locator('form#recommender');
  await unitForm.getByLabel('推荐单位名称').fill(unitName);
  await choose(staff, unitForm.getByLabel('类型'), '行业组织');
  await unitForm.getByRole('button', { name: /创\s?建/ }).click();
  await staff.getByText('已创建').first().waitFor();
  const account = staff.locator('form#account');
  await account.getByLabel('所属推荐单位').fill(unitName);
  await staff.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: unitName }).click();
  await account.getByLabel('姓名').fill(recommender.name);
  await account.getByLabel('电子邮箱').fill(recommender.email);
  await account.getByLabel('初始密码').fill(PASSWORD);
  await account.getByRole('button', { name: /创\s?建/ }).click();
  await staff.getByLabel('按姓名或邮箱查找').fill(recommender.email);
  await staff.getByRole('cell', { name: recommender.email }).waitFor();
  await visited(staff, 'accounts');
  state.unitId = ((await (await admin.api.get('/api/recommenders')).json()).items as Array<{ id: string; name: string }>).find((u) => u.name === unitName)!.id;
  // The expert of the subfield (the admins' expert page offers the built-in program's subfields only, so through the
  // API): of another province than the applicants, its keywords in their texts.
  state.expertId = (
    await send(admin, 'post', '/api/admin/experts', {
      name: expert.name,
      email: expert.email,
      password: PASSWORD,
      organization: { name: '北京智能芯片研究院' },
      regionCode: '110000',
      subfieldIds: [subfield.id],
      keywords: ['神经网络芯片'],
    })
  ).id;
  await staff.context().close();
}

/** An applicant registers by keyboard, applies in the subfield and submits; a competitor applies through the API. */
export async function applyInTheBrowser(): Promise<void> {
  const { program, indicators } = state;
  const page = await open('/register');
  await page.getByRole('heading', { level: 1, name: '申报单位注册' }).waitFor();
  // By keyboard only: typing, Tab from field to field (a drop-down picks with Enter), Enter sends the form.
  await page.getByLabel('单位名称').focus();
  await page.keyboard.type(applicant.org);
  await tabTo(page, '统一社会信用代码');
  await page.keyboard.type(uniqueUscc());
  await tabTo(page, '所在地区（省级）');
  await page.keyboard.type('广东');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: '广东省' }).waitFor();
  await page.keyboard.press('Enter');
  await tabTo(page, '姓名');
  await page.keyboard.type(applicant.name);
  await tabTo(page, '电子邮箱');
  await page.keyboard.type(applicant.email);
  await tabTo(page, '联系电话');
  await page.keyboard.type('020-66668888');
  await tabTo(page, '密码');
  await page.keyboard.type(applicant.password);
  await tabTo(page, '确认密码');
  await page.keyboard.type(applicant.password);
  await page.locator('.ant-form-item', { has: page.getByLabel('所在地区（省级）') }).getByText('广东省').waitFor();
  // Checked as typed: the last key's check clears the mismatch the first keys raised.
  await page.getByText('两次输入的密码不一致').waitFor({ state: 'detached' });
  await visited(page, 'register');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '我的账户' }).waitFor();
  await page.getByText(applicant.email).waitFor();
  await visited(page, 'applicant-account');

  // From the program's portal to its catalogue and the subfield, where the application starts.
  await page.goto(`/programs/${code}`);
  await page.getByRole('heading', { level: 1, name: programTitle }).waitFor();
  await visited(page, 'portal');
  await page.locator('#main').getByRole('link', { name: '攻关榜单' }).click();
  await page.getByRole('link', { name: 'L01-01 神经网络芯片' }).click();
  await page.getByRole('heading', { level: 1, name: /神经网络芯片/ }).waitFor();
  await page.getByRole('cell', { name: '≥ 100 TOPS' }).waitFor();
  await visited(page, 'subfield');
  await page.getByRole('button', { name: '申报该细分领域' }).click();
  await page.getByRole('heading', { level: 1, name: '（未命名申报书）' }).waitFor();

  const title = `神经网络芯片攻关（${tag}）`;
  await page.getByLabel('项目名称').fill(title);
  await page.getByLabel('职务').fill('总工程师');
  await page.getByLabel('联系电话').fill('020-66668888');
  await page.getByLabel('推荐单位').fill(unitName);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: unitName }).click();
  for (const label of ['技术基础与现有水平', '技术路线与创新点', '攻关目标与进度安排', '团队与组织保障', '经费预算与条件保障']) {
    await page.getByLabel(label).fill(`${label}：面向神经网络芯片的车规级流片经验，详见附件。`);
  }
  await page.getByLabel('L01-01-I1 本单位当前水平').fill('60');
  await page.getByLabel('L01-01-I1 目标').fill('120');
  await page.getByLabel('L01-01-I2 本单位当前水平').fill('15');
  await page.getByLabel('L01-01-I2 目标').fill('8');
  await page.getByText('优于预期目标').nth(1).waitFor();
  await page.locator('input[type=file]').setInputFiles({ name: '技术方案.pdf', mimeType: 'application/pdf', buffer: pdf('技术方案') });
  await page.getByRole('link', { name: '技术方案.pdf' }).waitFor();
  await page.getByTestId('save-state').getByText(/^已保存/).waitFor();
  await visited(page, 'application-form');
  await page.getByRole('button', { name: '提交申报书' }).click();
  await page.getByRole('heading', { level: 1, name: '申报回执' }).waitFor();
  await page.getByTestId('receipt-number').waitFor();
  await visited(page, 'receipt');
  state.a = { id: page.url().split('/').at(-2)!, title, email: applicant.email };
  await page.context().close();

  // A competitor in the same subfield, with the same unit, less ambitious on power.
  state.b = await submittedApplication(program.id, 'L01-01', `lc${tag}b`, state.unitId, {
    extra: {
      indicators: [
        { indicatorId: indicators.power, current: 60, target: 110 },
        { indicatorId: indicators.watts, current: 15, target: 9 },
      ],
    },
  });
}

/** The recommending unit signs in by keyboard, recommends both in rank and submits its batch. */
export async function recommend(): Promise<void> {
  const { a, b } = state;
  const page = await open('/login');
  await page.getByLabel('电子邮箱').focus();
  await page.keyboard.type(recommender.email);
  await tabTo(page, '密码');
  await page.keyboard.type(PASSWORD);
  await visited(page, 'sign-in');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /退出/ }).waitFor();
  // The to-do list leads to the workspace of this program.
  const todo = page.locator('li[data-todo="toDecide"]', { hasText: programTitle });
  await todo.getByText('2 份申报等待推荐意见').waitFor();
  await visited(page, 'recommender-home');
  await todo.getByRole('link', { name: '去处理' }).click();
  await page.getByRole('heading', { level: 1, name: `推荐工作 · ${unitName}` }).waitFor();
  await page.getByRole('cell', { name: a.title, exact: true }).waitFor();
  await page.getByRole('cell', { name: b.title, exact: true }).waitFor();
  await visited(page, 'recommender-workspace');

  for (const [app, rank, opinion] of [
    [a, '1', '技术基础扎实，目标优于规划，建议优先支持'],
    [b, '2', '具备流片经验，建议支持'],
  ] as const) {
    await page.getByRole('button', { name: `推荐 ${app.title}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: app.title });
    await dialog.getByLabel('推荐意见（写入推荐汇总表）').fill(opinion);
    await dialog.getByLabel('推荐排序').fill(rank);
    if (rank === '1') await visited(page, 'recommendation-dialog');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  }
  await page.getByRole('button', { name: `排序上移 ${b.title}` }).waitFor();
  await page.getByRole('button', { name: '报送推荐批次' }).click();
  await confirmPopover(page, '报送推荐批次');
  await page.getByTestId('batch-submitted').waitFor();
  await visited(page, 'recommender-batch');
  await page.context().close();
}
