// Demo data of the cards feature (M-3, M-7, M-8, M-9, M-10): one number range per project,
// cards for the seeded members (never more than a household's limit; most ISSUED, some READY or
// IN_PRODUCTION), a card-fee ledger entry with a numbered receipt per card, one pending reissue
// request and one pending card-limit exception. Written in bulk so `npm start` stays quick.
// Call after seedClub(); does nothing when card ranges already exist.
import type { PrismaClient, Prisma } from '../../server/src/generated/prisma/client.ts';
import { cardFeeFen } from '../../server/src/cards/fee-config.ts';

export interface SeedCardsResult {
  ranges: number;
  cards: number;
  fees: number;
}

const TODAY = new Date('2026-11-01T00:00:00Z');
const DAY = 86_400_000;

function addDays(d: Date, n: number): Date {
  const r = new Date(d.getTime() + n * DAY);
  return r > TODAY ? TODAY : r;
}

export async function seedCards(db: PrismaClient): Promise<SeedCardsResult> {
  if ((await db.cardRange.count()) > 0) return { ranges: 0, cards: 0, fees: 0 };
  const staff = (await db.staffUser.findFirst({ where: { username: 'officer' } })) ?? (await db.staffUser.findFirst({ orderBy: { id: 'asc' } }));
  const staffId = staff?.id ?? 0;
  const projects = await db.project.findMany({ orderBy: { id: 'asc' } });
  const fee = cardFeeFen();

  let cards = 0;
  let fees = 0;
  const receiptSeq = new Map<number, number>();
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
      // Most cards were handed over long ago; the newest members' cards are still on the way.
      const fromEnd = chosen.length - i;
      const status = fromEnd <= Math.max(1, Math.round(chosen.length * 0.04)) ? 'IN_PRODUCTION' : fromEnd <= Math.max(2, Math.round(chosen.length * 0.1)) ? 'READY' : 'ISSUED';
      const readyOn = status === 'IN_PRODUCTION' ? null : addDays(m.joinedOn, 7);
      const issued = status === 'ISSUED';
      return {
        cardNo: `${prefix}${String(n).padStart(5, '0')}`,
        rangeId: range.id,
        memberId: m.id,
        householdId: m.householdId,
        status,
        readyOn,
        ownerPhonedAt: readyOn,
        issuedOn: issued ? addDays(m.joinedOn, 12) : null,
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

    const cardOf = new Map(created.map((c) => [c.memberId, c.id]));
    const feeRows: Prisma.FeeEntryCreateManyInput[] = chosen
      .map((m) => ({ m, paidOn: m.joinedOn }))
      .sort((a, b) => a.paidOn.getTime() - b.paidOn.getTime() || a.m.id - b.m.id)
      .map(({ m, paidOn }) => {
        const year = paidOn.getUTCFullYear();
        const seq = (receiptSeq.get(year) ?? 0) + 1;
        receiptSeq.set(year, seq);
        return {
          receiptNo: `SJ${year}-${String(seq).padStart(6, '0')}`,
          kind: 'NEW_CARD' as const,
          amountFen: project.newlyLaunched ? 0 : fee,
          waived: project.newlyLaunched,
          projectId: project.id,
          memberId: m.id,
          cardId: cardOf.get(m.id) ?? null,
          paidOn,
          recordedById: staffId,
        };
      });
    await db.feeEntry.createMany({ data: feeRows });
    fees += feeRows.length;
  }

  // One lost card waiting for review, and one household asking for a third card.
  const issued = await db.card.findFirst({ where: { status: 'ISSUED' }, orderBy: { id: 'asc' } });
  if (issued) {
    await db.cardReissueRequest.create({ data: { cardId: issued.id, reason: 'LOST', note: '外出时遗失', requestedOn: TODAY, createdById: staffId } });
  }
  const full = await db.household.findFirst({ where: { activeCards: 2 }, orderBy: { id: 'asc' } });
  if (full) {
    await db.cardLimitException.create({ data: { householdId: full.id, reason: '三代同住，父母需单独持卡参加活动', requestedById: staffId } });
  }
  return { ranges: projects.length, cards, fees };
}
