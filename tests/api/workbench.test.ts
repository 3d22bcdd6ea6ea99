// The workbench (工作台): what waits on each role across every feature, and the role's figures,
// each checked against its own SQL.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import { useApi } from '../support/fixture.ts';
import { applicationFor, householdIn } from '../support/member-payload.ts';

const f = useApi({ members: 200, users: ['officer', 'officer_sh', 'manager', 'leader', 'editor', 'marketing'] });

/** Applications in both regions, received today and a month ago (those are overdue). */
beforeAll(async () => {
  const daysAgo = (n: number) => new Date(clubToday().getTime() - n * 86_400_000).toISOString().slice(0, 10);
  for (const [region, ago] of [['NJ', 0], ['NJ', 30], ['SH', 0], ['SH', 40], ['NJ', 45]] as const) {
    const h = await householdIn(f.db, region);
    const { householdId, ownerId, ...form } = applicationFor(h);
    const r = await f.call('POST', '/api/applications', {
      token: f.tokens.officer,
      body: { householdId, ownerId, form, collectionPoint: 'MANAGEMENT_OFFICE', collectionPlace: '物业管理处', receivedOn: daysAgo(ago), documentsPresent: ['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM'] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
});

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: f.t.url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

const today = () => clubToday().toISOString().slice(0, 10);
const OPEN = `status NOT IN ('ISSUED', 'REJECTED')`;
const OFFICER_STATES = `status IN ('RECEIVED','INCOMPLETE','COMPLETE','VERIFIED','APPROVED','CARD_IN_PRODUCTION','CARD_READY')`;

describe('the workbench', () => {
  it('the member officer sees every application waiting on the desk, overdue first, each a link', async () => {
    const w = await f.call('GET', '/api/workbench', { token: f.tokens.officer });
    expect(w.status).toBe(200);
    const apps = w.body.items.filter((i: any) => i.source === 'applications');
    const [{ n, late }] = await sql<{ n: number; late: number }>(`SELECT count(*)::int n, count(*) FILTER (WHERE "dueOn" < $1::date)::int late FROM applications WHERE ${OFFICER_STATES}`, [today()]);
    expect(n).toBeGreaterThan(0);
    expect(w.body.sources.find((s: any) => s.name === 'applications')).toEqual({ name: 'applications', total: n, overdue: late });
    expect(apps.length).toBe(Math.min(n, 50));
    // Overdue first, then by due day.
    const firstOnTime = apps.findIndex((i: any) => !i.overdue);
    expect(apps.slice(firstOnTime === -1 ? apps.length : firstOnTime).every((i: any) => !i.overdue)).toBe(true);
    for (const i of apps) {
      expect(i.link).toBe(`/applications/show/${i.recordId}`);
      expect(i.action).toMatch(/^applications\.next\.[A-Z_]+$/);
    }
    const counts = await f.call('GET', '/api/workbench/counts', { token: f.tokens.officer });
    expect(counts.body.total).toBe(w.body.counts.total);
    expect(counts.body.overdue).toBe(w.body.counts.overdue);
  });

  it('a regional officer sees only the region’s items and figures', async () => {
    const w = await f.call('GET', '/api/workbench', { token: f.tokens.officer_sh });
    const ids = w.body.items.filter((i: any) => i.source === 'applications').map((i: any) => i.recordId);
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int n FROM applications WHERE ${OFFICER_STATES} AND "regionCode" = 'SH'`);
    expect(w.body.sources.find((s: any) => s.name === 'applications')?.total ?? 0).toBe(n);
    if (ids.length) {
      const regions = await sql<{ regionCode: string }>(`SELECT DISTINCT "regionCode" FROM applications WHERE id = ANY($1::int[])`, [ids]);
      expect(regions.map((r) => r.regionCode)).toEqual(['SH']);
    }
    const active = w.body.kpis.find((k: any) => k.key === 'members.active');
    const [{ m }] = await sql<{ m: number }>(`SELECT count(*)::int m FROM members WHERE status = 'ACTIVE' AND "regionCode" = 'SH'`);
    expect(active.value).toBe(m);
  });

  it('a data-use request waits on the club manager, never on its own requester, and leaves once decided', async () => {
    const req = await f.call('POST', '/api/data-use-requests', { token: f.tokens.officer, body: { department: '会员部', informationKinds: ['PHONE'], purpose: '生日关怀电话回访', validDays: 7 } });
    expect(req.status).toBe(201);
    const item = (w: any) => w.body.items.find((i: any) => i.source === 'data-use-requests' && i.recordId === req.body.id);
    const manager = await f.call('GET', '/api/workbench', { token: f.tokens.manager });
    expect(item(manager)).toMatchObject({ kind: 'decision', link: `/data-use-requests/show/${req.body.id}`, overdue: false });
    expect(manager.body.counts.decisions).toBeGreaterThanOrEqual(1);
    expect(item(await f.call('GET', '/api/workbench', { token: f.tokens.officer }))).toBeUndefined();
    // A club-staff request needs no leader.
    expect(item(await f.call('GET', '/api/workbench', { token: f.tokens.leader }))).toBeUndefined();
    const decided = await f.call('POST', `/api/data-use-requests/${req.body.id}/approve`, { token: f.tokens.manager, body: {} });
    expect(decided.status, JSON.stringify(decided.body)).toBeLessThan(300);
    expect(item(await f.call('GET', '/api/workbench', { token: f.tokens.manager }))).toBeUndefined();
  });

  it('the club manager supervises: overdue applications and change requests, and the quarter’s figures against the last', async () => {
    const w = await f.call('GET', '/api/workbench', { token: f.tokens.manager });
    const [{ late }] = await sql<{ late: number }>(`SELECT count(*)::int late FROM applications WHERE ${OPEN} AND "dueOn" < $1::date`, [today()]);
    expect(late).toBeGreaterThan(0);
    expect(w.body.sources.find((s: any) => s.name === 'applications')?.total ?? 0).toBe(late);
    expect(w.body.items.filter((i: any) => i.source === 'applications').every((i: any) => i.overdue)).toBe(true);
    const kpi = (key: string) => w.body.kpis.find((k: any) => k.key === key);
    const d = clubToday();
    const qStart = new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1)).toISOString().slice(0, 10);
    const [m] = await sql<{ active: number; atPrev: number; joined: number; joinedPrev: number }>(
      `SELECT count(*) FILTER (WHERE status = 'ACTIVE')::int active,
              count(*) FILTER (WHERE "joinedOn" < $1::date AND ("leftOn" IS NULL OR "leftOn" >= $1::date))::int "atPrev",
              count(*) FILTER (WHERE "joinedOn" >= $1::date AND "joinedOn" < ($1::date + interval '3 months'))::int joined,
              count(*) FILTER (WHERE "joinedOn" >= ($1::date - interval '3 months') AND "joinedOn" < $1::date)::int "joinedPrev"
         FROM members`,
      [qStart],
    );
    expect(kpi('members.active')).toMatchObject({ value: m.active, previous: m.atPrev, period: 'quarter', higherIsBetter: true });
    expect(kpi('members.joinedThisQuarter')).toMatchObject({ value: m.joined, previous: m.joinedPrev });
    const [a] = await sql<{ open: number; late: number }>(`SELECT count(*) FILTER (WHERE ${OPEN})::int open, count(*) FILTER (WHERE ${OPEN} AND "dueOn" < $1::date)::int late FROM applications`, [today()]);
    expect(kpi('applications.open').value).toBe(a.open);
    expect(kpi('applications.overdue')).toMatchObject({ value: a.late, higherIsBetter: false });
  });

  it('card decisions wait on whoever is still to decide them: exceptions on both approvers, reissues on the member officer, statements on the club manager', async () => {
    const mine = async (token: string, source: string) => {
      const w = await f.call('GET', '/api/workbench', { token });
      expect(w.status).toBe(200);
      return { ids: w.body.items.filter((i: any) => i.source === source).map((i: any) => i.recordId), source: w.body.sources.find((s: any) => s.name === source) };
    };
    // A card-limit exception (M-3): asked by the officer, waiting on the manager and the leader until each decides.
    const [h] = await sql<{ id: number }>(`SELECT h.id FROM households h WHERE NOT EXISTS (SELECT 1 FROM card_limit_exceptions e WHERE e."householdId" = h.id) ORDER BY h.id LIMIT 1`);
    const ex = await f.call('POST', '/api/card-limit-exceptions', { token: f.tokens.officer, body: { householdId: h.id, reason: '三代同堂，老人需单独持卡' } });
    expect(ex.status, JSON.stringify(ex.body)).toBe(201);
    expect((await mine(f.tokens.manager, 'card-limit-exceptions')).ids).toContain(ex.body.id);
    expect((await mine(f.tokens.leader, 'card-limit-exceptions')).ids).toContain(ex.body.id);
    expect((await mine(f.tokens.officer, 'card-limit-exceptions')).ids).not.toContain(ex.body.id);
    expect((await f.call('POST', `/api/card-limit-exceptions/${ex.body.id}/approve`, { token: f.tokens.manager, body: {} })).status).toBe(201);
    const afterManager = await mine(f.tokens.manager, 'card-limit-exceptions');
    expect(afterManager.ids).not.toContain(ex.body.id);
    const leaderDesk = await mine(f.tokens.leader, 'card-limit-exceptions');
    expect(leaderDesk.ids).toContain(ex.body.id);
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int n FROM card_limit_exceptions WHERE status = 'PENDING' AND "leaderDecisionById" IS NULL`);
    expect(leaderDesk.source).toEqual({ name: 'card-limit-exceptions', total: n, overdue: 0 });

    // A reissue request (M-10) waits on the member officer of the card's region only.
    const [m] = await sql<{ id: number; regionCode: string }>(`SELECT m.id, m."regionCode" FROM members m JOIN households h ON h.id = m."householdId"
      WHERE m.status = 'ACTIVE' AND NOT m."cardHolder" AND h."activeCards" < h."cardLimit" AND NOT EXISTS (SELECT 1 FROM cards c WHERE c."memberId" = m.id) ORDER BY m.id LIMIT 1`);
    expect((await f.call('POST', '/api/card-ranges', { token: f.tokens.manager, body: { prefix: 'WB', fromNo: 1, toNo: 20, digits: 5, channel: '售楼处' } })).status).toBe(201);
    const card = (await f.call('POST', `/api/members/${m.id}/cards`, { token: f.tokens.officer })).body;
    expect(card.id, JSON.stringify(card)).toBeTruthy();
    await f.call('POST', `/api/cards/${card.id}/ready`, { token: f.tokens.officer, body: {} });
    expect((await f.call('POST', `/api/cards/${card.id}/issue`, { token: f.tokens.officer, body: { collectorName: '本人', collectorSigned: true, collectorIdChecked: true } })).status).toBe(201);
    const re = await f.call('POST', `/api/cards/${card.id}/reissue-requests`, { token: f.tokens.officer, body: { reason: 'LOST', note: '钱包遗失' } });
    expect(re.status, JSON.stringify(re.body)).toBe(201);
    expect((await mine(f.tokens.officer, 'card-reissue-requests')).ids).toContain(re.body.id);
    expect((await mine(f.tokens.officer_sh, 'card-reissue-requests')).ids.includes(re.body.id)).toBe(m.regionCode === 'SH');
    expect((await mine(f.tokens.manager, 'card-reissue-requests')).ids).toEqual([]);

    // A quarter statement (M-8) waits on the club manager until signed.
    const st = await f.call('POST', '/api/fee-statements', { token: f.tokens.officer, body: { year: 2025, quarter: 3 } });
    expect(st.status, JSON.stringify(st.body)).toBe(201);
    expect((await mine(f.tokens.manager, 'fee-statements')).ids).toContain(st.body.id);
    expect((await f.call('POST', `/api/fee-statements/${st.body.id}/sign`, { token: f.tokens.manager, body: {} })).status).toBe(201);
    expect((await mine(f.tokens.manager, 'fee-statements')).ids).not.toContain(st.body.id);
  });

  it('the quarter’s card-fee income against the previous quarter’s, from the ledger', async () => {
    const w = await f.call('GET', '/api/workbench', { token: f.tokens.manager });
    const kpi = w.body.kpis.find((k: any) => k.key === 'fees.collectedThisQuarter');
    const [q] = await sql<{ now: number; before: number }>(`SELECT
        coalesce(sum("amountFen") FILTER (WHERE "paidOn" >= date_trunc('quarter', $1::date)), 0)::int now,
        coalesce(sum("amountFen") FILTER (WHERE "paidOn" >= date_trunc('quarter', $1::date) - interval '3 months' AND "paidOn" < date_trunc('quarter', $1::date)), 0)::int before
      FROM fee_entries WHERE "paidOn" < date_trunc('quarter', $1::date) + interval '3 months'`, [today()]);
    expect(q.now + q.before).toBeGreaterThan(0);
    expect(kpi).toMatchObject({ value: q.now, previous: q.before, unit: 'fen', period: 'quarter' });
  });

  it('a role with nothing to do here gets an empty desk, not an error', async () => {
    const w = await f.call('GET', '/api/workbench', { token: f.tokens.editor });
    expect(w.status).toBe(200);
    expect(w.body.items).toEqual([]);
    expect(w.body.counts).toEqual({ total: 0, overdue: 0, decisions: 0 });
    expect((await f.call('GET', '/api/workbench')).status).toBe(401);
  });
});
