// The periods the workbench compares: this quarter so far against the whole previous quarter, and
// the standing at the end of the previous quarter. Days are the club's (China's) days.
import { clubToday } from '../calendar/calendar.service.js';

export interface Quarter {
  /** First day, UTC midnight of the club's day. */
  start: Date;
  /** The day after the last day. */
  end: Date;
}

export function quarterOf(day: Date): Quarter {
  const y = day.getUTCFullYear();
  const q = Math.floor(day.getUTCMonth() / 3);
  return { start: new Date(Date.UTC(y, q * 3, 1)), end: new Date(Date.UTC(y, q * 3 + 3, 1)) };
}

/** This quarter (up to today) and the one before it. */
export function thisAndPreviousQuarter(today = clubToday()): { current: Quarter; previous: Quarter } {
  const current = quarterOf(today);
  const previous = quarterOf(new Date(current.start.getTime() - 86_400_000));
  return { current, previous };
}

export function isoDay(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}
