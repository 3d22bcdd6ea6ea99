import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor } from '../../prisma/seed/factories.ts';
import { IMPORT_COLUMNS } from '../../server/src/members/import/columns.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 120, users: ['officer', 'officer_sh', 'editor'] });


type Row = Record<string, string>;

async function workbook(rows: Row[], headers = IMPORT_COLUMNS.map((c) => c.header)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会员');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(file: Buffer, mode: string, token = f.tokens.officer, name = '会员导入.xlsx') {
  const form = new FormData();
  form.append('mode', mode);
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const res = await fetch(`${f.api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function finished(id: number) {
  for (;;) {
    const r = await f.call('GET', `/api/imports/${id}?_start=0&_end=100`, { token: f.tokens.officer });
    if (r.body.status === 'DONE' || r.body.status === 'FAILED') return r.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let serial = 3000;
/** A spouse row for a household of the seed (with its first owner). */
async function spouseRows(n: number, skip = 0): Promise<Row[]> {
  const hh = await f.db.household.findMany({ include: { owners: true, unit: { include: { building: true } }, project: true }, orderBy: { id: 'asc' }, skip, take: n });
  return hh.map((h) => {
    serial += 1;
    return {
      楼盘: h.project.name,
      楼栋: h.unit.building.name,
      房号: h.unit.number,
      与业主关系: '配偶',
      称谓: '太太',
      姓名: `测试${serial}`,
      性别: '女',
      出生日期: '1980-03-15',
      证件号码: idNumberFor('320106', new Date('1980-03-15T00:00:00Z'), 'FEMALE', serial),
      手机: '13812345678',
      电子邮箱: 'test@example.cn',
      学历: '大学',
      婚姻状况: '已婚',
      兴趣爱好: '健身、美食',
      入会原因: '会员活动',
      入会日期: '2026-11-01',
      业主证件号码: h.owners[0].idNumber,
    };
  });
}

describe('member import: the file', () => {
  it('gives a template with the appendix-1 Chinese headers', async () => {
    const res = await fetch(`${f.api.baseUrl}/api/imports/template.xlsx`, { headers: { authorization: `Bearer ${f.tokens.officer}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const headers = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 11)).toEqual(['楼盘', '楼栋', '房号', '与业主关系', '称谓', '姓名', '姓名拼音', '性别', '出生日期', '证件类型', '证件号码']);
    expect(headers).toContain('兴趣爱好');
    expect(headers.at(-1)).toBe('业主证件号码');
    // The member form's words (one glossary), not the old sheet's 移动电话 / 家庭住址 / 教育程度.
    for (const h of ['手机', '住宅地址', '学历']) expect(headers).toContain(h);
    for (const h of ['移动电话', '家庭住址', '教育程度']) expect(headers).not.toContain(h);
    // Single-choice columns offer their labels as a drop-down, far below the example row.
    const sexColumn = IMPORT_COLUMNS.findIndex((c) => c.field === 'sex') + 1;
    const validation = wb.worksheets[0].getRow(300).getCell(sexColumn).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"男,女"'], showErrorMessage: true });
    const educationColumn = IMPORT_COLUMNS.findIndex((c) => c.field === 'education') + 1;
    expect(wb.worksheets[0].getRow(2).getCell(educationColumn).dataValidation?.formulae).toEqual(['"中专及以下,大学,研究生及以上"']);
    // Free-text columns have none.
    expect(wb.worksheets[0].getRow(2).getCell(IMPORT_COLUMNS.findIndex((c) => c.field === 'name') + 1).dataValidation).toBeUndefined();
  });

  it('refuses a file that is not xlsx, or has the wrong headers, with a 400 and a message', async () => {
    const text = await upload(Buffer.from('姓名,性别\n张三,男\n'), 'VALID_ONLY', f.tokens.officer, 'members.csv');
    expect(text.status).toBe(400);
    expect(text.body.errors.file).toBe('请上传 Excel 文件（.xlsx 格式）');
    const wrong = await upload(await workbook([{ 姓名: '张三' }], ['姓名', '电话']), 'VALID_ONLY');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.file).toContain('缺少以下列：楼盘、楼栋、房号');
    const noMode = await upload(await workbook(await spouseRows(1)), 'SOMETIMES');
    expect(noMode.status).toBe(400);
    expect(noMode.body.errors).toHaveProperty('mode');
    const empty = await upload(await workbook([]), 'VALID_ONLY');
    expect(empty.status).toBe(400);
    expect((await upload(await workbook(await spouseRows(1)), 'VALID_ONLY', f.tokens.editor)).status).toBe(403);
    expect(await f.db.importJob.count()).toBe(0);
  });

  it('still reads a sheet made from the earlier template (移动电话, 教育程度, 家庭住址 …)', async () => {
    const [row] = await spouseRows(1, 40);
    const renamed: Record<string, string> = { 手机: '移动电话', 学历: '教育程度', 住宅地址: '家庭住址' };
    const oldHeaders = IMPORT_COLUMNS.map((c) => renamed[c.header] ?? c.header);
    const old = Object.fromEntries(Object.entries({ ...row, 住宅地址: '南京市鼓楼区旧模板路1号' }).map(([k, v]) => [renamed[k] ?? k, v]));
    const r = await upload(await workbook([old], oldHeaders), 'VALID_ONLY');
    expect(r.status).toBe(201);
    expect(await finished(r.body.id)).toMatchObject({ status: 'DONE', createdRows: 1, invalidRows: 0 });
    expect(await f.db.member.findFirstOrThrow({ where: { name: row['姓名'] } })).toMatchObject({ mobile: row['手机'], education: 'UNIVERSITY', homeAddress: '南京市鼓楼区旧模板路1号' });
  });
});

describe('member import: rows (M-2, M-4)', () => {
  let rows: Row[];
  let file: Buffer;
  const under18 = `${new Date().getFullYear() - 17}-01-01`;

  beforeAll(async () => {
    const good = await spouseRows(5);
    const bad = await spouseRows(4, 10);
    bad[0] = { ...bad[0], 出生日期: under18, 证件号码: idNumberFor('320106', new Date(`${under18}T00:00:00Z`), 'FEMALE', 9001) };
    bad[1] = { ...bad[1], 房号: '9999', 手机: '1' };
    bad[2] = { ...bad[2], 业主证件号码: '110101199001011234' };
    bad[3] = { ...bad[3], 手机: '12345', 兴趣爱好: '健身、潜水', 性别: '不详' };
    good[0] = { ...good[0], 子女: '林小宝 2012-03-04 男；林小贝 2015/6/1 女' };
    rows = [good[0], good[1], bad[0], good[2], bad[1], good[3], bad[2], bad[3], good[4]];
    file = await workbook(rows);
  });

  it('M-2: ALL_OR_NOTHING imports nothing when a row fails, and reports row and reason', async () => {
    const before = await f.db.member.count();
    const r = await upload(file, 'ALL_OR_NOTHING');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'VALIDATING', totalRows: 9, mode: 'ALL_OR_NOTHING' });
    const job = await finished(r.body.id);
    expect(job).toMatchObject({ status: 'DONE', totalRows: 9, processedRows: 9, validRows: 5, invalidRows: 4, createdRows: 0, progress: 100 });
    expect(await f.db.member.count()).toBe(before);
    // Sheet row numbers: the header is row 1, so rows[2] is row 4.
    expect(job.report).toEqual(
      expect.arrayContaining([
        { row: 4, column: '出生日期', message: '申请人须年满 18 周岁' },
        // A row that fails the form checks still has its unit checked: one report, every problem.
        { row: 6, column: '房号', message: expect.stringContaining('找不到房号') },
        { row: 6, column: '手机', message: '手机号码格式不正确' },
        { row: 9, column: '性别', message: '“不详”不是可选值，可填：男、女' },
        { row: 8, column: '业主证件号码', message: expect.stringContaining('没有证件号码为 110101199001011234 的业主') },
        { row: 9, column: '手机', message: '手机号码格式不正确' },
        { row: 9, column: '兴趣爱好', message: '未知的兴趣爱好：潜水' },
      ]),
    );
    expect(job.report.map((e: any) => e.row)).toEqual([4, 6, 6, 8, 9, 9, 9]);
    expect(job.reportTotal).toBe(job.report.length);
  });

  it('M-4: VALID_ONLY imports the valid rows with the form data; the report downloads as Excel', async () => {
    const r = await upload(file, 'VALID_ONLY');
    const job = await finished(r.body.id);
    expect(job).toMatchObject({ status: 'DONE', validRows: 5, invalidRows: 4, createdRows: 5, skippedRows: 0 });
    const m = await f.db.member.findFirstOrThrow({ where: { name: rows[0]['姓名'] }, include: { hobbies: true, familyMembers: { orderBy: { id: 'asc' } } } });
    expect(m.familyMembers.map((f) => [f.relation, f.name, f.birthDate?.toISOString().slice(0, 10), f.sex])).toEqual([
      ['CHILD', '林小宝', '2012-03-04', 'MALE'],
      ['CHILD', '林小贝', '2015-06-01', 'FEMALE'],
    ]);
    expect(m).toMatchObject({ relation: 'SPOUSE', title: 'MRS', sex: 'FEMALE', idNumber: rows[0]['证件号码'], education: 'UNIVERSITY', maritalStatus: 'MARRIED', joinReasons: ['ACTIVITIES'], pinyin: expect.stringMatching(/^CE SHI/) });
    expect(m.hobbies).toHaveLength(2);
    expect(await f.db.member.count({ where: { name: rows[2]['姓名'] } })).toBe(0);
    const audit = await f.db.auditLog.findFirst({ where: { action: 'CREATE', resource: 'members', actorName: 'officer', detail: { path: ['importJobId'], equals: r.body.id } } });
    expect(audit?.detail).toMatchObject({ created: 5 });

    const res = await fetch(`${f.api.baseUrl}/api/imports/${r.body.id}/report.xlsx`, { headers: { authorization: `Bearer ${f.tokens.officer}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.worksheets[0];
    // Each failed row's reason, and the row as uploaded beside it (on its first line), to fix and upload again.
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(['行号', '列', '原因', ...IMPORT_COLUMNS.map((c) => c.header)]);
    expect(sheet.actualRowCount).toBe(job.reportTotal + 1);
    const lines = Array.from({ length: sheet.actualRowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
    const cell = (line: string[], h: string) => line[header.indexOf(h)] ?? '';
    const firstOf = (n: number) => lines.find((l) => l[0] === String(n))!;
    expect(cell(firstOf(4), '姓名')).toBe(rows[2]['姓名']);
    expect(cell(firstOf(4), '出生日期')).toBe(rows[2]['出生日期']);
    expect(cell(firstOf(6), '房号')).toBe('9999');
    expect(cell(firstOf(6), '手机')).toBe('1');
    // Only the first line of a row repeats it; the JSON pages never carry it (checked above).
    const secondOf6 = lines.filter((l) => l[0] === '6')[1];
    expect(cell(secondOf6, '姓名')).toBe('');
  });

  it('importing the same file twice creates no duplicates: existing people are skipped', async () => {
    const before = await f.db.member.count();
    const again = await finished((await upload(file, 'VALID_ONLY')).body.id);
    expect(again).toMatchObject({ status: 'DONE', validRows: 5, createdRows: 0, skippedRows: 5 });
    // The same person twice in one file counts once too.
    const [one] = await spouseRows(1, 20);
    const twice = await finished((await upload(await workbook([one, one]), 'ALL_OR_NOTHING')).body.id);
    expect(twice).toMatchObject({ validRows: 2, createdRows: 1, skippedRows: 1, invalidRows: 0 });
    expect(await f.db.member.count()).toBe(before + 1);
  });

  it('a regional officer imports only into their region; the rest are reported as unknown units', async () => {
    const rowsNj = await f.db.household.findFirstOrThrow({ where: { project: { regionCode: 'NJ' } }, orderBy: { id: 'desc' } });
    const [row] = await spouseRows(1, (await f.db.household.count({ where: { id: { lt: rowsNj.id } } })));
    const job = await finished((await upload(await workbook([row]), 'VALID_ONLY', f.tokens.officer_sh)).body.id);
    expect(job).toMatchObject({ invalidRows: 1, createdRows: 0 });
    expect(job.report[0].column).toBe('房号');
  });

  it('lists import jobs with their counts', async () => {
    const r = await f.call('GET', '/api/imports?_start=0&_end=2', { token: f.tokens.officer });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(2);
    expect(r.body[0]).toMatchObject({ status: 'DONE', fileName: '会员导入.xlsx' });
    expect(r.body[0]).not.toHaveProperty('report');
    expect(Number(r.headers.get('x-total-count'))).toBeGreaterThanOrEqual(5);
  });

  it('Seed 001, M-11: a regional officer sees only their region’s jobs; the report (owners’ ID numbers) only the uploader, their region or the group club', async () => {
    const hq = await f.db.staffUser.findFirstOrThrow({ where: { username: 'officer' } });
    await f.db.staffUser.create({ data: { username: 'officer_nj', displayName: '南京专员', role: 'member_officer', regionCode: 'NJ', passwordHash: hq.passwordHash } });
    const officerNj = await f.api.login('officer_nj');
    const nj = await f.db.household.findFirstOrThrow({ where: { project: { regionCode: 'NJ' } }, orderBy: { id: 'asc' } });
    const [row] = await spouseRows(1, await f.db.household.count({ where: { id: { lt: nj.id } } }));
    const njJob = await upload(await workbook([row, { ...row, 手机: '1' }]), 'VALID_ONLY', officerNj);
    expect(njJob.status).toBe(201);
    expect(njJob.body.regionCode).toBe('NJ');
    await finished(njJob.body.id);
    const shJob = (await upload(await workbook([row]), 'VALID_ONLY', f.tokens.officer_sh)).body;
    expect(shJob.regionCode).toBe('SH');

    const listSh = await f.call('GET', '/api/imports?_start=0&_end=100', { token: f.tokens.officer_sh });
    expect(listSh.body.every((j: any) => j.regionCode === 'SH')).toBe(true);
    expect(listSh.body.map((j: any) => j.id)).toContain(shJob.id);
    expect(listSh.body.map((j: any) => j.id)).not.toContain(njJob.body.id);
    expect((await f.call('GET', `/api/imports/${njJob.body.id}`, { token: f.tokens.officer_sh })).status).toBe(404);
    const report = await fetch(`${f.api.baseUrl}/api/imports/${njJob.body.id}/report.xlsx`, { headers: { authorization: `Bearer ${f.tokens.officer_sh}` } });
    expect(report.status).toBe(404);
    expect(await f.db.auditLog.count({ where: { action: 'EXPORT', resource: 'import-jobs', recordId: String(njJob.body.id) } })).toBe(0);

    // The Nanjing officer and the group club's officer see it, and may download its report.
    const listNj = await f.call('GET', '/api/imports?_start=0&_end=100', { token: officerNj });
    expect(listNj.body.map((j: any) => j.id)).toEqual([njJob.body.id]);
    expect((await f.call('GET', `/api/imports/${njJob.body.id}`, { token: f.tokens.officer })).body).toMatchObject({ regionCode: 'NJ', invalidRows: 1, createdRows: 1 });
    for (const token of [officerNj, f.tokens.officer]) {
      expect((await fetch(`${f.api.baseUrl}/api/imports/${njJob.body.id}/report.xlsx`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    }
    const all = await f.call('GET', '/api/imports?_start=0&_end=100', { token: f.tokens.officer });
    expect(all.body.map((j: any) => j.id)).toEqual(expect.arrayContaining([njJob.body.id, shJob.id]));
  });
});
