import type { Role } from '../generated/prisma/enums.js';

export const PERMISSIONS = [
  'members:list',
  'members:show',
  'members:create',
  'members:edit',
  'members:delete',
  /** M-11: read ID numbers, phones, addresses and birthdays unmasked. */
  'members:unmask',
  'dashboard:view',
  'audit:list',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['members:list', 'members:show'];

/**
 * What each role of domain.md may do. M-11: the member officer handles member data; the club
 * manager and the division leader read it freely; everyone else sees it masked.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  club_manager: PERMISSIONS,
  member_officer: [...READ, 'members:create', 'members:edit', 'members:delete', 'members:unmask', 'dashboard:view'],
  division_leader: [...READ, 'members:unmask', 'dashboard:view', 'audit:list'],
  activity_officer: [...READ, 'dashboard:view'],
  editor: READ,
  merchant_officer: READ,
  general_manager: [...READ, 'dashboard:view'],
  marketing_vp: [...READ, 'dashboard:view'],
  marketing: [...READ, 'dashboard:view'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
