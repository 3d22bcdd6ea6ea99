import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MaskingPolicy } from '../../server/src/privacy/masking-policy.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 120, users: ['manager', 'officer', 'leader', 'editor', 'activity', 'gm', 'marketing', 'vp'] });


const request = (who: string, overrides: Record<string, unknown> = {}) =>
  f.call('POST', '/api/data-use-requests', {
    token: f.tokens[who],
    body: { department: '活动部', informationKinds: ['PHONE', 'BIRTHDAY'], purpose: '生日关怀活动邀请', validDays: 7, ...overrides },
  });

async function xlsx(path: string, token: string) {
  const res = await fetch(`${f.api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
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
    const leader = await f.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: f.tokens.leader, body: {} });
    expect(leader.status).toBe(409);
    const ok = await f.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: f.tokens.manager, body: {} });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'APPROVED', active: true, managerDecisionBy: { name: '王经理' } });
    const days = (Date.parse(ok.body.validUntil) - Date.parse(ok.body.validFrom)) / 86_400_000;
    expect(days).toBe(7);
    const again = await f.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: f.tokens.manager, body: {} });
    expect(again.status).toBe(409);
  });

  it('M-11: a request from outside the club needs the club manager AND the division leader', async () => {
    const r = await request('gm', { department: '总经理室', allowExport: true });
    expect(r.body).toMatchObject({ requesterKind: 'OUTSIDE', needs: ['manager', 'leader'] });
    const first = await f.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: f.tokens.leader, body: { note: '同意' } });
    expect(first.body).toMatchObject({ status: 'PENDING', pendingSteps: ['manager'], leaderDecisionBy: { name: '吴分管' } });
    const second = await f.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: f.tokens.manager, body: {} });
    expect(second.body).toMatchObject({ status: 'APPROVED', active: true, pendingSteps: [] });
    // requesterKind is derived from the role, never chosen.
    const chosen = await request('marketing', { requesterKind: 'CLUB_STAFF' });
    expect(chosen.status).toBe(400);
  });

  it('M-11: the requester never approves their own request; rejection needs a reason and grants nothing', async () => {
    const own = await request('manager', { department: '客户会' });
    expect(own.body.requesterKind).toBe('CLUB_STAFF');
    const self = await f.call('POST', `/api/data-use-requests/${own.body.id}/approve`, { token: f.tokens.manager, body: {} });
    expect(self.status).toBe(403);
    expect(self.body.message).toBe('不能审批自己提交的申请');

    const r = await request('vp', { department: '营销中心' });
    const noReason = await f.call('POST', `/api/data-use-requests/${r.body.id}/reject`, { token: f.tokens.manager, body: {} });
    expect(noReason.status).toBe(400);
    const rejected = await f.call('POST', `/api/data-use-requests/${r.body.id}/reject`, { token: f.tokens.manager, body: { note: '用途不明确' } });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', active: false, decisionNote: '用途不明确' });
    const m = await f.db.member.findFirstOrThrow();
    const read = await f.call('GET', `/api/members/${m.id}`, { token: f.tokens.vp });
    expect(read.body.masked).toBe(true);
    // Only staff who need a request may file one; others may not approve.
    expect((await request('leader')).status).toBe(409);
    expect((await f.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: f.tokens.editor, body: {} })).status).toBe(403);
  });

  it('M-11: lists filter by status and mine; non-approvers see only their own', async () => {
    const mine = await f.call('GET', '/api/data-use-requests?mine=true', { token: f.tokens.gm });
    expect(mine.body.every((x: any) => x.requester.username === 'gm')).toBe(true);
    const editorView = await f.call('GET', '/api/data-use-requests', { token: f.tokens.editor });
    expect(editorView.body).toEqual([]);
    const approved = await f.call('GET', '/api/data-use-requests?status=APPROVED', { token: f.tokens.manager });
    expect(approved.body.length).toBeGreaterThanOrEqual(2);
    expect(approved.body.every((x: any) => x.status === 'APPROVED')).toBe(true);
    expect(Number(approved.headers.get('x-total-count'))).toBe(approved.body.length);
    const other = await f.call('GET', `/api/data-use-requests/${approved.body[0].id}`, { token: f.tokens.editor });
    expect(other.status).toBe(404);
  });
});

describe('M-11: an approved request unmasks for its requester until it expires', () => {
  it('M-11: the grant unmasks the kinds of information it names (audited) and expiry masks them again', async () => {
    const m = await f.db.member.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const before = await f.call('GET', `/api/members/${m.id}`, { token: f.tokens.editor });
    expect(before.body.masked).toBe(true);
    expect(before.body.mobile).not.toBe(m.mobile);

    // Asked for phone numbers and birthdays (the default request of this file): only those open up.
    const r = await request('editor', { department: '会刊编辑部', purpose: '会刊寄送地址核对' });
    await f.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: f.tokens.manager, body: {} });
    const during = await f.call('GET', `/api/members/${m.id}`, { token: f.tokens.editor });
    expect(during.body.mobile).toBe(m.mobile);
    expect(during.body.birthDate).toBe(m.birthDate.toISOString().slice(0, 10));
    expect(during.body.idNumber).not.toBe(m.idNumber);
    expect(during.body.masked).toBe(true);
    const audit = await f.db.auditLog.findFirst({ where: { action: 'READ_UNMASKED', actorName: 'editor', recordId: String(m.id) } });
    expect(audit?.detail).toMatchObject({ fields: ['phone', 'birthday'] });

    const all = await request('editor', { department: '会刊编辑部', purpose: '会员资料核对', informationKinds: ['ID_NUMBER', 'PHONE', 'EMAIL', 'ADDRESS', 'BIRTHDAY'] });
    await f.call('POST', `/api/data-use-requests/${all.body.id}/approve`, { token: f.tokens.manager, body: {} });
    const full = await f.call('GET', `/api/members/${m.id}`, { token: f.tokens.editor });
    expect(full.body.masked).toBe(false);
    expect(full.body.idNumber).toBe(m.idNumber);
    await f.db.dataUseRequest.update({ where: { id: all.body.id }, data: { validUntil: new Date(Date.now() - 1000) } });

    await f.db.dataUseRequest.update({ where: { id: r.body.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    // Grants are cached for MaskingPolicy.CACHE_MS; a test does not wait that long.
    f.api.app.get(MaskingPolicy).invalidate();
    const after = await f.call('GET', `/api/members/${m.id}`, { token: f.tokens.editor });
    expect(after.body.masked).toBe(true);
    const shown = await f.call('GET', `/api/data-use-requests/${r.body.id}`, { token: f.tokens.editor });
    expect(shown.body).toMatchObject({ active: false, expired: true });
  });
});

describe('M-11, M-12: exports', () => {
  it('M-11: the members export is masked for others and unmasked for the member officer, on the list filters', async () => {
    const project = await f.db.project.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const expected = await f.db.member.count({ where: { projectId: project.id } });
    const masked = await xlsx(`/api/members/export.xlsx?projectId=${project.id}`, f.tokens.activity);
    expect(masked.status).toBe(200);
    expect(masked.headers.get('content-disposition')).toMatch(/filename="members-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(masked.rows[0]).toContain('证件号码');
    expect(masked.rows).toHaveLength(expected + 1);
    const idCol = (masked.rows[0] as string[]).indexOf('证件号码');
    expect(masked.rows.slice(1).every((r) => String(r[idCol]).includes('*'))).toBe(true);

    const plain = await xlsx(`/api/members/export.xlsx?projectId=${project.id}`, f.tokens.officer);
    expect(plain.rows.slice(1).every((r) => !String(r[idCol]).includes('*'))).toBe(true);
    const ids = new Set((await f.db.member.findMany({ where: { projectId: project.id }, select: { idNumber: true } })).map((x) => x.idNumber));
    expect(plain.rows.slice(1).every((r) => ids.has(String(r[idCol])))).toBe(true);

    const entries = await f.db.auditLog.findMany({ where: { action: 'EXPORT', resource: 'members', actorName: { in: ['activity', 'officer'] } }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => [e.actorName, (e.detail as any).unmasked, (e.detail as any).rows])).toEqual([
      ['activity', false, expected],
      ['officer', true, expected],
    ]);
    expect((entries[0].detail as any).filters).toEqual({ projectId: String(project.id) });
  });

  it('M-11: a grant with allowExport makes the export unmasked; one without keeps it masked', async () => {
    const readOnly = await request('activity', { allowExport: false, purpose: '活动名单核对' });
    await f.call('POST', `/api/data-use-requests/${readOnly.body.id}/approve`, { token: f.tokens.manager, body: {} });
    const access = async (who: string) => (await f.call('GET', '/api/member-exports/access', { token: f.tokens[who] })).body;
    expect(await access('activity')).toMatchObject({ unmasked: false, basicInfo: false });
    expect(await access('officer')).toMatchObject({ unmasked: true, basicInfo: true });
    const stillMasked = await xlsx('/api/members/export.xlsx?_end=5', f.tokens.activity);
    const idCol = (stillMasked.rows[0] as string[]).indexOf('证件号码');
    expect(stillMasked.rows.slice(1).every((x) => String(x[idCol]).includes('*'))).toBe(true);
    const m = await f.db.member.findFirstOrThrow();
    expect((await f.call('GET', `/api/members/${m.id}`, { token: f.tokens.activity })).body.mobile).toBe(m.mobile);

    const r = await request('marketing', { department: '营销部', allowExport: true, informationKinds: ['MEMBER_LIST', 'PHONE'] });
    await f.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: f.tokens.manager, body: {} });
    const half = await xlsx('/api/members/export.xlsx?_end=5', f.tokens.marketing);
    const mobileCol = (half.rows[0] as string[]).indexOf('手机');
    expect(half.rows.slice(1).every((x) => String(x[mobileCol]).includes('*'))).toBe(true);
    await f.call('POST', `/api/data-use-requests/${r.body.id}/approve`, { token: f.tokens.leader, body: {} });
    // What the admin shows on the export button comes from the API's own policy: phones only.
    expect(await access('marketing')).toMatchObject({ unmasked: true, basicInfo: false, fields: { phone: true, idNumber: false } });
    const full = await xlsx('/api/members/export.xlsx?regionCode=NJ', f.tokens.marketing);
    expect(full.rows.length).toBeGreaterThan(1);
    expect(full.rows.slice(1).every((x) => !String(x[mobileCol]).includes('*'))).toBe(true);
    // The region by its name, as staff say it, not its code.
    const regionCol = (full.rows[0] as string[]).indexOf('区域');
    expect(new Set(full.rows.slice(1).map((x) => x[regionCol]))).toEqual(new Set(['南京区域']));
    // The request named phone numbers, not ID numbers.
    const idColumn = (full.rows[0] as string[]).indexOf('证件号码');
    expect(full.rows.slice(1).every((x) => String(x[idColumn]).includes('*'))).toBe(true);
    const entry = await f.db.auditLog.findFirstOrThrow({ where: { action: 'EXPORT', actorName: 'marketing' }, orderBy: { id: 'desc' } });
    expect(entry.detail).toMatchObject({ unmasked: true, dataUseRequestIds: [r.body.id] });
  });

  it('M-12: the member officer downloads the basic-information table (audited); others may not', async () => {
    const r = await xlsx('/api/members/basic-info.xlsx', f.tokens.officer);
    expect(r.status).toBe(200);
    expect(r.rows[0]).toEqual(['姓名', '称谓', '性别', '生日', '楼盘房号', '工作单位', '职务', '手机', '通讯地址类别', '通讯地址', '兴趣爱好']);
    expect(r.rows).toHaveLength((await f.db.member.count()) + 1);
    expect(String(r.rows[1][3])).toMatch(/^\d{2}-\d{2}$/);
    // M-1 order; the home is the project with building and unit.
    const first = await f.db.member.findFirstOrThrow({ orderBy: [{ projectId: 'asc' }, { buildingId: 'asc' }, { unitId: 'asc' }, { id: 'asc' }], include: { project: true, building: true, unit: true } });
    expect(r.rows[1][0]).toBe(first.name);
    expect(r.rows[1][4]).toBe(`${first.project.name}${first.building.name}${first.unit.number}室`);
    expect(await f.db.auditLog.count({ where: { action: 'EXPORT', actorName: 'officer', detail: { path: ['table'], equals: 'basic-info' } } })).toBe(1);
    expect((await xlsx('/api/members/basic-info.xlsx', f.tokens.editor)).status).toBe(403);
  });

  it('the export paths and GET /api/members/:id both still work', async () => {
    const m = await f.db.member.findFirstOrThrow();
    expect((await f.call('GET', `/api/members/${m.id}`, { token: f.tokens.officer })).body.id).toBe(m.id);
    expect((await f.call('GET', '/api/members/abc', { token: f.tokens.officer })).status).toBe(404);
    expect((await xlsx('/api/members/export.xlsx?_end=1', f.tokens.officer)).status).toBe(200);
    const bad = await f.call('GET', '/api/members/export.xlsx?nosuch=1', { token: f.tokens.officer });
    expect(bad.status).toBe(400);
  });
});

describe('M-11: audit search', () => {
  it('M-11: filters by action, resource, recordId, actor and time; only the manager and the leader', async () => {
    const all = await f.call('GET', '/api/audit-log?action=EXPORT&_end=100', { token: f.tokens.manager });
    expect(all.status).toBe(200);
    expect(all.body.length).toBeGreaterThan(0);
    expect(all.body.every((e: any) => e.action === 'EXPORT')).toBe(true);
    expect(Number(all.headers.get('x-total-count'))).toBe(await f.db.auditLog.count({ where: { action: 'EXPORT' } }));

    const byActor = await f.call('GET', '/api/audit-log?actorName_like=offic&resource=members', { token: f.tokens.leader });
    expect(byActor.body.length).toBeGreaterThan(0);
    expect(byActor.body.every((e: any) => e.actorName.includes('offic') && e.resource === 'members')).toBe(true);

    const someRequest = await f.db.dataUseRequest.findFirstOrThrow();
    const byRecord = await f.call('GET', `/api/audit-log?resource=data_use_requests&recordId=${someRequest.id}`, { token: f.tokens.manager });
    expect(byRecord.body.length).toBeGreaterThanOrEqual(1);
    expect(byRecord.body.every((e: any) => e.recordId === String(someRequest.id))).toBe(true);

    const future = await f.call('GET', `/api/audit-log?at_gte=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { token: f.tokens.manager });
    expect(future.body).toEqual([]);
    const past = await f.call('GET', '/api/audit-log?at_lte=2000-01-01', { token: f.tokens.manager });
    expect(past.body).toEqual([]);

    expect((await f.call('GET', '/api/audit-log', { token: f.tokens.officer })).status).toBe(403);
  });

  it('M-11: the audit log exports to Excel with its filters, and the export is itself audited', async () => {
    const expected = await f.db.auditLog.count({ where: { action: 'LOGIN' } });
    const r = await xlsx('/api/audit-log/export.xlsx?action=LOGIN', f.tokens.leader);
    expect(r.status).toBe(200);
    expect(r.rows[0]).toContain('操作人');
    expect(r.rows).toHaveLength(expected + 1);
    const entry = await f.db.auditLog.findFirstOrThrow({ where: { action: 'EXPORT', resource: 'audit-log' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ actorName: 'leader', detail: { filters: { action: 'LOGIN' }, rows: expected } });
  });
});
