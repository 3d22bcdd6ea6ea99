import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';

/**
 * M-11: who reads personal data unmasked. Today: the roles with `members:unmask` (member
 * officer, club manager, division leader). Approved data-use requests extend this per person,
 * for a time and a purpose (privacy feature).
 */
@Injectable()
export class MaskingPolicy {
  async canUnmask(user: CurrentUser): Promise<boolean> {
    return user.permissions.includes('members:unmask');
  }
}
