import type { Db } from '../database/prisma.service.js';

/** A counter in login_throttle: "user:<username>" (the account lock) or "addr:<ip>" (the client address limit). */
export interface ThrottleRule {
  key: string;
  /** Attempts allowed in a window; the one that reaches it sets the lock. */
  max: number;
  /** Failures older than this are forgotten. */
  windowMinutes: number;
  /** How long the key stays locked once `max` is reached. */
  lockMinutes: number;
}

export const userKey = (username: string) => `user:${username}`.slice(0, 120);
export const addressKey = (ip: string | undefined) => `addr:${ip ?? 'unknown'}`.slice(0, 120);

/**
 * Claims one attempt, in one statement that both counts and decides: the attempt is counted as
 * a failure before the password is checked (a success gives it back, `release`), and the lock is
 * set by the statement whose count reaches `max`. Concurrent claims on one key queue on its row,
 * and each sees the count the previous one left, so at most `max` attempts per window are ever
 * allowed through to the password check, however many arrive at once. The key need not name an
 * existing account: unknown usernames are counted and locked like real ones.
 *
 * Returns null while the key is locked (nothing is counted), else the count including this attempt.
 */
export async function claimAttempt(db: Db, rule: ThrottleRule): Promise<number | null> {
  const { key, max, windowMinutes, lockMinutes } = rule;
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO login_throttle AS t (key, failures, "windowStart", "lockedUntil")
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${max}::int THEN now() + make_interval(mins => ${lockMinutes}::int) END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t."windowStart" <= now() - make_interval(mins => ${windowMinutes}::int) OR t."lockedUntil" IS NOT NULL
                      THEN 1 ELSE t.failures + 1 END,
      "windowStart" = CASE WHEN t."windowStart" <= now() - make_interval(mins => ${windowMinutes}::int) OR t."lockedUntil" IS NOT NULL
                           THEN now() ELSE t."windowStart" END,
      "lockedUntil" = CASE WHEN (CASE WHEN t."windowStart" <= now() - make_interval(mins => ${windowMinutes}::int) OR t."lockedUntil" IS NOT NULL
                                      THEN 1 ELSE t.failures + 1 END) >= ${max}::int
                           THEN now() + make_interval(mins => ${lockMinutes}::int) END
    -- A locked key (lock not yet over) is not updated, so no row comes back: refused.
    WHERE t."lockedUntil" IS NULL OR t."lockedUntil" <= now()
    RETURNING failures`;
  return rows.length ? rows[0].failures : null;
}

/** Minutes until a key may try again (0 when it is not locked). */
export async function lockedMinutes(db: Db, key: string): Promise<number> {
  const rows = await db.$queryRaw<{ minutes: number }[]>`
    SELECT ceil(extract(epoch FROM ("lockedUntil" - now())) / 60)::int AS minutes
    FROM login_throttle WHERE key = ${key} AND "lockedUntil" > now()`;
  return rows[0]?.minutes ?? 0;
}

/** A success: the account's count starts over. */
export async function forget(db: Db, key: string): Promise<boolean> {
  return (await db.$executeRaw`DELETE FROM login_throttle WHERE key = ${key}`) > 0;
}

/**
 * A success from an address gives its claimed attempt back, so colleagues signing in from one
 * office network do not use up the address limit. (A locked address cannot reach this: its claim
 * was refused.) Clears a lock only this attempt's own claim may have set.
 */
export async function giveBack(db: Db, rule: ThrottleRule): Promise<void> {
  await db.$executeRaw`
    UPDATE login_throttle SET failures = greatest(failures - 1, 0),
      "lockedUntil" = CASE WHEN failures - 1 >= ${rule.max}::int THEN "lockedUntil" END
    WHERE key = ${rule.key}`;
}

/** Counters nobody has touched for a day (unknown usernames, addresses long gone). */
export async function pruneThrottle(db: Db): Promise<void> {
  await db.$executeRaw`
    DELETE FROM login_throttle WHERE "windowStart" < now() - interval '1 day' AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`;
}
