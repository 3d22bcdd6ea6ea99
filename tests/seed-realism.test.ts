// The demo must read like a real club on whatever day it is seeded: every application's and
// card's events in order, nothing in the future or before the member joined, the fee on the day
// of receipt naming what it paid for, a realistic share of overdue work in every region (as the
// API itself judges it), and every region with work in every open state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClub } from '../prisma/seed/seed-club.ts';
import { seedCards } from '../prisma/seed/seed-cards.ts';
import { OPEN_STATES, seedApplications } from '../prisma/seed/seed-applications.ts';
import { REGIONS } from '../prisma/seed/factories.ts';
import { loadDeadlines } from '../prisma/seed/seed-time.ts';
import { DEADLINES } from '../server/src/applications/applications.service.ts';
import { clubToday } from '../server/src/calendar/calendar.service.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { startApi, type RunningApi } from './support/api.ts';

let t: TestDatabase;
let api: RunningApi;
let manager: string;
let today: Date;
let seededAt: Date;

/** The club's day of a moment (UTC+8), as a UTC-midnight date. */
const clubDay = (d: Date) => clubToday(d);
const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
/** a ≤ b for 'YYYY-MM-DD' days, with both in the message. */
function onOrBefore(a: string | null, b: string | null, label: string): void {
  expect(a !== null && b !== null && a <= b, `${label}: ${a} ≤ ${b}`).toBe(true);
}
const ORDER = ['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED', 'APPROVED', 'CARD_IN_PRODUCTION', 'CARD_READY', 'ISSUED'];

beforeAll(async () => {
  t = await createTestDatabase();
  today = clubToday();
  await seedClub(t.db, { members: 600, demoAccounts: true });
  await seedCards(t.db);
  await seedApplications(t.db);
  seededAt = new Date();
  api = await startApi(t.db);
  manager = await api.login('manager');
}, 180_000);
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('demo data in order', () => {
  it('gives every application its events in order, each step on or after the one before, none after now', async () => {
    const apps = await t.db.application.findMany({ include: { events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] }, member: true } });
    const cards = new Map((await t.db.card.findMany()).map((c) => [c.memberId, c]));
    expect(apps.length).toBeGreaterThan(60);
    for (const a of apps) {
      const ev = a.events;
      expect(ev[0].toStatus, a.applicationNo).toBe('RECEIVED');
      expect(ev.at(-1)!.toStatus, a.applicationNo).toBe(a.status);
      for (let k = 1; k < ev.length; k++) {
        expect(ev[k].fromStatus, a.applicationNo).toBe(ev[k - 1].toStatus);
        if (ev[k].toStatus !== 'REJECTED' && ev[k].toStatus !== 'INCOMPLETE') expect(ORDER.indexOf(ev[k].toStatus)).toBeGreaterThan(ORDER.indexOf(ev[k - 1].toStatus));
      }
      expect(ev.at(-1)!.at.getTime()).toBeLessThanOrEqual(seededAt.getTime());
      expect(a.statusSince.getTime()).toBe(ev.at(-1)!.at.getTime());
      expect(day(clubDay(ev[0].at))).toBe(day(a.receivedOn));
      // received ≤ complete ≤ verified ≤ approved ≤ card produced ≤ card ready ≤ issued
      const dayOf = (s: string) => ev.find((e) => e.toStatus === s)?.at;
      const chain = [
        a.receivedOn,
        a.completeOn,
        dayOf('VERIFIED') && clubDay(dayOf('VERIFIED')!),
        a.decidedAt && clubDay(a.decidedAt),
        a.member?.joinedOn,
        a.member && cards.get(a.member.id) && clubDay(cards.get(a.member.id)!.createdAt),
        a.member && cards.get(a.member.id)?.readyOn,
        a.member && cards.get(a.member.id)?.issuedOn,
        dayOf('ISSUED') && clubDay(dayOf('ISSUED')!),
      ].filter((d): d is Date => !!d);
      for (let k = 1; k < chain.length; k++) onOrBefore(day(chain[k - 1]), day(chain[k]), `${a.applicationNo} step ${k}`);
      onOrBefore(day(chain.at(-1)), day(today), `${a.applicationNo} last step`);
      if (a.decidedAt && a.status === 'APPROVED') expect(day(a.member!.joinedOn)).toBe(day(clubDay(a.decidedAt)));
    }
  });

  it('makes, readies and issues every card in that order, after the member joined and not after today', async () => {
    const cards = await t.db.card.findMany({ include: { member: true } });
    expect(cards.length).toBeGreaterThan(300);
    for (const c of cards) {
      const made = clubDay(c.createdAt);
      onOrBefore(day(c.member.joinedOn), day(made), `${c.cardNo} made`);
      expect(c.createdAt.getTime()).toBeLessThanOrEqual(seededAt.getTime());
      if (c.status !== 'IN_PRODUCTION') onOrBefore(day(made), day(c.readyOn), `${c.cardNo} ready`);
      else expect(c.readyOn).toBeNull();
      if (c.status === 'ISSUED') onOrBefore(day(c.readyOn), day(c.issuedOn), `${c.cardNo} issued`);
      else expect(c.issuedOn).toBeNull();
      for (const d of [made, c.readyOn, c.issuedOn]) if (d) onOrBefore(day(d), day(today), `${c.cardNo} not after today`);
      if (c.ownerPhonedAt) expect(c.ownerPhonedAt.getTime()).toBeLessThanOrEqual(seededAt.getTime());
    }
    // The newest members' cards are still on their way; most were collected long ago.
    const by = (s: string) => cards.filter((c) => c.status === s).length;
    expect(by('IN_PRODUCTION')).toBeGreaterThan(0);
    expect(by('READY')).toBeGreaterThan(0);
    expect(by('ISSUED')).toBeGreaterThan(cards.length * 0.8);
  });

  it('dates nothing after the club’s today, and nothing before the member joined', async () => {
    const [row] = await t.db.$queryRaw<Record<string, Date | null>[]>`
      SELECT (SELECT max("joinedOn") FROM members) AS joined, (SELECT max("purchasedOn") FROM households) AS bought,
             (SELECT max("launchedOn") FROM projects) AS launched, (SELECT max("paidOn") FROM fee_entries) AS paid,
             (SELECT max("receivedOn") FROM applications) AS received, (SELECT max("completeOn") FROM applications) AS completed,
             (SELECT max("readyOn") FROM cards) AS ready, (SELECT max("issuedOn") FROM cards) AS issued,
             (SELECT max("receivedOn") FROM change_requests) AS changes, (SELECT max("requestedOn") FROM card_reissue_requests) AS reissue`;
    for (const [k, v] of Object.entries(row)) onOrBefore(day(v), day(today), k);
    const [moments] = await t.db.$queryRaw<Record<string, Date | null>[]>`
      SELECT (SELECT max(at) FROM application_events) AS events, (SELECT max("decidedAt") FROM applications) AS decided,
             (SELECT max("createdAt") FROM cards) AS cards, (SELECT max("ownerPhonedAt") FROM cards) AS phoned,
             (SELECT max("createdAt") FROM fee_entries) AS fees, (SELECT max("handledAt") FROM change_requests) AS handled`;
    for (const [k, v] of Object.entries(moments)) expect(v!.getTime(), k).toBeLessThanOrEqual(seededAt.getTime());
    const [before] = await t.db.$queryRaw<{ joinedEarly: number; cardsEarly: number; feesEarly: number; changesEarly: number; boughtEarly: number }[]>`
      SELECT (SELECT count(*)::int FROM members m JOIN households h ON h.id = m."householdId" WHERE m."joinedOn" < h."purchasedOn") AS "joinedEarly",
             (SELECT count(*)::int FROM cards c JOIN members m ON m.id = c."memberId" WHERE (c."createdAt" AT TIME ZONE 'Asia/Shanghai')::date < m."joinedOn") AS "cardsEarly",
             (SELECT count(*)::int FROM fee_entries f JOIN members m ON m.id = f."memberId" WHERE f."applicationId" IS NULL AND f."paidOn" < m."joinedOn") AS "feesEarly",
             (SELECT count(*)::int FROM change_requests r JOIN members m ON m.id = r."memberId" WHERE r."receivedOn" < m."joinedOn") AS "changesEarly",
             (SELECT count(*)::int FROM households h JOIN projects p ON p.id = h."projectId" WHERE h."purchasedOn" < p."launchedOn") AS "boughtEarly"`;
    expect(before).toEqual({ joinedEarly: 0, cardsEarly: 0, feesEarly: 0, changesEarly: 0, boughtEarly: 0 });
  });
});

describe('the card fee in the ledger', () => {
  it('is paid on the day of receipt and names the application, the member and the card it paid for', async () => {
    const apps = await t.db.application.findMany({ include: { member: { include: { cards: true } } } });
    const fees = await t.db.feeEntry.findMany({ where: { applicationId: { not: null } } });
    for (const a of apps) {
      const mine = fees.filter((f) => f.applicationId === a.id);
      const original = mine.find((f) => f.reversesId === null)!;
      expect(original, a.applicationNo).toBeDefined();
      expect(day(original.paidOn)).toBe(day(a.receivedOn));
      expect(original.memberId).toBe(a.memberId);
      expect(original.cardId).toBe(a.member?.cards[0]?.id ?? null);
      const reversal = mine.find((f) => f.reversesId === original.id);
      if (a.status === 'REJECTED') {
        expect(reversal?.amountFen).toBe(-original.amountFen || 0);
        expect(day(reversal!.paidOn)).toBe(day(clubDay(a.decidedAt!)));
      } else expect(reversal).toBeUndefined();
    }
    // Every card's fee names its member and card; receipts are gapless per year.
    const unlinked = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM cards c WHERE NOT EXISTS (SELECT 1 FROM fee_entries f WHERE f."cardId" = c.id AND f."memberId" = c."memberId" AND f."reversesId" IS NULL)`;
    expect(unlinked[0].n).toBe(0);
    const receipts = await t.db.feeEntry.findMany({ select: { receiptNo: true } });
    const byYear = new Map<string, number[]>();
    for (const r of receipts) {
      const [year, n] = r.receiptNo.slice(2).split('-');
      byYear.set(year, [...(byYear.get(year) ?? []), Number(n)]);
    }
    for (const ns of byYear.values()) expect(ns.sort((a, b) => a - b)).toEqual(Array.from({ length: ns.length }, (_, i) => i + 1));
  });
});

describe('work in progress in every region', () => {
  it('has applications in every open state in every region, with the deadline the API would have set', async () => {
    const { calendar, settings } = await loadDeadlines(t.db);
    const apps = await t.db.application.findMany({ include: { events: { orderBy: { at: 'asc' } } } });
    for (const r of REGIONS) {
      const states = new Set(apps.filter((a) => a.regionCode === r.code).map((a) => a.status));
      for (const s of OPEN_STATES) expect(states.has(s), `${r.code} ${s}`).toBe(true);
    }
    for (const a of apps) {
      const checked = a.events.filter((e) => e.toStatus === 'INCOMPLETE').at(-1);
      const expected = {
        RECEIVED: () => calendar.addWorkingDays(a.receivedOn, settings.completenessCheckDays),
        INCOMPLETE: () => calendar.addWorkingDays(clubDay(checked!.at), DEADLINES.chaseMissing),
        COMPLETE: () => calendar.addWorkingDays(a.completeOn!, settings.dataEntryDays),
        VERIFIED: () => calendar.addWorkingDays(a.completeOn!, settings.dataEntryDays),
        APPROVED: () => calendar.addWorkingDays(a.completeOn!, settings.cardMadeDays),
        CARD_IN_PRODUCTION: () => calendar.addWorkingDays(a.completeOn!, settings.cardMadeDays),
      }[a.status as string];
      expect(day(a.dueOn), `${a.applicationNo} ${a.status}`).toBe(expected ? day(expected()) : null);
    }
  });

  it('puts 10–25 % of each region’s open applications past their deadline, as the API reports it', async () => {
    for (const r of REGIONS) {
      const res = await api.call('GET', `/api/applications?regionCode=${r.code}&_start=0&_end=100`, { token: manager });
      expect(res.status).toBe(200);
      const open = res.body.filter((a: any) => (OPEN_STATES as readonly string[]).includes(a.status));
      const overdue = open.filter((a: any) => a.overdue);
      const share = overdue.length / open.length;
      expect(share, `${r.code}: ${overdue.length}/${open.length}`).toBeGreaterThanOrEqual(0.1);
      expect(share, `${r.code}: ${overdue.length}/${open.length}`).toBeLessThanOrEqual(0.25);
      // The overdue filter agrees, and the rest are within their deadline.
      const filtered = await api.call('GET', `/api/applications?regionCode=${r.code}&overdue=true&_start=0&_end=100`, { token: manager });
      expect(filtered.body.map((a: any) => a.id).sort()).toEqual(overdue.map((a: any) => a.id).sort());
      expect(open.filter((a: any) => !a.overdue && a.dueOn).every((a: any) => a.workingDaysLeft >= 0)).toBe(true);
    }
  });

  it('puts 10–25 % of each region’s open change requests past their deadline, received after the member joined', async () => {
    const { calendar, settings } = await loadDeadlines(t.db);
    const rows = await t.db.changeRequest.findMany({ include: { member: true } });
    for (const r of REGIONS) {
      const open = rows.filter((c) => c.member.regionCode === r.code && c.status === 'OPEN');
      expect(open.length, r.code).toBeGreaterThanOrEqual(5);
      for (const c of open) expect(day(c.dueOn)).toBe(day(calendar.addWorkingDays(c.receivedOn, settings.changeRequestDays)));
      const share = open.filter((c) => c.dueOn < today).length / open.length;
      expect(share, r.code).toBeGreaterThanOrEqual(0.1);
      expect(share, r.code).toBeLessThanOrEqual(0.25);
    }
    expect(rows.some((c) => c.status === 'APPLIED')).toBe(true);
  });
});

describe('on a fixed day', () => {
  // Tests may fix the seed's today to get the same data every day. A Sunday in the National Day
  // holidays (2026-10-01..07, with a worked Saturday on the 10th): deadlines jump the holiday.
  const fixed = new Date('2026-10-04T00:00:00Z');
  let u: TestDatabase;
  beforeAll(async () => {
    u = await createTestDatabase();
    await seedClub(u.db, { members: 300, demoAccounts: true, today: fixed });
    await seedCards(u.db, { today: fixed });
    await seedApplications(u.db, 100, { today: fixed });
  }, 120_000);
  afterAll(async () => {
    await u?.drop();
  });

  it('dates everything up to that day and keeps the overdue share in every region', async () => {
    const [row] = await u.db.$queryRaw<{ last: Date }[]>`
      SELECT greatest((SELECT max("joinedOn") FROM members), (SELECT max("paidOn") FROM fee_entries), (SELECT max("issuedOn") FROM cards),
                      (SELECT max("receivedOn") FROM applications), (SELECT max("receivedOn") FROM change_requests),
                      (SELECT max((at AT TIME ZONE 'Asia/Shanghai')::date) FROM application_events)) AS last`;
    onOrBefore(day(row.last), day(fixed), 'latest date');
    const shares = await u.db.$queryRaw<{ regionCode: string; open: number; overdue: number; states: number }[]>`
      SELECT "regionCode", count(*)::int AS open, count(*) FILTER (WHERE "dueOn" < ${fixed}::date)::int AS overdue, count(DISTINCT status)::int AS states
      FROM applications WHERE status NOT IN ('ISSUED', 'REJECTED') GROUP BY "regionCode" ORDER BY "regionCode"`;
    expect(shares.map((s) => s.regionCode)).toEqual(REGIONS.map((r) => r.code).sort());
    for (const s of shares) {
      expect(s.states, s.regionCode).toBe(OPEN_STATES.length);
      expect(s.overdue / s.open, `${s.regionCode} ${s.overdue}/${s.open}`).toBeGreaterThanOrEqual(0.1);
      expect(s.overdue / s.open, `${s.regionCode} ${s.overdue}/${s.open}`).toBeLessThanOrEqual(0.25);
    }
  });
});
