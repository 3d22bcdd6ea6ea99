import type { Db } from '../../server/src/database/prisma.service.ts';
import { idNumberFor } from '../../prisma/seed/factories.ts';

/** A household of the region with its first owner, to apply against. */
export async function householdIn(db: Db, regionCode: string) {
  const h = await db.household.findFirstOrThrow({ where: { project: { regionCode } }, include: { owners: true }, orderBy: { id: 'asc' } });
  return { householdId: h.id, ownerId: h.owners[0].id, ownerIdNumber: h.owners[0].idNumber, projectId: h.projectId };
}

let serial = 700;

/** A valid application (M-4) for a spouse of the household's owner; override any field. */
export function applicationFor(h: { householdId: number; ownerId: number }, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    householdId: h.householdId,
    ownerId: h.ownerId,
    relation: 'SPOUSE',
    title: 'MRS',
    name: '林晓梅',
    sex: 'FEMALE',
    birthDate: '1985-06-15',
    idNumber: idNumberFor('320106', new Date('1985-06-15T00:00:00Z'), 'FEMALE', serial),
    mobile: '13912345678',
    email: 'lin.xiaomei@example.cn',
    homeAddress: '南京市鼓楼区中山路100号3栋1201室',
    education: 'UNIVERSITY',
    maritalStatus: 'MARRIED',
    weddingAnniversary: '2010-10-01',
    familyMembers: [{ relation: 'CHILD', name: '林小宝', birthDate: '2012-03-04', sex: 'MALE' }],
    hobbyIds: [1, 3],
    joinReasons: ['ACTIVITIES'],
    carModel: '大众 帕萨特',
    carPlate: '苏A12345',
    ...overrides,
  };
}
