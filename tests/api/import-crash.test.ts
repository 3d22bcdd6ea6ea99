// A member import interrupted by a crash (the API process killed with SIGKILL) or a stop: the job
// is marked FAILED (at the next start, or by the stop), its committed part is exactly what is in
// the database, each committed batch has its audit entry, and its uploader resumes it with the
// same file (POST /api/imports/:id/resume) without inserting anything twice.
import { spawn, type ChildProcess } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, idNumberFor } from '../../prisma/seed/factories.ts';
import { repoRoot } from '../../server/src/config/app-config.ts';
import { IMPORT_COLUMNS } from '../../server/src/members/import/columns.ts';
import { useApi } from '../support/fixture.ts';

const HEARTBEAT_MS = 200;
const ROWS = 3000; // three batches of 1,000
let dataDir: string;
let file: Buffer;
let child: ChildProcess | undefined;

// The database and seed come from the fixture, but not its API: the first API here runs as a child
// process the test kills mid-import, and the in-process APIs (f.startAnotherApi, closed by the
// fixture) must start only after that crash, since marking the dead import failed is what an API
// does at its start. All of them share one data folder (the uploaded file).
const f = useApi({
  members: 40,
  api: false,
  setupTimeout: 120_000,
  beforeApi: async () => {
    dataDir = f.tempDir('club-import-crash-');
    f.cleanup(() => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
    });
    // ROWS / 2 households of a new project, one owner each: every row (owner, spouse) is valid.
    const project = await f.db.project.create({ data: { code: 'PCRASH', name: '断点花园', regionCode: 'NJ', city: '南京市', address: '南京市江宁区断点路1号' } });
    await f.db.$executeRaw`INSERT INTO buildings ("projectId", name, "sortOrder") SELECT ${project.id}, g || '栋', g FROM generate_series(1, 3) g`;
    await f.db.$executeRaw`
      INSERT INTO units ("projectId", "buildingId", number, floor)
      SELECT ${project.id}, b.id, f || lpad(d::text, 2, '0'), f FROM buildings b, generate_series(1, 50) f, generate_series(1, 10) d
      WHERE b."projectId" = ${project.id} ORDER BY b."sortOrder", f, d LIMIT ${ROWS / 2}`;
    await f.db.$executeRaw`INSERT INTO households ("unitId", "projectId") SELECT id, "projectId" FROM units WHERE "projectId" = ${project.id}`;
    const hh = await f.db.$queryRaw<{ id: number; building: string; unit: string }[]>`
      SELECT h.id, b.name AS building, u.number AS unit FROM households h JOIN units u ON u.id = h."unitId" JOIN buildings b ON b.id = u."buildingId"
      WHERE h."projectId" = ${project.id} ORDER BY h.id`;
    const born = (i: number) => new Date(Date.UTC(1960 + (i % 35), i % 12, 1 + (i % 28)));
    const ownerIds = hh.map((_, i) => idNumberFor('320115', born(i), 'MALE', 20_000 + i));
    await f.db.householdOwner.createMany({ data: hh.map((h, i) => ({ householdId: h.id, name: `业主${i}`, idNumber: ownerIds[i] })) });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('会员');
    ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
    hh.forEach((h, i) => {
      const common = { 楼盘: '断点花园', 楼栋: h.building, 房号: h.unit, 入会日期: '2026-11-01', 业主证件号码: ownerIds[i], 婚姻状况: '已婚' };
      const people: Record<string, string>[] = [
        { ...common, 与业主关系: '业主本人', 称谓: '先生', 姓名: `王${i}`, 性别: '男', 出生日期: born(i).toISOString().slice(0, 10), 证件号码: ownerIds[i], 手机: `139${String(i).padStart(8, '0')}` },
        { ...common, 与业主关系: '配偶', 称谓: '太太', 姓名: `林${i}`, 性别: '女', 出生日期: '1982-05-20', 证件号码: idNumberFor('320106', new Date('1982-05-20T00:00:00Z'), 'FEMALE', 20_000 + i), 手机: `138${String(i).padStart(8, '0')}` },
      ];
      for (const p of people) ws.addRow(IMPORT_COLUMNS.map((c) => p[c.header] ?? null));
    });
    file = Buffer.from(await wb.xlsx.writeBuffer());
  },
});

// By address, not through the fixture: the child API is known only by the address it prints.
async function login(baseUrl: string, username = 'officer'): Promise<string> {
  const r = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (r.status !== 200) throw new Error(`login: ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

async function upload(baseUrl: string, token: string, mode = 'VALID_ONLY'): Promise<number> {
  const form = new FormData();
  form.append('mode', mode);
  form.append('file', new Blob([new Uint8Array(file)]), '断点花园.xlsx');
  const r = await fetch(`${baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await r.json()) as { id: number };
  expect(r.status, JSON.stringify(body)).toBe(201);
  return body.id;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const job = (id: number) => f.db.importJob.findUniqueOrThrow({ where: { id } });
const imported = () => f.db.member.count({ where: { project: { code: 'PCRASH' } } });
const batchAudits = (id: number) => f.db.auditLog.findMany({ where: { action: 'CREATE', resource: 'members', detail: { path: ['importJobId'], equals: id } }, orderBy: { id: 'asc' } });

describe('an import survives a crash of the API', () => {
  it('killed mid-way (SIGKILL): failed at the next start, its committed batches counted, audited and kept; resumed by its uploader with the same file', async () => {
    // The API in a child process; it pauses after the first committed batch, so the kill lands mid-import.
    // Node itself with tsx's loader: the tsx command would run the API in a grandchild the kill misses.
    child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/api-child.ts'], {
      cwd: repoRoot,
      env: { ...process.env, CHILD_DATABASE_URL: f.t.apiUrl, CHILD_DATA_DIR: dataDir, CLUB_IMPORT_HEARTBEAT_MS: String(HEARTBEAT_MS), CLUB_IMPORT_TEST_PAUSE_MS: '120000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const baseUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /LISTENING (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child!.on('exit', (code) => reject(new Error(`the API child exited (${code})`)));
    });
    const id = await upload(baseUrl, await login(baseUrl));
    await until(() => job(id), (j) => j.createdRows >= 1000);
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));

    // What a crash leaves: a job that says it is still running, nobody to finish it.
    const left = await job(id);
    expect(left.status).toBe('VALIDATING');
    expect(left.finishedAt).toBeNull();

    // The next start (after the dead process's heartbeat went stale) marks it failed.
    await new Promise((r) => setTimeout(r, 4 * HEARTBEAT_MS));
    process.env.CLUB_IMPORT_HEARTBEAT_MS = String(HEARTBEAT_MS);
    const api = await f.startAnotherApi({ dataDir });
    const failed = await job(id);
    expect(failed.status).toBe('FAILED');
    expect(failed.finishedAt).not.toBeNull();
    expect(failed.error).toContain('导入被中断');
    expect(failed.error).toContain(`已导入 ${failed.createdRows} 人`);

    // Its committed part: exactly the members in the database, each batch with its audit entry.
    const members = await imported();
    expect(failed.createdRows).toBe(1000);
    expect(members).toBe(failed.createdRows);
    expect(failed.committedThroughRow).toBe(1001); // header in row 1, then 1,000 rows
    const audits = await batchAudits(id);
    expect(audits.map((a) => (a.detail as { created: number }).created).reduce((a, b) => a + b, 0)).toBe(members);
    const auditedIds = new Set(audits.flatMap((a) => (a.detail as { memberIds: number[] }).memberIds));
    const memberIds = (await f.db.member.findMany({ where: { project: { code: 'PCRASH' } }, select: { id: true } })).map((m) => m.id);
    expect(memberIds.every((m) => auditedIds.has(m))).toBe(true);
    const shown = await api.call('GET', `/api/imports/${id}`, { token: await api.login('officer') });
    expect(shown.body).toMatchObject({ status: 'FAILED', createdRows: 1000, committedThroughRow: 1001 });

    // Resumed, in the same job, by its uploader with the same file: rows through 1001 are not inserted again.
    const token = await api.login('officer');
    const resume = async (bytes: Buffer, tk = token) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), '断点花园.xlsx');
      const r = await fetch(`${api.baseUrl}/api/imports/${id}/resume`, { method: 'POST', headers: { authorization: `Bearer ${tk}` }, body: form });
      return { status: r.status, body: (await r.json()) as any };
    };
    const other = await resume(Buffer.concat([file, Buffer.from('x')]));
    expect(other.status).toBe(400);
    expect(other.body.errors.file).toContain('不是原来导入的文件');
    const hq = await f.db.staffUser.findFirstOrThrow({ where: { username: 'officer' } });
    await f.db.staffUser.create({ data: { username: 'officer_two', displayName: '另一专员', role: 'member_officer', regionCode: null, passwordHash: hq.passwordHash } });
    expect((await resume(file, await api.login('officer_two'))).status).toBe(403);
    const resumed = await resume(file);
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(201);
    expect(resumed.body.status).toBe('VALIDATING');
    const done = await until(() => job(id), (j) => j.status === 'DONE' || j.status === 'FAILED');
    expect(done).toMatchObject({ status: 'DONE', totalRows: ROWS, validRows: ROWS, invalidRows: 0, createdRows: ROWS, skippedRows: 0, error: null });
    expect(await imported()).toBe(ROWS);
    const all = await batchAudits(id);
    expect(all.map((a) => (a.detail as { created: number }).created).reduce((a, b) => a + b, 0)).toBe(ROWS);
    expect(new Set(all.flatMap((a) => (a.detail as { memberIds: number[] }).memberIds)).size).toBe(ROWS);
    expect((await resume(file)).status).toBe(409);

    // The same file as a new job: everyone is skipped, nobody twice.
    const again = await upload(api.baseUrl, token);
    const twice = await until(() => job(again), (j) => j.status === 'DONE' || j.status === 'FAILED');
    expect(twice).toMatchObject({ status: 'DONE', createdRows: 0, skippedRows: ROWS, invalidRows: 0 });
    expect(await imported()).toBe(ROWS);
  }, 180_000);

  it('stopped mid-way (the API closes): failed at once with what it committed', async () => {
    await f.db.member.deleteMany({ where: { project: { code: 'PCRASH' } } });
    process.env.CLUB_IMPORT_TEST_PAUSE_MS = '120000';
    const api = await f.startAnotherApi({ dataDir });
    delete process.env.CLUB_IMPORT_TEST_PAUSE_MS;
    const id = await upload(api.baseUrl, await api.login('officer'));
    await until(() => job(id), (j) => j.createdRows >= 1000);
    await api.close();
    const stopped = await job(id);
    expect(stopped).toMatchObject({ status: 'FAILED', createdRows: 1000, committedThroughRow: 1001 });
    expect(stopped.error).toContain('导入被中断');
    expect(await imported()).toBe(1000);
    expect((await batchAudits(id)).length).toBe(1);

    // All or nothing: the stop rolls the one transaction back; the job says so.
    await f.db.member.deleteMany({ where: { project: { code: 'PCRASH' } } });
    const again = await f.startAnotherApi({ dataDir });
    const atomic = await upload(again.baseUrl, await again.login('officer'), 'ALL_OR_NOTHING');
    await again.close();
    const rolledBack = await job(atomic);
    expect(rolledBack).toMatchObject({ status: 'FAILED', createdRows: 0 });
    expect(rolledBack.error).toContain('未导入任何人');
    expect(await imported()).toBe(0);
    expect((await batchAudits(atomic)).length).toBe(0);
  }, 120_000);
});
