// R-1 as Excel: the quarter's changes and every section of the report, each against the previous
// quarter's end and the same quarter a year earlier, read from the frozen rows with the bands of
// cube/model/analysis/member_quarters.js (tests/api/member-quarters.test.ts checks the cells
// against SQL written separately). In the club's language, like the member exports.
import ExcelJS from 'exceljs';
import type { Db } from '../database/prisma.service.js';
import { LABELS } from '../members/import/columns.js';
import { isoDay, previousQuarter, quarterRange, type QuarterRange } from '../calendar/quarters.js';

interface Section {
  title: string;
  /** The category of a row of member_quarter_snapshots s (or of the unnested item x). */
  key: string;
  from?: string;
  label?: (k: string) => string;
  order?: string[];
}

const label = (group: keyof typeof LABELS) => (k: string) => (LABELS[group] as Record<string, string>)[k] ?? k;
const band = (col: string, edges: [number, string][], top: string) => `CASE ${edges.map(([e, l]) => `WHEN ${col} < ${e} THEN '${l}'`).join(' ')} ELSE '${top}' END`;

export const EXPORT_SECTIONS: Section[] = [
  { title: '按楼盘', key: `(SELECT p.name FROM projects p WHERE p.id = s."projectId")` },
  { title: '按区域', key: `(SELECT r.name FROM regions r WHERE r.code = s."regionCode")` },
  { title: '按年龄段（季末年龄）', key: band('s."ageYears"', [[30, '18-29'], [40, '30-39'], [50, '40-49'], [60, '50-59'], [70, '60-69']], '70+'), label: (k) => `${k} 岁`, order: ['18-29', '30-39', '40-49', '50-59', '60-69', '70+'] },
  { title: '按性别', key: 's.sex::text', label: label('sex') },
  { title: '按学历', key: `coalesce(s.education::text, '')`, label: (k) => (k ? label('education')(k) : '未填写') },
  { title: '按行业', key: `coalesce(s."businessType", '')`, label: (k) => k || '未填写' },
  { title: '按职位', key: `coalesce(s.position, '')`, label: (k) => k || '未填写' },
  { title: '按婚姻状况', key: 's."maritalStatus"::text', label: label('maritalStatus') },
  { title: '按子女数', key: band('s."childrenCount"', [[1, '0'], [2, '1'], [3, '2']], '3+'), label: (k) => `${k} 个`, order: ['0', '1', '2', '3+'] },
  { title: '按家庭人口', key: band('s."householdSize"', [[2, '1'], [3, '2'], [4, '3'], [5, '4']], '5+'), label: (k) => `${k} 人`, order: ['1', '2', '3', '4', '5+'] },
  { title: '按每户持卡数', key: 'least(s."cardsInHousehold", 3)::text', label: (k) => (k === '3' ? '3 张及以上' : `${k} 张`), order: ['0', '1', '2', '3'] },
  { title: '按是否有车', key: `CASE WHEN s."hasCar" THEN '有车' ELSE '无车' END` },
  { title: '按入会年限', key: band('s."tenureYears"', [[1, '不足 1 年'], [3, '1–2 年'], [5, '3–4 年'], [10, '5–9 年']], '10 年及以上'), order: ['不足 1 年', '1–2 年', '3–4 年', '5–9 年', '10 年及以上'] },
  { title: '按兴趣爱好', key: `(SELECT h."nameZh" FROM hobbies h WHERE h.id = x)`, from: 'unnest(s."hobbyIds") x' },
  { title: '按入会原因', key: 'x::text', from: 'unnest(s."joinReasons") x', label: label('joinReasons') },
];

type Counts = Map<string, number>;

async function sectionCounts(db: Db, section: Section, quarterEnd: string, region: string | null): Promise<Counts | null> {
  const from = `member_quarter_snapshots s${section.from ? `, ${section.from}` : ''}`;
  const rows = await db.$queryRawUnsafe<{ k: string | null; n: number }[]>(
    `SELECT ${section.key} AS k, count(*)::int AS n FROM ${from}
      WHERE s."quarterEnd" = $1::date AND s."memberAtEnd" AND ($2::text IS NULL OR s."regionCode" = $2) GROUP BY 1`,
    quarterEnd,
    region,
  );
  return new Map(rows.map((r) => [r.k ?? '', r.n]));
}

async function frozenEnds(db: Db, quarters: QuarterRange[]): Promise<Set<string>> {
  const runs = await db.memberQuarterRun.findMany({ where: { quarterEnd: { in: quarters.map((q) => q.end) } }, select: { quarterEnd: true } });
  return new Set(runs.map((r) => isoDay(r.quarterEnd)));
}

const quarterName = (q: QuarterRange) => `${q.year}年第${q.quarter}季度`;

/** The workbook of one ended, frozen quarter for the caller's region (null: the group club). */
export async function memberQuarterWorkbook(db: Db, q: QuarterRange, region: string | null, regionName: string | null): Promise<ExcelJS.Workbook> {
  const prev = previousQuarter(q);
  const year = quarterRange(q.year - 1, q.quarter);
  const frozen = await frozenEnds(db, [q, prev, year]);
  const at = (x: QuarterRange) => (frozen.has(isoDay(x.end)) ? isoDay(x.end) : null);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('季度会员分析');
  sheet.columns = [{ width: 28 }, { width: 12 }, { width: 12 }, { width: 10 }, { width: 14 }, { width: 10 }];
  sheet.addRow([`${quarterName(q)}会员特征分析${regionName ? `（${regionName}）` : ''}`]).font = { bold: true, size: 14 };
  sheet.addRow([`季度最后一天（${isoDay(q.end)}）的情况；对比为上季末（${isoDay(prev.end)}）和去年同季末（${isoDay(year.end)}）。`]);
  const header = ['类别', '本季末', '上季末', '变化', '去年同季末', '变化'];
  const line = (name: string, now: number, before: number | null, ago: number | null) =>
    sheet.addRow([name, now, before ?? '无数据', before === null ? '' : now - before, ago ?? '无数据', ago === null ? '' : now - ago]);

  // The quarter's changes first.
  const flow = async (end: string | null) => {
    if (!end) return null;
    const [r] = await db.$queryRaw<{ members: number; joined: number; left: number }[]>`
      SELECT count(*) FILTER (WHERE "memberAtEnd")::int members, count(*) FILTER (WHERE "joinedInQuarter")::int joined, count(*) FILTER (WHERE "leftInQuarter")::int "left"
        FROM member_quarter_snapshots WHERE "quarterEnd" = ${end}::date AND (${region}::text IS NULL OR "regionCode" = ${region})`;
    return r;
  };
  const [fNow, fPrev, fYear] = await Promise.all([flow(at(q)), flow(at(prev)), flow(at(year))]);
  sheet.addRow([]);
  sheet.addRow(['本季变化']).font = { bold: true };
  sheet.addRow(header).font = { bold: true };
  for (const [k, name] of [['members', '季末会员'], ['joined', '本季入会'], ['left', '本季退会']] as const) {
    line(name, fNow?.[k] ?? 0, fPrev ? fPrev[k] : null, fYear ? fYear[k] : null);
  }

  for (const section of EXPORT_SECTIONS) {
    const [now, before, ago] = await Promise.all([at(q), at(prev), at(year)].map((end) => (end ? sectionCounts(db, section, end, region) : Promise.resolve(null))));
    const keys = new Set([...(now?.keys() ?? []), ...(before?.keys() ?? []), ...(ago?.keys() ?? [])]);
    const order = section.order;
    const sorted = [...keys].sort((a, b) => (order ? order.indexOf(a) - order.indexOf(b) : (now?.get(b) ?? 0) - (now?.get(a) ?? 0) || a.localeCompare(b)));
    sheet.addRow([]);
    sheet.addRow([section.title]).font = { bold: true };
    sheet.addRow(header).font = { bold: true };
    for (const k of sorted) line(section.label ? section.label(k) : k || '未填写', now?.get(k) ?? 0, before ? (before.get(k) ?? 0) : null, ago ? (ago.get(k) ?? 0) : null);
  }
  return wb;
}
