// Quarters as the analysis names them: '2026-Q3', with its first and last day (the club's days).
import { clubToday } from '../calendar/calendar.service.js';

export interface QuarterRange {
  /** '2026-Q3' */
  label: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First day, UTC midnight of the club's day. */
  start: Date;
  /** Last day, UTC midnight of the club's day. */
  end: Date;
}

export function quarterRange(year: number, quarter: number): QuarterRange {
  const start = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3, 0));
  return { label: `${year}-Q${quarter}`, year, quarter: quarter as QuarterRange['quarter'], start, end };
}

/** '2026-Q3' → the quarter; null for anything else (years 2000–2999). */
export function parseQuarter(label: string): QuarterRange | null {
  const m = /^(2\d{3})-Q([1-4])$/.exec(label);
  return m ? quarterRange(Number(m[1]), Number(m[2])) : null;
}

export function quarterOfDay(day: Date): QuarterRange {
  return quarterRange(day.getUTCFullYear(), Math.floor(day.getUTCMonth() / 3) + 1);
}

export function previousQuarter(q: QuarterRange): QuarterRange {
  return q.quarter === 1 ? quarterRange(q.year - 1, 4) : quarterRange(q.year, q.quarter - 1);
}

/** The last `n` quarters that have ended by `today`, latest first. */
export function endedQuarters(n: number, today = clubToday()): QuarterRange[] {
  const out: QuarterRange[] = [];
  let q = previousQuarter(quarterOfDay(today));
  for (let i = 0; i < n; i++, q = previousQuarter(q)) out.push(q);
  return out;
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
