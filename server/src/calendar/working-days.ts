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

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) — 1970-01-01 was a Thursday. */
function epochDay(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS);
}

/** Saturday or Sunday (a UTC-midnight date). */
export function isWeekendDay(d: Date): boolean {
  return isWeekend(epochDay(d));
}

function isWeekend(epoch: number): boolean {
  const dow = (epoch + 4) % 7; // 0 = Sunday
  return dow === 0 || dow === 6;
}

/** Monday–Friday days in [a, b] (epoch days, a ≤ b + 1). */
function weekdaysIn(a: number, b: number): number {
  if (b < a) return 0;
  const weeks = Math.floor((b - a + 1) / 7);
  let count = weeks * 5;
  for (let e = a + weeks * 7; e <= b; e++) if (!isWeekend(e)) count += 1;
  return count;
}

export class WorkingDays {
  /** Exceptions that change a day's nature, sorted: -1 a weekday off, +1 a weekend worked. */
  private readonly adjustments: { day: number; delta: number }[];

  constructor(private readonly exceptions: ReadonlyMap<string, DayKind>) {
    this.adjustments = [...exceptions]
      .map(([date, kind]) => {
        const day = epochDay(utcDay(date));
        const weekend = isWeekend(day);
        return { day, delta: kind === 'HOLIDAY' && !weekend ? -1 : kind === 'WORKDAY' && weekend ? 1 : 0 };
      })
      .filter((a) => a.delta !== 0)
      .sort((x, y) => x.day - y.day);
  }

  /** Index of the first adjustment on or after `day`. */
  private firstFrom(day: number): number {
    let lo = 0;
    let hi = this.adjustments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.adjustments[mid].day < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  isWorkingDay(day: Date): boolean {
    const kind = this.exceptions.get(isoDay(day));
    if (kind === 'HOLIDAY') return false;
    if (kind === 'WORKDAY') return true;
    return !isWeekendDay(day);
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

  /**
   * Working days after `from` up to and including `to` (0 when to ≤ from). Counted from the
   * weekday arithmetic plus the calendar's exceptions in the range, so a deadline a year
   * overdue costs no more than one due tomorrow (lists compute this for every row).
   */
  workingDaysBetween(from: Date, to: Date): number {
    const a = epochDay(from) + 1;
    const b = epochDay(to);
    if (b < a) return 0;
    let count = weekdaysIn(a, b);
    for (let i = this.firstFrom(a); i < this.adjustments.length && this.adjustments[i].day <= b; i++) count += this.adjustments[i].delta;
    return count;
  }
}
