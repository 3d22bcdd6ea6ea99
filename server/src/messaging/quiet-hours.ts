/**
 * Quiet hours for SMS: none between 21:00 and 08:00 China time (UTC+8, no daylight saving).
 * A message due in quiet hours waits until 08:00 the next morning (or this morning).
 */
export const QUIET_START_HOUR = 21;
export const QUIET_END_HOUR = 8;
const CHINA_OFFSET_MS = 8 * 3600_000;

export function isQuietHour(at: Date): boolean {
  const hour = new Date(at.getTime() + CHINA_OFFSET_MS).getUTCHours();
  return hour >= QUIET_START_HOUR || hour < QUIET_END_HOUR;
}

/** The earliest moment at or after `at` when an SMS may go out. */
export function nextSendableTime(at: Date): Date {
  if (!isQuietHour(at)) return at;
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  const morning = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), QUIET_END_HOUR);
  const day = local.getUTCHours() >= QUIET_START_HOUR ? morning + 24 * 3600_000 : morning;
  return new Date(day - CHINA_OFFSET_MS);
}

/** Exponential back-off for the n-th failed attempt (1-based): 30 s, 60 s, 120 s ... capped at 1 h. */
export function backoffMs(attempt: number, baseMs = 30_000, capMs = 3600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
