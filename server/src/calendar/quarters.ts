// Quarters as the club counts them: '2026-Q3', with its first and last day and the day after (the
// club's days, as UTC-midnight dates). The one place quarter arithmetic is done: the analysis,
// the workbench's periods and the fee statements all take theirs from here.
import { clubToday } from './calendar.service.js';

export { isoDay } from './working-days.js';

export interface QuarterRange {
  /** '2026-Q3' */
  label: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First day. */
  start: Date;
  /** Last day. */
  end: Date;
  /** The day after the last day (the first day of the next quarter). */
  after: Date;
}

export function quarterRange(year: number, quarter: number): QuarterRange {
  return {
    label: `${year}-Q${quarter}`,
    year,
    quarter: quarter as QuarterRange['quarter'],
    start: new Date(Date.UTC(year, (quarter - 1) * 3, 1)),
    end: new Date(Date.UTC(year, quarter * 3, 0)),
    after: new Date(Date.UTC(year, quarter * 3, 1)),
  };
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
