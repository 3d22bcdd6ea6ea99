import * as z from 'zod';
import { optionalText, text } from '../common/validation.js';

/** Appendix 5: the kinds of member information a request may ask for. */
export const INFORMATION_KINDS = ['ID_NUMBER', 'PHONE', 'ADDRESS', 'BIRTHDAY', 'EMAIL', 'FAMILY', 'OCCUPATION', 'BASIC_TABLE', 'MEMBER_LIST'] as const;
export const MAX_VALID_DAYS = 30;

export const DataUseRequestInput = z.strictObject({
  department: text(100).min(1),
  informationKinds: z.array(z.enum(INFORMATION_KINDS)).min(1).max(INFORMATION_KINDS.length),
  purpose: text(1000).min(1),
  allowExport: z.boolean().optional(),
  /** Special cases: the signed minutes kept on file. */
  minutesRef: optionalText(100),
  validDays: z.number().int().min(1).max(MAX_VALID_DAYS),
});
export type DataUseRequestInput = z.output<typeof DataUseRequestInput>;

export const DecisionInput = z.strictObject({ note: optionalText(500) });
export type DecisionInput = z.output<typeof DecisionInput>;
