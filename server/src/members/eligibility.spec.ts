import { describe, expect, it } from 'vitest';
import { ageOn, eligibilityErrors } from './eligibility.js';
import { isValidResidentId } from './resident-id.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const owner = { householdId: 1, idNumber: '110101199003074514' };
const base = { relation: 'SPOUSE', idNumber: '110101199205060022', householdId: 1, owner, today: d('2026-11-23') };

describe('M-2 eligibility', () => {
  it('counts age in whole years, turning 18 on the birthday', () => {
    expect(ageOn(d('2008-11-23'), d('2026-11-23'))).toBe(18);
    expect(ageOn(d('2008-11-24'), d('2026-11-23'))).toBe(17);
  });
  it('refuses an applicant under 18 on the birth-date field', () => {
    expect(eligibilityErrors({ ...base, birthDate: d('2008-11-24') })).toHaveProperty('birthDate');
    expect(eligibilityErrors({ ...base, birthDate: d('2008-11-23') })).toEqual({});
  });
  it('requires the owner to be an owner of this household', () => {
    expect(eligibilityErrors({ ...base, birthDate: d('1990-01-01'), owner: { ...owner, householdId: 2 } })).toHaveProperty('ownerId');
    expect(eligibilityErrors({ ...base, birthDate: d('1990-01-01'), owner: null })).toHaveProperty('ownerId'); // no such owner
  });
  it('an owner joining must be the owner on the deed', () => {
    expect(eligibilityErrors({ ...base, relation: 'OWNER', birthDate: d('1990-03-07') })).toHaveProperty('idNumber');
    expect(eligibilityErrors({ ...base, relation: 'OWNER', idNumber: owner.idNumber, birthDate: d('1990-03-07') })).toEqual({});
  });
});

describe('resident ID numbers', () => {
  it('accepts a valid number and rejects a wrong check digit or date', () => {
    expect(isValidResidentId('110101199003074514')).toBe(true);
    expect(isValidResidentId('110101199003074515')).toBe(false);
    expect(isValidResidentId('110101199002304514')).toBe(false);
  });
});
