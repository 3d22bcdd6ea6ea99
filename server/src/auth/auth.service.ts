import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { SignJWT, jwtVerify } from 'jose';
import { AppError } from '../common/app-error.js';
import { CONFIG } from '../config/config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentUser, RequestContext } from './current-user.js';
import { ROLE_PERMISSIONS } from './permissions.js';
import type { StaffUser } from '../generated/prisma/client.js';

const TOKEN_HOURS = 12;
const USER_CACHE_MS = 30_000;
// Verifying against this keeps the time of a login for an unknown user like a known one's.
const DUMMY_HASH = hash('not-a-real-password');

export function toCurrentUser(u: Pick<StaffUser, 'id' | 'username' | 'displayName' | 'role' | 'regionCode'>): CurrentUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, regionCode: u.regionCode, permissions: ROLE_PERMISSIONS[u.role] };
}

@Injectable()
export class AuthService {
  private readonly key: Uint8Array;
  private readonly cache = new Map<number, { user: CurrentUser | null; until: number }>();

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {
    this.key = new TextEncoder().encode(config.jwtSecret);
  }

  /**
   * Checks the password (argon2). After `maxFailedLogins` failures in a row the account is
   * locked for `lockMinutes`; a success resets the count.
   */
  async login(username: string, password: string, ctx: Pick<RequestContext, 'ip' | 'requestId'>): Promise<{ token: string; user: CurrentUser }> {
    const staff = await this.db.staffUser.findUnique({ where: { username } });
    if (!staff || !staff.active) {
      await verify(await DUMMY_HASH, password).catch(() => false);
      await this.audit.record({ ...ctx, user: null }, 'LOGIN_FAILED', 'auth', null, { username });
      throw new AppError(401, 'errors.badCredentials');
    }
    if (staff.lockedUntil && staff.lockedUntil > new Date()) {
      await this.audit.record({ ...ctx, user: staff }, 'LOGIN_LOCKED', 'auth', staff.id);
      throw new AppError(423, 'errors.locked', { minutes: Math.ceil((staff.lockedUntil.getTime() - Date.now()) / 60_000) });
    }
    const ok = await verify(staff.passwordHash, password).catch(() => false);
    if (!ok) {
      // Counted in the database so concurrent attempts cannot slip past the limit.
      const [row] = await this.db.$queryRaw<{ failedLogins: number }[]>`
        UPDATE staff_users SET "failedLogins" = "failedLogins" + 1,
          "lockedUntil" = CASE WHEN "failedLogins" + 1 >= ${this.config.maxFailedLogins}
                               THEN now() + make_interval(mins => ${this.config.lockMinutes}) ELSE "lockedUntil" END
        WHERE id = ${staff.id} RETURNING "failedLogins"`;
      await this.audit.record({ ...ctx, user: staff }, 'LOGIN_FAILED', 'auth', staff.id, { failedLogins: row.failedLogins });
      if (row.failedLogins >= this.config.maxFailedLogins) throw new AppError(423, 'errors.locked', { minutes: this.config.lockMinutes });
      throw new AppError(401, 'errors.badCredentials');
    }
    await this.db.staffUser.update({ where: { id: staff.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() } });
    await this.audit.record({ ...ctx, user: staff }, 'LOGIN', 'auth', staff.id);
    const user = toCurrentUser(staff);
    const token = await new SignJWT({ role: staff.role, region: staff.regionCode })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(staff.id))
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_HOURS}h`)
      .sign(this.key);
    return { token, user };
  }

  /** The user behind a bearer token, or null. Users are re-read every 30 s so a deactivation bites. */
  async userForToken(token: string): Promise<CurrentUser | null> {
    let sub: string | undefined;
    try {
      ({ payload: { sub } } = await jwtVerify(token, this.key, { algorithms: ['HS256'] }));
    } catch {
      return null;
    }
    const id = Number(sub);
    if (!Number.isInteger(id)) return null;
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.user;
    const staff = await this.db.staffUser.findUnique({ where: { id } });
    const user = staff && staff.active ? toCurrentUser(staff) : null;
    this.cache.set(id, { user, until: Date.now() + USER_CACHE_MS });
    return user;
  }
}
