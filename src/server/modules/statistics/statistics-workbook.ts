// The public statistics as an Excel workbook: one sheet per chart of the statistics page, the same figures.
import ExcelJS from 'exceljs';
import type { PublicStatistics } from '../../../shared/schemas/statistics.js';

const KIND = { enterprise: '企业', institute: '科研院所', university: '高等院校', other: '其他' } as const;
const UNIT_KIND: Record<string, string> = { province: '省级工业和信息化主管部门', central_enterprise: '中央企业', association: '行业组织' };
const COMPARATOR: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

function sheet(wb: ExcelJS.Workbook, name: string, columns: Array<{ header: string; width: number }>, rows: unknown[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.getRow(1).values = columns.map((c) => c.header);
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const row of rows) ws.addRow(row);
}

export async function statisticsWorkbook(stats: PublicStatistics, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiebang';
  wb.title = `${title} 申报统计`;
  sheet(wb, '说明', [{ header: '项目', width: 60 }], [[title], [`统计时间：${stats.computedAt}`], ['口径：已提交且未撤回的申报；不足 3 份申报的指标单元格不予显示。']]);
  sheet(
    wb,
    '按方向',
    [{ header: '方向编号', width: 12 }, { header: '方向', width: 36 }, { header: '类别', width: 12 }, { header: '申报数', width: 10 }],
    stats.byDirection.map((d) => [d.code, d.name, d.group, d.count]),
  );
  sheet(
    wb,
    '按细分领域',
    [{ header: '方向', width: 30 }, { header: '细分领域编号', width: 14 }, { header: '细分领域', width: 36 }, { header: '申报数', width: 10 }],
    stats.byDirection.flatMap((d) => d.subfields.map((s) => [d.name, s.code, s.name, s.count])),
  );
  sheet(
    wb,
    '按地区',
    [{ header: '行政区划代码', width: 14 }, { header: '地区', width: 24 }, { header: '申报数', width: 10 }],
    stats.byRegion.map((r) => [r.regionCode, r.name, r.count]),
  );
  sheet(wb, '按单位类型', [{ header: '单位类型', width: 14 }, { header: '申报数', width: 10 }], stats.byKind.map((k) => [KIND[k.kind], k.count]));
  sheet(
    wb,
    '推荐单位',
    [{ header: '推荐单位', width: 36 }, { header: '类型', width: 24 }, { header: '申报数', width: 10 }, { header: '推荐数', width: 10 }],
    stats.recommenders.units.map((u) => [u.name, UNIT_KIND[u.kind] ?? u.kind, u.applications, u.recommended]),
  );
  sheet(
    wb,
    '指标目标',
    [
      { header: '细分领域', width: 12 },
      { header: '指标编号', width: 14 },
      { header: '指标', width: 36 },
      { header: '单位', width: 10 },
      { header: '规划目标', width: 14 },
      { header: '申报数', width: 10 },
      { header: '优于规划目标的比例', width: 20 },
      { header: '目标下四分位数', width: 16 },
      { header: '目标中位数', width: 14 },
      { header: '目标上四分位数', width: 16 },
    ],
    stats.ambition.map((a) => [
      a.subfieldCode,
      a.code,
      a.name,
      a.unit,
      a.plan ? `${COMPARATOR[a.plan.comparator] ?? a.plan.comparator}${a.plan.value}` : a.kind === 'boolean' ? '达到' : '',
      a.suppressed ? '不足3份，不予显示' : a.n,
      a.beatsPlan,
      a.p25,
      a.median,
      a.p75,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
