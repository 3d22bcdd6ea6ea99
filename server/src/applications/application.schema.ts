import * as z from 'zod';
import { isoDate, optionalText, text } from '../common/validation.js';

export const COLLECTION_POINTS = ['MANAGEMENT_OFFICE', 'CLUBHOUSE', 'IN_PERSON', 'MAIL'] as const;
export const DOCUMENT_KINDS = ['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM'] as const;
export const APPLICATION_STATUSES = ['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED', 'APPROVED', 'REJECTED', 'CARD_IN_PRODUCTION', 'CARD_READY', 'ISSUED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const id = z.number().int().positive().max(2_147_483_647);
const kinds = z.array(z.enum(DOCUMENT_KINDS)).max(4).transform((v) => [...new Set(v)]);

/**
 * Receipt of an application (M-4, M-5). `form` is the member application form; it is checked
 * with MemberCreateInput (members/member.schema.ts) together with householdId/ownerId, not here.
 */
export const ApplicationReceiveInput = z.strictObject({
  householdId: id,
  ownerId: id,
  form: z.record(z.string(), z.unknown()),
  collectionPoint: z.enum(COLLECTION_POINTS),
  collectionPlace: optionalText(100),
  receivedOn: isoDate,
  documentsPresent: kinds.default([]),
});
export type ApplicationReceiveInput = z.output<typeof ApplicationReceiveInput>;

export const CheckInput = z.strictObject({
  missingItems: kinds,
  notified: z.boolean().optional(),
  note: optionalText(500),
});

export const VerifyInput = z.strictObject({
  note: optionalText(500),
  askMarketing: z.boolean().optional(),
});

export const NoteInput = z.strictObject({ note: optionalText(500) });

export const RejectInput = z.strictObject({ reason: text(500).min(1) });

export const CardReadyInput = z.strictObject({ ownerPhoned: z.boolean(), note: optionalText(500) });

export const IssueInput = z.strictObject({
  collectorName: text(50).min(1),
  collectorPhone: optionalText(20),
  /** M-9: the owner signs at pickup, showing ID. */
  collectorSigned: z.boolean().refine((v) => v, { params: { key: 'applications.mustBeTrue' } }),
  collectorIdChecked: z.boolean().refine((v) => v, { params: { key: 'applications.mustBeTrue' } }),
});

export const DocumentKindInput = z.strictObject({ kind: z.enum(DOCUMENT_KINDS) });

export const PickupBatchInput = z.strictObject({
  pickupOn: isoDate,
  collectionPoint: z.enum(COLLECTION_POINTS),
  collectionPlace: optionalText(100),
  handedOverBy: text(50).min(1),
  applicationIds: z.array(id).min(1).max(500).transform((v) => [...new Set(v)]),
});
