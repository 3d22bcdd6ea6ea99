import * as z from 'zod';
import { isoDate, optionalText, text } from '../common/validation.js';
import { isValidResidentId } from './resident-id.js';

export const RELATIONS = ['OWNER', 'SPOUSE', 'PARENT', 'CHILD', 'GRANDPARENT', 'GRANDCHILD'] as const;
export const TITLES = ['MR', 'MISS', 'MRS', 'MS'] as const;
export const SEXES = ['MALE', 'FEMALE'] as const;
export const ID_TYPES = ['ID_CARD', 'PASSPORT', 'OTHER'] as const;
export const EDUCATIONS = ['SECONDARY_OR_BELOW', 'UNIVERSITY', 'POSTGRADUATE'] as const;
export const EMPLOYMENT = ['EMPLOYED', 'RETIRED', 'JOB_SEEKING', 'HOMEMAKER', 'STUDENT', 'OTHER'] as const;
export const MARITAL = ['SINGLE', 'MARRIED'] as const;
export const MAILING = ['HOME', 'OFFICE'] as const;
export const JOIN_REASONS = ['REFERRAL', 'STATUS', 'MERCHANT_NETWORK', 'ACTIVITIES'] as const;
export const STATUSES = ['ACTIVE', 'LEFT'] as const;

const id = z.number().int().positive().max(2_147_483_647);
const phone = optionalText(20).refine((v) => v === null || /^[0-9+\-() ]{5,20}$/.test(v), { params: { key: 'errors.mobile' } });

export const FamilyMemberInput = z.strictObject({
  /** Sent back by forms that loaded the record; the list is replaced as a whole, so it is ignored. */
  id: z.number().int().positive().optional(),
  relation: z.enum(['SPOUSE', 'PARENT', 'CHILD', 'GRANDPARENT', 'GRANDCHILD']).optional(),
  name: text(50).min(1),
  birthDate: isoDate.nullish(),
  sex: z.enum(SEXES).nullish(),
});

/** Appendix 1, the application form (M-4). Fields the form leaves optional are optional here. */
const formShape = {
  relation: z.enum(RELATIONS),
  title: z.enum(TITLES),
  name: text(50).min(1),
  pinyin: optionalText(100),
  sex: z.enum(SEXES),
  birthDate: isoDate,
  idType: z.enum(ID_TYPES).optional(),
  idNumber: text(30).min(1),
  nationality: optionalText(50),
  nativeRegion: optionalText(50),
  education: z.enum(EDUCATIONS).nullish(),
  homeAddress: optionalText(200),
  district: optionalText(50),
  homePhone: phone,
  mobile: z.string().trim().refine((v) => /^1[3-9]\d{9}$/.test(v), { params: { key: 'errors.mobile' } }),
  fax: phone,
  email: z.email().max(100).nullish().or(z.literal('').transform(() => null)),
  employer: optionalText(100),
  employerAddress: optionalText(200),
  employerPhone: phone,
  employerFax: phone,
  businessType: optionalText(50),
  position: optionalText(50),
  employmentStatus: z.enum(EMPLOYMENT).optional(),
  maritalStatus: z.enum(MARITAL).optional(),
  weddingAnniversary: isoDate.nullish(),
  spouseName: optionalText(50),
  spouseBirthDate: isoDate.nullish(),
  spouseNationality: optionalText(50),
  familyMembers: z.array(FamilyMemberInput).max(20).optional(),
  mailingAddress: z.enum(MAILING).optional(),
  hobbyIds: z.array(id).max(30).optional(),
  hobbyOther: optionalText(100),
  joinReasons: z.array(z.enum(JOIN_REASONS)).max(4).optional(),
  propertyBought: optionalText(200),
  carModel: optionalText(50),
  carPlate: optionalText(20),
  signedOn: isoDate.nullish(),
  joinedOn: isoDate.optional(),
  /** Seed 004: optional per-project profile items. */
  extra: z
    .record(z.string().max(50), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
    .refine((r) => Object.keys(r).length <= 50)
    .optional(),
};

function residentIdCheck(v: { idType?: string; idNumber?: string }, ctx: z.RefinementCtx): void {
  if ((v.idType ?? 'ID_CARD') === 'ID_CARD' && v.idNumber !== undefined && !isValidResidentId(v.idNumber)) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], params: { key: 'errors.idNumber' }, message: '' });
  }
}

export const MemberCreateInput = z
  .strictObject({ householdId: id, ownerId: id, ...formShape })
  .superRefine(residentIdCheck);
export type MemberCreateInput = z.output<typeof MemberCreateInput>;

/** Which household and owner a member belongs to is fixed once created. */
export const MemberUpdateInput = z
  .strictObject({ ...formShape, status: z.enum(STATUSES), leftOn: isoDate.nullish() })
  .partial()
  .superRefine(residentIdCheck);
export type MemberUpdateInput = z.output<typeof MemberUpdateInput>;
