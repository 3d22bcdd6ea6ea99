// The periods the workbench compares: this quarter so far against the whole previous quarter, and
// the standing at the end of the previous quarter. Days are the club's (China's) days; the quarter
// arithmetic is the calendar's (calendar/quarters.ts).
import { clubToday } from '../calendar/calendar.service.js';
import { isoDay as day, previousQuarter, quarterOfDay } from '../calendar/quarters.js';

export interface Quarter {
  /** First day, UTC midnight of the club's day. */
  start: Date;
  /** The day after the last day. */
  end: Date;
}

export function quarterOf(d: Date): Quarter {
  const q = quarterOfDay(d);
  return { start: q.start, end: q.after };
}

/** This quarter (up to today) and the one before it. */
export function thisAndPreviousQuarter(today = clubToday()): { current: Quarter; previous: Quarter } {
  const current = quarterOfDay(today);
  const previous = previousQuarter(current);
  return { current: { start: current.start, end: current.after }, previous: { start: previous.start, end: previous.after } };
}

/** A day as 'YYYY-MM-DD', or null for none. */
export function isoDay(d: Date | null): string | null {
  return d ? day(d) : null;
}
