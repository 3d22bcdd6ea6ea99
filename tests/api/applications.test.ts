// Applications from receipt to card issue (M-2..M-6, M-8, M-9) on a real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor } from '../../prisma/seed/factories.ts';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import { useApi } from '../support/fixture.ts';
import { applicationFor, householdIn } from '../support/member-payload.ts';

// Uploaded documents go to the fixture's own data folder.
const f = useApi({ members: 200, users: ['officer', 'officer_sh', 'marketing', 'manager', 'editor'] });
let nj: Awaited<ReturnType<typeof householdIn>>;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const today = () => iso(clubToday());
let serial = 100;

/** The application form of a spouse (M-4), without the household fields. */
function form(h: { householdId: number; ownerId: number }, overrides: Record<string, unknown> = {}) {
  serial += 1;
  const { householdId: _h, ownerId: _o, ...f } = applicationFor(h, { idNumber: idNumberFor('320106', new Date('1985-06-15T00:00:00Z'), 'FEMALE', 5000 + serial), ...overrides });
  return f;
}

function receiveBody(h: { householdId: number; ownerId: number }, overrides: Record<string, unknown> = {}, formOverrides: Record<string, unknown> = {}) {
  return {
    householdId: h.householdId,
    ownerId: h.ownerId,
    form: form(h, formOverrides),
    collectionPoint: 'MANAGEMENT_OFFICE',
    collectionPlace: '一期物业管理处',
    receivedOn: today(),
    documentsPresent: ['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM'],
    ...overrides,
  };
}

async function receive(h: { householdId: number; ownerId: number }, overrides: Record<string, unknown> = {}) {
  const r = await f.api.call('POST', '/api/applications', { token: f.tokens.officer, body: receiveBody(h, overrides) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function step(id: number, action: string, body: unknown = {}, token = f.tokens.officer) {
  return f.api.call('POST', `/api/applications/${id}/${action}`, { token, body });
}

/** Received → complete → verified, ready for the decision. */
async function verified(h: { householdId: number; ownerId: number }) {
  const a = await receive(h);
  expect((await step(a.id, 'check', { missingItems: [] })).status).toBe(201);
  expect((await step(a.id, 'verify', { note: '与购房合同一致' })).status).toBe(201);
  return a;
}

function upload(id: number, kind: string, bytes: Buffer, name: string, token = f.tokens.officer) {
  return f.upload(`/api/applications/${id}/documents`, { token, fields: { kind }, file: { name, type: '', data: bytes } });
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake png body for the test')]);

beforeAll(async () => {
  nj = await householdIn(f.db, 'NJ');
  const staff = await f.db.staffUser.findFirstOrThrow({ where: { username: 'officer' } });
  await f.db.cardRange.create({ data: { prefix: 'TEST', fromNo: 1, toNo: 9999, nextNo: 1, digits: 6, createdById: staff.id } });
}, 120_000);

describe('receipt (M-4, M-5, M-8)', () => {
  it('refuses a receipt dated after today (the fee and the deadline count from it)', async () => {
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const r = await f.api.call('POST', '/api/applications', { token: f.tokens.officer, body: receiveBody(nj, { receivedOn: tomorrow }) });
    expect(r.status).toBe(400);
    expect(r.body.errors.receivedOn).toBeTruthy();
  });

  it('M-6: the completeness check is due 2 working days after receipt, across the National Day holiday', async () => {
    // 2026-09-30 (Wed); 1–7 Oct are the holiday, 8 and 9 Oct the first working days.
    const a = await receive(nj, { receivedOn: '2026-09-30' });
    expect(a.status).toBe('RECEIVED');
    expect(a.applicationNo).toMatch(/^SQ2026-\d{6}$/);
    expect(a.dueOn).toBe('2026-10-09');
    expect(a.receiptNo).toBeTruthy();
    const fee = await f.db.feeEntry.findFirstOrThrow({ where: { applicationId: a.id } });
    expect(fee.receiptNo).toBe(a.receiptNo);
    expect(fee.kind).toBe('NEW_CARD');
  });

  it('M-2: an applicant under 18 is refused at receipt on form.birthDate', async () => {
    const d = clubToday();
    d.setUTCFullYear(d.getUTCFullYear() - 17);
    const r = await f.api.call('POST', '/api/applications', { token: f.tokens.officer, body: receiveBody(nj, {}, { birthDate: iso(d), relation: 'CHILD' }) });
    expect(r.status).toBe(400);
    expect(r.body.errors['form.birthDate']).toContain('18');
  });

  it('M-4: the form is validated like a member (field errors under form.)', async () => {
    const r = await f.api.call('POST', '/api/applications', { token: f.tokens.officer, body: receiveBody(nj, { collectionPoint: 'BY_PIGEON' }, { mobile: '123', bogus: 1 }) });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.errors)).toEqual(expect.arrayContaining(['collectionPoint']));
    const r2 = await f.api.call('POST', '/api/applications', { token: f.tokens.officer, body: receiveBody(nj, {}, { mobile: '123' }) });
    expect(r2.status).toBe(400);
    expect(r2.body.errors['form.mobile']).toBeTruthy();
  });

  it('only roles with applications:manage receive applications', async () => {
    expect((await f.api.call('POST', '/api/applications', { token: f.tokens.editor, body: receiveBody(nj) })).status).toBe(403);
    expect((await f.api.call('POST', '/api/applications', { token: f.tokens.marketing, body: receiveBody(nj) })).status).toBe(403);
  });
});

describe('the state machine (M-6)', () => {
  it('takes one application from receipt through card issue; the member then exists', async () => {
    const a = await receive(nj);
    const incomplete = await step(a.id, 'check', { missingItems: ['PHOTO'], notified: true });
    expect(incomplete.status).toBe(201);
    expect(incomplete.body.status).toBe('INCOMPLETE');
    expect(incomplete.body.missingItems).toEqual(['PHOTO']);
    expect(incomplete.body.applicantNotifiedAt).toBeTruthy();

    const complete = await step(a.id, 'check', { missingItems: [] });
    expect(complete.body.status).toBe('COMPLETE');
    expect(complete.body.completeOn).toBe(today());
    const threeWd = iso(await f.api.app.get((await import('../../server/src/calendar/calendar.service.ts')).CalendarService).addWorkingDays(clubToday(), 3));
    expect(complete.body.dueOn).toBe(threeWd);

    // Illegal: deciding before verification.
    const early = await step(a.id, 'approve');
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('资料齐全');

    expect((await step(a.id, 'verify', { note: '已核对购房合同' })).body.status).toBe('VERIFIED');
    const approved = await step(a.id, 'approve');
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    expect(approved.body.status).toBe('APPROVED');
    const member = await f.db.member.findUniqueOrThrow({ where: { id: approved.body.memberId } });
    expect(member.cardHolder).toBe(true);
    expect(member.householdId).toBe(nj.householdId);

    const producing = await step(a.id, 'produce-card');
    expect(producing.status, JSON.stringify(producing.body)).toBe(201);
    expect(producing.body.status).toBe('CARD_IN_PRODUCTION');
    expect(producing.body.card.cardNo).toMatch(/^TEST\d{6}$/);
    const twentyWd = iso(await f.api.app.get((await import('../../server/src/calendar/calendar.service.ts')).CalendarService).addWorkingDays(clubToday(), 20));
    expect(producing.body.dueOn).toBe(twentyWd);

    expect((await step(a.id, 'card-ready', { ownerPhoned: true })).body.status).toBe('CARD_READY');
    const unsigned = await step(a.id, 'issue', { collectorName: '林晓梅', collectorSigned: false, collectorIdChecked: true });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.errors.collectorSigned).toBeTruthy();
    const issued = await step(a.id, 'issue', { collectorName: '林晓梅', collectorPhone: '13912345678', collectorSigned: true, collectorIdChecked: true });
    expect(issued.status).toBe(201);
    expect(issued.body.status).toBe('ISSUED');
    expect(issued.body.dueOn).toBeNull();
    expect(issued.body.card.status).toBe('ISSUED');
    expect(issued.body.events.map((e: any) => e.toStatus)).toEqual(['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED', 'APPROVED', 'CARD_IN_PRODUCTION', 'CARD_READY', 'ISSUED']);
    const audits = await f.db.auditLog.count({ where: { resource: 'applications', recordId: String(a.id), action: { in: ['CREATE', 'UPDATE'] } } });
    expect(audits).toBe(8);

    // Nothing follows ISSUED.
    const again = await step(a.id, 'issue', { collectorName: 'x', collectorSigned: true, collectorIdChecked: true });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已发卡');
  });

  it('rejects with a reason and reverses the card fee (M-8)', async () => {
    const a = await receive(nj);
    expect((await step(a.id, 'reject', {})).status).toBe(400);
    const r = await step(a.id, 'reject', { reason: '非本楼盘业主' });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('REJECTED');
    expect(r.body.rejectionReason).toBe('非本楼盘业主');
    expect(r.body.fee.reversed).toBe(true);
    expect((await step(a.id, 'check', { missingItems: [] })).status).toBe(409);
  });

  it('marketing verifies when asked: the application is on marketing’s task list until then', async () => {
    const a = await receive(nj);
    await step(a.id, 'check', { missingItems: [] });
    // Not asked yet: marketing may neither verify nor ask itself (M-6), whatever the admin shows.
    expect((await step(a.id, 'verify', { note: '未经请求' }, f.tokens.marketing)).status).toBe(403);
    expect((await step(a.id, 'verify', { askMarketing: true }, f.tokens.marketing)).status).toBe(403);
    const asked = await step(a.id, 'verify', { askMarketing: true, note: '合同上的姓名与身份证不一致，请营销核实' });
    expect(asked.body.status).toBe('COMPLETE');
    expect(asked.body.marketingAskedAt).toBeTruthy();
    const tasks = await f.api.call('GET', '/api/applications/tasks?_end=200', { token: f.tokens.marketing });
    expect(tasks.body.data.map((x: any) => x.id)).toContain(a.id);
    const v = await step(a.id, 'verify', { note: '营销核实无误' }, f.tokens.marketing);
    expect(v.body.status).toBe('VERIFIED');
    // Marketing may not decide.
    expect((await step(a.id, 'approve', {}, f.tokens.marketing)).status).toBe(403);
  });

  it('two concurrent transitions of the same application: exactly one succeeds', async () => {
    const a = await receive(nj);
    await step(a.id, 'check', { missingItems: [] });
    const results = await Promise.all([step(a.id, 'verify', {}), step(a.id, 'verify', {})]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const events = await f.db.applicationEvent.count({ where: { applicationId: a.id, toStatus: 'VERIFIED' } });
    expect(events).toBe(1);
  });
});

describe('M-3 card limit at approval', () => {
  it('M-3: two applications that would give a household a third card, approved concurrently: exactly one succeeds', async () => {
    const h = await f.db.household.findFirstOrThrow({ where: { project: { regionCode: 'NJ' }, activeCards: 0, id: { not: nj.householdId } }, include: { owners: true }, orderBy: { id: 'desc' } });
    const hh = { householdId: h.id, ownerId: h.owners[0].id };
    const first = await verified(hh);
    expect((await step(first.id, 'approve')).status).toBe(201);
    const [b, c] = [await verified(hh), await verified(hh)];
    const results = await Promise.all([step(b.id, 'approve'), step(c.id, 'approve')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.message).toContain('持卡上限');
    expect(refused.body.message).toContain('超额');
    const after = await f.db.household.findUniqueOrThrow({ where: { id: h.id } });
    expect(after.activeCards).toBe(2);
    // The refused application stays VERIFIED, with no member.
    const loser = await f.db.application.findUniqueOrThrow({ where: { id: (results[0].status === 409 ? b : c).id } });
    expect(loser.status).toBe('VERIFIED');
    expect(loser.memberId).toBeNull();

    // A new application for the full household is accepted with a warning.
    const r = await f.api.call('POST', '/api/applications', { token: f.tokens.officer, body: receiveBody(hh) });
    expect(r.status).toBe(201);
    expect(r.body.warnings.map((w: any) => w.key)).toContain('applications.cardLimitWarning');

    // The third card through an exception the club manager and the division leader approve; the
    // approval that uses it is linked to it.
    const [manager, leader] = await Promise.all([f.api.login('manager'), f.api.login('leader')]);
    const ex = await f.api.call('POST', '/api/card-limit-exceptions', { token: f.tokens.officer, body: { householdId: h.id, reason: '三代同堂，祖父母也需入会' } });
    expect(ex.status).toBe(201);
    expect((await f.api.call('POST', `/api/card-limit-exceptions/${ex.body.id}/approve`, { token: manager, body: {} })).status).toBeLessThan(300);
    expect((await f.api.call('POST', `/api/card-limit-exceptions/${ex.body.id}/approve`, { token: leader, body: {} })).status).toBeLessThan(300);
    const third = results[0].status === 409 ? b : c;
    expect((await step(third.id, 'approve')).status).toBe(201);
    expect((await f.db.application.findUniqueOrThrow({ where: { id: third.id } })).exceptionId).toBe(ex.body.id);
    expect((await f.db.application.findUniqueOrThrow({ where: { id: first.id } })).exceptionId).toBeNull();
  });
});

describe('lists, deadlines and tasks (M-6)', () => {
  it('flags overdue applications and filters them; each role sees its tasks', async () => {
    const late = await receive(nj, { receivedOn: '2026-01-05' });
    expect(late.dueOn).toBe('2026-01-07');
    expect(late.overdue).toBe(true);
    expect(late.workingDaysLeft).toBeLessThan(0);

    const fresh = await receive(nj);
    expect(fresh.overdue).toBe(false);
    expect(fresh.workingDaysLeft).toBeGreaterThanOrEqual(1);

    const overdue = await f.api.call('GET', '/api/applications?overdue=true&_sort=dueOn&_end=500', { token: f.tokens.officer });
    expect(overdue.status).toBe(200);
    const ids = overdue.body.map((x: any) => x.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(fresh.id);
    expect(overdue.body.every((x: any) => x.overdue)).toBe(true);
    const dues = overdue.body.map((x: any) => x.dueOn);
    expect(dues).toEqual([...dues].sort());

    const byName = await f.api.call('GET', `/api/applications?q=${encodeURIComponent(late.applicationNo)}`, { token: f.tokens.officer });
    expect(byName.body.map((x: any) => x.id)).toEqual([late.id]);
    const filtered = await f.api.call('GET', `/api/applications?status=RECEIVED&collectionPoint=MANAGEMENT_OFFICE&receivedOn_gte=2026-01-01&receivedOn_lte=2026-01-31&_end=500`, { token: f.tokens.officer });
    expect(filtered.body.map((x: any) => x.id)).toContain(late.id);
    expect(filtered.body.every((x: any) => x.receivedOn.startsWith('2026-01'))).toBe(true);

    const mine = await f.api.call('GET', '/api/applications/tasks?overdueOnly=true&_end=200', { token: f.tokens.officer });
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((x: any) => x.id)).toContain(late.id);
    expect(mine.body.data.map((x: any) => x.id)).not.toContain(fresh.id);
    expect(mine.body.counts.find((c: any) => c.status === 'RECEIVED').overdue).toBeGreaterThanOrEqual(1);

    const managerView = await f.api.call('GET', '/api/applications/tasks?_end=200', { token: f.tokens.manager });
    expect(managerView.body.data.map((x: any) => x.id)).toContain(late.id);
    expect(managerView.body.data.every((x: any) => x.overdue)).toBe(true);
    expect((await f.api.call('GET', '/api/applications/tasks', { token: f.tokens.editor })).status).toBe(403);
  });

  it('region scoping: officer_sh sees neither NJ applications nor their details', async () => {
    const a = await receive(nj);
    const list = await f.api.call('GET', '/api/applications?_end=500', { token: f.tokens.officer_sh });
    expect(list.status).toBe(200);
    expect(list.body.every((x: any) => x.regionCode === 'SH')).toBe(true);
    expect((await f.api.call('GET', `/api/applications/${a.id}`, { token: f.tokens.officer_sh })).status).toBe(404);
    expect((await step(a.id, 'check', { missingItems: [] }, f.tokens.officer_sh)).status).toBe(404);
    expect((await f.api.call('POST', '/api/applications', { token: f.tokens.officer_sh, body: receiveBody(nj) })).status).toBe(400);
  });

  it('M-11: the form is masked for roles without members:unmask', async () => {
    const a = await receive(nj);
    const asOfficer = await f.api.call('GET', `/api/applications/${a.id}`, { token: f.tokens.officer });
    const asMarketing = await f.api.call('GET', `/api/applications/${a.id}`, { token: f.tokens.marketing });
    expect(asOfficer.body.form.mobile).toBe('13912345678');
    expect(asMarketing.body.form.mobile).not.toBe('13912345678');
    expect(asMarketing.body.form.idNumber).toContain('*');
  });
});

describe('documents (M-5)', () => {
  it('uploads JPG/PNG/PDF up to 10 MB, refuses other types and bigger files, and streams them to unmasked roles only', async () => {
    const a = await receive(nj);
    const ok = await upload(a.id, 'PHOTO', PNG, '照片.png');
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.mimeType).toBe('image/png');
    expect(ok.body.fileName).toBe('照片.png');
    const row = await f.db.applicationDocument.findUniqueOrThrow({ where: { id: ok.body.id } });
    expect(row.storageKey).toMatch(/^[0-9a-f]{32}$/);

    const text = await upload(a.id, 'ID_COPY', Buffer.from('just text, renamed'), 'id.jpg');
    expect(text.status).toBe(400);
    expect(text.body.errors.file).toContain('JPG');
    const big = await upload(a.id, 'ID_COPY', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10)]), 'big.pdf');
    expect(big.status).toBe(413);
    expect(big.body.message).toContain('10 MB');
    expect((await upload(a.id, 'PASSPORT_SCAN', PNG, 'x.png')).status).toBe(400);

    const got = await fetch(`${f.api.baseUrl}/api/applications/${a.id}/documents/${ok.body.id}`, { headers: { authorization: `Bearer ${f.tokens.officer}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
    expect(await f.db.auditLog.count({ where: { action: 'READ_UNMASKED', resource: 'application-documents', recordId: String(ok.body.id) } })).toBe(1);

    const masked = await fetch(`${f.api.baseUrl}/api/applications/${a.id}/documents/${ok.body.id}`, { headers: { authorization: `Bearer ${f.tokens.marketing}` } });
    expect(masked.status).toBe(403);
    const detail = await f.api.call('GET', `/api/applications/${a.id}`, { token: f.tokens.officer });
    expect(detail.body.documents).toHaveLength(1);
  });
});

describe('pickup batches (M-5, appendix 2)', () => {
  it('collects unbatched applications into a batch with the handover rows, and warns when not a Tuesday', async () => {
    const [a, b] = [await receive(nj), await receive(nj)];
    const r = await f.api.call('POST', '/api/pickup-batches', {
      token: f.tokens.officer,
      body: { pickupOn: '2026-11-23', collectionPoint: 'MANAGEMENT_OFFICE', collectionPlace: '一期物业管理处', handedOverBy: '物业 王前台', applicationIds: [a.id, b.id] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.batchNo).toMatch(/^QJ2026-\d{4}$/);
    expect(r.body.warnings.map((w: any) => w.key)).toEqual(['applications.notTuesday']);
    expect(r.body.rows.map((x: any) => x.applicationNo)).toEqual([a.applicationNo, b.applicationNo]);
    expect(r.body.rows[0]).toMatchObject({ name: '林晓梅', handedOverBy: '物业 王前台', receivedBy: expect.any(String), documents: expect.arrayContaining(['PHOTO']) });
    expect(r.body.rows[0].unit).toMatch(/室$/);
    const h = await f.db.household.findUniqueOrThrow({ where: { id: nj.householdId }, include: { project: true, unit: { include: { building: true } } } });
    expect(r.body.rows[0]).toMatchObject({ projectName: h.project.name, unit: `${h.unit.building.name}${h.unit.number}室` });

    const again = await f.api.call('POST', '/api/pickup-batches', {
      token: f.tokens.officer,
      body: { pickupOn: '2026-11-24', collectionPoint: 'MANAGEMENT_OFFICE', handedOverBy: '物业 王前台', applicationIds: [b.id] },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(b.applicationNo);

    const unbatched = await f.api.call('GET', '/api/applications?batched=false&_end=500', { token: f.tokens.officer });
    expect(unbatched.body.map((x: any) => x.id)).not.toContain(a.id);
    const list = await f.api.call('GET', '/api/pickup-batches', { token: f.tokens.officer });
    expect(list.body.find((x: any) => x.id === r.body.id).applicationCount).toBe(2);
    expect((await f.api.call('GET', `/api/pickup-batches/${r.body.id}`, { token: f.tokens.officer_sh })).status).toBe(404);
  });
});
