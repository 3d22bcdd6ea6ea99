import { beforeAll, describe, expect, it, vi } from 'vitest';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import { MaskingPolicy } from '../../server/src/privacy/masking-policy.ts';
import { applicationFor, householdIn } from '../support/member-payload.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 40, users: ['manager', 'officer', 'officer_sh', 'editor'] });

let memberId: number;
let officerId: number;

const today = clubToday().toISOString().slice(0, 10);

beforeAll(async () => {
  officerId = (await f.db.staffUser.findUniqueOrThrow({ where: { username: 'officer' } })).id;
  const created = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor(await householdIn(f.db, 'NJ'), { name: '林晓梅' }) });
  expect(created.status).toBe(201);
  memberId = created.body.id;
});

const history = async (id: number, token = f.tokens.officer, query = '') => f.call('GET', `/api/members/${id}/history?_start=0&_end=50${query}`, { token });

describe('M-11 field-level history', () => {
  it('M-11: a PATCH records who, when and old → new for each changed field, lists as readable text', async () => {
    const before = Date.now();
    const r = await f.call('PATCH', `/api/members/${memberId}`, {
      token: f.tokens.officer,
      body: { mobile: '13700001111', carPlate: '苏A54321', hobbyIds: [2], familyMembers: [], joinReasons: ['REFERRAL', 'ACTIVITIES'], name: '林晓梅' },
    });
    expect(r.status).toBe(200);
    const h = await history(memberId);
    expect(h.status).toBe(200);
    const byField = Object.fromEntries(h.body.filter((x: any) => x.changeRequestId === null && x.field !== '_created').map((x: any) => [x.field, x]));
    // The name did not change, so it is not in the history.
    expect(Object.keys(byField).sort()).toEqual(['carPlate', 'familyMembers', 'hobbyIds', 'joinReasons', 'mobile']);
    expect(byField.mobile).toMatchObject({ oldValue: '13912345678', newValue: '13700001111', changedById: officerId, changedByUsername: 'officer', masked: false });
    expect(byField.carPlate).toMatchObject({ oldValue: '苏A12345', newValue: '苏A54321' });
    expect(byField.familyMembers).toMatchObject({ oldValue: '林小宝（子女，男，2012-03-04）', newValue: null });
    expect(byField.joinReasons).toMatchObject({ oldValue: 'ACTIVITIES', newValue: 'ACTIVITIES,REFERRAL' });
    expect(byField.hobbyIds.oldValue).toMatch(/、/);
    expect(new Date(byField.mobile.changedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(h.body.find((x: any) => x.field === '_created')).toMatchObject({ newValue: '林晓梅' });
    expect(h.headers.get('x-total-count')).toBe(String(h.body.length));

    const page = await f.call('GET', `/api/members/${memberId}/history?_start=1&_end=3`, { token: f.tokens.officer });
    expect(page.body).toHaveLength(2);
    const mobileOnly = await f.call('GET', `/api/members/${memberId}/history?field=mobile`, { token: f.tokens.officer });
    expect(mobileOnly.body.map((x: any) => x.field)).toEqual(['mobile']);
  });

  it('M-11: history is append-only in the database', async () => {
    await expect(f.db.memberChange.updateMany({ where: { memberId }, data: { newValue: 'forged' } })).rejects.toThrow(/append-only|permission denied/);
    await expect(f.db.memberChange.deleteMany({ where: { memberId } })).rejects.toThrow(/append-only|permission denied/);
    expect(await f.db.memberChange.count({ where: { memberId, newValue: 'forged' } })).toBe(0);
  });

  it('M-11: the member officer reads personal values unmasked and the read is audit-logged', async () => {
    const h = await history(memberId, f.tokens.officer);
    expect(h.body.find((x: any) => x.field === 'mobile').newValue).toBe('13700001111');
    const audit = await f.db.auditLog.findFirst({ where: { action: 'READ_UNMASKED', resource: 'member-history', recordId: String(memberId), actorName: 'officer' } });
    expect(audit).not.toBeNull();
    expect((audit!.detail as any).fields).toContain('mobile');
  });

  it('M-11: a caller the masking policy does not allow sees personal values masked, and nothing is logged as unmasked', async () => {
    // The editor has no members:history at all; the masking rule itself is decided by MaskingPolicy,
    // which the privacy feature extends. Ask it to refuse the club manager for one request.
    expect((await history(memberId, f.tokens.editor)).status).toBe(403);
    const policy = f.api.app.get(MaskingPolicy);
    const spy = vi.spyOn(policy, 'canUnmask').mockResolvedValue(false);
    const logged = await f.db.auditLog.count({ where: { action: 'READ_UNMASKED', actorName: 'manager' } });
    try {
      const h = await history(memberId, f.tokens.manager);
      expect(h.status).toBe(200);
      const mobile = h.body.find((x: any) => x.field === 'mobile');
      expect(mobile).toMatchObject({ oldValue: '139****5678', newValue: '137****1111', masked: true });
      expect(h.body.find((x: any) => x.field === 'familyMembers').oldValue).toBe('林小宝（子女，男，2012-**-**）');
      expect(h.body.find((x: any) => x.field === 'carPlate')).toMatchObject({ newValue: '苏A54321', masked: false });
    } finally {
      spy.mockRestore();
    }
    expect(await f.db.auditLog.count({ where: { action: 'READ_UNMASKED', actorName: 'manager' } })).toBe(logged);
  });

  it('is region-scoped: another region answers 404', async () => {
    expect((await history(memberId, f.tokens.officer_sh)).status).toBe(404);
    expect((await history(999999, f.tokens.officer)).status).toBe(404);
  });
});

describe('M-6 change requests', () => {
  const create = (body: Record<string, unknown>, token = f.tokens.officer) => f.call('POST', '/api/change-requests', { token, body: { memberId, channel: 'FAX', description: '会员传真要求变更手机号码', ...body } });

  it('M-6: due 1 working day after receipt, across a weekend and the National Day holiday', async () => {
    const friday = await create({ receivedOn: '2026-11-20' });
    expect(friday.status).toBe(201);
    expect(friday.body).toMatchObject({ receivedOn: '2026-11-20', dueOn: '2026-11-23', status: 'OPEN', memberName: '林晓梅', channel: 'FAX' });
    const holiday = await create({ receivedOn: '2026-09-30', channel: 'LETTER' });
    expect(holiday.body.dueOn).toBe('2026-10-08');
    const saturday = await create({ receivedOn: '2026-10-03', channel: 'EMAIL' });
    expect(saturday.body.dueOn).toBe('2026-10-09'); // counting starts on the 8th
    const worked = await create({ receivedOn: '2026-10-09', channel: 'EMAIL' });
    expect(worked.body.dueOn).toBe('2026-10-10'); // the adjusted working Saturday
  });

  it('M-6: lists overdue requests (open past their due day) and filters by status, channel, member', async () => {
    const fresh = await create({ receivedOn: today, channel: 'IN_PERSON' });
    expect(fresh.body.overdue).toBe(false);
    const overdue = await f.call('GET', `/api/change-requests?overdue=true&memberId=${memberId}&_end=100`, { token: f.tokens.officer });
    expect(overdue.status).toBe(200);
    // 30 Sep, 3 Oct and 9 Oct are long past due (20 Nov's depends on today's date).
    expect(overdue.body.length).toBeGreaterThanOrEqual(3);
    expect(overdue.body.map((x: any) => x.receivedOn)).toEqual(expect.arrayContaining(['2026-09-30', '2026-10-03', '2026-10-09']));
    expect(overdue.body.every((x: any) => x.overdue && x.status === 'OPEN' && x.dueOn < today)).toBe(true);
    expect(overdue.body.map((x: any) => x.id)).not.toContain(fresh.body.id);
    const notOverdue = await f.call('GET', `/api/change-requests?overdue=false&memberId=${memberId}`, { token: f.tokens.officer });
    expect(notOverdue.body.map((x: any) => x.id)).toContain(fresh.body.id);
    const letters = await f.call('GET', '/api/change-requests?channel=LETTER&status=OPEN', { token: f.tokens.officer });
    expect(letters.body.length).toBe(1);
    expect(letters.headers.get('x-total-count')).toBe('1');
    const sorted = await f.call('GET', '/api/change-requests?_sort=dueOn&_order=asc', { token: f.tokens.officer });
    const dues = sorted.body.map((x: any) => x.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect((await f.call('GET', '/api/change-requests?overdue=maybe', { token: f.tokens.officer })).status).toBe(400);
    const search = await f.call('GET', `/api/change-requests?q=${encodeURIComponent('林晓梅')}`, { token: f.tokens.officer });
    expect(search.body.length).toBeGreaterThanOrEqual(5);
  });

  it('M-6: applying a request changes the member through the member rules, and the history links to the request', async () => {
    const cr = await create({ receivedOn: today, channel: 'EMAIL', changes: { mobile: '13600002222', carModel: '比亚迪 汉' } });
    expect(cr.status).toBe(201);
    expect(cr.body.changes).toEqual({ mobile: '13600002222', carModel: '比亚迪 汉' });
    const applied = await f.call('POST', `/api/change-requests/${cr.body.id}/apply`, { token: f.tokens.officer });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'APPLIED', handledByName: expect.any(String), overdue: false });
    const member = await f.db.member.findUniqueOrThrow({ where: { id: memberId } });
    expect(member.mobile).toBe('13600002222');
    expect(member.carModel).toBe('比亚迪 汉');
    const h = await history(memberId, f.tokens.officer, `&changeRequestId=${cr.body.id}`);
    expect(h.body.map((x: any) => [x.field, x.oldValue, x.newValue, x.changedById]).sort()).toEqual([
      ['carModel', '大众 帕萨特', '比亚迪 汉', officerId],
      ['mobile', '13700001111', '13600002222', officerId],
    ]);
    const again = await f.call('POST', `/api/change-requests/${cr.body.id}/apply`, { token: f.tokens.officer });
    expect(again.status).toBe(409);
    expect(await f.db.auditLog.count({ where: { resource: 'change-requests', recordId: String(cr.body.id), action: 'UPDATE' } })).toBe(1);
  });

  it('M-6/M-2: a request that would break eligibility is refused on apply and stays open', async () => {
    const cr = await create({ receivedOn: today, changes: { birthDate: '2015-01-01' } });
    expect(cr.status).toBe(201);
    const r = await f.call('POST', `/api/change-requests/${cr.body.id}/apply`, { token: f.tokens.officer });
    expect(r.status).toBe(400);
    expect(r.body.errors.birthDate).toBeTruthy();
    expect((await f.db.changeRequest.findUniqueOrThrow({ where: { id: cr.body.id } })).status).toBe('OPEN');
  });

  it('rejects with a reason; a handled request cannot be handled again', async () => {
    const cr = await create({ receivedOn: today, changes: { carPlate: '苏B00001' } });
    const noReason = await f.call('POST', `/api/change-requests/${cr.body.id}/reject`, { token: f.tokens.officer, body: {} });
    expect(noReason.status).toBe(400);
    const r = await f.call('POST', `/api/change-requests/${cr.body.id}/reject`, { token: f.tokens.officer, body: { reason: '签名与登记不符' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'REJECTED', rejectReason: '签名与登记不符' });
    expect((await f.call('POST', `/api/change-requests/${cr.body.id}/apply`, { token: f.tokens.officer })).status).toBe(409);
    expect((await f.call('POST', `/api/change-requests/${cr.body.id}/reject`, { token: f.tokens.officer, body: { reason: 'x' } })).status).toBe(409);
    expect((await f.db.member.findUniqueOrThrow({ where: { id: memberId } })).carPlate).not.toBe('苏B00001');
  });

  it('validates the request and the requested changes like a member edit', async () => {
    const bad = await create({ receivedOn: today, channel: 'PIGEON', changes: { mobile: '123', householdId: 3 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['changes.householdId', 'changes.mobile', 'channel']);
    const future = await create({ receivedOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors.receivedOn).toBeTruthy();
    const noMember = await create({ receivedOn: today, memberId: 999999 });
    expect(noMember.status).toBe(400);
    expect(noMember.body.errors.memberId).toBeTruthy();
  });

  it('is region-scoped and needs change-requests:manage', async () => {
    const cr = await create({ receivedOn: today });
    expect((await f.call('GET', `/api/change-requests/${cr.body.id}`, { token: f.tokens.officer_sh })).status).toBe(404);
    expect((await f.call('POST', `/api/change-requests/${cr.body.id}/apply`, { token: f.tokens.officer_sh })).status).toBe(404);
    const shList = await f.call('GET', '/api/change-requests?_end=500', { token: f.tokens.officer_sh });
    expect(shList.body.map((x: any) => x.id)).not.toContain(cr.body.id);
    const shCreate = await create({ receivedOn: today }, f.tokens.officer_sh);
    expect(shCreate.status).toBe(400);
    expect((await f.call('GET', '/api/change-requests', { token: f.tokens.editor })).status).toBe(403);
    expect((await create({ receivedOn: today }, f.tokens.editor)).status).toBe(403);
    expect((await f.call('GET', `/api/change-requests/${cr.body.id}`, { token: f.tokens.manager })).status).toBe(200);
  });
});
