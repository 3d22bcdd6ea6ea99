import { maskAddress, maskDate, maskEmail, maskIdNumber, maskPhone } from '../common/masking.js';
import type { Prisma } from '../generated/prisma/client.js';
import { day, unitLabel as memberUnitLabel } from '../members/member.mapper.js';
import type { PlaceLabel } from '../reference/place-labels.js';

/** Prisma rows never leave the API as they are: these shapes are where M-11 masking happens. */

export const applicationListSelect = {
  id: true,
  applicationNo: true,
  applicantName: true,
  status: true,
  statusSince: true,
  collectionPoint: true,
  collectionPlace: true,
  receivedOn: true,
  dueOn: true,
  completeOn: true,
  documentsPresent: true,
  missingItems: true,
  marketingAskedAt: true,
  applicantNotifiedAt: true,
  projectId: true,
  householdId: true,
  regionCode: true,
  memberId: true,
  batchId: true,
} satisfies Prisma.ApplicationSelect;

/** A list row with its household's place names, in the shape a relation select would give. */
export type ApplicationListRow = Prisma.ApplicationGetPayload<{ select: typeof applicationListSelect }> & {
  household: { project: { name: string }; unit: { number: string; building: { name: string } } };
};

/** Attaches place names loaded in one query per page (reference/place-labels.ts). */
export function withHouseholdPlaces<R extends { householdId: number }>(rows: R[], labels: Map<number, PlaceLabel>) {
  return rows.map((r) => {
    const l = labels.get(r.householdId);
    return { ...r, household: { project: { name: l?.projectName ?? '' }, unit: { number: l?.unitNumber ?? '', building: { name: l?.buildingName ?? '' } } } };
  });
}

export { day };

export function unitLabel(row: ApplicationListRow): string {
  return memberUnitLabel(row.household.unit.building.name, row.household.unit.number);
}

/** M-6: the deadline of the current step, whether it has passed and how many working days remain. */
export interface Deadline {
  overdue: boolean;
  /** Negative: working days overdue. Null when nothing is due. */
  workingDaysLeft: number | null;
}

export function toApplicationListItem(row: ApplicationListRow, deadline: Deadline) {
  return {
    id: row.id,
    applicationNo: row.applicationNo,
    applicantName: row.applicantName,
    status: row.status,
    statusSince: row.statusSince.toISOString(),
    collectionPoint: row.collectionPoint,
    collectionPlace: row.collectionPlace,
    receivedOn: day(row.receivedOn),
    dueOn: day(row.dueOn),
    overdue: deadline.overdue,
    workingDaysLeft: deadline.workingDaysLeft,
    completeOn: day(row.completeOn),
    documentsPresent: row.documentsPresent,
    missingItems: row.missingItems,
    marketingAskedAt: row.marketingAskedAt?.toISOString() ?? null,
    applicantNotifiedAt: row.applicantNotifiedAt?.toISOString() ?? null,
    projectId: row.projectId,
    projectName: row.household.project.name,
    householdId: row.householdId,
    unitLabel: unitLabel(row),
    regionCode: row.regionCode,
    memberId: row.memberId,
    batchId: row.batchId,
  };
}

const PHONES = ['homePhone', 'mobile', 'fax', 'employerPhone', 'employerFax'];
const ADDRESSES = ['homeAddress', 'employerAddress'];
const DATES = ['birthDate', 'weddingAnniversary', 'spouseBirthDate'];

/** The stored form (M-4) as the caller may see it: personal data masked unless unmasked (M-11). */
export function maskForm(form: Record<string, unknown>, unmasked: boolean): Record<string, unknown> {
  if (unmasked) return form;
  const out: Record<string, unknown> = { ...form };
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  if ('idNumber' in out) out.idNumber = maskIdNumber(str(out.idNumber));
  if ('email' in out) out.email = maskEmail(str(out.email));
  for (const k of PHONES) if (k in out) out[k] = maskPhone(str(out[k]));
  for (const k of ADDRESSES) if (k in out) out[k] = maskAddress(str(out[k]));
  for (const k of DATES) if (k in out) out[k] = maskDate(str(out[k]));
  if (Array.isArray(out.familyMembers)) {
    out.familyMembers = (out.familyMembers as Record<string, unknown>[]).map((f) => ({ ...f, birthDate: maskDate(str(f?.birthDate)) }));
  }
  return out;
}
