import { describe, expect, it } from 'vitest';
import { seedCards } from '../../prisma/seed/seed-cards.ts';
import { useApi } from '../support/fixture.ts';

// The seed is tested, not the API: a seeded database only.
const f = useApi({ members: 120, api: false });

describe('demo data of the cards feature', () => {
  it('M-3, M-7, M-8: one range per project, cards within household limits, one fee per card with gapless receipts', async () => {
    const result = await seedCards(f.db);
    const projects = await f.db.project.count();
    expect(result.ranges).toBe(projects);
    expect(result.cards).toBeGreaterThan(50);
    expect(result.fees).toBe(result.cards);

    const over = await f.db.household.count({ where: { activeCards: { gt: 2 } } });
    expect(over).toBe(0);
    const [{ holders }] = await f.db.$queryRaw<{ holders: number }[]>`SELECT count(*)::int AS holders FROM members WHERE "cardHolder"`;
    expect(holders).toBe(result.cards);
    const byStatus = await f.db.card.groupBy({ by: ['status'], _count: true });
    const count = Object.fromEntries(byStatus.map((s) => [s.status, s._count]));
    expect(count.ISSUED).toBeGreaterThan(count.READY ?? 0);
    expect(count.IN_PRODUCTION).toBeGreaterThan(0);
    expect(await f.db.card.count({ where: { status: 'ISSUED', OR: [{ collectorSigned: false }, { collectorIdChecked: false }] } })).toBe(0);

    const receipts = await f.db.feeEntry.findMany({ select: { receiptNo: true } });
    const byYear = new Map<string, number[]>();
    for (const r of receipts) {
      const [year, n] = r.receiptNo.slice(2).split('-');
      byYear.set(year, [...(byYear.get(year) ?? []), Number(n)]);
    }
    for (const ns of byYear.values()) expect(ns.sort((a, b) => a - b)).toEqual(Array.from({ length: ns.length }, (_, i) => i + 1));
    const launched = await f.db.project.findFirstOrThrow({ where: { newlyLaunched: true } });
    expect(await f.db.feeEntry.count({ where: { projectId: launched.id, waived: false } })).toBe(0);

    // Ranges continue where the seed stopped: the next number is free.
    for (const r of await f.db.cardRange.findMany()) {
      expect(await f.db.card.count({ where: { rangeId: r.id } })).toBe(r.nextNo - r.fromNo);
    }
    expect(await seedCards(f.db)).toEqual({ ranges: 0, cards: 0, fees: 0 });
  });
});
