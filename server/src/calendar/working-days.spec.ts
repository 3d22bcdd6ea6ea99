import { describe, expect, it } from 'vitest';
import { WorkingDays, isoDay, utcDay } from './working-days.js';

// 2026 National Day: 1–7 Oct off (1–2, 5–7 are weekdays), Saturday 10 Oct worked.
const cal = new WorkingDays(
  new Map([
    ['2026-10-01', 'HOLIDAY'],
    ['2026-10-02', 'HOLIDAY'],
    ['2026-10-05', 'HOLIDAY'],
    ['2026-10-06', 'HOLIDAY'],
    ['2026-10-07', 'HOLIDAY'],
    ['2026-10-10', 'WORKDAY'],
  ] as const),
);

describe('working days (Chinese calendar)', () => {
  it('counts Monday to Friday normally', () => {
    expect(isoDay(cal.addWorkingDays(utcDay('2026-11-23'), 2))).toBe('2026-11-25');
    expect(isoDay(cal.addWorkingDays(utcDay('2026-11-27'), 1))).toBe('2026-11-30'); // Friday → Monday
  });
  it('skips public holidays and counts an adjusted working Saturday', () => {
    expect(isoDay(cal.addWorkingDays(utcDay('2026-09-30'), 1))).toBe('2026-10-08');
    expect(isoDay(cal.addWorkingDays(utcDay('2026-10-09'), 1))).toBe('2026-10-10');
    expect(cal.isWorkingDay(utcDay('2026-10-10'))).toBe(true);
    expect(cal.isWorkingDay(utcDay('2026-10-05'))).toBe(false);
  });
  it('starts counting on the next working day when received on a holiday', () => {
    expect(isoDay(cal.addWorkingDays(utcDay('2026-10-03'), 0))).toBe('2026-10-08');
    expect(isoDay(cal.addWorkingDays(utcDay('2026-10-03'), 2))).toBe('2026-10-10');
  });
  it('counts working days between two dates', () => {
    expect(cal.workingDaysBetween(utcDay('2026-09-30'), utcDay('2026-10-12'))).toBe(4); // 8, 9, 10, 12
  });
  it('counts long ranges exactly as day-by-day counting does', () => {
    const slow = (from: Date, to: Date) => {
      let n = 0;
      const d = new Date(from);
      while (isoDay(d) < isoDay(to)) {
        d.setUTCDate(d.getUTCDate() + 1);
        if (cal.isWorkingDay(d)) n += 1;
      }
      return n;
    };
    for (const [from, to] of [['2025-01-01', '2026-12-31'], ['2026-09-26', '2026-10-11'], ['2026-10-10', '2026-10-10'], ['2026-10-03', '2026-10-04'], ['2026-12-31', '2026-01-01']]) {
      expect(cal.workingDaysBetween(utcDay(from), utcDay(to)), `${from}..${to}`).toBe(slow(utcDay(from), utcDay(to)));
    }
  });
});
