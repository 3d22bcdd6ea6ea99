// Demo data of the cards feature (M-3, M-7, M-8, M-9, M-10): one number range per project,
// cards for the seeded members (never more than a household's limit), a card-fee ledger entry with
// a numbered receipt per card, one pending reissue request and one pending card-limit exception.
// Every card follows its member's day of joining in order — fee paid on the day the form was
// handed in (the member's signing and joining day), card produced, ready, issued, in working days
// of the club calendar and never after today — so the status is what the dates say: the newest
// members' cards are still in production or waiting to be collected. Written in bulk so
// `npm start` stays quick. Call after seedClub(); does nothing when card ranges already exist.
import type { PrismaClient, Prisma } from '../../server/src/generated/prisma/client.ts';
import { addDays, at, loadDeadlines, pick, seedNow, seedToday } from './seed-time.ts';

export interface SeedCardsResult {
  ranges: number;
  cards: number;
  fees: number;
}

export interface SeedCardsOptions {
  /** The club's today (default: the real one); use the same day as seedClub's. */
  today?: Date | string;
}

export async function seedCards(db: PrismaClient, opts: SeedCardsOptions = {}): Promise<SeedCardsResult> {
  if ((await db.cardRange.count()) > 0) return { ranges: 0, cards: 0, fees: 0 };
  const today = seedToday(opts.today);
  const now = seedNow(today);
  const { calendar, settings } = await loadDeadlines(db);
  const clamp = (d: Date) => (d > now ? now : d);
  const staff = (await db.staffUser.findFirst({ where: { username: 'officer' } })) ?? (await db.staffUser.findFirst({ orderBy: { id: 'asc' } }));
  const staffId = staff?.id ?? 0;
  const projects = await db.project.findMany({ orderBy: { id: 'asc' } });
  const fee = settings.cardFeeFen;

  let cards = 0;
  const feeRows: (Prisma.FeeEntryCreateManyInput & { paidOn: Date })[] = [];
  for (const project of projects) {
    const prefix = `${project.code}-`.slice(0, 10);
    const range = await db.cardRange.create({
      data: { prefix, fromNo: 1, toNo: 99_999, nextNo: 1, digits: 5, projectId: project.id, createdById: staffId },
    });
    // Members in M-1 order; at most the household's limit (2) of them get a card.
    const members = await db.member.findMany({
      where: { projectId: project.id, status: 'ACTIVE', cardHolder: false },
      orderBy: [{ buildingId: 'asc' }, { unitId: 'asc' }, { id: 'asc' }],
      select: { id: true, householdId: true, joinedOn: true, mobile: true, name: true, household: { select: { cardLimit: true, activeCards: true } } },
    });
    const perHousehold = new Map<number, number>();
    const chosen = members.filter((m) => {
      const n = perHousehold.get(m.householdId) ?? m.household.activeCards;
      if (n >= m.household.cardLimit) return false;
      perHousehold.set(m.householdId, n + 1);
      return true;
    });
    if (!chosen.length) continue;

    const cardRows: Prisma.CardCreateManyInput[] = chosen.map((m, i) => {
      const n = i + 1;
      // Produced 1–3 working days after joining, ready 5–15 working days later (well within the
      // card-made deadline), collected 1–20 days after that (on a working day).
      const produced = calendar.addWorkingDays(m.joinedOn, 1 + pick(m.id, 1, 3));
      const ready = calendar.addWorkingDays(produced, 5 + pick(m.id, 2, 11));
      const issuedOn = calendar.addWorkingDays(addDays(ready, 1 + pick(m.id, 3, 20)), 0);
      const status = produced > today || ready > today ? 'IN_PRODUCTION' : issuedOn > today ? 'READY' : 'ISSUED';
      const issued = status === 'ISSUED';
      const readyOn = status === 'IN_PRODUCTION' ? null : ready;
      return {
        cardNo: `${prefix}${String(n).padStart(5, '0')}`,
        rangeId: range.id,
        memberId: m.id,
        householdId: m.householdId,
        status,
        // The number is allocated when production starts (M-7): that is the card's creation.
        createdAt: clamp(at(produced > today ? today : produced, 10, pick(m.id, 4, 50))),
        readyOn,
        ownerPhonedAt: readyOn ? clamp(at(readyOn, 14, pick(m.id, 5, 50))) : null,
        issuedOn: issued ? issuedOn : null,
        collectorName: issued ? m.name : null,
        collectorPhone: issued ? m.mobile : null,
        collectorSigned: issued,
        collectorIdChecked: issued,
        issuedById: issued ? staffId : null,
      };
    });
    // M-3: the trigger counts each card holder on the household.
    await db.member.updateMany({ where: { id: { in: chosen.map((m) => m.id) } }, data: { cardHolder: true } });
    const created = await db.card.createManyAndReturn({ data: cardRows, select: { id: true, memberId: true } });
    await db.cardRange.update({ where: { id: range.id }, data: { nextNo: chosen.length + 1 } });
    cards += created.length;

    // M-8: the fee was paid when the form was handed in — the member's signing and joining day —
    // and the receipt names the member and the card (the ledger is append-only: linked when written).
    const cardOf = new Map(created.map((c) => [c.memberId, c.id]));
    for (const m of chosen) {
      feeRows.push({
        receiptNo: '',
        kind: 'NEW_CARD',
        amountFen: project.newlyLaunched ? 0 : fee,
        waived: project.newlyLaunched,
        projectId: project.id,
        memberId: m.id,
        cardId: cardOf.get(m.id) ?? null,
        paidOn: m.joinedOn,
        recordedById: staffId,
        createdAt: clamp(at(m.joinedOn, 9, 30 + pick(m.id, 6, 29))),
      });
    }
  }
  // Receipts numbered per year in the order they were paid, across all projects, without gaps.
  feeRows.sort((a, b) => a.paidOn.getTime() - b.paidOn.getTime() || (a.memberId ?? 0) - (b.memberId ?? 0));
  const receiptSeq = new Map<number, number>();
  for (const row of feeRows) {
    const year = row.paidOn.getUTCFullYear();
    const seq = (receiptSeq.get(year) ?? 0) + 1;
    receiptSeq.set(year, seq);
    row.receiptNo = `SJ${year}-${String(seq).padStart(6, '0')}`;
  }
  for (let i = 0; i < feeRows.length; i += 5000) await db.feeEntry.createMany({ data: feeRows.slice(i, i + 5000) });
  const fees = feeRows.length;

  // One lost card waiting for review, and one household asking for a third card.
  const issued = await db.card.findFirst({ where: { status: 'ISSUED' }, orderBy: { id: 'asc' } });
  if (issued) {
    await db.cardReissueRequest.create({ data: { cardId: issued.id, reason: 'LOST', note: '外出时遗失', requestedOn: today, createdById: staffId } });
  }
  const full = await db.household.findFirst({ where: { activeCards: 2 }, orderBy: { id: 'asc' } });
  if (full) {
    await db.cardLimitException.create({ data: { householdId: full.id, reason: '三代同住，父母需单独持卡参加活动', requestedById: staffId } });
  }
  return { ranges: projects.length, cards, fees };
}
