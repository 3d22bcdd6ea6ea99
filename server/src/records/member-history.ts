// M-11 field-level history: what a change to a member did, field by field, as readable text.
// MembersService.update takes a snapshot before and after its write (in the same transaction)
// and stores the differences in member_changes (append-only, enforced by a trigger).
import { maskAddress, maskDate, maskEmail, maskIdNumber, maskPhone } from '../common/masking.js';
import type { Prisma } from '../generated/prisma/client.js';

/** What a snapshot needs besides the member's own columns. */
export const historySnapshotInclude = {
  familyMembers: { orderBy: { id: 'asc' } },
  hobbies: { select: { hobby: { select: { id: true, nameZh: true, sortOrder: true } } } },
} satisfies Prisma.MemberInclude;

export type HistorySnapshotRow = Prisma.MemberGetPayload<{ include: typeof historySnapshotInclude }>;

/** The scalar fields of the M-4 form a change may touch, in form order. */
export const HISTORY_SCALAR_FIELDS = [
  'relation', 'status', 'joinedOn', 'leftOn',
  'title', 'name', 'pinyin', 'sex', 'birthDate', 'idType', 'idNumber', 'nationality', 'nativeRegion', 'education',
  'homeAddress', 'district', 'homePhone', 'mobile', 'fax', 'email',
  'employmentStatus', 'employer', 'employerAddress', 'employerPhone', 'employerFax', 'businessType', 'position',
  'maritalStatus', 'weddingAnniversary', 'spouseName', 'spouseBirthDate', 'spouseNationality',
  'mailingAddress', 'hobbyOther', 'propertyBought', 'carModel', 'carPlate', 'signedOn',
] as const;

/** Lists, written as readable text; `hobbyIds` keeps the form's field name so labels line up. */
export const HISTORY_LIST_FIELDS = ['familyMembers', 'hobbyIds', 'joinReasons', 'extra'] as const;

/** Markers written when a member is created or deleted. */
export const CREATED_FIELD = '_created';
export const DELETED_FIELD = '_deleted';

const RELATION_ZH: Record<string, string> = { OWNER: '业主本人', SPOUSE: '配偶', PARENT: '父母', CHILD: '子女', GRANDPARENT: '祖父母', GRANDCHILD: '孙子女' };
const SEX_ZH: Record<string, string> = { MALE: '男', FEMALE: '女' };

type Snapshot = Record<string, string | null>;

function text(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function sortedJson(v: unknown): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return text(v);
  const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? JSON.stringify(Object.fromEntries(entries)) : null;
}

/** The member as field → readable text, for comparing before and after a change. */
export function historySnapshot(m: HistorySnapshotRow): Snapshot {
  const s: Snapshot = {};
  for (const f of HISTORY_SCALAR_FIELDS) s[f] = text((m as Record<string, unknown>)[f]);
  s.familyMembers =
    m.familyMembers
      .map((f) => {
        const details = [RELATION_ZH[f.relation] ?? f.relation, f.sex ? SEX_ZH[f.sex] : null, text(f.birthDate)].filter(Boolean);
        return `${f.name}（${details.join('，')}）`;
      })
      .join('；') || null;
  s.hobbyIds =
    [...m.hobbies]
      .map((h) => h.hobby)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
      .map((h) => h.nameZh)
      .join('、') || null;
  // Codes (the admin translates each); the order of the form, not of the clicks.
  s.joinReasons = [...m.joinReasons].sort().join(',') || null;
  s.extra = sortedJson(m.extra);
  return s;
}

export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export function diffSnapshots(before: Snapshot, after: Snapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of [...HISTORY_SCALAR_FIELDS, ...HISTORY_LIST_FIELDS]) {
    const oldValue = before[field] ?? null;
    const newValue = after[field] ?? null;
    if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
  }
  return changes;
}

const maskFamily = (v: string | null) => (v ? v.replace(/(\d{4})-\d{2}-\d{2}/g, '$1-**-**') : v);

/** M-11: the personal fields and how each is masked (the same functions as the member record). */
export const PERSONAL_FIELD_MASKS: Record<string, (v: string | null) => string | null> = {
  idNumber: maskIdNumber,
  mobile: maskPhone,
  homePhone: maskPhone,
  fax: maskPhone,
  employerPhone: maskPhone,
  employerFax: maskPhone,
  email: maskEmail,
  homeAddress: maskAddress,
  employerAddress: maskAddress,
  birthDate: maskDate,
  spouseBirthDate: maskDate,
  weddingAnniversary: maskDate,
  familyMembers: maskFamily,
};

export function isPersonalField(field: string): boolean {
  return field in PERSONAL_FIELD_MASKS;
}

/** A history value as the caller may see it. */
export function maskHistoryValue(field: string, value: string | null, unmasked: boolean): string | null {
  if (unmasked) return value;
  const mask = PERSONAL_FIELD_MASKS[field];
  return mask ? mask(value) : value;
}

/** Rows for member_changes from a comparison. */
export function historyRows(memberId: number, changedById: number, changes: FieldChange[], changeRequestId?: number): Prisma.MemberChangeCreateManyInput[] {
  return changes.map((c) => ({ memberId, changedById, field: c.field, oldValue: c.oldValue, newValue: c.newValue, changeRequestId: changeRequestId ?? null }));
}
