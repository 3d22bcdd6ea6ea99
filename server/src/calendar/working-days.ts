// Pure working-day arithmetic over a calendar of exceptions (holidays on weekdays, worked
// weekends). The CalendarService feeds it the club's calendar from the database.

export type DayKind = 'HOLIDAY' | 'WORKDAY';

/** 'YYYY-MM-DD' of a UTC-midnight date. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function utcDay(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

export class WorkingDays {
  constructor(private readonly exceptions: ReadonlyMap<string, DayKind>) {}

  isWorkingDay(day: Date): boolean {
    const kind = this.exceptions.get(isoDay(day));
    if (kind === 'HOLIDAY') return false;
    if (kind === 'WORKDAY') return true;
    const dow = day.getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /**
   * The day `n` working days after `from` (n ≥ 0). Receipt on a working day counts as day 0,
   * so "within 2 working days" of a Monday receipt is Wednesday; receipt on a holiday starts
   * counting from the next working day.
   */
  addWorkingDays(from: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0, got ${n}`);
    const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
    while (!this.isWorkingDay(d)) d.setUTCDate(d.getUTCDate() + 1);
    let left = n;
    while (left > 0) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /** Working days after `from` up to and including `to` (0 when to ≤ from). */
  workingDaysBetween(from: Date, to: Date): number {
    let count = 0;
    const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
    const end = isoDay(to);
    while (isoDay(d) < end) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (this.isWorkingDay(d)) count += 1;
    }
    return count;
  }
}
