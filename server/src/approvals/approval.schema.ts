import * as z from 'zod';
import { optionalText, text } from '../common/validation.js';

export const ApproveInput = z.strictObject({ reason: optionalText(1000).optional() });
export const RejectInput = z.strictObject({ reason: text(1000).min(1) });
