// Club settings (card fee M-8, M-6 deadlines): defaults in code, changed by the club manager.
import { beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor } from '../../prisma/seed/factories.ts';
import { applicationFor } from '../support/member-payload.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 60, users: ['manager', 'officer', 'editor'] });

let household: { householdId: number; ownerId: number };
let serial = 9000;

beforeAll(async () => {
  // A project that pays the fee (newly launched projects are waived, M-8).
  const h = await f.db.household.findFirstOrThrow({ where: { project: { newlyLaunched: false } }, include: { owners: true }, orderBy: { id: 'asc' } });
  household = { householdId: h.id, ownerId: h.owners[0].id };
}, 120_000);

async function receive(receivedOn: string) {
  serial += 1;
  const { householdId: _h, ownerId: _o, ...form } = applicationFor(household, { idNumber: idNumberFor('320106', new Date('1985-06-15T00:00:00Z'), 'FEMALE', serial) });
  const r = await f.call('POST', '/api/applications', {
    token: f.tokens.officer,
    body: {
      ...household,
      form,
      collectionPoint: 'MANAGEMENT_OFFICE',
      collectionPlace: '一期物业管理处',
      receivedOn,
      documentsPresent: ['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM'],
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('club settings', () => {
  it('returns the defaults to any signed-in user', async () => {
    const r = await f.call('GET', '/api/settings', { token: f.tokens.editor });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ cardFeeFen: 2000, completenessCheckDays: 2, dataEntryDays: 3, cardMadeDays: 20, changeRequestDays: 1 });
  });

  it('only the club manager may change them, and bad values are refused on the field', async () => {
    expect((await f.call('PATCH', '/api/settings', { token: f.tokens.officer, body: { cardFeeFen: 3000 } })).status).toBe(403);
    for (const [field, value] of [
      ['cardFeeFen', -1],
      ['cardFeeFen', 0], // a fee that is not waived is never 0 (the ledger's CHECK); newly launched projects are waived
      ['cardFeeFen', 100_001],
      ['cardFeeFen', 20.5],
      ['completenessCheckDays', 0],
      ['dataEntryDays', 61],
      ['cardMadeDays', 'twenty'],
      ['changeRequestDays', 1.5],
    ] as const) {
      const r = await f.call('PATCH', '/api/settings', { token: f.tokens.manager, body: { [field]: value } });
      expect(r.status, `${field}=${value}`).toBe(400);
      expect(r.body.errors[field], `${field}=${value}`).toBeTruthy();
    }
    expect((await f.call('PATCH', '/api/settings', { token: f.tokens.manager, body: { bogus: 1 } })).status).toBe(400);
    expect((await f.call('GET', '/api/settings', { token: f.tokens.editor })).body.cardFeeFen).toBe(2000);
  });

  it('M-8, M-6: a changed fee and completeness deadline apply to the next application, and are audit-logged', async () => {
    // Warm the cache, so the test proves an update clears it.
    const before = await receive('2026-11-16'); // Monday
    expect(before.dueOn).toBe('2026-11-18');
    expect((await f.db.feeEntry.findFirstOrThrow({ where: { applicationId: before.id } })).amountFen).toBe(2000);

    const r = await f.call('PATCH', '/api/settings', { token: f.tokens.manager, body: { cardFeeFen: 3000, completenessCheckDays: 3 } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ cardFeeFen: 3000, completenessCheckDays: 3, dataEntryDays: 3, cardMadeDays: 20, changeRequestDays: 1 });
    expect((await f.call('GET', '/api/settings', { token: f.tokens.officer })).body).toMatchObject({ cardFeeFen: 3000, completenessCheckDays: 3 });

    const after = await receive('2026-11-16');
    expect(after.dueOn).toBe('2026-11-19'); // 3 working days after Monday
    expect((await f.db.feeEntry.findFirstOrThrow({ where: { applicationId: after.id } })).amountFen).toBe(3000);
    // Across the National Day holiday: 30 Sep + 3 working days = 8, 9, 10 (the worked Saturday) Oct.
    expect((await receive('2026-09-30')).dueOn).toBe('2026-10-10');

    const audit = await f.db.auditLog.findMany({ where: { resource: 'settings' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.recordId, a.actorName, a.detail])).toEqual([
      ['UPDATE', 'cardFeeFen', 'manager', { old: 2000, new: 3000 }],
      ['UPDATE', 'completenessCheckDays', 'manager', { old: 2, new: 3 }],
    ]);
  });

  it('M-6: the change-request deadline follows changeRequestDays', async () => {
    expect((await f.call('PATCH', '/api/settings', { token: f.tokens.manager, body: { changeRequestDays: 2 } })).status).toBe(200);
    const member = await f.db.member.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const r = await f.call('POST', '/api/change-requests', { token: f.tokens.officer, body: { memberId: member.id, channel: 'FAX', description: '会员传真要求变更手机号码', receivedOn: '2026-11-20' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.dueOn).toBe('2026-11-24'); // Friday + 2 working days
  });
});
