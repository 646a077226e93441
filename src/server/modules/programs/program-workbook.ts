// A program as an Excel workbook (one sheet per level) and back. Reading never trusts the file: it refuses what is
// not an .xlsx (or would unpack to something huge), reads cells by their header, converts each by its column's type,
// and locates every problem by sheet, row and column (e.g. 指标表 第12行 单位：数值指标须有单位).
import ExcelJS from 'exceljs';
import type { $ZodIssue } from 'zod/v4/core';
import { programDocument, type ProgramDocument } from '../../../shared/schemas/program-document.js';
import { PHASE_KEYS, type PhaseKey } from '../../../shared/schemas/system.js';
import type { Localized } from '../../http/app-error.js';
import { describeIssue } from '../../http/validation.js';
import type { Problem } from './catalogue-rules.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows per sheet; the built-in program has 114 indicators, so this leaves room for any real catalogue. */
export const MAX_ROWS = 5000;
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2000;

export const PHASE_NAMES_ZH: Record<PhaseKey, string> = {
  application: '申报',
  recommendation: '推荐',
  review: '评审',
  finalist_notice: '入围公示',
  attack: '攻关',
  evaluation: '测评',
  winner_notice: '优胜公示',
};

type CellKind = 'text' | 'int' | 'number' | 'bool' | 'datetime' | { labels: Record<string, string> };
interface Column {
  header: string;
  /** Where the value goes in the document entry, dotted for nested fields (planTarget.text). */
  field: string;
  kind: CellKind;
  width?: number;
}
interface SheetSpec {
  name: string;
  columns: Column[];
}

const YES = '是';
const NO = '否';
const KIND_LABELS = { 数值: 'number', 是否: 'boolean', 文本: 'text' };
const BETTER_LABELS = { 越高越好: 'higher', 越低越好: 'lower' };
const ROUND_PHASE_LABELS = { 评审: 'review', 测评: 'evaluation' };
const COMPARATOR_LABELS = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '≤': '<=', '≥': '>=', '＜': '<', '＞': '>' };
const PHASE_LABELS = Object.fromEntries(PHASE_KEYS.map((k) => [PHASE_NAMES_ZH[k], k]));
const GROUP_LABELS = { 智能产品: '智能产品', 核心基础: '核心基础', 智能制造: '智能制造', 支撑体系: '支撑体系' };

const entryColumns: Column[] = [
  { header: '名称', field: 'name', kind: 'text', width: 28 },
  { header: '英文名称', field: 'nameEn', kind: 'text', width: 28 },
];
const provenanceColumns: Column[] = [
  { header: '已确认', field: 'confirmed', kind: 'bool', width: 8 },
  { header: '来源', field: 'source', kind: 'text', width: 30 },
  { header: '备注', field: 'note', kind: 'text', width: 20 },
  { header: '已停用', field: 'retired', kind: 'bool', width: 8 },
];

export const SHEETS = {
  program: { name: '项目', columns: [] },
  phases: {
    name: '阶段',
    columns: [
      { header: '阶段', field: 'key', kind: { labels: PHASE_LABELS }, width: 12 },
      { header: '开始时间', field: 'opensAt', kind: 'datetime', width: 20 },
      { header: '截止时间', field: 'closesAt', kind: 'datetime', width: 20 },
    ],
  },
  sections: {
    name: '章节',
    columns: [
      { header: '键', field: 'key', kind: 'text', width: 14 },
      { header: '标题', field: 'title', kind: 'text', width: 28 },
      { header: '必填', field: 'required', kind: 'bool', width: 8 },
      { header: '字数上限', field: 'maxLength', kind: 'int', width: 10 },
    ],
  },
  rounds: {
    name: '评审轮次',
    columns: [
      { header: '轮次键', field: 'key', kind: 'text', width: 12 },
      { header: '名称', field: 'name', kind: 'text', width: 16 },
      { header: '英文名称', field: 'nameEn', kind: 'text', width: 22 },
      { header: '所属阶段', field: 'phase', kind: { labels: ROUND_PHASE_LABELS }, width: 10 },
    ],
  },
  criteria: {
    name: '评审标准',
    columns: [
      { header: '轮次键', field: 'round', kind: 'text', width: 12 },
      { header: '标准键', field: 'key', kind: 'text', width: 14 },
      { header: '名称', field: 'label', kind: 'text', width: 22 },
      { header: '英文名称', field: 'labelEn', kind: 'text', width: 30 },
      { header: '权重', field: 'weight', kind: 'number', width: 8 },
      { header: '满分', field: 'maxScore', kind: 'int', width: 8 },
    ],
  },
  directions: {
    name: '方向表',
    columns: [
      { header: '编号', field: 'code', kind: 'text', width: 10 },
      { header: '类别', field: 'group', kind: { labels: GROUP_LABELS }, width: 10 },
      ...entryColumns,
      { header: '目标摘要', field: 'planSummary', kind: 'text', width: 40 },
      ...provenanceColumns,
    ],
  },
  subfields: {
    name: '细分领域表',
    columns: [
      { header: '方向编号', field: 'direction', kind: 'text', width: 10 },
      { header: '编号', field: 'code', kind: 'text', width: 10 },
      ...entryColumns,
      { header: '入围名额', field: 'finalistsQuota', kind: 'int', width: 9 },
      { header: '优胜名额', field: 'winnersQuota', kind: 'int', width: 9 },
      ...provenanceColumns,
    ],
  },
  indicators: {
    name: '指标表',
    columns: [
      { header: '细分领域编号', field: 'subfield', kind: 'text', width: 12 },
      { header: '编号', field: 'code', kind: 'text', width: 12 },
      ...entryColumns,
      { header: '类型', field: 'kind', kind: { labels: KIND_LABELS }, width: 8 },
      { header: '单位', field: 'unit', kind: 'text', width: 8 },
      { header: '优化方向', field: 'better', kind: { labels: BETTER_LABELS }, width: 10 },
      { header: '计划目标', field: 'planTarget.text', kind: 'text', width: 30 },
      { header: '比较符', field: 'planTarget.comparator', kind: { labels: COMPARATOR_LABELS }, width: 8 },
      { header: '目标值', field: 'planTarget.value', kind: 'number', width: 10 },
      ...provenanceColumns,
    ],
  },
} satisfies Record<string, SheetSpec>;

/** The 项目 sheet is a list of 字段 | 值 rows rather than a table. */
const PROGRAM_FIELDS: Array<{ label: string; field: string; kind: CellKind }> = [
  { label: '项目编号', field: 'code', kind: 'text' },
  { label: '名称', field: 'title', kind: 'text' },
  { label: '英文名称', field: 'titleEn', kind: 'text' },
  { label: '简介', field: 'description', kind: 'text' },
  { label: '英文简介', field: 'descriptionEn', kind: 'text' },
  { label: '每个细分领域入围名额', field: 'quotas.finalistsPerSubfield', kind: 'int' },
  { label: '每个细分领域优胜名额', field: 'quotas.winnersPerSubfield', kind: 'int' },
  { label: '每家单位申报上限', field: 'quotas.applicationsPerApplicant', kind: 'int' },
  { label: '每个推荐单位每方向推荐上限', field: 'quotas.recommendationsPerDirection', kind: 'int' },
];

// ── Writing ───────────────────────────────────────────────────────────────────────────────────────────────────

const BEIJING_MS = 8 * 3_600_000;

/** "2026-11-25 09:00" in Beijing time. */
function beijingText(iso: string): string {
  return new Date(Date.parse(iso) + BEIJING_MS).toISOString().slice(0, 16).replace('T', ' ');
}

const labelOf = (labels: Record<string, string>, value: string | null | undefined) =>
  value === null || value === undefined ? null : (Object.entries(labels).find(([, v]) => v === value)?.[0] ?? value);
const yesNo = (b: boolean) => (b ? YES : NO);

function addTable(wb: ExcelJS.Workbook, spec: SheetSpec, rows: Array<Array<string | number | null>>): void {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  // Drop-down lists for the columns that take fixed values, over the rows in use and room for new ones.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  spec.columns.forEach((c, i) => {
    const choices = c.kind === 'bool' ? [YES, NO] : typeof c.kind === 'object' ? [...new Set(Object.keys(c.kind.labels))].slice(0, 12) : null;
    if (!choices) return;
    const letter = ws.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${Math.max(rows.length + 200, 500)}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${choices.join(',')}"`],
      showErrorMessage: true,
      errorTitle: spec.name,
      error: `请选择：${choices.join('、')}`,
    });
  });
}

export async function writeProgramWorkbook(doc: ProgramDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiebang';
  const guide = wb.addWorksheet('说明');
  guide.getColumn(1).width = 110;
  [
    `揭榜挂帅项目导入导出文件（项目 ${doc.program.code}）`,
    '每张工作表对应一个层级：项目、阶段、章节、评审轮次、评审标准、方向表、细分领域表、指标表。第一行是列名，请勿修改列名。',
    '细分领域表用「方向编号」、指标表用「细分领域编号」、评审标准用「轮次键」指向上一层级。',
    '时间均为北京时间，格式如 2026-11-25 09:00。是否类的列填「是」或「否」；类型填 数值、是否 或 文本。',
    '数值指标须填单位和优化方向；计划目标可附比较符（<、<=、>、>=）和目标值，两者须同时填写。',
    '导入时整份文件一起检查：任何一处有误都不会导入，并按工作表、行和列列出每个问题。本「说明」表在导入时忽略。',
  ].forEach((line, i) => {
    guide.getCell(i + 1, 1).value = line;
  });
  guide.getRow(1).font = { bold: true, size: 13 };

  const p = doc.program;
  const programSheet = wb.addWorksheet(SHEETS.program.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  programSheet.columns = [
    { header: '字段', width: 24 },
    { header: '值', width: 80 },
  ];
  programSheet.getRow(1).font = { bold: true };
  const programValues: Record<string, string | number> = {
    code: p.code,
    title: p.title,
    titleEn: p.titleEn,
    description: p.description,
    descriptionEn: p.descriptionEn,
    'quotas.finalistsPerSubfield': p.quotas.finalistsPerSubfield,
    'quotas.winnersPerSubfield': p.quotas.winnersPerSubfield,
    'quotas.applicationsPerApplicant': p.quotas.applicationsPerApplicant,
    ...(p.quotas.recommendationsPerDirection !== null ? { 'quotas.recommendationsPerDirection': p.quotas.recommendationsPerDirection } : {}),
  };
  for (const f of PROGRAM_FIELDS) programSheet.addRow([f.label, programValues[f.field] ?? '']);

  addTable(wb, SHEETS.phases, p.phases.map((ph) => [PHASE_NAMES_ZH[ph.key], beijingText(ph.opensAt), beijingText(ph.closesAt)]));
  addTable(wb, SHEETS.sections, p.sections.map((s) => [s.key, s.title, yesNo(s.required), s.maxLength]));
  addTable(wb, SHEETS.rounds, p.reviewRounds.map((r) => [r.key, r.name, r.nameEn, labelOf(ROUND_PHASE_LABELS, r.phase)]));
  addTable(
    wb,
    SHEETS.criteria,
    p.reviewRounds.flatMap((r) => r.criteria.map((c) => [r.key, c.key, c.label, c.labelEn, c.weight, c.maxScore])),
  );
  const provenance = (e: { confirmed: boolean; source: string; note: string; retired: boolean }) => [yesNo(e.confirmed), e.source, e.note, yesNo(e.retired)];
  addTable(
    wb,
    SHEETS.directions,
    doc.directions.map((d) => [d.code, d.group, d.name, d.nameEn, d.planSummary, ...provenance(d)]),
  );
  addTable(
    wb,
    SHEETS.subfields,
    doc.directions.flatMap((d) => d.subfields.map((s) => [d.code, s.code, s.name, s.nameEn, s.finalistsQuota, s.winnersQuota, ...provenance(s)])),
  );
  addTable(
    wb,
    SHEETS.indicators,
    doc.directions.flatMap((d) =>
      d.subfields.flatMap((s) =>
        s.indicators.map((i) => [
          s.code,
          i.code,
          i.name,
          i.nameEn,
          labelOf(KIND_LABELS, i.kind),
          i.unit,
          labelOf(BETTER_LABELS, i.better),
          i.planTarget?.text ?? null,
          i.planTarget?.comparator ?? null,
          i.planTarget?.value ?? null,
          ...provenance(i),
        ]),
      ),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ── Reading ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Where a problem is: a sheet, and when known a row and a column (by header and letter). */
interface Place {
  sheet: string;
  row?: number;
  header?: string;
  letter?: string;
}

function placeText(place: Place, lang: 'zh' | 'en'): string {
  const parts = [place.sheet];
  if (place.row !== undefined) parts.push(lang === 'zh' ? `第${place.row}行` : `row ${place.row}`);
  if (place.header) parts.push(place.header);
  return parts.join(lang === 'zh' ? ' ' : ', ');
}

function located(place: Place, message: Localized): Problem {
  const cell = place.row !== undefined ? `!${place.letter ?? ''}${place.row}` : '';
  return {
    path: `${place.sheet}${cell}`,
    message: { zh: `${placeText(place, 'zh')}：${message.zh}`, en: `${placeText(place, 'en')}: ${message.en}` },
  };
}

/** Refuses anything that is not a zip archive of sensible unpacked size (xlsx files are zip archives). */
export function checkZipEnvelope(buffer: Buffer): Localized | null {
  const notXlsx = { zh: '文件不是有效的 Excel 工作簿（.xlsx）', en: 'The file is not a valid Excel workbook (.xlsx)' };
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== 0x04034b50) return notXlsx;
  // The end-of-central-directory record is in the last 65,557 bytes.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i -= 1) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return notXlsx;
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (entries > MAX_ZIP_ENTRIES) return notXlsx;
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return notXlsx;
    total += buffer.readUInt32LE(offset + 24);
    if (total > MAX_UNPACKED_BYTES) {
      return { zh: '工作簿解压后过大，已拒绝', en: 'The workbook unpacks to too much data and was refused' };
    }
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return null;
}

type Raw = string | number | boolean | Date | null;

export function plain(value: ExcelJS.CellValue): Raw {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return plain(value.richText.map((t) => t.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return plain(value.text);
    if ('error' in value) return `#${String(value.error)}`;
  }
  return String(value);
}

type Converted = { ok: true; value: unknown } | { ok: false; message: Localized };

function convert(raw: Raw, kind: CellKind): Converted {
  if (raw === null) return { ok: true, value: undefined };
  if (kind === 'text') return { ok: true, value: raw instanceof Date ? raw.toISOString() : String(raw) };
  if (kind === 'int' || kind === 'number') {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[+-]?\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(n)) return { ok: false, message: { zh: '应为数字', en: 'must be a number' } };
    if (kind === 'int' && !Number.isInteger(n)) return { ok: false, message: { zh: '应为整数', en: 'must be a whole number' } };
    return { ok: true, value: n };
  }
  if (kind === 'bool') {
    if (typeof raw === 'boolean') return { ok: true, value: raw };
    const text = String(raw).toLowerCase();
    if ([YES, 'true', 'yes', 'y'].includes(text)) return { ok: true, value: true };
    if ([NO, 'false', 'no', 'n'].includes(text)) return { ok: true, value: false };
    return { ok: false, message: { zh: `应填「${YES}」或「${NO}」`, en: `must be ${YES} (yes) or ${NO} (no)` } };
  }
  if (kind === 'datetime') {
    if (raw instanceof Date) {
      // Excel keeps wall-clock times without a zone; the file's times are Beijing time.
      return { ok: true, value: new Date(raw.getTime() - BEIJING_MS).toISOString() };
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(String(raw));
    const ms = m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}+08:00`) : NaN;
    if (!Number.isFinite(ms)) return { ok: false, message: { zh: '应为时间，如 2026-11-25 09:00', en: 'must be a time such as 2026-11-25 09:00' } };
    return { ok: true, value: new Date(ms).toISOString() };
  }
  const text = String(raw);
  const value = kind.labels[text] ?? (Object.values(kind.labels).includes(text) ? text : undefined);
  if (value === undefined) {
    const choices = [...new Set(Object.keys(kind.labels))].join('、');
    return { ok: false, message: { zh: `应为以下之一：${choices}`, en: `must be one of: ${choices}` } };
  }
  return { ok: true, value };
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

interface ReadRow {
  row: number;
  values: Record<string, unknown>;
}

/** Everything learnt while reading: problems so far, and where each part of the document came from. */
class Reading {
  readonly problems: Problem[] = [];
  /** Cells already reported (sheet!A12), so a later check does not report them twice. */
  readonly reported = new Set<string>();
  /** Document path of an entry → its sheet and row, and the sheet's column letters by field. */
  readonly places = new Map<string, { sheet: SheetSpec; row: number; letters: Map<string, string> }>();
  readonly programPlaces = new Map<string, Place>();

  report(place: Place, message: Localized): void {
    const problem = located(place, message);
    if (place.row !== undefined) {
      if (this.reported.has(problem.path)) return;
      this.reported.add(problem.path);
    }
    this.problems.push(problem);
  }

  /** The cell (or row, or sheet) a document path points to. */
  placeOf(path: string): Place | null {
    const program = this.programPlaces.get(path);
    if (program) return program;
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n -= 1) {
      const entry = this.places.get(parts.slice(0, n).join('.'));
      if (!entry) continue;
      const rest = parts.slice(n).join('.');
      const column =
        entry.sheet.columns.find((c) => c.field === rest) ??
        entry.sheet.columns.find((c) => rest !== '' && c.field.startsWith(`${rest}.`)) ??
        entry.sheet.columns.find((c) => rest !== '' && rest.startsWith(`${c.field}.`));
      return { sheet: entry.sheet.name, row: entry.row, header: column?.header, letter: column ? entry.letters.get(column.field) : undefined };
    }
    return null;
  }
}

function readTable(ws: ExcelJS.Worksheet | undefined, spec: SheetSpec, reading: Reading): { rows: ReadRow[]; letters: Map<string, string> } {
  const letters = new Map<string, string>();
  if (!ws) {
    reading.report({ sheet: spec.name }, { zh: '缺少该工作表', en: 'this sheet is missing' });
    return { rows: [], letters };
  }
  if (ws.actualRowCount > MAX_ROWS + 1) {
    reading.report(
      { sheet: spec.name },
      { zh: `共 ${ws.actualRowCount - 1} 行，超过上限 ${MAX_ROWS} 行`, en: `${ws.actualRowCount - 1} rows, more than the limit of ${MAX_ROWS}` },
    );
    return { rows: [], letters };
  }
  const byHeader = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const header = plain(cell.value);
    if (header === null) return;
    const text = String(header);
    const column = spec.columns.find((c) => c.header === text);
    if (!column) {
      reading.report({ sheet: spec.name }, { zh: `未知的列「${text}」`, en: `unknown column “${text}”` });
    } else if (byHeader.has(text)) {
      reading.report({ sheet: spec.name }, { zh: `列「${text}」重复`, en: `the column “${text}” repeats` });
    } else {
      byHeader.set(text, col);
      letters.set(column.field, ws.getColumn(col).letter);
    }
  });
  const missing = spec.columns.filter((c) => !byHeader.has(c.header));
  for (const c of missing) reading.report({ sheet: spec.name }, { zh: `缺少列「${c.header}」`, en: `the column “${c.header}” is missing` });
  if (missing.length > 0) return { rows: [], letters };

  const rows: ReadRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const raws = spec.columns.map((c) => plain(row.getCell(byHeader.get(c.header)!).value));
    if (raws.every((r) => r === null)) return;
    const values: Record<string, unknown> = {};
    spec.columns.forEach((c, i) => {
      const converted = convert(raws[i]!, c.kind);
      if (converted.ok) {
        if (converted.value !== undefined) setPath(values, c.field, converted.value);
      } else {
        reading.report({ sheet: spec.name, row: rowNumber, header: c.header, letter: letters.get(c.field) }, converted.message);
      }
    });
    rows.push({ row: rowNumber, values });
  });
  return { rows, letters };
}

function readProgramSheet(ws: ExcelJS.Worksheet | undefined, reading: Reading): Record<string, unknown> {
  const program: Record<string, unknown> = {};
  const sheet = SHEETS.program.name;
  if (!ws) {
    reading.report({ sheet }, { zh: '缺少该工作表', en: 'this sheet is missing' });
    return program;
  }
  const seen = new Set<string>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1 || rowNumber > 100) return;
    const label = plain(row.getCell(1).value);
    if (label === null) return;
    const field = PROGRAM_FIELDS.find((f) => f.label === String(label));
    if (!field) {
      reading.report({ sheet, row: rowNumber, header: '字段', letter: 'A' }, { zh: `未知字段「${String(label)}」`, en: `unknown field “${String(label)}”` });
      return;
    }
    const place = { sheet, row: rowNumber, header: field.label, letter: 'B' };
    if (seen.has(field.field)) {
      reading.report(place, { zh: '该字段重复', en: 'this field repeats' });
      return;
    }
    seen.add(field.field);
    reading.programPlaces.set(`program.${field.field}`, place);
    const converted = convert(plain(row.getCell(2).value), field.kind);
    if (!converted.ok) reading.report(place, converted.message);
    else if (converted.value !== undefined) setPath(program, field.field, converted.value);
  });
  for (const f of PROGRAM_FIELDS) {
    if (!reading.programPlaces.has(`program.${f.field}`)) reading.programPlaces.set(`program.${f.field}`, { sheet, header: f.label });
  }
  return program;
}

/** Groups child rows under their parents by the parent's code; a code that names no parent is a located problem. */
function attach(
  children: ReadRow[],
  parentField: string,
  parents: Map<string, unknown[]>,
  spec: SheetSpec,
  letters: Map<string, string>,
  reading: Reading,
  what: Localized,
  place: (child: ReadRow, parentCode: string, index: number) => string,
): void {
  for (const child of children) {
    const code = child.values[parentField];
    delete child.values[parentField];
    const column = spec.columns.find((c) => c.field === parentField)!;
    const cell = { sheet: spec.name, row: child.row, header: column.header, letter: letters.get(parentField) };
    if (typeof code !== 'string') {
      reading.report(cell, { zh: '不能为空', en: 'must not be empty' });
      continue;
    }
    const list = parents.get(code);
    if (!list) {
      reading.report(cell, { zh: `没有编号为 ${code} 的${what.zh}`, en: `there is no ${what.en} ${code}` });
      continue;
    }
    reading.places.set(place(child, code, list.length), { sheet: spec, row: child.row, letters });
    list.push(child.values);
  }
}

export type WorkbookResult = { ok: true; document: ProgramDocument } | { ok: false; problems: Problem[] };

/** Reads a workbook into a program document, or every located problem. `crossChecks` adds the document's own rules. */
export async function readProgramWorkbook(buffer: Buffer, crossChecks: (doc: ProgramDocument) => Problem[]): Promise<WorkbookResult> {
  const envelope = checkZipEnvelope(buffer);
  if (envelope) return { ok: false, problems: [{ path: 'file', message: envelope }] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ path: 'file', message: { zh: '文件不是有效的 Excel 工作簿（.xlsx）', en: 'The file is not a valid Excel workbook (.xlsx)' } }] };
  }
  const reading = new Reading();
  const program = readProgramSheet(wb.getWorksheet(SHEETS.program.name), reading);
  const table = (spec: SheetSpec) => readTable(wb.getWorksheet(spec.name), spec, reading);

  const phases = table(SHEETS.phases);
  phases.rows.forEach((r, i) => reading.places.set(`program.phases.${i}`, { sheet: SHEETS.phases, row: r.row, letters: phases.letters }));
  const sections = table(SHEETS.sections);
  sections.rows.forEach((r, i) => reading.places.set(`program.sections.${i}`, { sheet: SHEETS.sections, row: r.row, letters: sections.letters }));

  const rounds = table(SHEETS.rounds);
  const criteriaByRound = new Map<string, unknown[]>();
  const roundIndex = new Map<string, number>();
  rounds.rows.forEach((r, i) => {
    reading.places.set(`program.reviewRounds.${i}`, { sheet: SHEETS.rounds, row: r.row, letters: rounds.letters });
    const criteria: unknown[] = [];
    r.values.criteria = criteria;
    if (typeof r.values.key === 'string' && !criteriaByRound.has(r.values.key)) {
      criteriaByRound.set(r.values.key, criteria);
      roundIndex.set(r.values.key, i);
    }
  });
  const criteria = table(SHEETS.criteria);
  attach(criteria.rows, 'round', criteriaByRound, SHEETS.criteria, criteria.letters, reading, { zh: '评审轮次', en: 'review round' }, (_c, code, n) => {
    return `program.reviewRounds.${roundIndex.get(code)}.criteria.${n}`;
  });

  const directionRows = table(SHEETS.directions);
  const subfieldsByDirection = new Map<string, unknown[]>();
  const directionIndex = new Map<string, number>();
  directionRows.rows.forEach((r, i) => {
    reading.places.set(`directions.${i}`, { sheet: SHEETS.directions, row: r.row, letters: directionRows.letters });
    const subs: unknown[] = [];
    r.values.subfields = subs;
    if (typeof r.values.code === 'string' && !subfieldsByDirection.has(r.values.code)) {
      subfieldsByDirection.set(r.values.code, subs);
      directionIndex.set(r.values.code, i);
    }
  });
  const subfieldRows = table(SHEETS.subfields);
  const indicatorsBySubfield = new Map<string, unknown[]>();
  const subfieldPath = new Map<string, string>();
  attach(subfieldRows.rows, 'direction', subfieldsByDirection, SHEETS.subfields, subfieldRows.letters, reading, { zh: '方向', en: 'direction' }, (child, code, n) => {
    const path = `directions.${directionIndex.get(code)}.subfields.${n}`;
    const inds: unknown[] = [];
    child.values.indicators = inds;
    child.values.finalistsQuota ??= null;
    child.values.winnersQuota ??= null;
    if (typeof child.values.code === 'string' && !indicatorsBySubfield.has(child.values.code)) {
      indicatorsBySubfield.set(child.values.code, inds);
      subfieldPath.set(child.values.code, path);
    }
    return path;
  });
  const indicatorRows = table(SHEETS.indicators);
  for (const r of indicatorRows.rows) {
    const target = r.values.planTarget as Record<string, unknown> | undefined;
    r.values.planTarget = target ?? null;
    r.values.better ??= null;
  }
  attach(indicatorRows.rows, 'subfield', indicatorsBySubfield, SHEETS.indicators, indicatorRows.letters, reading, { zh: '细分领域', en: 'subfield' }, (_c, code, n) => {
    return `${subfieldPath.get(code)}.indicators.${n}`;
  });

  const candidate = {
    format: 'jiebang-program',
    version: 1,
    program: { ...program, phases: phases.rows.map((r) => r.values), sections: sections.rows.map((r) => r.values), reviewRounds: rounds.rows.map((r) => r.values) },
    directions: directionRows.rows.map((r) => r.values),
  };
  const parsed = programDocument.safeParse(candidate);
  const place = (path: string): Place => reading.placeOf(path) ?? { sheet: sheetOfPath(path) };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reading.report(place(issue.path.join('.')), issueMessage(issue));
  } else if (reading.problems.length === 0) {
    for (const problem of crossChecks(parsed.data)) reading.report(place(problem.path), problem.message);
  }
  if (reading.problems.length > 0 || !parsed.success) return { ok: false, problems: reading.problems };
  return { ok: true, document: parsed.data };
}

function issueMessage(issue: $ZodIssue): Localized {
  // A blank cell is a missing value.
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return { zh: '不能为空', en: 'must not be empty' };
  if (issue.code === 'unrecognized_keys') return { zh: `未知字段 ${issue.keys.join('、')}`, en: `unknown fields ${issue.keys.join(', ')}` };
  return { zh: describeIssue(issue, 'zh'), en: describeIssue(issue, 'en') };
}

/** For a problem with no row (e.g. too many entries), the sheet its list lives on. */
function sheetOfPath(path: string): string {
  if (path.includes('indicators')) return SHEETS.indicators.name;
  if (path.includes('subfields')) return SHEETS.subfields.name;
  if (path.startsWith('directions')) return SHEETS.directions.name;
  if (path.includes('criteria')) return SHEETS.criteria.name;
  if (path.includes('reviewRounds')) return SHEETS.rounds.name;
  if (path.includes('sections')) return SHEETS.sections.name;
  if (path.includes('phases')) return SHEETS.phases.name;
  return SHEETS.program.name;
}
