import type { Role } from '../generated/prisma/enums.js';

export const PERMISSIONS = [
  'members:list',
  'members:show',
  'members:create',
  'members:edit',
  'members:delete',
  /** M-11: read ID numbers, phones, addresses and birthdays unmasked. */
  'members:unmask',
  /** M-12: the member basic-information table and filtered lists as Excel. */
  'members:export',
  'members:import',
  /** Field-level history of a member. */
  'members:history',
  'dashboard:view',
  'audit:list',
  /** The working-day calendar: everyone reads it, the club manager edits it. */
  'calendar:view',
  'calendar:edit',
  /** M-4..M-6 */
  'applications:list',
  'applications:manage',
  /** Verifying against the deed or contract; marketing helps in special cases. */
  'applications:verify',
  'applications:decide',
  /** M-7, M-9, M-10 */
  'cards:list',
  'cards:manage',
  'cards:ranges',
  /** M-3 exceptions: requested by the member officer, approved by manager and leader. */
  'card-exceptions:request',
  'card-exceptions:approve-manager',
  'card-exceptions:approve-leader',
  /** M-8 */
  'fees:list',
  'fees:record',
  'fees:sign',
  /** M-6: change requests by fax, email or letter. */
  'change-requests:manage',
  /** M-11 / appendix 5 */
  'data-use:request',
  'data-use:approve-manager',
  'data-use:approve-leader',
  /** Lift a staff account's sign-in lock (docs/operations.md); the club manager only. */
  'staff:unlock',
  /** activity plans: read (the GM office reads the archive), draft and submit. */
  'activity-plans:list', 'activity-plans:manage', 'approvals:view', 'approvals:decide',
  /** R-1 / M-11: the quarterly member analysis, for the marketing teams and the activity officer. */
  'analysis:member-quarters',
  /** rebuild a frozen quarter from the member history; the club manager only. */
  'analysis:rebuild',
  /** B-1 to B-5: alliance merchants, their agreements and visits (the merchant officer). */
  'merchants:list', 'merchants:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['members:list', 'members:show', 'calendar:view', 'data-use:request'];

/**
 * What each role of domain.md may do. M-11: the member officer handles member data; the club
 * manager and the division leader read it freely; everyone else sees it masked unless an
 * approved data-use request says otherwise.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  club_manager: PERMISSIONS.filter((p) => p !== 'data-use:approve-leader' && p !== 'card-exceptions:approve-leader' && p !== 'card-exceptions:request'),
  member_officer: [
    ...READ,
    'members:create',
    'members:edit',
    'members:delete',
    'members:unmask',
    'members:export',
    'members:import',
    'members:history',
    'dashboard:view',
    'applications:list',
    'applications:manage',
    'applications:verify',
    'applications:decide',
    'cards:list',
    'cards:manage',
    'card-exceptions:request',
    'fees:list',
    'fees:record',
    'change-requests:manage',
  ],
  division_leader: [...READ, 'activity-plans:list', 'approvals:view', 'approvals:decide', 'members:unmask', 'members:history', 'dashboard:view', 'analysis:member-quarters', 'audit:list', 'applications:list', 'cards:list', 'fees:list', 'card-exceptions:approve-leader', 'data-use:approve-leader'],
  activity_officer: [...READ, 'dashboard:view', 'activity-plans:list', 'activity-plans:manage', 'approvals:view', 'analysis:member-quarters'],
  editor: READ,
  merchant_officer: [...READ, 'dashboard:view', 'merchants:list', 'merchants:manage'],
  general_manager: [...READ, 'activity-plans:list', 'approvals:view', 'approvals:decide', 'dashboard:view', 'fees:list'],
  marketing_vp: [...READ, 'activity-plans:list', 'approvals:view', 'approvals:decide', 'dashboard:view'],
  marketing: [...READ, 'dashboard:view', 'analysis:member-quarters', 'applications:list', 'applications:verify'],
};
