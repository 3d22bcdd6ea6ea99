import { Inject, Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { PRISMA, type Db } from '../database/prisma.service.js';

/** What an approved, unexpired data-use request grants its requester. */
export interface Grant {
  unmask: boolean;
  export: boolean;
  /** The request ids behind the grant (for the audit log). */
  requestIds: number[];
}

const NONE: Grant = { unmask: false, export: false, requestIds: [] };

/** Roles that handle member data directly (M-11): they export unmasked without a request. */
const EXPORTING_ROLES = new Set(['member_officer', 'club_manager', 'division_leader']);

/**
 * M-11: who reads personal data unmasked. The roles with `members:unmask` (member officer, club
 * manager, division leader) always; anyone else while an approved data-use request of theirs
 * is valid (validFrom ≤ now < validUntil), for the purpose stated in it.
 *
 * Grants are cached per user for a few seconds, since this is asked on every member read; the
 * cache entry never outlives the grant's own validUntil. Approving or rejecting in this process
 * invalidates the entry; other API processes see the change within CACHE_MS.
 */
@Injectable()
export class MaskingPolicy {
  static readonly CACHE_MS = 10_000;
  private readonly cache = new Map<number, { grant: Grant; until: number }>();

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async canUnmask(user: CurrentUser): Promise<boolean> {
    if (user.permissions.includes('members:unmask')) return true;
    return (await this.grant(user)).unmask;
  }

  /** Unmasked exports (M-11, M-12): the data-handling roles, or a valid grant that allows export. */
  async canExportUnmasked(user: CurrentUser): Promise<boolean> {
    if (user.permissions.includes('members:unmask') && EXPORTING_ROLES.has(user.role)) return true;
    return (await this.grant(user)).export;
  }

  /** The user's valid grant (cached briefly). */
  async grant(user: Pick<CurrentUser, 'id'>): Promise<Grant> {
    const now = Date.now();
    const hit = this.cache.get(user.id);
    if (hit && hit.until > now) return hit.grant;
    const rows = await this.db.dataUseRequest.findMany({
      where: { requesterId: user.id, status: 'APPROVED', validFrom: { lte: new Date(now) }, validUntil: { gt: new Date(now) } },
      select: { id: true, allowExport: true, validUntil: true },
    });
    const grant: Grant = rows.length ? { unmask: true, export: rows.some((r) => r.allowExport), requestIds: rows.map((r) => r.id) } : NONE;
    const firstExpiry = Math.min(...rows.map((r) => r.validUntil!.getTime()), Infinity);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(user.id, { grant, until: Math.min(now + MaskingPolicy.CACHE_MS, firstExpiry) });
    return grant;
  }

  /** Forget cached grants: one user's (after a decision on their request) or everyone's. */
  invalidate(userId?: number): void {
    if (userId === undefined) this.cache.clear();
    else this.cache.delete(userId);
  }
}
