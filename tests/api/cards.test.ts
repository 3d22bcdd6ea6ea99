import { beforeAll, describe, expect, it } from 'vitest';
import { applicationFor } from '../support/member-payload.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 200 });

let officer: string;
let officerSh: string;
let manager: string;
let leader: string;
let editor: string;

beforeAll(async () => {
  [officer, officerSh, manager, leader, editor] = await Promise.all(['officer', 'officer_sh', 'manager', 'leader', 'editor'].map((u) => f.token(u)));
});

/** One member of each household that holds no card yet, up to n. */
async function membersOfDistinctHouseholds(n: number) {
  const rows = await f.db.member.findMany({ where: { cardHolder: false, household: { activeCards: 0 } }, orderBy: { id: 'asc' }, select: { id: true, householdId: true, projectId: true } });
  const seen = new Set<number>();
  return rows.filter((m) => !seen.has(m.householdId) && seen.add(m.householdId)).slice(0, n);
}

describe('M-7: card numbers from ranges', () => {
  it('M-7: 50 concurrent allocations get 50 distinct numbers within the range; exhaustion answers 409', async () => {
    // A channel range (no project) is the fallback for every project while no project range exists.
    const range = await f.call('POST', '/api/card-ranges', { token: manager, body: { prefix: 'ch', fromNo: 1, toNo: 50, digits: 5, channel: '售楼处' } });
    expect(range.status).toBe(201);
    expect(range.body).toMatchObject({ prefix: 'CH', nextNo: 1, remaining: 50, firstCardNo: 'CH00001', lastCardNo: 'CH00050' });

    const members = await membersOfDistinctHouseholds(51);
    const results = await Promise.all(members.slice(0, 50).map((m) => f.call('POST', `/api/members/${m.id}/cards`, { token: officer })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.body.cardNo as string);
    expect(new Set(numbers).size).toBe(50);
    expect([...numbers].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `CH${String(i + 1).padStart(5, '0')}`));
    expect(results.every((r) => r.body.status === 'IN_PRODUCTION')).toBe(true);

    const exhausted = await f.call('POST', `/api/members/${members[50].id}/cards`, { token: officer });
    expect(exhausted.status).toBe(409);
    expect(exhausted.body.message).toContain('号段');
    const after = await f.call('GET', `/api/card-ranges/${range.body.id}`, { token: officer });
    expect(after.body).toMatchObject({ nextNo: 51, remaining: 0, used: 50 });
  });

  it('M-7: overlapping ranges with the same prefix are refused; other prefixes may reuse the numbers', async () => {
    const overlap = await f.call('POST', '/api/card-ranges', { token: manager, body: { prefix: 'CH', fromNo: 40, toNo: 80, channel: '售楼处' } });
    expect(overlap.status).toBe(400);
    expect(overlap.body.errors.fromNo).toContain('重叠');
    const projects = await f.db.project.findMany({ orderBy: { id: 'asc' } });
    for (const [i, p] of projects.entries()) {
      const r = await f.call('POST', '/api/card-ranges', { token: manager, body: { prefix: `P${i + 1}`, fromNo: 1, toNo: 5000, projectId: p.id } });
      expect(r.status).toBe(201);
    }
    const bad = await f.call('POST', '/api/card-ranges', { token: manager, body: { prefix: 'X', fromNo: 10, toNo: 5, projectId: projects[0].id } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.toNo).toBeTruthy();
    const forbidden = await f.call('POST', '/api/card-ranges', { token: officer, body: { prefix: 'Y', fromNo: 1, toNo: 5, projectId: projects[0].id } });
    expect(forbidden.status).toBe(403);
    const list = await f.call('GET', '/api/card-ranges?active=true', { token: officer });
    expect(Number(list.headers.get('x-total-count'))).toBe(projects.length + 1);
  });

  it('M-7: a member with a valid card gets no second one; the project range is used before the channel', async () => {
    const [m] = await membersOfDistinctHouseholds(1);
    const first = await f.call('POST', `/api/members/${m.id}/cards`, { token: officer });
    expect(first.status).toBe(201);
    const project = await f.db.project.findUniqueOrThrow({ where: { id: m.projectId } });
    const range = await f.db.cardRange.findFirstOrThrow({ where: { projectId: project.id } });
    expect(first.body.cardNo.startsWith(range.prefix)).toBe(true);
    const second = await f.call('POST', `/api/members/${m.id}/cards`, { token: officer });
    expect(second.status).toBe(409);
  });
});

describe('M-3: card limit per household', () => {
  let household: { id: number; ownerId: number };
  let memberIds: number[];

  beforeAll(async () => {
    // A household with three members and no card yet.
    const h = await f.db.household.findFirstOrThrow({ where: { activeCards: 0, members: { some: {} } }, include: { owners: true, members: true }, orderBy: { id: 'desc' } });
    household = { id: h.id, ownerId: h.owners[0].id };
    memberIds = h.members.map((m) => m.id);
    for (let i = 0; memberIds.length < 3; i++) {
      const r = await f.call('POST', '/api/members', { token: officer, body: applicationFor({ householdId: h.id, ownerId: h.owners[0].id }, { name: `林晓${'梅兰竹'[i]}` }) });
      expect(r.status).toBe(201);
      memberIds.push(r.body.id);
    }
  });

  it('M-3: two simultaneous attempts at the last card of a household: exactly one succeeds, the other gets 409', async () => {
    const first = await f.call('POST', `/api/members/${memberIds[0]}/cards`, { token: officer });
    expect(first.status).toBe(201);
    const [a, b] = await Promise.all([
      f.call('POST', `/api/members/${memberIds[1]}/cards`, { token: officer }),
      f.call('POST', `/api/members/${memberIds[2]}/cards`, { token: officer }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.message).toBe('该户会员卡已达持卡上限（每户 2 张，经批准的超额除外），不能再办卡或批准。如确有需要，请由会员管理专员提出超额申请，经客户会经理和分管领导批准');
    const h = await f.db.household.findUniqueOrThrow({ where: { id: household.id } });
    expect(h).toMatchObject({ activeCards: 2, cardLimit: 2 });
    // The refused allocation took no number: nothing half-done is left behind.
    expect(await f.db.card.count({ where: { householdId: household.id } })).toBe(2);
  });

  it('M-3: the database refuses a third card holder even outside the API (two connections racing)', async () => {
    const other = await f.db.household.findFirstOrThrow({ where: { activeCards: 0, id: { not: household.id } }, include: { owners: true, members: true }, orderBy: { id: 'asc' } });
    const ids = other.members.map((m) => m.id);
    while (ids.length < 3) {
      const r = await f.call('POST', '/api/members', { token: officer, body: applicationFor({ householdId: other.id, ownerId: other.owners[0].id }, { name: `赵${ids.length}芳` }) });
      ids.push(r.body.id);
    }
    await f.db.member.update({ where: { id: ids[0] }, data: { cardHolder: true } });
    const race = await Promise.allSettled([
      f.db.$executeRaw`UPDATE members SET "cardHolder" = true WHERE id = ${ids[1]}`,
      f.db.$executeRaw`UPDATE members SET "cardHolder" = true WHERE id = ${ids[2]}`,
    ]);
    expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const err = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(err.reason?.message) + JSON.stringify(err.reason?.meta ?? {})).toContain('households_card_limit_check');
  });

  it('M-3: a third card only after the member officer requests and both the club manager and the division leader approve', async () => {
    const holders = await f.db.member.findMany({ where: { householdId: household.id, cardHolder: true }, select: { id: true } });
    const without = memberIds.find((id) => !holders.some((h) => h.id === id))!;
    expect(without).toBeTruthy();

    const byManager = await f.call('POST', '/api/card-limit-exceptions', { token: manager, body: { householdId: household.id, reason: '三代同堂' } });
    expect(byManager.status).toBe(403);
    const req = await f.call('POST', '/api/card-limit-exceptions', { token: officer, body: { householdId: household.id, reason: '三代同堂，老人需单独持卡' } });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ status: 'PENDING', cardLimit: 2, activeCards: 2 });
    const twice = await f.call('POST', '/api/card-limit-exceptions', { token: officer, body: { householdId: household.id, reason: '重复' } });
    expect(twice.status).toBe(409);

    const officerApproves = await f.call('POST', `/api/card-limit-exceptions/${req.body.id}/approve`, { token: officer, body: {} });
    expect(officerApproves.status).toBe(403);

    const m = await f.call('POST', `/api/card-limit-exceptions/${req.body.id}/approve`, { token: manager, body: {} });
    expect(m.status).toBe(201);
    expect(m.body.status).toBe('PENDING');
    expect(m.body.managerDecisionAt).toBeTruthy();
    expect((await f.call('POST', `/api/members/${without}/cards`, { token: officer })).status).toBe(409);
    expect((await f.call('POST', `/api/card-limit-exceptions/${req.body.id}/approve`, { token: manager, body: {} })).status).toBe(409);

    const l = await f.call('POST', `/api/card-limit-exceptions/${req.body.id}/approve`, { token: leader, body: { note: '同意' } });
    expect(l.status).toBe(201);
    expect(l.body).toMatchObject({ status: 'APPROVED', cardLimit: 3 });

    const card = await f.call('POST', `/api/members/${without}/cards`, { token: officer });
    expect(card.status).toBe(201);
    expect((await f.db.household.findUniqueOrThrow({ where: { id: household.id } })).activeCards).toBe(3);
  });

  it('M-3: a rejection by either approver ends the exception without raising the limit', async () => {
    const other = await f.db.household.findFirstOrThrow({ where: { activeCards: 0, cardLimitExceptions: { none: {} } }, orderBy: { id: 'asc' } });
    const req = await f.call('POST', '/api/card-limit-exceptions', { token: officer, body: { householdId: other.id, reason: '申请第三张卡' } });
    const rej = await f.call('POST', `/api/card-limit-exceptions/${req.body.id}/reject`, { token: leader, body: { note: '不符合条件' } });
    expect(rej.status).toBe(201);
    expect(rej.body).toMatchObject({ status: 'REJECTED', cardLimit: 2 });
    expect(rej.body.decisionNote).toContain('不符合条件');
    expect((await f.call('POST', `/api/card-limit-exceptions/${req.body.id}/approve`, { token: manager, body: {} })).status).toBe(409);
    const list = await f.call('GET', '/api/card-limit-exceptions?status=REJECTED', { token: officer });
    expect(list.body.map((e: any) => e.id)).toContain(req.body.id);
  });
});

describe('M-9: ready, issue and the appendix-4 issue record', () => {
  it('M-9: issue refuses without the collector signature or the ID check, and before the card is ready', async () => {
    const [m] = await membersOfDistinctHouseholds(1);
    const card = (await f.call('POST', `/api/members/${m.id}/cards`, { token: officer })).body;
    const early = await f.call('POST', `/api/cards/${card.id}/issue`, { token: officer, body: { collectorName: '张三', collectorSigned: true, collectorIdChecked: true } });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('“制卡中”');
    // The status is named in the caller's language, like the message around it.
    const earlyEn = await f.call('POST', `/api/cards/${card.id}/issue`, { token: officer, lang: 'en', body: { collectorName: '张三', collectorSigned: true, collectorIdChecked: true } });
    expect(earlyEn.status).toBe(409);
    expect(earlyEn.body.message).toBe('The card is in production; this action is not possible');

    const ready = await f.call('POST', `/api/cards/${card.id}/ready`, { token: officer, body: { ownerPhoned: true } });
    expect(ready.status).toBe(201);
    expect(ready.body.status).toBe('READY');
    expect(ready.body.readyOn).toBeTruthy();
    expect(ready.body.ownerPhonedAt).toBeTruthy();

    const unsigned = await f.call('POST', `/api/cards/${card.id}/issue`, { token: officer, body: { collectorName: '张三', collectorSigned: false, collectorIdChecked: true } });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.errors.collectorSigned).toContain('签字');
    const noId = await f.call('POST', `/api/cards/${card.id}/issue`, { token: officer, body: { collectorName: '张三', collectorSigned: true, collectorIdChecked: false } });
    expect(noId.status).toBe(400);
    expect(noId.body.errors.collectorIdChecked).toBeTruthy();
    expect((await f.db.card.findUniqueOrThrow({ where: { id: card.id } })).status).toBe('READY');

    const issued = await f.call('POST', `/api/cards/${card.id}/issue`, { token: officer, body: { collectorName: '张三', collectorPhone: '13800001111', collectorSigned: true, collectorIdChecked: true } });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ status: 'ISSUED', collectorName: '张三', collectorSigned: true, collectorIdChecked: true });
    const audit = await f.db.auditLog.findFirst({ where: { resource: 'cards', recordId: String(card.id), action: 'UPDATE', detail: { path: ['status'], equals: 'ISSUED' } } });
    expect(audit).toBeTruthy();

    const record = await f.call('GET', `/api/cards/issue-record?id=${card.id}`, { token: officer });
    expect(record.status).toBe(200);
    expect(record.body.lines).toHaveLength(1);
    expect(record.body.lines[0]).toMatchObject({ cardNo: card.cardNo, holderName: card.memberName, collectorName: '张三', collectorSigned: true });
    expect(record.body.lines[0].holderPhone).not.toContain('*');
  });

  it('lists with filters and searches by card number or member name; region scope answers 404 outside', async () => {
    const any = await f.db.card.findFirstOrThrow({ include: { member: true }, orderBy: { id: 'asc' } });
    const byNo = await f.call('GET', `/api/cards?q=${any.cardNo}`, { token: officer });
    expect(byNo.body.map((c: any) => c.id)).toContain(any.id);
    const byName = await f.call('GET', `/api/cards?q=${encodeURIComponent(any.member.name)}`, { token: officer });
    expect(byName.body.map((c: any) => c.id)).toContain(any.id);
    const byProject = await f.call('GET', `/api/cards?projectId=${any.member.projectId}&status=IN_PRODUCTION&_end=200`, { token: officer });
    expect(byProject.body.length).toBeGreaterThan(0);
    expect(byProject.body.every((c: any) => c.projectId === any.member.projectId && c.status === 'IN_PRODUCTION')).toBe(true);
    const outside = await f.db.card.findFirstOrThrow({ where: { member: { regionCode: { not: 'SH' } } } });
    expect((await f.call('GET', `/api/cards/${outside.id}`, { token: officerSh })).status).toBe(404);
    expect((await f.call('GET', '/api/cards', { token: editor })).status).toBe(403);
  });
});

describe('M-10: loss or damage', () => {
  it('M-10: reissue gives a new number, voids the old card and records the replacement fee; numbers are never reused', async () => {
    const [m] = await membersOfDistinctHouseholds(1);
    const card = (await f.call('POST', `/api/members/${m.id}/cards`, { token: officer })).body;
    await f.call('POST', `/api/cards/${card.id}/ready`, { token: officer, body: {} });
    await f.call('POST', `/api/cards/${card.id}/issue`, { token: officer, body: { collectorName: '本人', collectorSigned: true, collectorIdChecked: true } });

    const req = await f.call('POST', `/api/cards/${card.id}/reissue-requests`, { token: officer, body: { reason: 'LOST', note: '钱包遗失' } });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ status: 'PENDING', cardNo: card.cardNo, reason: 'LOST' });
    expect((await f.call('POST', `/api/cards/${card.id}/reissue-requests`, { token: officer, body: { reason: 'LOST' } })).status).toBe(409);

    const unchecked = await f.call('POST', `/api/card-reissue-requests/${req.body.id}/approve`, { token: officer, body: { documentsChecked: false } });
    expect(unchecked.status).toBe(400);
    expect(unchecked.body.errors.documentsChecked).toBeTruthy();

    const ok = await f.call('POST', `/api/card-reissue-requests/${req.body.id}/approve`, { token: officer, body: { documentsChecked: true } });
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('APPROVED');
    expect(ok.body.newCardNo).toBeTruthy();
    expect(ok.body.newCardNo).not.toBe(card.cardNo);

    const old = await f.db.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(old.status).toBe('VOID');
    expect(old.voidedAt).toBeTruthy();
    expect(old.voidReason).toBeTruthy();
    const fresh = await f.db.card.findUniqueOrThrow({ where: { id: ok.body.newCardId } });
    expect(fresh).toMatchObject({ replacesCardId: card.id, memberId: m.id, status: 'IN_PRODUCTION' });
    const fee = await f.db.feeEntry.findFirstOrThrow({ where: { cardId: fresh.id } });
    expect(fee.kind).toBe('REPLACEMENT');
    const project = await f.db.project.findUniqueOrThrow({ where: { id: m.projectId } });
    expect(fee.amountFen).toBe(project.newlyLaunched ? 0 : 2000);
    // The member keeps one card slot: the household count is unchanged.
    expect((await f.db.member.findUniqueOrThrow({ where: { id: m.id } })).cardHolder).toBe(true);

    expect((await f.call('POST', `/api/card-reissue-requests/${req.body.id}/approve`, { token: officer, body: { documentsChecked: true } })).status).toBe(409);
    expect((await f.call('POST', `/api/cards/${card.id}/reissue-requests`, { token: officer, body: { reason: 'DAMAGED' } })).status).toBe(409);

    // No number is ever handed out twice, voided or not.
    const all = await f.db.card.findMany({ select: { cardNo: true } });
    expect(new Set(all.map((c) => c.cardNo)).size).toBe(all.length);
  });

  it('M-11: reading reissue requests unmasked (the member’s mobile) is audited, list and detail', async () => {
    const req = await f.db.cardReissueRequest.findFirstOrThrow({ include: { card: { include: { member: true } } }, orderBy: { id: 'desc' } });
    const detail = await f.call('GET', `/api/card-reissue-requests/${req.id}`, { token: officer });
    expect(detail.status).toBe(200);
    expect(detail.body.memberMobile).toBe(req.card.member.mobile);
    const requestId = detail.headers.get('x-request-id')!;
    expect(await f.db.auditLog.count({ where: { action: 'READ_UNMASKED', resource: 'card-reissue-requests', recordId: String(req.id), requestId } })).toBe(1);

    const list = await f.call('GET', '/api/card-reissue-requests?_end=50', { token: officer });
    expect(list.body.find((r: any) => r.id === req.id).memberMobile).toBe(req.card.member.mobile);
    const entry = await f.db.auditLog.findFirstOrThrow({ where: { action: 'READ_UNMASKED', resource: 'card-reissue-requests', requestId: list.headers.get('x-request-id')! } });
    expect((entry.detail as { ids: number[] }).ids).toEqual(list.body.map((r: any) => r.id));

    expect((await f.call('GET', `/api/card-reissue-requests/${req.id}`, { token: editor })).status).toBe(403);
  });

  it('M-10: a rejected request leaves the card valid', async () => {
    const card = await f.db.card.findFirstOrThrow({ where: { status: 'IN_PRODUCTION' }, orderBy: { id: 'desc' } });
    const req = await f.call('POST', `/api/cards/${card.id}/reissue-requests`, { token: officer, body: { reason: 'DAMAGED' } });
    const rej = await f.call('POST', `/api/card-reissue-requests/${req.body.id}/reject`, { token: officer, body: { note: '卡片完好' } });
    expect(rej.status).toBe(201);
    expect(rej.body.status).toBe('REJECTED');
    expect((await f.db.card.findUniqueOrThrow({ where: { id: card.id } })).status).toBe('IN_PRODUCTION');
    const list = await f.call('GET', '/api/card-reissue-requests?status=REJECTED', { token: officer });
    expect(list.body.map((r: any) => r.id)).toContain(req.body.id);
  });

  it('the review queues search by card number, member name or note, and keep a regional officer to the region', async () => {
    const card = await f.db.card.findFirstOrThrow({ where: { status: 'IN_PRODUCTION', reissueRequests: { none: {} } }, include: { member: true }, orderBy: { id: 'asc' } });
    const req = await f.call('POST', `/api/cards/${card.id}/reissue-requests`, { token: officer, body: { reason: 'LOST', note: '在会所遗失' } });
    expect(req.status).toBe(201);
    const ids = async (path: string, token = officer) => {
      const r = await f.call('GET', path, { token });
      expect(r.status).toBe(200);
      return r.body.map((x: any) => x.id) as number[];
    };
    const q = (text: string) => `/api/card-reissue-requests?q=${encodeURIComponent(text)}`;
    expect(await ids(q(card.cardNo.slice(-5)))).toContain(req.body.id);
    expect(await ids(q(card.cardNo.toLowerCase()))).toContain(req.body.id);
    expect(await ids(q(card.member.name))).toContain(req.body.id);
    expect(await ids(q('会所遗失'))).toEqual([req.body.id]);
    expect(await ids(q('没有这样的卡'))).toEqual([]);
    // Region scope through the card's member, in the same query.
    const inSh = card.member.regionCode === 'SH';
    expect((await ids(q('会所遗失'), officerSh)).includes(req.body.id)).toBe(inSh);
    const shList = await f.call('GET', '/api/card-reissue-requests?_start=0&_end=100', { token: officerSh });
    const shTotal = await f.db.cardReissueRequest.count({ where: { card: { member: { regionCode: 'SH' } } } });
    expect(Number(shList.headers.get('x-total-count'))).toBe(shTotal);

    const exceptions = await f.db.cardLimitException.findMany({ include: { household: { include: { owners: true } } } });
    expect(exceptions.length).toBeGreaterThan(0);
    const e = exceptions[0];
    expect(await ids(`/api/card-limit-exceptions?q=${encodeURIComponent(e.household.owners[0].name)}`)).toContain(e.id);
    expect(await ids(`/api/card-limit-exceptions?q=${encodeURIComponent(e.reason.slice(0, 4))}`)).toContain(e.id);
    expect(await ids(`/api/card-limit-exceptions?q=${encodeURIComponent('没有这样的理由')}`)).toEqual([]);
  });
});
