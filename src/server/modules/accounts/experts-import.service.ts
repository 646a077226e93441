// Importing the expert pool from Excel: one row per expert, checked as a whole (every problem located by row and
// column, nothing created unless all rows are right); each new expert gets a one-time link to set a password.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import { PROVINCES } from '../../../shared/regions.js';
import { EMAIL_PATTERN } from '../../../shared/schemas/applications.js';
import { USCC_MESSAGES, normalizeUscc, usccProblem } from '../../../shared/uscc.js';
import { expertProfiles, subfields, users } from '../../db/schema/index.js';
import { AppError, invalidFields, type Localized } from '../../http/app-error.js';
import { audit, type ServiceContext } from '../../http/request-context.js';
import { findProgram, requireProgramAdmin } from '../programs/catalogue.service.js';
import { checkZipEnvelope, plain } from '../programs/program-workbook.js';
import * as repo from './accounts.repository.js';
import { issueLink } from './one-time-links.js';
import { hashPassword } from './password.js';

export const EXPERT_SHEET = '专家';
const COLUMNS = ['姓名', '电子邮箱', '工作单位', '统一社会信用代码', '上级单位统一社会信用代码', '所在地区', '熟悉的细分领域', '研究方向关键词'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ['姓名', '电子邮箱', '工作单位', '所在地区'];
const MAX_ROWS = 2000;
const SPLIT = /[、，,；;\s]+/;

interface Row {
  row: number;
  name: string;
  email: string;
  organizationName: string;
  uscc: string | null;
  parentUscc: string | null;
  regionCode: string;
  subfieldIds: string[];
  keywords: string[];
}

/** A blank workbook with the columns, for admins to fill. */
export async function expertTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(EXPERT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((header) => ({ header, width: header.length > 6 ? 26 : 16 }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(['王教授', 'wang@example.edu.cn', '某大学', '', '', '北京市', 'D01-01、D01-02', '自动驾驶、芯片']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function importExperts(ctx: ServiceContext, programIdOrCode: string, file: { filename: string; content: Buffer }) {
  const program = await findProgram(ctx, programIdOrCode);
  requireProgramAdmin(ctx, program);
  if (!/\.xlsx$/i.test(file.filename)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { zh: '只接受 Excel 工作簿（.xlsx）', en: 'Only Excel workbooks (.xlsx) are accepted' });
  }
  const envelope = checkZipEnvelope(file.content);
  if (envelope) throw invalidFields([{ path: 'file', message: envelope }]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.content as unknown as ArrayBuffer);
  } catch {
    throw invalidFields([{ path: 'file', message: { zh: '文件不是有效的 Excel 工作簿（.xlsx）', en: 'The file is not a valid Excel workbook (.xlsx)' } }]);
  }
  const ws = wb.getWorksheet(EXPERT_SHEET) ?? wb.worksheets[0];
  const problems: Array<{ path: string; message: Localized }> = [];
  const at = (row: number | null, column: string | null, message: Localized) => {
    const place = { zh: [EXPERT_SHEET, row ? `第${row}行` : '', column ?? ''].filter(Boolean).join(' '), en: [EXPERT_SHEET, row ? `row ${row}` : '', column ?? ''].filter(Boolean).join(', ') };
    problems.push({ path: `${EXPERT_SHEET}${row ? `!${row}` : ''}`, message: { zh: `${place.zh}：${message.zh}`, en: `${place.en}: ${message.en}` } });
  };
  if (!ws) throw invalidFields([{ path: 'file', message: { zh: '工作簿中没有工作表', en: 'The workbook has no sheet' } }]);
  if (ws.actualRowCount > MAX_ROWS + 1) {
    at(null, null, { zh: `共 ${ws.actualRowCount - 1} 行，超过上限 ${MAX_ROWS} 行`, en: `${ws.actualRowCount - 1} rows, more than ${MAX_ROWS}` });
    throw invalidFields(problems);
  }
  const byHeader = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const header = plain(cell.value);
    if (header !== null) byHeader.set(String(header), col);
  });
  for (const column of REQUIRED) if (!byHeader.has(column)) at(null, null, { zh: `缺少列「${column}」`, en: `the column “${column}” is missing` });
  if (problems.length > 0) throw invalidFields(problems);

  const subfieldRows = await ctx.db.select({ id: subfields.id, code: subfields.code }).from(subfields).where(eq(subfields.programId, program.id));
  const subfieldByCode = new Map(subfieldRows.map((s) => [s.code.toUpperCase(), s.id]));
  const rows: Row[] = [];
  const seenEmails = new Map<string, number>();
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cell = (column: Column) => {
      const col = byHeader.get(column);
      const value = col ? plain(r.getCell(col).value) : null;
      return value === null ? '' : String(value).trim();
    };
    if (COLUMNS.every((c) => cell(c) === '')) return;
    const need = (column: Column) => {
      const value = cell(column);
      if (!value) at(rowNumber, column, { zh: '不能为空', en: 'must not be empty' });
      return value;
    };
    const name = need('姓名');
    const email = need('电子邮箱').toLowerCase();
    if (email && !EMAIL_PATTERN.test(email)) at(rowNumber, '电子邮箱', { zh: '电子邮箱格式不正确', en: 'not an e-mail address' });
    if (email && seenEmails.has(email)) at(rowNumber, '电子邮箱', { zh: `与第${seenEmails.get(email)}行重复`, en: `repeats row ${seenEmails.get(email)}` });
    if (email) seenEmails.set(email, rowNumber);
    const organizationName = need('工作单位');
    const code = (column: Column) => {
      const raw = cell(column);
      if (!raw) return null;
      const uscc = normalizeUscc(raw);
      const problem = usccProblem(uscc);
      if (problem) at(rowNumber, column, USCC_MESSAGES[problem]);
      return uscc;
    };
    const uscc = code('统一社会信用代码');
    const parentUscc = code('上级单位统一社会信用代码');
    const regionText = need('所在地区');
    const region = PROVINCES.find((p) => p.name === regionText || p.short === regionText || p.code === regionText);
    if (regionText && !region) at(rowNumber, '所在地区', { zh: `没有这个省级行政区：${regionText}`, en: `no such province: ${regionText}` });
    const subfieldIds: string[] = [];
    for (const token of cell('熟悉的细分领域').split(SPLIT).filter(Boolean)) {
      const id = subfieldByCode.get(token.toUpperCase());
      if (id) subfieldIds.push(id);
      else at(rowNumber, '熟悉的细分领域', { zh: `本项目没有细分领域 ${token}`, en: `the program has no subfield ${token}` });
    }
    const keywords = [...new Set(cell('研究方向关键词').split(SPLIT).filter(Boolean))];
    if (keywords.some((k) => [...k].length > 40)) at(rowNumber, '研究方向关键词', { zh: '每个关键词至多 40 个字', en: 'at most 40 characters per keyword' });
    rows.push({ row: rowNumber, name, email, organizationName, uscc, parentUscc, regionCode: region?.code ?? '', subfieldIds: [...new Set(subfieldIds)], keywords });
  });
  if (rows.length === 0 && problems.length === 0) at(null, null, { zh: '没有专家数据', en: 'no experts in the sheet' });
  const emails = rows.map((r) => r.email).filter(Boolean);
  if (emails.length > 0) {
    const taken = await ctx.db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
    for (const t of taken) {
      const row = rows.find((r) => r.email === t.email)!;
      at(row.row, '电子邮箱', { zh: `邮箱 ${t.email} 已有账户`, en: `${t.email} already has an account` });
    }
  }
  if (problems.length > 0) throw invalidFields(problems.slice(0, 200));

  // Each expert sets a password through a one-time link; nobody, the admin included, ever knows an initial one.
  const hashes = await Promise.all(rows.map(() => hashPassword(randomBytes(24).toString('base64url'))));
  return ctx.db.transaction(async (tx) => {
    const created: Array<{ name: string; email: string; link: string; expiresAt: string }> = [];
    for (const [i, r] of rows.entries()) {
      const user = await repo.insertUser(tx, { email: r.email, name: r.name, passwordHash: hashes[i]!, roles: ['expert'], passwordChangedAt: ctx.now });
      await tx.insert(expertProfiles).values({
        userId: user.id,
        organizationName: r.organizationName,
        organizationUscc: r.uscc,
        organizationParentUscc: r.parentUscc,
        regionCode: r.regionCode,
        subfieldIds: r.subfieldIds,
        keywords: r.keywords,
      });
      const link = await issueLink(tx, { purpose: 'reset', email: r.email, userId: user.id, createdBy: ctx.actor!.id, now: ctx.now });
      created.push({ name: r.name, email: r.email, link: link.path, expiresAt: link.expiresAt.toISOString() });
    }
    await audit(ctx, tx, { action: 'expert.import', objectType: 'program', objectId: program.id, details: { created: created.length } });
    return { created };
  });
}
