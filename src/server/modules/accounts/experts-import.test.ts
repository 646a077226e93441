// Importing experts from Excel: every bad row located, nothing created unless all are right; then one password link
// per expert.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, multipartFile, signedInAs, validUscc, type Session } from '../../test/factories.js';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAs(t.app, t.database.db, ['program_admin']);
});

async function workbook(rows: Array<Array<string>>, headers = ['姓名', '电子邮箱', '工作单位', '统一社会信用代码', '所在地区', '熟悉的细分领域', '研究方向关键词']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (content: Buffer, name = 'experts.xlsx') => {
  const { payload, headers } = multipartFile(name, content);
  return as(t.app, admin, { method: 'POST', url: '/api/admin/programs/ai-2018/experts/import.xlsx', payload, headers });
};
const expertCount = async () => (await t.database.pool.query("SELECT count(*)::int AS n FROM users WHERE 'expert' = ANY(roles)")).rows[0].n as number;

describe('expert import', () => {
  it('locates every problem and creates nobody', async () => {
    const before = await expertCount();
    const res = await upload(
      await workbook([
        ['张教授', 'zhang@example.edu.cn', '某大学', '', '北京市', 'D01-01', '芯片'],
        ['', 'bad-address', '某研究院', '123', '火星', 'D99-99', ''],
        ['李教授', 'zhang@example.edu.cn', '某大学', '', '北京', '', ''],
      ]),
    );
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '专家 第3行 姓名：不能为空',
        '专家 第3行 电子邮箱：电子邮箱格式不正确',
        expect.stringMatching(/^专家 第3行 统一社会信用代码：/),
        '专家 第3行 所在地区：没有这个省级行政区：火星',
        '专家 第3行 熟悉的细分领域：本项目没有细分领域 D99-99',
        '专家 第4行 电子邮箱：与第2行重复',
      ]),
    );
    expect(await expertCount()).toBe(before);
    const missing = await upload(await workbook([['王', 'w@example.cn']], ['姓名', '电子邮箱']));
    expect(missing.json().error.details.map((d: { message: string }) => d.message)).toContain('专家：缺少列「工作单位」');
    expect((await upload(Buffer.from('not a workbook'), 'experts.csv')).statusCode).toBe(415);
  });

  it('creates the experts with their profile and gives a one-time link each', async () => {
    const uscc = validUscc('110000');
    const res = await upload(
      await workbook([
        ['张教授', 'zhang.import@example.edu.cn', '某大学', uscc, '北京', 'D01-01、D01-02', '芯片，自动驾驶'],
        ['刘研究员', 'liu.import@example.edu.cn', '某研究院', '', '广东省', '', '语音识别'],
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toEqual([
      { name: '张教授', email: 'zhang.import@example.edu.cn', link: expect.stringMatching(/^\/reset\//), expiresAt: expect.any(String) },
      { name: '刘研究员', email: 'liu.import@example.edu.cn', link: expect.stringMatching(/^\/reset\//), expiresAt: expect.any(String) },
    ]);
    const experts = (await as(t.app, admin, { method: 'GET', url: '/api/admin/experts' })).json().items;
    const zhang = experts.find((e: { email: string }) => e.email === 'zhang.import@example.edu.cn');
    expect(zhang).toMatchObject({ organizationUscc: uscc, regionCode: '110000', keywords: ['芯片', '自动驾驶'] });
    expect(zhang.subfieldIds).toHaveLength(2);
    const again = await upload(await workbook([['张教授', 'zhang.import@example.edu.cn', '某大学', '', '北京', '', '']]));
    expect(again.json().error.details[0].message).toBe('专家 第2行 电子邮箱：邮箱 zhang.import@example.edu.cn 已有账户');
  });
});
