import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../common/app-error.js';
import { CONFIG } from '../config/config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { ChangeFeed } from '../database/change-feed.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { TableCache } from '../database/table-cache.js';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentUser, RequestContext, SessionRef } from './current-user.js';
import { addressKey, claimAttempt, forget, giveBack, lockedMinutes, pruneThrottle, userKey, type ThrottleRule } from './login-throttle.js';
import { passwordProblem } from './password-policy.js';
import { ROLE_PERMISSIONS } from './permissions.js';
import type { StaffUser } from '../generated/prisma/client.js';

/** Who is signed in is kept this long at most; change notices on staff_users and staff_sessions end it sooner. */
const SESSION_CACHE_MS = 5_000;
/** Allowed clock difference when checking a token's iat. */
const CLOCK_TOLERANCE_S = 60;
// Verifying against this keeps the time of a refused attempt (unknown user, locked account) like
// a real check's. Made with the same default parameters as every stored hash.
const DUMMY_HASH = hash('not-a-real-password');

type Ctx = Pick<RequestContext, 'ip' | 'requestId'>;

export function toCurrentUser(u: Pick<StaffUser, 'id' | 'username' | 'displayName' | 'role' | 'regionCode'>): CurrentUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, regionCode: u.regionCode, permissions: ROLE_PERMISSIONS[u.role] };
}

/** The claims of an API token: the user (sub), the session (sid) and the account's session version (sv). */
interface SessionClaims {
  userId: number;
  sessionId: string;
  version: number;
}

/** Reads sub/sid/sv from a verified payload; null when any is missing or malformed. */
export function sessionClaims(payload: JWTPayload, userIdClaim: 'sub' | 'userId' = 'sub'): SessionClaims | null {
  const userId = Number(payload[userIdClaim]);
  const { sid, sv } = payload as { sid?: unknown; sv?: unknown };
  if (!Number.isInteger(userId) || userId <= 0) return null;
  if (typeof sid !== 'string' || !/^[0-9a-f-]{36}$/.test(sid)) return null;
  if (typeof sv !== 'number' || !Number.isInteger(sv)) return null;
  return { userId, sessionId: sid, version: sv };
}

/**
 * A payload is refused unless it has an expiry and an issue time, was not issued in the future,
 * and lives no longer than `maxSeconds` (a token signed with the right key but without `exp`, or
 * for a year, is not accepted).
 */
export function lifetimeOk(payload: JWTPayload, maxSeconds: number): boolean {
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number') return false;
  const now = Date.now() / 1000;
  return iat <= now + CLOCK_TOLERANCE_S && exp - iat <= maxSeconds && exp > now;
}

@Injectable()
export class AuthService implements OnModuleInit, OnModuleDestroy {
  private readonly key: Uint8Array;
  private readonly sessions: TableCache<string, CurrentUser | null>;
  private readonly sessionHours: number;
  private prune: NodeJS.Timeout | null = null;

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ChangeFeed) feed: ChangeFeed,
  ) {
    this.key = new TextEncoder().encode(config.jwtSecret);
    this.sessionHours = config.sessionHours ?? 12;
    this.sessions = new TableCache(feed, 'staff', { maxEntries: 10_000, ttlMs: SESSION_CACHE_MS });
  }

  onModuleInit(): void {
    // Hourly: counters of unknown usernames and old addresses, and sessions long expired.
    this.prune = setInterval(() => void this.pruneOld().catch(() => undefined), 3_600_000);
    this.prune.unref();
  }

  onModuleDestroy(): void {
    if (this.prune) clearInterval(this.prune);
  }

  async pruneOld(): Promise<void> {
    await pruneThrottle(this.db);
    await this.db.staffSession.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 7 * 86_400_000) } } });
  }

  private userRule(username: string): ThrottleRule {
    const { maxFailedLogins: max, lockMinutes } = this.config;
    return { key: userKey(username), max, windowMinutes: lockMinutes, lockMinutes };
  }

  private addressRule(ip: string | undefined): ThrottleRule {
    const max = this.config.loginMaxPerAddress ?? 30;
    const minutes = this.config.loginAddressWindowMinutes ?? 15;
    return { key: addressKey(ip), max, windowMinutes: minutes, lockMinutes: minutes };
  }

  private signInFailed(): AppError {
    return new AppError(401, 'auth.signInFailed', { max: this.config.maxFailedLogins, minutes: this.config.lockMinutes });
  }

  /**
   * Sign-in. Every attempt first claims a try, atomically, for its client address and for the
   * username (login-throttle.ts); only a claimed try reaches the password check. A locked
   * username, an unknown one, an inactive account and a wrong password all get the same 401 after
   * one argon2 verification (against a dummy hash where there is nothing real to check), so
   * neither the answer nor its time tells them apart. A locked address gets 429 at once.
   */
  async login(username: string, password: string, ctx: Ctx): Promise<{ token: string; user: CurrentUser }> {
    const address = this.addressRule(ctx.ip);
    if ((await claimAttempt(this.db, address)) === null) {
      await this.audit.record({ ...ctx, user: null }, 'LOGIN_LOCKED', 'auth', null, { username, address: true });
      throw new AppError(429, 'auth.tooManyFromAddress', { minutes: Math.max(1, await lockedMinutes(this.db, address.key)) });
    }
    const rule = this.userRule(username);
    const [claimed, staff] = await Promise.all([claimAttempt(this.db, rule), this.db.staffUser.findUnique({ where: { username } })]);
    const real = staff && staff.active ? staff : null;
    const actor = { ...ctx, user: real };
    if (claimed === null) {
      await verify(await DUMMY_HASH, password).catch(() => false);
      await this.audit.record(actor, 'LOGIN_LOCKED', 'auth', real?.id ?? null, { username });
      throw this.signInFailed();
    }
    const ok = real ? await verify(real.passwordHash, password).catch(() => false) : await verify(await DUMMY_HASH, password).then(() => false, () => false);
    if (!ok || !real) {
      await this.audit.record(actor, 'LOGIN_FAILED', 'auth', real?.id ?? null, { username, failures: claimed });
      throw this.signInFailed();
    }
    await Promise.all([forget(this.db, rule.key), giveBack(this.db, address)]);
    const updated = await this.db.staffUser.update({ where: { id: real.id }, data: { lastLoginAt: new Date() } });
    await this.audit.record(actor, 'LOGIN', 'auth', real.id);
    return { token: await this.startSession(updated, ctx), user: toCurrentUser(updated) };
  }

  /** A new session row and its token. */
  private async startSession(staff: Pick<StaffUser, 'id' | 'sessionVersion'>, ctx: Ctx, db: Pick<Db, 'staffSession'> = this.db): Promise<string> {
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + this.sessionHours * 3_600_000);
    await db.staffSession.create({ data: { id, staffUserId: staff.id, expiresAt, ip: ctx.ip?.slice(0, 64) ?? null } });
    return new SignJWT({ sid: id, sv: staff.sessionVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(staff.id))
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /** Sign-out: this session ends; the account's other sessions go on. */
  async logout(session: SessionRef, ctx: RequestContext): Promise<void> {
    await this.db.staffSession.updateMany({ where: { id: session.id, endedAt: null }, data: { endedAt: new Date(), endReason: 'logout' } });
    // The change notice that clears the cache may come after the caller's next request.
    this.sessions.clear();
    await this.audit.record(ctx, 'LOGOUT', 'auth', ctx.user.id);
  }

  /**
   * A new password (password-policy.ts) after the current one is checked, with the sign-in's
   * throttle: wrong current passwords count towards the same lock. Every session of the account
   * ends (the trigger raises the session version, and the session rows are closed); the caller
   * gets a fresh token.
   */
  async changePassword(current: string, next: string, ctx: RequestContext): Promise<{ token: string; user: CurrentUser }> {
    const me = ctx.user;
    const problem = passwordProblem(next, me.username);
    if (problem) throw AppError.field('newPassword', problem.key, problem.params);
    const rule = this.userRule(me.username);
    if ((await claimAttempt(this.db, rule)) === null) {
      throw new AppError(429, 'auth.tooManyAttempts', { minutes: Math.max(1, await lockedMinutes(this.db, rule.key)) });
    }
    const staff = await this.db.staffUser.findUniqueOrThrow({ where: { id: me.id } });
    if (!(await verify(staff.passwordHash, current).catch(() => false))) {
      await this.audit.record(ctx, 'LOGIN_FAILED', 'auth', me.id, { username: me.username, purpose: 'password-change' });
      throw AppError.field('currentPassword', 'auth.currentPasswordWrong');
    }
    await forget(this.db, rule.key);
    if (next === current) throw AppError.field('newPassword', 'auth.passwordUnchanged');
    const passwordHash = await hash(next);
    const { token, updated } = await this.db.$transaction(async (tx) => {
      const updated = await tx.staffUser.update({ where: { id: me.id }, data: { passwordHash, passwordChangedAt: new Date() } });
      await tx.staffSession.updateMany({ where: { staffUserId: me.id, endedAt: null }, data: { endedAt: new Date(), endReason: 'password' } });
      const token = await this.startSession(updated, ctx, tx);
      await this.audit.record(ctx, 'UPDATE', 'staff', me.id, { password: 'changed', sessionsEnded: true }, tx);
      return { token, updated };
    });
    this.sessions.clear();
    return { token, user: toCurrentUser(updated) };
  }

  /**
   * The club manager lifts a sign-in lock (docs/operations.md "Unlocking an account"); within the
   * manager's region unless the manager belongs to the group club.
   */
  async unlock(id: number, ctx: RequestContext): Promise<{ id: number; username: string; wasLocked: boolean }> {
    const staff = await this.db.staffUser.findFirst({ where: { id, ...(ctx.user.regionCode ? { regionCode: ctx.user.regionCode } : {}) } });
    if (!staff) throw AppError.notFound();
    const key = userKey(staff.username);
    const wasLocked = (await lockedMinutes(this.db, key)) > 0;
    await forget(this.db, key);
    await this.audit.record(ctx, 'UPDATE', 'staff', staff.id, { unlocked: true, wasLocked });
    return { id: staff.id, username: staff.username, wasLocked };
  }

  /** The user and session behind a bearer token, or null: signature, expiry and lifetime, then the session. */
  async userForToken(token: string): Promise<{ user: CurrentUser; session: SessionRef } | null> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub'] }));
    } catch {
      return null;
    }
    if (!lifetimeOk(payload, this.sessionHours * 3600)) return null;
    const claims = sessionClaims(payload);
    if (!claims) return null;
    const user = await this.sessionUser(claims);
    return user ? { user, session: { id: claims.sessionId, version: claims.version } } : null;
  }

  /**
   * The user of a session while it is open, the account active and its session version the one
   * the token was signed with; else null. Kept at most SESSION_CACHE_MS and forgotten at the
   * first change notice of staff_users or staff_sessions (from any process), so sign-out,
   * deactivation and a new password bite within milliseconds. Also used by the Cube proxy.
   */
  sessionUser(c: SessionClaims): Promise<CurrentUser | null> {
    return this.sessions.through(`${c.userId}:${c.sessionId}:${c.version}`, async () => {
      const session = await this.db.staffSession.findFirst({
        where: { id: c.sessionId, staffUserId: c.userId, endedAt: null, expiresAt: { gt: new Date() }, staffUser: { active: true, sessionVersion: c.version } },
        include: { staffUser: true },
      });
      return session ? toCurrentUser(session.staffUser) : null;
    });
  }
}
