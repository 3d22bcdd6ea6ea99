import * as z from 'zod';
import { isoDate, text } from '../common/validation.js';
import { MemberUpdateInput } from '../members/member.schema.js';

export const CHANNELS = ['FAX', 'EMAIL', 'LETTER', 'IN_PERSON'] as const;
export const CHANGE_STATUSES = ['OPEN', 'APPLIED', 'REJECTED'] as const;

/** M-6: a member's request to change their data, by fax, email, registered letter or in person. */
export const ChangeRequestInput = z.strictObject({
  memberId: z.number().int().positive().max(2_147_483_647),
  channel: z.enum(CHANNELS),
  receivedOn: isoDate,
  description: text(1000).min(1),
  /** The member fields to change, checked like an edit of the member (M-4, M-2 on apply). */
  changes: MemberUpdateInput.optional(),
});
export type ChangeRequestInput = z.output<typeof ChangeRequestInput>;

export const RejectInput = z.strictObject({ reason: text(500).min(1) });

/** Parsed input back to JSON (dates as YYYY-MM-DD), to store and re-validate on apply. */
export function toStoredChanges(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(toStoredChanges);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, toStoredChanges(x)]));
  return v;
}
