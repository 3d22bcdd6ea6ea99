import { Inject, Injectable } from '@nestjs/common';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { WorkingDays, utcDay, type DayKind } from './working-days.js';

/** Today as a UTC-midnight date in China (UTC+8), where the club works. */
export function clubToday(now = new Date()): Date {
  const local = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/**
 * The one place deadlines are counted: working days with Chinese public holidays and adjusted
 * working weekends, from the calendar the club manager edits (calendar_days).
 */
@Injectable()
export class CalendarService {
  private cached: { at: number; days: WorkingDays } | null = null;

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /** Call after the calendar changes. */
  invalidate(): void {
    this.cached = null;
  }

  async calendar(): Promise<WorkingDays> {
    if (this.cached && Date.now() - this.cached.at < 60_000) return this.cached.days;
    const rows = await this.db.calendarDay.findMany({ select: { date: true, kind: true } });
    const days = new WorkingDays(new Map(rows.map((r) => [r.date.toISOString().slice(0, 10), r.kind as DayKind])));
    this.cached = { at: Date.now(), days };
    return days;
  }

  async addWorkingDays(from: Date | string, n: number): Promise<Date> {
    return (await this.calendar()).addWorkingDays(typeof from === 'string' ? utcDay(from) : from, n);
  }

  async isWorkingDay(day: Date | string): Promise<boolean> {
    return (await this.calendar()).isWorkingDay(typeof day === 'string' ? utcDay(day) : day);
  }

  async workingDaysBetween(from: Date, to: Date): Promise<number> {
    return (await this.calendar()).workingDaysBetween(from, to);
  }
}
