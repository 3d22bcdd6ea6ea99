// The pure rules of B-2 (pipeline order), B-3 (renewal, offer-change notice) and B-5 (the quarter
// a visit is due in), kept apart from the database so a spec can check them.
import type { MerchantPipeline, MerchantStage } from '../generated/prisma/enums.js';

/** B-2: active: information → negotiation → signing; passive: negotiation → information → signing. */
export const PIPELINE_ORDER: Record<MerchantPipeline, readonly MerchantStage[]> = {
  ACTIVE: ['INFORMATION', 'NEGOTIATION', 'SIGNING'],
  PASSIVE: ['NEGOTIATION', 'INFORMATION', 'SIGNING'],
};

/** The step after `stage`, or null when the pipeline is done. */
export function nextStage(pipeline: MerchantPipeline, stage: MerchantStage): MerchantStage | null {
  const order = PIPELINE_ORDER[pipeline];
  return order[order.indexOf(stage) + 1] ?? null;
}

const DAY = 86_400_000;

/**
 * B-3: a price increase or withdrawal needs 30 days' written notice. The domain says days, not
 * working days (Q-2 names working days where it means them), so these are calendar days.
 */
export const OFFER_NOTICE_DAYS = 30;

export function earliestEffective(noticeOn: Date): Date {
  return new Date(noticeOn.getTime() + OFFER_NOTICE_DAYS * DAY);
}

export function needsNoticeAndConsent(kind: string): boolean {
  return kind === 'PRICE_INCREASE' || kind === 'WITHDRAWAL';
}

/** In effect: a lower price at once from its day; an increase or withdrawal only with the club's written consent. */
export function offerChangeInEffect(c: { kind: string; effectiveOn: Date; consentOn: Date | null }, today: Date): boolean {
  if (c.effectiveOn > today) return false;
  return !needsNoticeAndConsent(c.kind) || c.consentOn !== null;
}

function addYears(d: Date, years: number): Date {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

/** The end of the term that contains `day` (the agreement renewing every termYears after endOn). */
function termEndCovering(a: { endOn: Date; termYears: number }, day: Date): Date {
  let end = a.endOn;
  while (end < day) end = addYears(end, a.termYears);
  return end;
}

export type AgreementState = 'IN_TERM' | 'ENDING' | 'ENDED';

/**
 * B-3: the agreement renews automatically at each term end unless either side objects; an
 * objection ends it at the end of the term in which it was recorded.
 */
export function agreementTerm(a: { endOn: Date; termYears: number; objectedOn: Date | null }, today: Date): { state: AgreementState; currentEndOn: Date } {
  if (a.objectedOn) {
    const end = termEndCovering(a, a.objectedOn);
    return { state: end < today ? 'ENDED' : 'ENDING', currentEndOn: end };
  }
  return { state: 'IN_TERM', currentEndOn: termEndCovering(a, today) };
}
