import { Inject, Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { ALL_VISIBLE, NONE_VISIBLE, allVisible, visibilityOfKinds, type Visibility } from '../common/masking.js';

/** What an approved, unexpired data-use request grants its requester. */
export interface Grant {
  unmask: boolean;
  export: boolean;
  /** The kinds of information the valid requests name (appendix 5: 申请信息种类). */
  kinds: string[];
  /** The request ids behind the grant (for the audit log). */
  requestIds: number[];
}

const NONE: Grant = { unmask: false, export: false, kinds: [], requestIds: [] };

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

  /**
   * Which personal fields the user reads unmasked: everything for the data-handling roles; for
   * anyone else, only the kinds of information their valid requests name — a request for phone
   * numbers shows phone numbers, not ID numbers.
   */
  async visibility(user: CurrentUser): Promise<Visibility> {
    if (user.permissions.includes('members:unmask')) return ALL_VISIBLE;
    const grant = await this.grant(user);
    return grant.unmask ? visibilityOfKinds(grant.kinds) : NONE_VISIBLE;
  }

  /** Fully unmasked reads, for views that show personal data all or nothing (history, applications, cards). */
  async canUnmask(user: CurrentUser): Promise<boolean> {
    return allVisible(await this.visibility(user));
  }

  /** Fields an export shows unmasked (M-11, M-12): the data-handling roles, or a valid grant that allows export. */
  async exportVisibility(user: CurrentUser): Promise<Visibility> {
    if (user.permissions.includes('members:unmask') && EXPORTING_ROLES.has(user.role)) return ALL_VISIBLE;
    const grant = await this.grant(user);
    return grant.export ? visibilityOfKinds(grant.kinds) : NONE_VISIBLE;
  }

  /** The user's valid grant (cached briefly). */
  async grant(user: Pick<CurrentUser, 'id'>): Promise<Grant> {
    const now = Date.now();
    const hit = this.cache.get(user.id);
    if (hit && hit.until > now) return hit.grant;
    const rows = await this.db.dataUseRequest.findMany({
      where: { requesterId: user.id, status: 'APPROVED', validFrom: { lte: new Date(now) }, validUntil: { gt: new Date(now) } },
      select: { id: true, allowExport: true, validUntil: true, informationKinds: true },
    });
    const grant: Grant = rows.length
      ? { unmask: true, export: rows.some((r) => r.allowExport), kinds: [...new Set(rows.flatMap((r) => r.informationKinds))], requestIds: rows.map((r) => r.id) }
      : NONE;
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
