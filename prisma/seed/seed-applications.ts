// Demo data of the applications feature (M-4..M-9) and of the member change requests (M-6): the
// work in progress of every region, so "my tasks" and the overdue flags have something to show.
//
// Each region gets applications in every open state (received, incomplete, complete, verified,
// approved, card in production, card ready) plus a few finished ones (issued, rejected). Every
// application's events are in order and never after now: received ≤ checked ≤ verified ≤
// approved ≤ card produced ≤ card ready ≤ issued. The deadline (dueOn) is the one the API would
// have set at that step — same calendar, same club settings, same rule per step (see
// ApplicationsService: receive, check, approve) — and about a sixth of the open items of each
// region are past it, the rest still within it. The card fee is in the ledger from the day of
// receipt (M-8), naming the application and, once there, the member and the card; a rejected
// application's fee is reversed on the day of the decision. Approved applications have their
// member (joined on the approval day); produced ones their card from the project's range.
//
// Applicants are spouses of owners of households with a free card place (M-3). Call after
// seedClub() (and seedCards(), for the card states); does nothing when applications exist.
import type { ApplicationStatus, PrismaClient, Prisma } from '../../server/src/generated/prisma/client.ts';
import type { WorkingDays } from '../../server/src/calendar/working-days.ts';
import type { ClubSettings } from '../../server/src/settings/settings.service.ts';
import { DEADLINES } from '../../server/src/applications/applications.service.ts';
import { MemberCreateInput } from '../../server/src/members/member.schema.ts';
import { validate } from '../../server/src/common/validation.ts';
import { CREATED_FIELD } from '../../server/src/records/member-history.ts';
import { REGIONS, type Faker, mobile, newFaker, person, toPinyin } from './factories.ts';
import { at, isoDay, loadDeadlines, pick, seedNow, seedToday, workingDaysBack } from './seed-time.ts';

type Open = 'RECEIVED' | 'INCOMPLETE' | 'COMPLETE' | 'VERIFIED' | 'APPROVED' | 'CARD_IN_PRODUCTION' | 'CARD_READY';
type State = Open | 'ISSUED' | 'REJECTED';

/** The open states (not ISSUED or REJECTED), as ApplicationsService counts them. */
export const OPEN_STATES: readonly Open[] = ['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED', 'APPROVED', 'CARD_IN_PRODUCTION', 'CARD_READY'];
/** The share of a region's open applications (and open change requests) the demo puts past their deadline. */
export const OVERDUE_SHARE = 0.17;

const POINTS = ['MANAGEMENT_OFFICE', 'CLUBHOUSE', 'IN_PERSON', 'MAIL'] as const;
const ALL_DOCS = ['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM'] as const;
const CARD_STATES: readonly State[] = ['CARD_IN_PRODUCTION', 'CARD_READY', 'ISSUED'];
const MEMBER_STATES: readonly State[] = ['APPROVED', ...CARD_STATES];

export interface SeedApplicationsOptions {
  /** The club's today (default: the real one); use the same day as seedClub's. */
  today?: Date | string;
}

export interface SeedApplicationsResult {
  applications: number;
  changeRequests: number;
}

/** The day of each step (null: not reached) and the working days before today it fell on. */
interface Timeline {
  received: Date;
  incomplete: Date | null;
  complete: Date | null;
  verified: Date | null;
  decided: Date | null;
  produced: Date | null;
  ready: Date | null;
  issued: Date | null;
}

/**
 * The steps of an application in `state`, as working-day positions before today (0 = the last
 * working day up to today), later steps at smaller positions. The anchor of the current deadline
 * is placed `overdue` past it or within it.
 */
function positions(state: State, overdue: boolean, key: number, s: ClubSettings): Record<keyof Timeline, number | null> {
  const none = { incomplete: null, complete: null, verified: null, decided: null, produced: null, ready: null, issued: null };
  // j working days ago: past a deadline of d working days when j > d, within it when j < d.
  const anchor = (d: number, min = 0) => (overdue ? d + 1 + pick(key, 11, 5) : Math.min(d - 1, min + pick(key, 12, Math.max(1, d - min))));
  const receivedBefore = (c: number) => c + pick(key, 13, 3);
  switch (state) {
    case 'RECEIVED':
      return { ...none, received: anchor(s.completenessCheckDays) };
    case 'INCOMPLETE': {
      const c = anchor(DEADLINES.chaseMissing);
      return { ...none, received: receivedBefore(c), incomplete: c };
    }
    case 'COMPLETE': {
      const c = anchor(s.dataEntryDays);
      const r = receivedBefore(c);
      // Some went through a reminder for a missing item first.
      return { ...none, received: r, incomplete: r > c + 1 && pick(key, 14, 2) === 0 ? c + 1 : null, complete: c };
    }
    case 'VERIFIED': {
      const c = anchor(s.dataEntryDays, 1);
      return { ...none, received: receivedBefore(c), complete: c, verified: Math.max(0, c - 1) };
    }
    case 'APPROVED': {
      const c = anchor(s.cardMadeDays, 2);
      return { ...none, received: receivedBefore(c), complete: c, verified: c - 1, decided: c - 2 };
    }
    case 'CARD_IN_PRODUCTION': {
      const c = anchor(s.cardMadeDays, 4);
      return { ...none, received: receivedBefore(c), complete: c, verified: c - 1, decided: c - 2, produced: c - 3 - pick(key, 15, 2) };
    }
    case 'CARD_READY': {
      const c = 12 + pick(key, 16, 8);
      return { ...none, received: receivedBefore(c), complete: c, verified: c - 1, decided: c - 2, produced: c - 3, ready: pick(key, 17, 6) };
    }
    case 'ISSUED': {
      const c = 16 + pick(key, 18, 15);
      const ready = c - 8 - pick(key, 19, 4);
      return { ...none, received: receivedBefore(c), complete: c, verified: c - 1, decided: c - 2, produced: c - 3, ready, issued: ready - 1 - pick(key, 20, 3) };
    }
    case 'REJECTED': {
      const c = 2 + pick(key, 21, 10);
      return { ...none, received: receivedBefore(c), complete: c, decided: c - 1 - pick(key, 22, 2) };
    }
  }
}

function timeline(calendar: WorkingDays, today: Date, p: Record<keyof Timeline, number | null>): Timeline {
  // Never before today's position 0: with very short deadlines the later steps share a day.
  const d = (n: number | null) => (n === null ? null : workingDaysBack(calendar, today, Math.max(0, n)));
  return {
    received: d(p.received)!,
    incomplete: d(p.incomplete),
    complete: d(p.complete),
    verified: d(p.verified),
    decided: d(p.decided),
    produced: d(p.produced),
    ready: d(p.ready),
    issued: d(p.issued),
  };
}

/** The deadline the API sets for the application's current step (ApplicationsService). */
function dueOnOf(state: State, t: Timeline, calendar: WorkingDays, s: ClubSettings): Date | null {
  switch (state) {
    case 'RECEIVED':
      return calendar.addWorkingDays(t.received, s.completenessCheckDays); // receive()
    case 'INCOMPLETE':
      return calendar.addWorkingDays(t.incomplete!, DEADLINES.chaseMissing); // check() with missing items
    case 'COMPLETE':
    case 'VERIFIED': // verify() keeps the data-entry deadline
      return calendar.addWorkingDays(t.complete!, s.dataEntryDays); // check() complete
    case 'APPROVED':
    case 'CARD_IN_PRODUCTION': // produceCard() keeps the card-made deadline
      return calendar.addWorkingDays(t.complete!, s.cardMadeDays); // approve()
    default:
      return null; // card ready, issued, rejected: nothing due
  }
}

/** The slots of one region: every open state first (so a small region still has them all), then the finished ones. */
function regionSlots(perState: number, closed: number): { state: State; overdue: boolean }[] {
  const slots: { state: State; overdue: boolean }[] = [];
  for (let k = 0; k < perState; k++) for (const state of OPEN_STATES) slots.push({ state, overdue: false });
  for (let k = 0; k < closed; k++) slots.push({ state: k % 2 === 0 ? 'ISSUED' : 'REJECTED', overdue: false });
  return slots;
}

/** Marks round(share × open) of the slots with a deadline overdue, spread over the states. */
function markOverdue(slots: { state: State; overdue: boolean }[]): void {
  const open = slots.filter((s) => (OPEN_STATES as readonly string[]).includes(s.state));
  // By state, so the overdue ones fall in as many different states as there are of them.
  const due = open.filter((s) => s.state !== 'CARD_READY').sort((a, b) => OPEN_STATES.indexOf(a.state as Open) - OPEN_STATES.indexOf(b.state as Open));
  const n = Math.min(due.length, Math.max(open.length >= 4 ? 1 : 0, Math.round(OVERDUE_SHARE * open.length)));
  for (let j = 0; j < n; j++) due[Math.floor(((j + 0.5) * due.length) / n)].overdue = true;
}

export async function seedApplications(db: PrismaClient, count = 100, opts: SeedApplicationsOptions = {}): Promise<SeedApplicationsResult> {
  if ((await db.application.count()) > 0) return { applications: 0, changeRequests: 0 };
  const today = seedToday(opts.today);
  const now = seedNow(today);
  // Events in order and never after now: each moment at least the one before it.
  const clock = () => {
    let last = 0;
    return (day: Date, hour: number, minute = 0) => {
      const t = Math.max(last, Math.min(at(day, hour, minute).getTime(), now.getTime()));
      last = t;
      return new Date(t);
    };
  };
  const officer =
    (await db.staffUser.findFirst({ where: { username: 'officer' } })) ?? (await db.staffUser.findFirst({ where: { role: 'member_officer' }, orderBy: { id: 'asc' } }));
  const staffId = officer?.id ?? 0;
  const { calendar, settings } = await loadDeadlines(db);
  const f = newFaker(20261124);

  const perRegion = Math.ceil(count / REGIONS.length);
  const closed = Math.max(2, Math.round(perRegion * 0.12));
  const perState = Math.max(1, Math.floor((perRegion - closed) / OPEN_STATES.length));

  interface Plan {
    i: number;
    state: State;
    overdue: boolean;
    household: { id: number; projectId: number; unitId: number; ownerId: number; buildingId: number; projectName: string; newlyLaunched: boolean; regionCode: string };
    range: { id: number; prefix: string; nextNo: number; digits: number } | null;
  }
  const plans: Plan[] = [];
  const ranges = new Map<number, { id: number; prefix: string; nextNo: number; digits: number }>();
  for (const r of await db.cardRange.findMany({ where: { active: true, projectId: { not: null } }, orderBy: { id: 'asc' } })) {
    if (!ranges.has(r.projectId!) && r.nextNo <= r.toNo) ranges.set(r.projectId!, { id: r.id, prefix: r.prefix, nextNo: r.nextNo, digits: r.digits });
  }
  for (const region of REGIONS) {
    const households = await db.household.findMany({
      where: { project: { regionCode: region.code }, activeCards: { lt: db.household.fields.cardLimit }, applications: { none: {} } },
      include: { owners: { take: 1, orderBy: { id: 'asc' } }, project: true, unit: { select: { buildingId: true } } },
      orderBy: { id: 'desc' },
      take: perRegion * 2,
    });
    const usable = households.filter((h) => h.owners[0]);
    const slots = regionSlots(perState, closed).slice(0, usable.length);
    // A project without a card range cannot have made a card: those applications stop at approval.
    slots.forEach((s, k) => {
      if (CARD_STATES.includes(s.state) && !ranges.has(usable[k].projectId)) s.state = 'APPROVED';
    });
    markOverdue(slots);
    slots.forEach((s, k) => {
      const h = usable[k];
      plans.push({
        i: plans.length,
        ...s,
        household: {
          id: h.id,
          projectId: h.projectId,
          unitId: h.unitId,
          ownerId: h.owners[0].id,
          buildingId: h.unit.buildingId,
          projectName: h.project.name,
          newlyLaunched: h.project.newlyLaunched,
          regionCode: h.project.regionCode,
        },
        range: ranges.get(h.projectId) ?? null,
      });
    });
  }

  // Dates first, then numbers in the order of receipt (SQ<year>-nnnnnn, as receive() numbers them).
  const dated = plans.map((p) => {
    const t = timeline(calendar, today, positions(p.state, p.overdue, p.i, settings));
    return { ...p, t, dueOn: dueOnOf(p.state, t, calendar, settings) };
  });
  dated.sort((a, b) => a.t.received.getTime() - b.t.received.getTime() || a.i - b.i);
  const appSeq = new Map<number, number>();

  const rows: { app: Prisma.ApplicationCreateManyInput; events: Omit<Prisma.ApplicationEventCreateManyInput, 'applicationId'>[]; member: Prisma.MemberCreateInput | null; hobbyIds: number[]; card: Omit<Prisma.CardCreateManyInput, 'memberId'> | null; fee: { paidOn: Date; at: Date; reversedOn: Date | null; reversedAt: Date | null; reason: string | null } ; plan: (typeof dated)[number] }[] = [];
  for (const p of dated) {
    const { t, state, household: h } = p;
    const when = clock();
    const year = t.received.getUTCFullYear();
    const seq = (appSeq.get(year) ?? 0) + 1;
    appSeq.set(year, seq);
    const person_ = person(f, '1960-01-01', '2000-12-31');
    const phone = mobile(f);
    const form = {
      relation: 'SPOUSE',
      title: person_.sex === 'MALE' ? 'MR' : 'MRS',
      name: person_.name,
      pinyin: toPinyin(person_.name),
      sex: person_.sex,
      birthDate: isoDay(person_.birthDate),
      idType: 'ID_CARD',
      idNumber: person_.idNumber,
      mobile: phone,
      nationality: '中国',
      maritalStatus: 'MARRIED',
      mailingAddress: 'HOME',
      joinReasons: ['ACTIVITIES'],
      hobbyIds: [1 + (p.i % 21)],
      signedOn: isoDay(t.received),
    };
    const events: Omit<Prisma.ApplicationEventCreateManyInput, 'applicationId'>[] = [];
    const event = (from: ApplicationStatus | null, to: ApplicationStatus, day: Date, hour: number, note: string | null = null) => {
      events.push({ fromStatus: from, toStatus: to, byId: staffId, note, at: when(day, hour, pick(p.i, hour, 55)) });
      return events[events.length - 1].at as Date;
    };
    const receivedAt = event(null, 'RECEIVED', t.received, 9);
    const missing = state === 'INCOMPLETE' || t.incomplete ? [ALL_DOCS[p.i % 4]] : [];
    let last: ApplicationStatus = 'RECEIVED';
    const step = (to: ApplicationStatus, day: Date, hour: number, note: string | null = null) => {
      const moment = event(last, to, day, hour, note);
      last = to;
      return moment;
    };
    if (t.incomplete) step('INCOMPLETE', t.incomplete, 10);
    if (t.complete) step('COMPLETE', t.complete, 11);
    if (t.verified) step('VERIFIED', t.verified, 14);
    const reason = state === 'REJECTED' ? '申请人非该房产业主的配偶或直系亲属' : null;
    const decidedAt = t.decided ? step(state === 'REJECTED' ? 'REJECTED' : 'APPROVED', t.decided, 15, reason) : null;
    const producedAt = t.produced ? step('CARD_IN_PRODUCTION', t.produced, 10) : null;
    const phonedAt = t.ready ? step('CARD_READY', t.ready, 11, '已电话通知业主') : null;
    if (t.issued) step('ISSUED', t.issued, 15, person_.name);

    const withMember = MEMBER_STATES.includes(state);
    let member: Prisma.MemberCreateInput | null = null;
    let hobbyIds: number[] = [];
    if (withMember) {
      // approve(): the form becomes the member, joining on the day of approval.
      const parsed = validate(MemberCreateInput, { ...form, householdId: h.id, ownerId: h.ownerId });
      const { householdId: _h, ownerId: _o, familyMembers: _f, hobbyIds: hobbies, extra, ...fields } = parsed;
      hobbyIds = [...new Set(hobbies ?? [])];
      member = {
        ...fields,
        pinyin: fields.pinyin ?? toPinyin(fields.name),
        nationality: fields.nationality ?? '中国',
        joinedOn: t.decided!,
        extra: extra ?? {},
        cardHolder: true,
        createdAt: decidedAt!,
        household: { connect: { id: h.id } },
        owner: { connect: { id: h.ownerId } },
        project: { connect: { id: h.projectId } },
        building: { connect: { id: h.buildingId } },
        unit: { connect: { id: h.unitId } },
        regionCode: h.regionCode,
      } as Prisma.MemberCreateInput;
    }
    let card: Omit<Prisma.CardCreateManyInput, 'memberId'> | null = null;
    if (t.produced && p.range) {
      const n = p.range.nextNo++;
      const issued = state === 'ISSUED';
      card = {
        cardNo: `${p.range.prefix}${String(n).padStart(p.range.digits, '0')}`,
        rangeId: p.range.id,
        householdId: h.id,
        status: issued ? 'ISSUED' : t.ready ? 'READY' : 'IN_PRODUCTION',
        createdAt: producedAt!,
        readyOn: t.ready,
        ownerPhonedAt: phonedAt,
        issuedOn: t.issued,
        collectorName: issued ? person_.name : null,
        collectorPhone: issued ? phone : null,
        collectorSigned: issued,
        collectorIdChecked: issued,
        issuedById: issued ? staffId : null,
      };
    }
    const lastAt = events[events.length - 1].at as Date;
    rows.push({
      plan: p,
      member,
      hobbyIds,
      card,
      events,
      fee: { paidOn: t.received, at: receivedAt, reversedOn: state === 'REJECTED' ? t.decided : null, reversedAt: state === 'REJECTED' ? decidedAt : null, reason },
      app: {
        applicationNo: `SQ${year}-${String(seq).padStart(6, '0')}`,
        householdId: h.id,
        ownerId: h.ownerId,
        projectId: h.projectId,
        regionCode: h.regionCode,
        form,
        applicantName: person_.name,
        applicantIdNumber: person_.idNumber,
        collectionPoint: POINTS[p.i % POINTS.length],
        collectionPlace: p.i % 4 === 0 ? `${h.projectName}物业管理处` : null,
        receivedOn: t.received,
        receivedById: staffId,
        status: state,
        statusSince: lastAt,
        dueOn: p.dueOn,
        documentsPresent: state === 'INCOMPLETE' ? ALL_DOCS.filter((d) => !missing.includes(d)) : [...ALL_DOCS],
        missingItems: state === 'INCOMPLETE' ? missing : [],
        applicantNotifiedAt: state === 'INCOMPLETE' ? lastAt : null,
        completeOn: state === 'INCOMPLETE' || state === 'RECEIVED' ? null : t.complete,
        decidedById: decidedAt ? staffId : null,
        decidedAt,
        rejectionReason: reason,
        createdAt: receivedAt,
      },
    });
  }

  // The members of approved applications, then their cards.
  const memberIds = new Map<number, number>();
  for (const r of rows) {
    if (!r.member) continue;
    const m = await db.member.create({ data: { ...r.member, hobbies: r.hobbyIds.length ? { create: r.hobbyIds.map((hobbyId) => ({ hobbyId })) } : undefined }, select: { id: true, name: true } });
    memberIds.set(r.plan.i, m.id);
    await db.memberChange.create({ data: { memberId: m.id, field: CREATED_FIELD, newValue: m.name, changedById: staffId, changedAt: r.member.createdAt as Date } });
  }
  const cardIds = new Map<number, number>();
  for (const r of rows) {
    if (!r.card) continue;
    const c = await db.card.create({ data: { ...r.card, memberId: memberIds.get(r.plan.i)! } as Prisma.CardUncheckedCreateInput, select: { id: true } });
    cardIds.set(r.plan.i, c.id);
  }
  for (const range of new Set([...rows].flatMap((r) => (r.plan.range ? [r.plan.range] : [])))) {
    await db.cardRange.update({ where: { id: range.id }, data: { nextNo: range.nextNo } });
  }

  const created = await db.application.createManyAndReturn({
    data: rows.map((r) => ({ ...r.app, memberId: memberIds.get(r.plan.i) ?? null })),
    select: { id: true, applicationNo: true },
  });
  const appId = new Map(created.map((a) => [a.applicationNo, a.id]));
  const idOf = (r: (typeof rows)[number]) => appId.get(r.app.applicationNo)!;
  await db.applicationEvent.createMany({ data: rows.flatMap((r) => r.events.map((e) => ({ ...e, applicationId: idOf(r) }))) });

  // M-8: the fee paid on the day of receipt, its receipt naming the application and — the ledger
  // being append-only — the member and card it ended up with; a rejection's reversal on its day.
  const fee = settings.cardFeeFen;
  type FeeRow = Prisma.FeeEntryCreateManyInput & { paidOn: Date; createdAt: Date; reverses?: string };
  const fees: FeeRow[] = [];
  for (const r of rows) {
    const waived = r.plan.household.newlyLaunched;
    const base = { kind: 'NEW_CARD' as const, waived, projectId: r.plan.household.projectId, applicationId: idOf(r), recordedById: staffId };
    const original: FeeRow = { ...base, receiptNo: '', amountFen: waived ? 0 : fee, memberId: memberIds.get(r.plan.i) ?? null, cardId: cardIds.get(r.plan.i) ?? null, paidOn: r.fee.paidOn, createdAt: r.fee.at };
    fees.push(original);
    if (r.fee.reversedOn) {
      fees.push({ ...base, receiptNo: '', amountFen: -(waived ? 0 : fee), paidOn: r.fee.reversedOn, createdAt: r.fee.reversedAt!, note: r.fee.reason, reverses: `${idOf(r)}` });
    }
  }
  fees.sort((a, b) => a.paidOn.getTime() - b.paidOn.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
  const receiptSeq = new Map<number, number>();
  for (const row of fees) {
    const year = row.paidOn.getUTCFullYear();
    if (!receiptSeq.has(year)) receiptSeq.set(year, await lastNumber(db, 'fee_entries', 'receiptNo', `SJ${year}-`));
    const seq = receiptSeq.get(year)! + 1;
    receiptSeq.set(year, seq);
    row.receiptNo = `SJ${year}-${String(seq).padStart(6, '0')}`;
  }
  const originals = await db.feeEntry.createManyAndReturn({
    data: fees.filter((x) => !x.reverses).map(({ reverses: _r, ...x }) => x),
    select: { id: true, applicationId: true },
  });
  const originalOf = new Map(originals.map((o) => [o.applicationId, o.id]));
  const reversals = fees.filter((x) => x.reverses).map(({ reverses, ...x }) => ({ ...x, reversesId: originalOf.get(Number(reverses))! }));
  if (reversals.length) await db.feeEntry.createMany({ data: reversals });

  const changeRequests = await seedChangeRequests(db, f, { calendar, settings, today, now, staffId, open: Math.max(5, Math.round(perRegion * 0.3)), handled: 3 });
  return { applications: created.length, changeRequests };
}

async function lastNumber(db: PrismaClient, table: string, column: string, head: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT COALESCE(max(substring("${column}" from ${head.length + 1})::int), 0)::int AS n FROM "${table}" WHERE "${column}" LIKE $1`,
    `${head}%`,
  );
  return rows[0].n;
}

const CHANNEL_TEXT = {
  FAX: '会员传真要求变更手机号码',
  EMAIL: '会员来邮件要求更新手机号码',
  LETTER: '会员来信要求变更手机号码',
  IN_PERSON: '会员到会所当面要求变更手机号码',
} as const;
const CHANNELS = Object.keys(CHANNEL_TEXT) as (keyof typeof CHANNEL_TEXT)[];

/**
 * M-6: members' change requests in every region — open ones received within their deadline
 * (changeRequestDays, counted as ChangeRequestsService.create counts it) and about a sixth past
 * it, and a few applied ones with their history. Received after the member joined.
 */
async function seedChangeRequests(
  db: PrismaClient,
  f: Faker,
  o: { calendar: WorkingDays; settings: ClubSettings; today: Date; now: Date; staffId: number; open: number; handled: number },
): Promise<number> {
  if ((await db.changeRequest.count()) > 0) return 0;
  const d = o.settings.changeRequestDays;
  let n = 0;
  for (const region of REGIONS) {
    const oldest = workingDaysBack(o.calendar, o.today, 40);
    const members = await db.member.findMany({
      where: { regionCode: region.code, status: 'ACTIVE', joinedOn: { lt: oldest } },
      select: { id: true, mobile: true },
      orderBy: { id: 'asc' },
      take: o.open + o.handled,
    });
    const overdue = Math.max(1, Math.round(OVERDUE_SHARE * Math.min(o.open, members.length)));
    for (const [k, m] of members.entries()) {
      const open = k < o.open;
      const late = open && k < overdue;
      const key = m.id * 7 + k;
      // Open: received within the deadline (j < d working days ago) or past it (j > d); handled: weeks ago.
      const j = open ? (late ? d + 1 + pick(key, 31, 4) : pick(key, 32, Math.max(1, d))) : 5 + pick(key, 33, 30);
      const receivedOn = workingDaysBack(o.calendar, o.today, j);
      const dueOn = o.calendar.addWorkingDays(receivedOn, d);
      const channel = CHANNELS[key % CHANNELS.length];
      const newMobile = mobile(f);
      const createdAt = new Date(Math.min(at(receivedOn, 9, 10 + pick(key, 34, 40)).getTime(), o.now.getTime()));
      const handledAt = open ? null : new Date(Math.min(at(o.calendar.addWorkingDays(receivedOn, pick(key, 35, d + 1)), 16).getTime(), o.now.getTime()));
      const row = await db.changeRequest.create({
        data: {
          memberId: m.id,
          channel,
          receivedOn,
          dueOn,
          description: CHANNEL_TEXT[channel],
          changes: { mobile: newMobile },
          status: open ? 'OPEN' : 'APPLIED',
          handledById: open ? null : o.staffId,
          handledAt,
          createdById: o.staffId,
          createdAt,
        },
      });
      if (!open) {
        await db.member.update({ where: { id: m.id }, data: { mobile: newMobile } });
        await db.memberChange.create({ data: { memberId: m.id, field: 'mobile', oldValue: m.mobile, newValue: newMobile, changedById: o.staffId, changedAt: handledAt!, changeRequestId: row.id } });
      }
      n += 1;
    }
  }
  return n;
}
