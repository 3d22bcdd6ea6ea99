import * as z from 'zod';
import { isoDate, optionalText, text } from '../common/validation.js';

export const CARD_STATUSES = ['IN_PRODUCTION', 'READY', 'ISSUED', 'VOID'] as const;
export const REISSUE_REASONS = ['LOST', 'DAMAGED'] as const;
export const APPROVAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export const FEE_KINDS = ['NEW_CARD', 'REPLACEMENT'] as const;

/** M-7: a number range the club sets up for a project or a channel. */
export const CardRangeCreateInput = z
  .strictObject({
    prefix: z.string().trim().min(1).max(10).refine((v) => /^[A-Za-z0-9-]+$/.test(v), { params: { key: 'errors.badQuery' } }),
    fromNo: z.number().int().min(0).max(999_999_999),
    toNo: z.number().int().min(0).max(999_999_999),
    digits: z.number().int().min(1).max(12).default(6),
    projectId: z.number().int().positive().nullish(),
    channel: optionalText(50),
  })
  .refine((r) => r.fromNo <= r.toNo, { path: ['toNo'], params: { key: 'cards.rangeBounds' } })
  .refine((r) => String(r.toNo).length <= r.digits, { path: ['digits'], params: { key: 'cards.rangeTooWide' } })
  .refine((r) => Boolean(r.projectId) !== Boolean(r.channel), { path: ['projectId'], params: { key: 'cards.rangeTarget' } });
export type CardRangeCreateInput = z.output<typeof CardRangeCreateInput>;

export const CardReadyInput = z.strictObject({ ownerPhoned: z.boolean().default(false) });

/** M-9 / appendix 4: the collector signs and shows ID; both must be confirmed. */
export const CardIssueInput = z.strictObject({
  collectorName: text(50).min(1),
  collectorPhone: optionalText(20),
  collectorSigned: z.boolean().refine((v) => v, { params: { key: 'cards.signatureRequired' } }),
  collectorIdChecked: z.boolean().refine((v) => v, { params: { key: 'cards.idCheckRequired' } }),
});
export type CardIssueInput = z.output<typeof CardIssueInput>;

export const ReissueRequestInput = z.strictObject({
  reason: z.enum(REISSUE_REASONS),
  note: optionalText(500),
});

/** M-10: the member officer reviews the same documents as for a new application. */
export const ReissueApproveInput = z.strictObject({
  documentsChecked: z.boolean().refine((v) => v, { params: { key: 'cards.documentsRequired' } }),
  paidOn: isoDate.optional(),
});

export const ReissueRejectInput = z.strictObject({ note: optionalText(500) });

export const ExceptionCreateInput = z.strictObject({
  householdId: z.number().int().positive(),
  reason: text(500).min(1),
});

export const DecisionInput = z.strictObject({ note: optionalText(500) });

export const FeeRecordInput = z.strictObject({
  kind: z.enum(FEE_KINDS),
  projectId: z.number().int().positive(),
  memberId: z.number().int().positive().nullish(),
  cardId: z.number().int().positive().nullish(),
  paidOn: isoDate,
});

export const FeeReverseInput = z.strictObject({ reason: text(200).min(1) });

export const StatementCreateInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
});

export const StatementSignInput = z.strictObject({ differencesNote: optionalText(1000) });
