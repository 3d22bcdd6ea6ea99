import { describe, expect, it } from 'vitest';
import { lunarDateInYear, lunarFestivalsOfMonth, lunarFestivalsOfYear } from '../../server/src/care/festivals.ts';

// Known dates (State Council holiday notices and published almanacs), not computed here.
const KNOWN: Record<number, Record<string, string>> = {
  2025: { 'spring-festival': '2025-01-29', 'lantern-festival': '2025-02-12', 'dragon-boat-festival': '2025-05-31', 'mid-autumn-festival': '2025-10-06', 'double-ninth-festival': '2025-10-29' },
  2026: { 'spring-festival': '2026-02-17', 'lantern-festival': '2026-03-03', 'dragon-boat-festival': '2026-06-19', 'mid-autumn-festival': '2026-09-25', 'double-ninth-festival': '2026-10-18' },
  2027: { 'spring-festival': '2027-02-06', 'lantern-festival': '2027-02-20', 'dragon-boat-festival': '2027-06-09', 'mid-autumn-festival': '2027-09-15', 'double-ninth-festival': '2027-10-08' },
};

describe('lunar festivals (C-1)', () => {
  for (const year of [2025, 2026, 2027]) {
    it(`match the published dates for ${year}`, () => {
      const got = Object.fromEntries(lunarFestivalsOfYear(year).map((f) => [f.key, f.date]));
      expect(got).toEqual(KNOWN[year]);
    });
  }

  it('are listed by month with Chinese and English names', () => {
    expect(lunarFestivalsOfMonth('2026-09')).toEqual([{ key: 'mid-autumn-festival', date: '2026-09-25', zh: '中秋节', en: 'Mid-Autumn Festival' }]);
    expect(lunarFestivalsOfMonth('2026-04')).toEqual([]);
    expect(() => lunarFestivalsOfMonth('2026-13')).toThrow(RangeError);
  });

  it('place a lunar birthday in any year', () => {
    expect(lunarDateInYear(2026, 8, 15)).toBe('2026-09-25');
    // lunar month 1 of 2025 has 29 days: a 30th falls on the 29th
    expect(lunarDateInYear(2025, 1, 30)).toMatch(/^2025-02-2[67]$/);
  });
});
