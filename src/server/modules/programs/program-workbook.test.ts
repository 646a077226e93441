// A program as an Excel workbook: export → import gives the same program; hostile workbooks are refused with every
// problem located by sheet, row and column, and change nothing.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { as, multipartFile, signedInAs, type Session } from '../../test/factories.js';
import type { ProgramDocument } from '../../../shared/schemas/program-document.js';
import { checkZipEnvelope, XLSX_MIME } from './program-workbook.js';

let t: TestApp;
let admin: Session;
let original: Buffer;
let exportedJson: ProgramDocument;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAs(t.app, t.database.db, ['program_admin']);
  const res = await as(t.app, admin, { method: 'GET', url: '/api/admin/programs/ai-2018/export.xlsx' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_MIME);
  expect(res.headers['content-disposition']).toBe('attachment; filename="ai-2018.program.xlsx"');
  original = res.rawPayload;
  exportedJson = (await as(t.app, admin, { method: 'GET', url: '/api/admin/programs/ai-2018/export' })).json();
});

async function edit(change: (wb: ExcelJS.Workbook) => void, code: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(original as unknown as ArrayBuffer);
  wb.getWorksheet('项目')!.getCell('B2').value = code;
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (content: Buffer | string, filename = 'program.xlsx', who: Session = admin) => {
  const { payload, headers } = multipartFile(filename, content, XLSX_MIME);
  return as(t.app, who, { method: 'POST', url: '/api/admin/programs/import.xlsx', payload, headers });
};
const programCount = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM programs')).rows[0].n as number;
const messages = (res: { json(): { error: { details?: Array<{ message: string }> } } }) => res.json().error.details?.map((d) => d.message) ?? [];

/** The row of an indicator in 指标表 by its code. */
function indicatorRow(wb: ExcelJS.Workbook, code: string): ExcelJS.Row {
  const ws = wb.getWorksheet('指标表')!;
  for (let r = 2; r <= ws.rowCount; r += 1) if (ws.getRow(r).getCell(2).value === code) return ws.getRow(r);
  throw new Error(`no indicator ${code}`);
}

describe('program workbooks', () => {
  it('has one sheet per level, and export → import → export gives an identical program', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(original as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '项目', '阶段', '章节', '评审轮次', '评审标准', '方向表', '细分领域表', '指标表']);
    expect(wb.getWorksheet('指标表')!.actualRowCount).toBe(115);
    expect(wb.getWorksheet('细分领域表')!.actualRowCount).toBe(39);

    const res = await upload(await edit(() => {}, 'ai-2018-xlsx'));
    expect(res.statusCode, res.body).toBe(201);
    const again = (await as(t.app, admin, { method: 'GET', url: '/api/admin/programs/ai-2018-xlsx/export' })).json();
    const expected = structuredClone(exportedJson);
    expected.program.code = 'ai-2018-xlsx';
    expect(again).toEqual(expected);
  });

  it('locates each problem by sheet, row and column and imports nothing', async () => {
    const before = await programCount();
    const content = await edit((wb) => {
      const row = indicatorRow(wb, 'D01-01-I1');
      row.getCell(6).value = null; // 单位 of a number indicator
      row.getCell(3).value = '   '; // 名称
      indicatorRow(wb, 'D01-01-I2').getCell(5).value = '小数'; // 类型
      indicatorRow(wb, 'D01-01-I3').getCell(1).value = 'D99-99'; // 细分领域编号 that does not exist
      wb.getWorksheet('细分领域表')!.getRow(3).getCell(2).value = wb.getWorksheet('细分领域表')!.getRow(2).getCell(2).value; // duplicate code
      wb.getWorksheet('评审标准')!.getRow(2).getCell(5).value = 'heavy'; // 权重
      wb.getWorksheet('阶段')!.getRow(2).getCell(2).value = '明天';
    }, 'broken-xlsx');
    const res = await upload(content);
    expect(res.statusCode).toBe(400);
    const rowOf = async (code: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(original as unknown as ArrayBuffer);
      return indicatorRow(wb, code).number;
    };
    const found = messages(res);
    expect(found).toEqual(
      expect.arrayContaining([
        `指标表 第${await rowOf('D01-01-I1')}行 名称：不能为空`,
        `指标表 第${await rowOf('D01-01-I2')}行 类型：应为以下之一：数值、是否、文本`,
        `指标表 第${await rowOf('D01-01-I3')}行 细分领域编号：没有编号为 D99-99 的细分领域`,
        '评审标准 第2行 权重：应为数字',
        '阶段 第2行 开始时间：应为时间，如 2026-11-25 09:00',
      ]),
    );
    expect(res.json().error.details).toContainEqual({ path: `指标表!C${await rowOf('D01-01-I1')}`, message: expect.any(String) });
    expect(await programCount()).toBe(before);

    // Once every cell reads, the rules across cells are located the same way.
    const second = await upload(
      await edit((wb) => {
        indicatorRow(wb, 'D01-01-I1').getCell(6).value = null;
        indicatorRow(wb, 'D01-01-I2').getCell(2).value = 'D01-01-I1';
      }, 'broken-xlsx'),
    );
    expect(messages(second)).toEqual(
      expect.arrayContaining([`指标表 第${await rowOf('D01-01-I1')}行 单位：数值指标须有单位`, `指标表 第${await rowOf('D01-01-I2')}行 编号：编号 D01-01-I1 重复`]),
    );
    expect(await programCount()).toBe(before);
  });

  it('answers in English too', async () => {
    const content = await edit((wb) => {
      wb.getWorksheet('评审标准')!.getRow(2).getCell(5).value = 'heavy';
    }, 'english-xlsx');
    const { payload, headers } = multipartFile('p.xlsx', content, XLSX_MIME);
    const res = await as(t.app, admin, { method: 'POST', url: '/api/admin/programs/import.xlsx', payload, headers: { ...headers, 'accept-language': 'en' } });
    expect(messages(res)).toContain('评审标准, row 2, 权重: must be a number');
  });

  it('refuses missing columns, missing sheets and 10,000 rows', async () => {
    const before = await programCount();
    const noUnit = await upload(
      await edit((wb) => {
        wb.getWorksheet('指标表')!.getRow(1).getCell(6).value = null;
        wb.removeWorksheet(wb.getWorksheet('章节')!.id);
      }, 'no-unit-xlsx'),
    );
    expect(messages(noUnit)).toEqual(expect.arrayContaining(['指标表：缺少列「单位」', '章节：缺少该工作表']));

    const huge = await upload(
      await edit((wb) => {
        const ws = wb.getWorksheet('指标表')!;
        const template = ws.getRow(2).values as ExcelJS.CellValue[];
        for (let i = 0; i < 10_000; i += 1) ws.addRow(template.slice(1).map((v, c) => (c === 1 ? `X-${i}` : v)));
      }, 'huge-xlsx'),
    );
    expect(huge.statusCode).toBe(400);
    expect(messages(huge)).toContain('指标表：共 10114 行，超过上限 5000 行');
    expect(await programCount()).toBe(before);
  });

  it('refuses what is not an .xlsx workbook', async () => {
    const before = await programCount();
    expect((await upload('序号,名称\n1,芯片\n', 'program.csv')).statusCode).toBe(415);
    const pdf = await upload('%PDF-1.7 not a workbook', 'program.xlsx');
    expect(pdf.statusCode).toBe(400);
    expect(messages(pdf)).toEqual(['文件不是有效的 Excel 工作簿（.xlsx）']);
    // A zip archive that is no workbook, and one that claims to unpack to gigabytes.
    expect((await upload(zipOf([{ name: 'hello.txt', size: 5 }]), 'program.xlsx')).statusCode).toBe(400);
    expect(checkZipEnvelope(zipOf([{ name: 'xl/a.xml', size: 0xf0000000 }]))?.zh).toBe('工作簿解压后过大，已拒绝');
    const json = await as(t.app, admin, { method: 'POST', url: '/api/admin/programs/import.xlsx', payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
    expect(await programCount()).toBe(before);
  });

  it('is for program admins of all programs', async () => {
    const scoped = await signedInAs(t.app, t.database.db, ['program_admin'], { programIds: [] });
    expect((await upload(original, 'p.xlsx', scoped)).statusCode).toBe(403);
    expect((await as(t.app, scoped, { method: 'GET', url: '/api/admin/programs/ai-2018/export.xlsx' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/programs/ai-2018/export.xlsx' })).statusCode).toBe(401);
  });
});

/** A zip archive of stored (uncompressed) entries whose central directory declares the given sizes. */
function zipOf(entries: Array<{ name: string; size: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
