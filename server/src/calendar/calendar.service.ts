import { Inject, Injectable } from '@nestjs/common';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { WorkingDays, isoDay, type DayKind } from './working-days.js';

/** A moment as the club's wall clock in China (UTC+8) reads it, in a Date's UTC fields. */
export function clubClock(at: Date): Date {
  return new Date(at.getTime() + 8 * 3_600_000);
}

/** Today as a UTC-midnight date in China (UTC+8), where the club works. */
export function clubToday(now = new Date()): Date {
  const local = clubClock(now);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/**
 * The one place deadlines are counted: working days with Chinese public holidays and adjusted
 * working weekends, from the calendar the club manager edits (calendar_days).
 */
@Injectable()
export class CalendarService {
  /** The calendar being loaded or loaded: concurrent callers share one read. */
  private cached: { at: number; days: Promise<WorkingDays> } | null = null;

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /** Call after the calendar changes. */
  invalidate(): void {
    this.cached = null;
  }

  calendar(): Promise<WorkingDays> {
    if (this.cached && Date.now() - this.cached.at < 60_000) return this.cached.days;
    const entry = {
      at: Date.now(),
      days: this.db.calendarDay.findMany({ select: { date: true, kind: true } }).then((rows) => new WorkingDays(new Map(rows.map((r) => [isoDay(r.date), r.kind as DayKind])))),
    };
    this.cached = entry;
    // A failed read is not kept: the next caller tries again.
    entry.days.catch(() => this.cached === entry && (this.cached = null));
    return entry.days;
  }

  async addWorkingDays(from: Date, n: number): Promise<Date> {
    return (await this.calendar()).addWorkingDays(from, n);
  }

  async workingDaysBetween(from: Date, to: Date): Promise<number> {
    return (await this.calendar()).workingDaysBetween(from, to);
  }
}
