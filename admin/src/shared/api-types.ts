/**
 * What crosses the wire, from the server's own code: mapper return types and Prisma's enums.
 * `import type` only, so no server code reaches the admin's bundle.
 */
import type { toMemberDetail, toMemberListItem } from '../../../server/src/members/member.mapper';
import type { ApplicationsService } from '../../../server/src/applications/applications.service';

export type MemberListItem = ReturnType<typeof toMemberListItem>;
export type MemberRecord = ReturnType<typeof toMemberDetail>;
export type ApplicationDetail = Awaited<ReturnType<ApplicationsService['get']>>;
export type { Sex, Title, Relation, ApprovalStatus } from '../../../server/src/generated/prisma/enums';
