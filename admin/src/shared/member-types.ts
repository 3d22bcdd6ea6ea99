/** The member register's shapes, from the server (see api-types.ts); the reference lists' rows from Prisma's models. */
import type { Prisma } from '../../../server/src/generated/prisma/client';

export type {
  EmploymentStatus,
  FamilyMember,
  FamilyMemberInput,
  JoinReason,
  MemberForm,
  MemberListItem,
  MemberRecord,
  Relation,
  Sex,
  Title,
} from './api-types';

// The reference lists (server/src/reference/reference.registry.ts) send these columns as they are.
export type Project = Prisma.ProjectGetPayload<{ select: { id: true; code: true; name: true; regionCode: true; city: true } }>;
export type Building = Prisma.BuildingGetPayload<{ select: { id: true; projectId: true; name: true } }>;
export type Unit = Prisma.UnitGetPayload<{ select: { id: true; projectId: true; buildingId: true; number: true } }>;
export type Hobby = Prisma.HobbyGetPayload<{ select: { id: true; code: true; nameZh: true; nameEn: true } }>;
export interface Owner {
  id: number;
  name: string;
}
/** households: the unit as one label, with its owners. */
export interface Household {
  id: number;
  unitId: number;
  unitLabel: string;
  projectId: number;
  owners: Owner[];
}
