// Fills a database with a realistic club: regions, projects with buildings and units (M-1),
// households with owners, members with the whole application form (M-4), family members and
// hobbies. Used by `npm start` (demo), `npm run seed -- --members N` (benchmarks) and tests.
import { hash } from '@node-rs/argon2';
import type { PrismaClient, Prisma } from '../../server/src/generated/prisma/client.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  REGIONS,
  buildingInput,
  childInputs,
  dateBetween,
  householdInput,
  newFaker,
  memberInput,
  ownerInput,
  person,
  projectInput,
  regionInput,
  unitInput,
  type Faker,
  type MemberPlace,
  type PersonSketch,
} from './factories.ts';
import { addDays, isoDay, seedToday } from './seed-time.ts';

export interface SeedOptions {
  members: number;
  /** Create the demo staff accounts with the published password. Only the demo seed does. */
  demoAccounts: boolean;
  randomSeed?: number;
  /**
   * The club's today the data is relative to (members join up to it, never after). Default: the
   * club's real today, so the demo looks lived-in whenever it is seeded; tests may fix it.
   */
  today?: Date | string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  projects: number;
  households: number;
  members: number;
  familyMembers: number;
}

const BUILDINGS_PER_PROJECT = 10;
const FLOORS = 18;
const DOORS = 4;
const UNITS_PER_PROJECT = BUILDINGS_PER_PROJECT * FLOORS * DOORS;
const CHUNK = 1000;
/** Members join from the club's opening on; a tenth of them in the last six weeks (the club grows, so cards are in production). */
const CLUB_OPENED = '2018-01-01';
const RECENT_DAYS = 45;
const RECENT_SHARE = 0.1;

/** A join day on or after `earliest` (and the club's opening), never after today; some recent. */
function joinDay(f: Faker, earliest: Date, today: Date): Date | null {
  const from = earliest > new Date(`${CLUB_OPENED}T00:00:00Z`) ? earliest : new Date(`${CLUB_OPENED}T00:00:00Z`);
  if (from > today) return null;
  const recentFrom = addDays(today, -RECENT_DAYS);
  const recent = f.number.float() < RECENT_SHARE;
  if (recent || from >= recentFrom) return dateBetween(f, isoDay(from > recentFrom ? from : recentFrom), isoDay(today));
  return dateBetween(f, isoDay(from), isoDay(addDays(recentFrom, -1)));
}

async function chunked<T>(rows: T[], size: number, insert: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function isEmpty(db: PrismaClient): Promise<boolean> {
  const [projects, staff] = await Promise.all([db.project.count(), db.staffUser.count()]);
  return projects === 0 && staff === 0;
}

export async function seedClub(db: PrismaClient, opts: SeedOptions): Promise<SeedResult> {
  const f: Faker = newFaker(opts.randomSeed ?? 20261123);
  const today = seedToday(opts.today);
  const householdsWanted = Math.ceil(opts.members / 1.5);
  const plannedProjects = Math.max(3, Math.ceil(householdsWanted / (UNITS_PER_PROJECT * 0.7)));

  await db.region.createMany({ data: REGIONS.map((_, i) => regionInput(i)), skipDuplicates: true });
  const hobbies = await db.hobby.findMany({ select: { id: true } });
  let members = 0;
  let households = 0;
  let familyMembers = 0;
  let projectCount = 0;

  // Projects are added until the members are all placed: how many households take a second
  // member is random, so the number of projects needed is only known at the end.
  while (members < opts.members) {
    const index = projectCount++;
    const newlyLaunched = index === plannedProjects - 1;
    // Launched before today: a newly launched project (fee waived, M-8) within the last year.
    const launchedOn = newlyLaunched
      ? dateBetween(f, isoDay(addDays(today, -330)), isoDay(addDays(today, -200)))
      : dateBetween(f, '2012-01-01', isoDay(addDays(today, -400)));
    const project = await db.project.create({ data: projectInput(f, index, { newlyLaunched, launchedOn }) });
    const region = REGIONS.find((r) => r.code === project.regionCode)!;
    const buildings = await db.building.createManyAndReturn({
      data: Array.from({ length: BUILDINGS_PER_PROJECT }, (_, i) => buildingInput(project.id, i + 1)),
    });
    const unitRows: Prisma.UnitCreateManyInput[] = [];
    for (const b of buildings) for (let fl = 1; fl <= FLOORS; fl++) for (let d = 1; d <= DOORS; d++) unitRows.push(unitInput(project.id, b.id, fl, d));
    const units = await db.unit.createManyAndReturn({ data: unitRows, select: { id: true, projectId: true, buildingId: true, number: true } });
    const buildingName = new Map(buildings.map((b) => [b.id, b.name]));

    // About 70% of units are sold to households that join the club.
    const sold = units.filter(() => f.number.float() < 0.7);
    // Spread the households over the planned projects (at least 3, as M-1's demo promises).
    const remaining = Math.ceil((opts.members - members) / 1.5);
    // The last planned project takes whatever is still needed, so no small extra project appears.
    const share = index >= plannedProjects - 1 ? opts.members - members : Math.ceil(remaining / (plannedProjects - index));
    const take = sold.slice(0, Math.max(1, share));
    // Bought after the launch, at least a few weeks before today.
    const hh = await db.household.createManyAndReturn({
      data: take.map((u) => householdInput(f, u, { from: project.launchedOn, to: addDays(today, -30) })),
      select: { id: true, unitId: true, purchasedOn: true },
    });
    households += hh.length;
    const unitById = new Map(take.map((u) => [u.id, u]));

    const owners: { householdId: number; sketch: PersonSketch }[] = hh.map((h) => ({ householdId: h.id, sketch: person(f, '1950-01-01', '1995-12-31') }));
    const ownerRows = await db.householdOwner.createManyAndReturn({
      data: owners.map((o) => ownerInput(f, o.householdId, o.sketch)),
      select: { id: true, householdId: true },
    });

    const memberRows: Prisma.MemberCreateManyInput[] = [];
    for (let i = 0; i < hh.length && members + memberRows.length < opts.members; i++) {
      const unit = unitById.get(hh[i].unitId)!;
      const purchasedOn = hh[i].purchasedOn ?? today;
      const owner = owners[i].sketch;
      const place: MemberPlace = {
        householdId: hh[i].id,
        projectId: project.id,
        buildingId: unit.buildingId,
        unitId: unit.id,
        regionCode: project.regionCode,
        ownerId: ownerRows[i].id,
        projectName: project.name,
        unitLabel: `${buildingName.get(unit.buildingId)}${unit.number}室`,
        city: region.city,
        district: region.districts[i % region.districts.length],
      };
      // An owner joins after buying; the purchase is before today, so a day is always found.
      memberRows.push(memberInput(f, place, 'OWNER', owner, joinDay(f, purchasedOn, today) ?? today));
      if (f.number.float() < 0.5 && members + memberRows.length < opts.members) {
        const second = familySketch(f, owner, purchasedOn, today);
        if (second) memberRows.push(memberInput(f, place, second.relation, second.person, second.joinedOn));
      }
    }

    const created: { id: number; birthDate: Date; maritalStatus: string }[] = [];
    await chunked(memberRows, CHUNK, async (part) => {
      created.push(...(await db.member.createManyAndReturn({ data: part, select: { id: true, birthDate: true, maritalStatus: true } })));
    });
    members += created.length;

    const kids = created.filter((m) => m.maritalStatus === 'MARRIED').flatMap((m) => childInputs(f, m.id, m.birthDate));
    await chunked(kids, CHUNK * 5, (part) => db.familyMember.createMany({ data: part }));
    familyMembers += kids.length;

    const memberHobbies = created.flatMap((m) =>
      f.helpers.arrayElements(hobbies, { min: 1, max: 4 }).map((h) => ({ memberId: m.id, hobbyId: h.id })),
    );
    await chunked(memberHobbies, CHUNK * 10, (part) => db.memberHobby.createMany({ data: part }));
    opts.onProgress?.(members, opts.members);
  }

  if (opts.demoAccounts) await createDemoAccounts(db);
  return { projects: projectCount, households, members, familyMembers };
}

function familySketch(f: Faker, owner: PersonSketch, purchasedOn: Date, today: Date): { relation: 'SPOUSE' | 'CHILD' | 'PARENT'; person: PersonSketch; joinedOn: Date } | null {
  const relation = f.helpers.weightedArrayElement([
    { weight: 6, value: 'SPOUSE' as const },
    { weight: 3, value: 'CHILD' as const },
    { weight: 1, value: 'PARENT' as const },
  ]);
  const y = owner.birthDate.getUTCFullYear();
  const range: Record<typeof relation, [number, number]> = { SPOUSE: [y - 5, y + 5], CHILD: [y + 22, y + 35], PARENT: [y - 35, y - 22] };
  const [from, to] = range[relation];
  const [lo, hi] = [Math.max(from, 1930), Math.min(to, 2006)];
  if (lo > hi) return null;
  const p = person(f, `${lo}-01-01`, `${hi}-12-31`);
  // M-2: a member is at least 18 on the day they join.
  const adult = new Date(Date.UTC(p.birthDate.getUTCFullYear() + 18, p.birthDate.getUTCMonth(), p.birthDate.getUTCDate() + 1));
  const joinedOn = joinDay(f, adult > purchasedOn ? adult : purchasedOn, today);
  if (!joinedOn) return null;
  return { relation, person: p, joinedOn };
}

async function createDemoAccounts(db: PrismaClient): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD);
  await db.staffUser.createMany({
    data: DEMO_ACCOUNTS.map((a) => ({ username: a.username, displayName: a.displayName, role: a.role, regionCode: a.regionCode, passwordHash })),
    skipDuplicates: true,
  });
}
