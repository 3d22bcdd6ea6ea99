import type { FieldErrors } from '../common/app-error.js';

export const MIN_AGE = 18;

/** Whole years between two dates (UTC calendar days). */
export function ageOn(birthDate: Date, day: Date): number {
  let age = day.getUTCFullYear() - birthDate.getUTCFullYear();
  const m = day.getUTCMonth() - birthDate.getUTCMonth();
  if (m < 0 || (m === 0 && day.getUTCDate() < birthDate.getUTCDate())) age -= 1;
  return age;
}

export interface EligibilityCase {
  birthDate: Date;
  relation: string;
  idNumber: string;
  householdId: number;
  /** The owner named on the form; null when there is no such owner. */
  owner: { householdId: number; idNumber: string } | null;
  today: Date;
}

/**
 * M-2: the applicant is at least 18 and is an owner of the unit, or an owner's spouse or
 * immediate family (the relation says which, the owner is one on the deed).
 */
export function eligibilityErrors(c: EligibilityCase): FieldErrors {
  const errors: FieldErrors = {};
  if (ageOn(c.birthDate, c.today) < MIN_AGE) errors.birthDate = { key: 'members.underAge' };
  if (!c.owner || c.owner.householdId !== c.householdId) errors.ownerId = { key: 'members.ownerNotInHousehold' };
  else if (c.relation === 'OWNER' && c.owner.idNumber !== c.idNumber) errors.idNumber = { key: 'members.ownerIdMismatch' };
  return errors;
}
