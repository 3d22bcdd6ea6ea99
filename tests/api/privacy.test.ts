import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClub } from '../../prisma/seed/seed-club.ts';
import { MaskingPolicy } from '../../server/src/privacy/masking-policy.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startApi, type RunningApi } from '../support/api.ts';

let t: TestDatabase;
let api: RunningApi;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedClub(t.db, { members: 120, demoAccounts: true });
  api = await startApi(t.db);
  for (const u of ['manager', 'officer', 'leader', 'editor', 'activity', 'gm', 'marketing', 'vp']) tokens[u] = await api.login(u);
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const request = (who: string, overrides: Record<string, unknown> = {}) =>
  api.call('POST', '/api/data-use-requests', {
    token: tokens[who],
    body: { department: '活动部', informationKinds: ['PHONE', 'BIRTHDAY'], purpose: '生日关怀活动邀请', validDays: 7, ...overrides },
  });

async function xlsx(path: string, token: string) {
  const res = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, rows: [] as unknown[][], headers: res.headers, json: JSON.parse(body.toString()) };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { status: res.status, rows, headers: res.headers, json: null };
}

describe('M-11: data-use request approval chains', () => {
  it('M-11: a club staff request needs only the club manager, then grants for validDays', async () => {
    const r = await request('activity');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ requesterKind: 'CLUB_STAFF', status: 'PENDING', needs: ['manager'], validDays: 7, validUntil: null });
    expect(r.body.requestNo).toMatch(/^XS\d{4}-\d{5}$/);
    const leader = await api.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: tokens.leader, body: {} });
    expect(leader.status).toBe(409);
    const ok = await api.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: tokens.manager, body: {} });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'APPROVED', active: true, managerDecisionBy: { name: '王经理' } });
    const days = (Date.parse(ok.body.validUntil) - Date.parse(ok.body.validFrom)) / 86_400_000;
    expect(days).toBe(7);
    const again = await api.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: tokens.manager, body: {} });
    expect(again.status).toBe(409);
  });

  it('M-11: a request from outside the club needs the club manager AND the division leader', async () => {
    const r = await request('gm', { department: '总经理室', allowExport: true });
    expect(r.body).toMatchObject({ requesterKind: 'OUTSIDE', needs: ['manager', 'leader'] });
    const first = await api.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: tokens.leader, body: { note: '同意' } });
    expect(first.body).toMatchObject({ status: 'PENDING', pendingSteps: ['manager'], leaderDecisionBy: { name: '吴分管' } });
    const second = await api.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: tokens.manager, body: {} });
    expect(second.body).toMatchObject({ status: 'APPROVED', active: true, pendingSteps: [] });
    // requesterKind is derived from the role, never chosen.
    const chosen = await request('marketing', { requesterKind: 'CLUB_STAFF' });
    expect(chosen.status).toBe(400);
  });

  it('M-11: the requester never approves their own request; rejection needs a reason and grants nothing', async () => {
    const own = await request('manager', { department: '客户会' });
    expect(own.body.requesterKind).toBe('CLUB_STAFF');
    const self = await api.call('POST', `/api/data-use-requests/${own.body.id}/approve`, { token: tokens.manager, body: {} });
    expect(self.status).toBe(403);
    expect(self.body.message).toBe('不能审批自己提交的申请');

    const r = await request('vp', { department: '营销中心' });
    const noReason = await api.call('POST', `/api/data-use-requests/${r.body.id}/reject`, { token: tokens.manager, body: {} });
    expect(noReason.status).toBe(400);
    const rejected = await api.call('POST', `/api/data-use-requests/${r.body.id}/reject`, { token: tokens.manager, body: { note: '用途不明确' } });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', active: false, decisionNote: '用途不明确' });
    const m = await t.db.member.findFirstOrThrow();
    const read = await api.call('GET', `/api/members/${m.id}`, { token: tokens.vp });
    expect(read.body.masked).toBe(true);
    // Only staff who need a request may file one; others may not approve.
    expect((await request('leader')).status).toBe(409);
    expect((await api.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: tokens.editor, body: {} })).status).toBe(403);
  });

  it('M-11: lists filter by status and mine; non-approvers see only their own', async () => {
    const mine = await api.call('GET', '/api/data-use-requests?mine=true', { token: tokens.gm });
    expect(mine.body.every((x: any) => x.requester.username === 'gm')).toBe(true);
    const editorView = await api.call('GET', '/api/data-use-requests', { token: tokens.editor });
    expect(editorView.body).toEqual([]);
    const approved = await api.call('GET', '/api/data-use-requests?status=APPROVED', { token: tokens.manager });
    expect(approved.body.length).toBeGreaterThanOrEqual(2);
    expect(approved.body.every((x: any) => x.status === 'APPROVED')).toBe(true);
    expect(Number(approved.headers.get('x-total-count'))).toBe(approved.body.length);
    const other = await api.call('GET', `/api/data-use-requests/${approved.body[0].id}`, { token: tokens.editor });
    expect(other.status).toBe(404);
  });
});

describe('M-11: an approved request unmasks for its requester until it expires', () => {
  it('M-11: the grant unmasks the kinds of information it names (audited) and expiry masks them again', async () => {
    const m = await t.db.member.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const before = await api.call('GET', `/api/members/${m.id}`, { token: tokens.editor });
    expect(before.body.masked).toBe(true);
    expect(before.body.mobile).not.toBe(m.mobile);

    // Asked for phone numbers and birthdays (the default request of this file): only those open up.
    const r = await request('editor', { department: '会刊编辑部', purpose: '会刊寄送地址核对' });
    await api.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: tokens.manager, body: {} });
    const during = await api.call('GET', `/api/members/${m.id}`, { token: tokens.editor });
    expect(during.body.mobile).toBe(m.mobile);
    expect(during.body.birthDate).toBe(m.birthDate.toISOString().slice(0, 10));
    expect(during.body.idNumber).not.toBe(m.idNumber);
    expect(during.body.masked).toBe(true);
    const audit = await t.db.auditLog.findFirst({ where: { action: 'READ_UNMASKED', actorName: 'editor', recordId: String(m.id) } });
    expect(audit?.detail).toMatchObject({ fields: ['phone', 'birthday'] });

    const all = await request('editor', { department: '会刊编辑部', purpose: '会员资料核对', informationKinds: ['ID_NUMBER', 'PHONE', 'EMAIL', 'ADDRESS', 'BIRTHDAY'] });
    await api.call('POST', `/api/data-use-requests/${all.body.id}/approve`, { token: tokens.manager, body: {} });
    const full = await api.call('GET', `/api/members/${m.id}`, { token: tokens.editor });
    expect(full.body.masked).toBe(false);
    expect(full.body.idNumber).toBe(m.idNumber);
    await t.db.dataUseRequest.update({ where: { id: all.body.id }, data: { validUntil: new Date(Date.now() - 1000) } });

    await t.db.dataUseRequest.update({ where: { id: r.body.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    // Grants are cached for MaskingPolicy.CACHE_MS; a test does not wait that long.
    api.app.get(MaskingPolicy).invalidate();
    const after = await api.call('GET', `/api/members/${m.id}`, { token: tokens.editor });
    expect(after.body.masked).toBe(true);
    const shown = await api.call('GET', `/api/data-use-requests/${r.body.id}`, { token: tokens.editor });
    expect(shown.body).toMatchObject({ active: false, expired: true });
  });
});

describe('M-11, M-12: exports', () => {
  it('M-11: the members export is masked for others and unmasked for the member officer, on the list filters', async () => {
    const project = await t.db.project.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const expected = await t.db.member.count({ where: { projectId: project.id } });
    const masked = await xlsx(`/api/members/export.xlsx?projectId=${project.id}`, tokens.activity);
    expect(masked.status).toBe(200);
    expect(masked.headers.get('content-disposition')).toMatch(/filename="members-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(masked.rows[0]).toContain('证件号码');
    expect(masked.rows).toHaveLength(expected + 1);
    const idCol = (masked.rows[0] as string[]).indexOf('证件号码');
    expect(masked.rows.slice(1).every((r) => String(r[idCol]).includes('*'))).toBe(true);

    const plain = await xlsx(`/api/members/export.xlsx?projectId=${project.id}`, tokens.officer);
    expect(plain.rows.slice(1).every((r) => !String(r[idCol]).includes('*'))).toBe(true);
    const ids = new Set((await t.db.member.findMany({ where: { projectId: project.id }, select: { idNumber: true } })).map((x) => x.idNumber));
    expect(plain.rows.slice(1).every((r) => ids.has(String(r[idCol])))).toBe(true);

    const entries = await t.db.auditLog.findMany({ where: { action: 'EXPORT', resource: 'members', actorName: { in: ['activity', 'officer'] } }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => [e.actorName, (e.detail as any).unmasked, (e.detail as any).rows])).toEqual([
      ['activity', false, expected],
      ['officer', true, expected],
    ]);
    expect((entries[0].detail as any).filters).toEqual({ projectId: String(project.id) });
  });

  it('M-11: a grant with allowExport makes the export unmasked; one without keeps it masked', async () => {
    const readOnly = await request('activity', { allowExport: false, purpose: '活动名单核对' });
    await api.call('POST', `/api/data-use-requests/${readOnly.body.id}/approve`, { token: tokens.manager, body: {} });
    const access = async (who: string) => (await api.call('GET', '/api/member-exports/access', { token: tokens[who] })).body;
    expect(await access('activity')).toMatchObject({ unmasked: false, basicInfo: false });
    expect(await access('officer')).toMatchObject({ unmasked: true, basicInfo: true });
    const stillMasked = await xlsx('/api/members/export.xlsx?_end=5', tokens.activity);
    const idCol = (stillMasked.rows[0] as string[]).indexOf('证件号码');
    expect(stillMasked.rows.slice(1).every((x) => String(x[idCol]).includes('*'))).toBe(true);
    const m = await t.db.member.findFirstOrThrow();
    expect((await api.call('GET', `/api/members/${m.id}`, { token: tokens.activity })).body.mobile).toBe(m.mobile);

    const r = await request('marketing', { department: '营销部', allowExport: true, informationKinds: ['MEMBER_LIST', 'PHONE'] });
    await api.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: tokens.manager, body: {} });
    const half = await xlsx('/api/members/export.xlsx?_end=5', tokens.marketing);
    const mobileCol = (half.rows[0] as string[]).indexOf('移动电话');
    expect(half.rows.slice(1).every((x) => String(x[mobileCol]).includes('*'))).toBe(true);
    await api.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: tokens.leader, body: {} });
    // What the admin shows on the export button comes from the API's own policy: phones only.
    expect(await access('marketing')).toMatchObject({ unmasked: true, basicInfo: false, fields: { phone: true, idNumber: false } });
    const full = await xlsx('/api/members/export.xlsx?regionCode=NJ', tokens.marketing);
    expect(full.rows.length).toBeGreaterThan(1);
    expect(full.rows.slice(1).every((x) => !String(x[mobileCol]).includes('*'))).toBe(true);
    // The request named phone numbers, not ID numbers.
    const idColumn = (full.rows[0] as string[]).indexOf('证件号码');
    expect(full.rows.slice(1).every((x) => String(x[idColumn]).includes('*'))).toBe(true);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: 'EXPORT', actorName: 'marketing' }, orderBy: { id: 'desc' } });
    expect(entry.detail).toMatchObject({ unmasked: true, dataUseRequestIds: [r.body.id] });
  });

  it('M-12: the member officer downloads the basic-information table (audited); others may not', async () => {
    const r = await xlsx('/api/members/basic-info.xlsx', tokens.officer);
    expect(r.status).toBe(200);
    expect(r.rows[0]).toEqual(['姓名', '称谓', '性别', '生日', '楼盘房号', '工作单位', '职位', '移动电话', '通讯地址类别', '通讯地址', '兴趣爱好']);
    expect(r.rows).toHaveLength((await t.db.member.count()) + 1);
    expect(String(r.rows[1][3])).toMatch(/^\d{2}-\d{2}$/);
    // M-1 order; the home is the project with building and unit.
    const first = await t.db.member.findFirstOrThrow({ orderBy: [{ projectId: 'asc' }, { buildingId: 'asc' }, { unitId: 'asc' }, { id: 'asc' }], include: { project: true, building: true, unit: true } });
    expect(r.rows[1][0]).toBe(first.name);
    expect(r.rows[1][4]).toBe(`${first.project.name}${first.building.name}${first.unit.number}室`);
    expect(await t.db.auditLog.count({ where: { action: 'EXPORT', actorName: 'officer', detail: { path: ['table'], equals: 'basic-info' } } })).toBe(1);
    expect((await xlsx('/api/members/basic-info.xlsx', tokens.editor)).status).toBe(403);
  });

  it('the export paths and GET /api/members/:id both still work', async () => {
    const m = await t.db.member.findFirstOrThrow();
    expect((await api.call('GET', `/api/members/${m.id}`, { token: tokens.officer })).body.id).toBe(m.id);
    expect((await api.call('GET', '/api/members/abc', { token: tokens.officer })).status).toBe(404);
    expect((await xlsx('/api/members/export.xlsx?_end=1', tokens.officer)).status).toBe(200);
    const bad = await api.call('GET', '/api/members/export.xlsx?nosuch=1', { token: tokens.officer });
    expect(bad.status).toBe(400);
  });
});

describe('M-11: audit search', () => {
  it('M-11: filters by action, resource, recordId, actor and time; only the manager and the leader', async () => {
    const all = await api.call('GET', '/api/audit-log?action=EXPORT&_end=100', { token: tokens.manager });
    expect(all.status).toBe(200);
    expect(all.body.length).toBeGreaterThan(0);
    expect(all.body.every((e: any) => e.action === 'EXPORT')).toBe(true);
    expect(Number(all.headers.get('x-total-count'))).toBe(await t.db.auditLog.count({ where: { action: 'EXPORT' } }));

    const byActor = await api.call('GET', '/api/audit-log?actorName_like=offic&resource=members', { token: tokens.leader });
    expect(byActor.body.length).toBeGreaterThan(0);
    expect(byActor.body.every((e: any) => e.actorName.includes('offic') && e.resource === 'members')).toBe(true);

    const someRequest = await t.db.dataUseRequest.findFirstOrThrow();
    const byRecord = await api.call('GET', `/api/audit-log?resource=data_use_requests&recordId=${someRequest.id}`, { token: tokens.manager });
    expect(byRecord.body.length).toBeGreaterThanOrEqual(1);
    expect(byRecord.body.every((e: any) => e.recordId === String(someRequest.id))).toBe(true);

    const future = await api.call('GET', `/api/audit-log?at_gte=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { token: tokens.manager });
    expect(future.body).toEqual([]);
    const past = await api.call('GET', '/api/audit-log?at_lte=2000-01-01', { token: tokens.manager });
    expect(past.body).toEqual([]);

    expect((await api.call('GET', '/api/audit-log', { token: tokens.officer })).status).toBe(403);
  });

  it('M-11: the audit log exports to Excel with its filters, and the export is itself audited', async () => {
    const expected = await t.db.auditLog.count({ where: { action: 'LOGIN' } });
    const r = await xlsx('/api/audit-log/export.xlsx?action=LOGIN', tokens.leader);
    expect(r.status).toBe(200);
    expect(r.rows[0]).toContain('操作人');
    expect(r.rows).toHaveLength(expected + 1);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: 'EXPORT', resource: 'audit_log' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ actorName: 'leader', detail: { filters: { action: 'LOGIN' }, rows: expected } });
  });
});
