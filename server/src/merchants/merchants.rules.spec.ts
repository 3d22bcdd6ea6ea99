import { describe, expect, it } from 'vitest';
import { agreementTerm, earliestEffective, nextStage, offerChangeInEffect } from './merchants.rules.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('B-2 pipeline order', () => {
  it('active: information → negotiation → signing; passive: negotiation → information → signing', () => {
    expect([nextStage('ACTIVE', 'INFORMATION'), nextStage('ACTIVE', 'NEGOTIATION'), nextStage('ACTIVE', 'SIGNING')]).toEqual(['NEGOTIATION', 'SIGNING', null]);
    expect([nextStage('PASSIVE', 'NEGOTIATION'), nextStage('PASSIVE', 'INFORMATION'), nextStage('PASSIVE', 'SIGNING')]).toEqual(['INFORMATION', 'SIGNING', null]);
  });
});

describe('B-3 offer changes and renewal', () => {
  it('30 calendar days of notice, across a month end and a holiday alike', () => {
    expect(earliestEffective(d('2026-01-20'))).toEqual(d('2026-02-19'));
    expect(earliestEffective(d('2026-09-25'))).toEqual(d('2026-10-25'));
  });

  it('an increase takes effect only with consent, a lower price at once', () => {
    const today = d('2026-03-01');
    expect(offerChangeInEffect({ kind: 'PRICE_INCREASE', effectiveOn: d('2026-02-01'), consentOn: null }, today)).toBe(false);
    expect(offerChangeInEffect({ kind: 'WITHDRAWAL', effectiveOn: d('2026-02-01'), consentOn: d('2026-01-15') }, today)).toBe(true);
    expect(offerChangeInEffect({ kind: 'WITHDRAWAL', effectiveOn: d('2026-04-01'), consentOn: d('2026-01-15') }, today)).toBe(false);
    expect(offerChangeInEffect({ kind: 'PRICE_DECREASE', effectiveOn: d('2026-03-01'), consentOn: null }, today)).toBe(true);
  });

  it('renews by its term until an objection, which ends it at that term’s end', () => {
    const a = { endOn: d('2024-12-31'), termYears: 1 };
    expect(agreementTerm({ ...a, objectedOn: null }, d('2024-12-31'))).toEqual({ state: 'IN_TERM', currentEndOn: d('2024-12-31') });
    expect(agreementTerm({ ...a, objectedOn: null }, d('2026-06-01'))).toEqual({ state: 'IN_TERM', currentEndOn: d('2026-12-31') });
    expect(agreementTerm({ ...a, objectedOn: d('2025-11-01') }, d('2025-12-01'))).toEqual({ state: 'ENDING', currentEndOn: d('2025-12-31') });
    expect(agreementTerm({ ...a, objectedOn: d('2025-11-01') }, d('2026-01-01'))).toEqual({ state: 'ENDED', currentEndOn: d('2025-12-31') });
  });
});
