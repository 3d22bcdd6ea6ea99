import { isoDay } from '../calendar/working-days.js';
import { allVisible, maskAddress, maskDate, maskEmail, maskIdNumber, maskPhone, type Visibility } from '../common/masking.js';
import type { Prisma } from '../generated/prisma/client.js';

/** Prisma rows never leave the API as they are: these shapes are where M-11 masking happens. */

export const memberListSelect = {
  id: true,
  name: true,
  pinyin: true,
  title: true,
  sex: true,
  birthDate: true,
  mobile: true,
  idNumber: true,
  relation: true,
  status: true,
  joinedOn: true,
  regionCode: true,
  projectId: true,
  buildingId: true,
  unitId: true,
} satisfies Prisma.MemberSelect;

export const memberDetailInclude = {
  project: { select: { name: true } },
  building: { select: { name: true } },
  unit: { select: { number: true } },
  household: { select: { id: true, owners: { select: { id: true, name: true }, orderBy: { id: 'asc' } } } },
  familyMembers: { orderBy: { id: 'asc' } },
  hobbies: { select: { hobbyId: true }, orderBy: { hobbyId: 'asc' } },
} satisfies Prisma.MemberInclude;

/** A list row with its place names (loaded in one query per page: reference/place-labels.ts). */
type ListRow = Prisma.MemberGetPayload<{ select: typeof memberListSelect }> & { project: { name: string }; building: { name: string }; unit: { number: string } };

/** Attaches place names to list rows in the shape the mappers read. */
export function withPlaces<R extends { unitId: number }>(rows: R[], labels: Map<number, { projectName: string; buildingName: string; unitNumber: string }>) {
  return rows.map((r) => {
    const l = labels.get(r.unitId);
    return { ...r, project: { name: l?.projectName ?? '' }, building: { name: l?.buildingName ?? '' }, unit: { number: l?.unitNumber ?? '' } };
  });
}
type DetailRow = Prisma.MemberGetPayload<{ include: typeof memberDetailInclude }>;

export function day(d: Date | null | undefined): string | null {
  return d ? isoDay(d) : null;
}

export function unitLabel(buildingName: string, unitNumber: string): string {
  return `${buildingName}${unitNumber}室`;
}

export function toMemberListItem(m: ListRow, v: Visibility) {
  return {
    id: m.id,
    name: m.name,
    pinyin: m.pinyin,
    title: m.title,
    sex: m.sex,
    birthDate: v.birthday ? day(m.birthDate) : maskDate(day(m.birthDate)),
    mobile: v.phone ? m.mobile : maskPhone(m.mobile),
    idNumber: v.idNumber ? m.idNumber : maskIdNumber(m.idNumber),
    relation: m.relation,
    status: m.status,
    joinedOn: day(m.joinedOn),
    regionCode: m.regionCode,
    projectId: m.projectId,
    projectName: m.project.name,
    buildingId: m.buildingId,
    buildingName: m.building.name,
    unitId: m.unitId,
    unitNumber: m.unit.number,
  };
}

export function toMemberDetail(m: DetailRow, v: Visibility) {
  const phone = v.phone ? (x: string | null) => x : maskPhone;
  const date = v.birthday ? (x: Date | null) => day(x) : (x: Date | null) => maskDate(day(x));
  const address = v.address ? (x: string | null) => x : maskAddress;
  return {
    ...toMemberListItem(m, v),
    householdId: m.householdId,
    ownerId: m.ownerId,
    idType: m.idType,
    nationality: m.nationality,
    nativeRegion: m.nativeRegion,
    education: m.education,
    homeAddress: address(m.homeAddress),
    district: m.district,
    homePhone: phone(m.homePhone),
    fax: phone(m.fax),
    email: v.email ? m.email : maskEmail(m.email),
    employer: m.employer,
    employerAddress: address(m.employerAddress),
    employerPhone: phone(m.employerPhone),
    employerFax: phone(m.employerFax),
    businessType: m.businessType,
    position: m.position,
    employmentStatus: m.employmentStatus,
    maritalStatus: m.maritalStatus,
    weddingAnniversary: date(m.weddingAnniversary),
    spouseName: m.spouseName,
    spouseBirthDate: date(m.spouseBirthDate),
    spouseNationality: m.spouseNationality,
    familyMembers: m.familyMembers.map((f) => ({ id: f.id, relation: f.relation, name: f.name, birthDate: date(f.birthDate), sex: f.sex })),
    mailingAddress: m.mailingAddress,
    hobbyIds: m.hobbies.map((h) => h.hobbyId),
    hobbyOther: m.hobbyOther,
    joinReasons: m.joinReasons,
    propertyBought: m.propertyBought,
    carModel: m.carModel,
    carPlate: m.carPlate,
    signedOn: day(m.signedOn),
    leftOn: day(m.leftOn),
    extra: m.extra,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    masked: !allVisible(v),
    household: { id: m.household.id, unitLabel: unitLabel(m.building.name, m.unit.number), owners: m.household.owners },
  };
}
