// Member import at scale: a 100,000-row appendix-1 sheet through the real ImportService (the same
// code POST /api/imports runs in the background). Prints seconds, rows/s and peak RSS.
//   npm run bench -- import [--rows 100000] [--mode VALID_ONLY|ALL_OR_NOTHING]
//
// Data: seedClub with 100 members gives the reference data (regions, hobbies, a few projects);
// a project 基准花园 with rows/2 units, households and one owner each is then added in bulk SQL.
// The sheet has two rows per household: the owner (业主本人, the owner's own ID number) and the
// owner's spouse (配偶), so every row is valid and passes the full M-2 check; every third owner
// has a child (子女). A second import of
// the same file measures the "nothing new, all skipped" path.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { seedClub } from '../prisma/seed/seed-club.ts';
import { idNumberFor } from '../prisma/seed/factories.ts';
import { AuditService } from '../server/src/audit/audit.service.ts';
import { ROLE_PERMISSIONS } from '../server/src/auth/permissions.ts';
import type { RequestContext } from '../server/src/auth/current-user.ts';
import { loadConfig } from '../server/src/config/app-config.ts';
import { migrate } from '../server/src/database/migrate.ts';
import { createPrismaClient } from '../server/src/database/prisma.service.ts';
import { IMPORT_COLUMNS } from '../server/src/members/import/columns.ts';
import { ImportService, type ImportMode } from '../server/src/members/import/import.service.ts';
import { openDatabase } from './lib/database.ts';
import { machineLine } from './lib/machine.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    mode: { type: 'string', default: 'VALID_ONLY' },
    database: { type: 'string', default: 'club_bench_import' },
    // Internal: the import itself runs in a fresh child process so its RSS is the import's own.
    child: { type: 'string' },
    url: { type: 'string' },
    label: { type: 'string' },
  },
});
const rowsWanted = Number(values.rows);
const households = Math.ceil(rowsWanted / 2);
const mode = values.mode as ImportMode;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
if (values.child) {
  await importInThisProcess(values.url!, values.child, values.mode as ImportMode, values.label ?? 'import');
  process.exit(0);
}

console.log(machineLine());
const handle = await openDatabase({ database: values.database, reset: true });
await migrate(handle.url);
const db = createPrismaClient(handle.url);

let t0 = Date.now();
await seedClub(db, { members: 100, demoAccounts: false });
const region = await db.region.findFirstOrThrow({ where: { code: 'NJ' } });
const project = await db.project.create({ data: { code: 'PBENCH', name: '基准花园', regionCode: region.code, city: '南京市', address: '南京市江宁区基准路1号' } });
const BUILDINGS = Math.max(1, Math.ceil(households / 500));
await db.$executeRaw`INSERT INTO buildings ("projectId", name, "sortOrder") SELECT ${project.id}, g || '栋', g FROM generate_series(1, ${BUILDINGS}) g`;
// 50 floors × 10 doors per building; only as many units as households are needed.
await db.$executeRaw`
  INSERT INTO units ("projectId", "buildingId", number, floor)
  SELECT ${project.id}, b.id, f || lpad(d::text, 2, '0'), f
  FROM buildings b, generate_series(1, 50) f, generate_series(1, 10) d
  WHERE b."projectId" = ${project.id}
  ORDER BY b."sortOrder", f, d
  LIMIT ${households}`;
await db.$executeRaw`INSERT INTO households ("unitId", "projectId") SELECT id, "projectId" FROM units WHERE "projectId" = ${project.id}`;
const hh = await db.$queryRaw<{ id: number; building: string; unit: string }[]>`
  SELECT h.id, b.name AS building, u.number AS unit FROM households h JOIN units u ON u.id = h."unitId" JOIN buildings b ON b.id = u."buildingId"
  WHERE h."projectId" = ${project.id} ORDER BY h.id`;
const born = (i: number) => new Date(Date.UTC(1960 + (i % 35), i % 12, 1 + (i % 28)));
const ownerIds = hh.map((_, i) => idNumberFor(`32${String(1000 + (i % 8999)).padStart(4, '0')}`, born(i), 'MALE', i));
for (let i = 0; i < hh.length; i += 5000) {
  await db.householdOwner.createMany({ data: hh.slice(i, i + 5000).map((h, j) => ({ householdId: h.id, name: `业主${i + j}`, idNumber: ownerIds[i + j] })) });
}
console.log(`data: ${hh.length} households with owners added in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// The sheet, written as a stream like a big export would be.
const dir = join(loadConfig().dataDir, 'bench-import');
mkdirSync(dir, { recursive: true });
const file = join(dir, `members-${rowsWanted}.xlsx`);
t0 = Date.now();
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
const ws = wb.addWorksheet('会员');
ws.addRow(IMPORT_COLUMNS.map((c) => c.header)).commit();
const names = (await db.hobby.findMany({ orderBy: { sortOrder: 'asc' } })).map((h) => h.nameZh);
const hobbies = names.map((n, i) => (i % 2 ? `${n}、${names[(i * 7) % names.length]}` : n));
let written = 0;
for (let i = 0; i < hh.length && written < rowsWanted; i++) {
  const h = hh[i];
  const common = { 楼盘: '基准花园', 楼栋: h.building, 房号: h.unit, 国籍: '中国', 学历: '大学', 住宅地址: `南京市江宁区基准路1号${h.building}${h.unit}室`, 所在区: '江宁区', 婚姻状况: '已婚', 邮寄地址: '住宅地址', 入会原因: '会员活动', 入会日期: '2026-11-01', 业主证件号码: ownerIds[i] };
  const people: Record<string, string>[] = [
    { ...common, 与业主关系: '业主本人', 称谓: '先生', 姓名: `王${i}`, 性别: '男', 出生日期: born(i).toISOString().slice(0, 10), 证件号码: ownerIds[i], 手机: `139${String(i).padStart(8, '0')}`, 电子邮箱: `owner${i}@example.cn`, 工作单位: '南京某科技有限公司', 职务: '经理', 兴趣爱好: hobbies[i % hobbies.length], ...(i % 3 === 0 ? { 子女: `王小${i} 2010-01-01 男` } : {}), 汽车型号: '大众 帕萨特', 车牌号码: `苏A${String(i % 100000).padStart(5, '0')}` },
    { ...common, 与业主关系: '配偶', 称谓: '太太', 姓名: `林${i}`, 性别: '女', 出生日期: '1982-05-20', 证件号码: idNumberFor('320106', new Date('1982-05-20T00:00:00Z'), 'FEMALE', i), 手机: `138${String(i).padStart(8, '0')}`, 兴趣爱好: hobbies[(i + 2) % hobbies.length] },
  ];
  for (const p of people) {
    if (written >= rowsWanted) break;
    ws.addRow(IMPORT_COLUMNS.map((c) => p[c.header] ?? null)).commit();
    written++;
  }
}
ws.commit();
await wb.commit();
console.log(`file: ${written} rows, ${mb(statSync(file).size)} xlsx, written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

function runChild(label: string) {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--child', file, '--url', handle.url, '--mode', mode, '--label', label], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${label} failed`);
}
runChild(`import ${mode}`);
runChild('same file again (all skipped)');
console.log(`members now: ${await db.member.count()}`);
writeFileSync(join(dir, 'last-run.txt'), new Date().toISOString());
await db.$disconnect();
await handle.close();

async function importInThisProcess(url: string, path: string, mode: ImportMode, label: string) {
  const db = createPrismaClient(url);
  const staff = await db.staffUser.create({ data: { username: `bench_import_${Date.now()}`, displayName: 'bench', role: 'member_officer', passwordHash: '-' } });
  const ctx: RequestContext = {
    user: { id: staff.id, username: staff.username, displayName: 'bench', role: 'member_officer', regionCode: null, permissions: ROLE_PERMISSIONS.member_officer },
    lang: 'zh',
    ip: undefined,
    requestId: 'bench-import',
  };
  const service = new ImportService(db, new AuditService(db));
  const buffer = readFileSync(path);
  const base = process.memoryUsage().rss;
  let peak = base;
  let peakHeap = 0;
  let peakExternal = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakExternal = Math.max(peakExternal, m.external);
  }, 50);
  const start = Date.now();
  const job = await service.start({ buffer, originalname: path.split('/').pop()! }, mode, ctx);
  let lastShown = -1;
  const progress = setInterval(async () => {
    const j = await db.importJob.findUniqueOrThrow({ where: { id: job.id }, omit: { report: true } });
    const shown = service.toResponse({ ...j, report: [] }, null, null).progress;
    if (shown !== lastShown) process.stdout.write(`\r  ${label}: ${j.status} ${shown}% (checked ${j.processedRows}/${j.totalRows}, created ${j.createdRows})   `);
    lastShown = shown;
  }, 1000);
  await service.wait(job.id);
  const seconds = (Date.now() - start) / 1000;
  clearInterval(progress);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const done = await db.importJob.findUniqueOrThrow({ where: { id: job.id }, omit: { report: true } });
  console.log(
    `\n${label}: ${done.status} ${done.totalRows} rows (valid ${done.validRows}, invalid ${done.invalidRows}, created ${done.createdRows}, skipped ${done.skippedRows}) ` +
      `in ${seconds.toFixed(1)} s = ${Math.round(done.totalRows / seconds)} rows/s; peak RSS ${mb(peak)} (process at start ${mb(base)}; peak JS heap ${mb(peakHeap)}, external ${mb(peakExternal)})`,
  );
  if (done.error) console.log(`  error: ${done.error}`);
  await db.$disconnect();
}
