// The seed's sense of time. Demo data is written relative to the club's today (the day `npm start`
// or `npm run seed` runs, on the club's clock in China), so its overdue items stay a realistic
// share whatever the date; a test may pass a fixed `today` to get the same data every day.
// Deadlines are counted by the API's own code: the club calendar (CalendarService) and the club
// settings (SettingsService), read from the database being seeded.
import type { PrismaClient } from '../../server/src/generated/prisma/client.ts';
import type { Db } from '../../server/src/database/prisma.service.ts';
import type { AppConfig } from '../../server/src/config/app-config.ts';
import { CalendarService, clubToday } from '../../server/src/calendar/calendar.service.ts';
import type { WorkingDays } from '../../server/src/calendar/working-days.ts';
import { SettingsService, type ClubSettings } from '../../server/src/settings/settings.service.ts';
import { cardFeeFen } from '../../server/src/cards/fee-config.ts';

export const DAY_MS = 86_400_000;
const CLUB_OFFSET_MS = 8 * 3_600_000;

/** The UTC-midnight date of a day (a Date or 'YYYY-MM-DD'). */
export function utcMidnight(d: Date | string): Date {
  const x = typeof d === 'string' ? new Date(`${d}T00:00:00Z`) : d;
  return new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate()));
}

/** The day the seed's data is relative to: the given one, else the club's today. */
export function seedToday(today?: Date | string): Date {
  return utcMidnight(today ?? clubToday());
}

/**
 * The latest moment an event of the seed may carry: now, or — when the seed is told another
 * today — the end of that day's office hours. Nothing is written after it.
 */
export function seedNow(today: Date): Date {
  const now = new Date();
  return clubToday(now).getTime() === today.getTime() ? now : at(today, 18);
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

/** A moment on `day` at the club's wall-clock hour (UTC+8). */
export function at(day: Date, hour: number, minute = 0): Date {
  return new Date(utcMidnight(day).getTime() + (hour * 60 + minute) * 60_000 - CLUB_OFFSET_MS);
}

/** A repeatable small number 0..n-1 from a key (no randomness: the same ids give the same data). */
export function pick(key: number, salt: number, n: number): number {
  const x = Math.imul((key + 1) ^ Math.imul(salt + 0x9e37, 0x85ebca6b), 0xc2b2ae35) >>> 0;
  return ((x ^ (x >>> 15)) >>> 0) % n;
}

/** The n-th working day before `day`: 0 is `day` itself when it is a working day, else the last one before it. */
export function workingDaysBack(calendar: WorkingDays, day: Date, n: number): Date {
  let d = utcMidnight(day);
  while (!calendar.isWorkingDay(d)) d = addDays(d, -1);
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) left -= 1;
  }
  return d;
}

export interface Deadlines {
  calendar: WorkingDays;
  settings: ClubSettings;
}

/** The club calendar and settings exactly as the API reads them (same services, same defaults). */
export async function loadDeadlines(db: PrismaClient): Promise<Deadlines> {
  const calendar = await new CalendarService(db as unknown as Db).calendar();
  // SettingsService only reads here: no audit entry is written, so no AuditService is needed.
  const settings = await new SettingsService(db as unknown as Db, undefined as never, { cardFeeFen: cardFeeFen() } as AppConfig).get();
  return { calendar, settings };
}
