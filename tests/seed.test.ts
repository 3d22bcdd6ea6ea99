// The demo seed is what a newcomer sees first: it must be the size the README promises, realistic,
// and consistent with the club's rules; a non-demo seed must leave no account with a known password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '@node-rs/argon2';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../prisma/seed/factories.ts';
import { seedClub } from '../prisma/seed/seed-club.ts';
import { seedCards } from '../prisma/seed/seed-cards.ts';
import { seedApplications } from '../prisma/seed/seed-applications.ts';
import { MemberCreateInput } from '../server/src/members/member.schema.ts';
import { validate } from '../server/src/common/validation.ts';
import { isValidResidentId } from '../server/src/members/resident-id.ts';
import { ROLE_PERMISSIONS } from '../server/src/auth/permissions.ts';
import { clubToday } from '../server/src/calendar/calendar.service.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

let demo: TestDatabase;
let plain: TestDatabase;

beforeAll(async () => {
  [demo, plain] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await Promise.all([seedClub(demo.db, { members: 1500, demoAccounts: true }), seedClub(plain.db, { members: 200, demoAccounts: false })]);
}, 120_000);
afterAll(async () => {
  await demo?.drop();
  await plain?.drop();
});

describe('demo seed', () => {
  it('has at least 3 projects with buildings and units, 1,000 households and 1,500 members (M-1)', async () => {
    const db = demo.db;
    expect(await db.project.count()).toBeGreaterThanOrEqual(3);
    for (const p of await db.project.findMany({ include: { _count: { select: { buildings: true, units: true } } } })) {
      expect(p._count.buildings).toBeGreaterThan(1);
      expect(p._count.units).toBeGreaterThan(p._count.buildings);
    }
    expect(await db.household.count()).toBeGreaterThanOrEqual(1000);
    expect(await db.member.count()).toBe(1500);
    expect(await db.familyMember.count()).toBeGreaterThan(500);
    expect(await db.memberHobby.count()).toBeGreaterThan(1500);
  });

  it('spreads birthdays and joins over many years', async () => {
    const rows = await demo.db.$queryRaw<{ births: number; joins: number }[]>`
      SELECT count(DISTINCT extract(year FROM "birthDate"))::int AS births, count(DISTINCT extract(year FROM "joinedOn"))::int AS joins FROM members`;
    expect(rows[0].births).toBeGreaterThan(30);
    expect(rows[0].joins).toBeGreaterThanOrEqual(5);
  });

  it('makes every member eligible (M-2): 18 at joining, owner on the deed or family of one', async () => {
    const young = await demo.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM members WHERE "joinedOn" < "birthDate" + interval '18 years'`;
    expect(young[0].n).toBe(0);
    const owners = await demo.db.member.findMany({ where: { relation: 'OWNER' }, include: { owner: true } });
    expect(owners.every((m) => m.owner.idNumber === m.idNumber && m.owner.householdId === m.householdId)).toBe(true);
    const others = await demo.db.member.findMany({ where: { relation: { not: 'OWNER' } }, include: { owner: true } });
    expect(others.every((m) => m.owner.householdId === m.householdId)).toBe(true);
    const ids = await demo.db.member.findMany({ select: { idNumber: true } });
    expect(ids.every((m) => isValidResidentId(m.idNumber))).toBe(true);
  });

  it('uses Chinese names and addresses', async () => {
    const sample = await demo.db.member.findMany({ take: 50 });
    expect(sample.every((m) => /^[\u4e00-\u9fa5]{2,4}$/.test(m.name))).toBe(true);
    expect(sample.filter((m) => !/^[A-Z]+ [A-Z]+$/.test(m.pinyin)).map((m) => `${m.name} ${m.pinyin}`)).toEqual([]);
    expect(sample.every((m) => /[市区].*栋.*室$/.test(m.homeAddress ?? ''))).toBe(true);
  });

  it('creates one demo account per role with the published password', async () => {
    const staff = await demo.db.staffUser.findMany();
    expect(new Set(staff.map((s) => s.role))).toEqual(new Set(Object.keys(ROLE_PERMISSIONS)));
    expect(staff.map((s) => s.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(await verify(staff[0].passwordHash, DEMO_PASSWORD)).toBe(true);
  });
});

describe('demo applications (M-4..M-6)', () => {
  it('puts applications in every state, with working-day deadlines, some overdue, each a valid form', async () => {
    await seedCards(demo.db);
    const { applications, changeRequests } = await seedApplications(demo.db);
    expect(applications).toBeGreaterThan(20);
    expect(changeRequests).toBeGreaterThan(10);
    const rows = await demo.db.application.findMany({ include: { household: true } });
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED', 'APPROVED', 'CARD_IN_PRODUCTION', 'CARD_READY', 'ISSUED', 'REJECTED']));
    // M-6: a deadline until the card is ready; none once it waits for pickup or the case is closed.
    const due = ['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED', 'APPROVED', 'CARD_IN_PRODUCTION'];
    expect(rows.every((r) => (r.dueOn !== null) === due.includes(r.status))).toBe(true);
    const today = clubToday();
    expect(rows.some((r) => r.dueOn && r.dueOn < today)).toBe(true);
    expect(rows.some((r) => r.dueOn && r.dueOn >= today)).toBe(true);
    // M-3: only households with a free card place; approved applicants now hold it, within the limit.
    const approved = ['APPROVED', 'CARD_IN_PRODUCTION', 'CARD_READY', 'ISSUED'];
    expect(rows.filter((r) => !approved.includes(r.status)).every((r) => r.household.activeCards < r.household.cardLimit)).toBe(true);
    expect(rows.filter((r) => approved.includes(r.status)).every((r) => r.memberId !== null && r.household.activeCards <= r.household.cardLimit)).toBe(true);
    for (const r of rows) validate(MemberCreateInput, { ...(r.form as object), householdId: r.householdId, ownerId: r.ownerId });
    expect(await demo.db.applicationEvent.count()).toBeGreaterThanOrEqual(rows.length);
  });
});

describe('seed for benchmarks', () => {
  it('creates no account at all', async () => {
    expect(await plain.db.member.count()).toBe(200);
    expect(await plain.db.staffUser.count()).toBe(0);
  });
});
