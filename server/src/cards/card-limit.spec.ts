import { describe, expect, it } from 'vitest';
import { AppError } from '../common/app-error.js';
import { isCardLimitViolation, mapCardLimitError } from './card-limit.js';
import { cardFeeFen } from './fee-config.js';

describe('M-3: card-limit violation mapping', () => {
  it('finds the constraint name in nested driver errors', () => {
    const e = { message: 'Raw query failed', meta: { driverAdapterError: { cause: { constraint: 'households_card_limit_check' } } } };
    expect(isCardLimitViolation(e)).toBe(true);
    expect(isCardLimitViolation({ message: 'new row violates check constraint "households_card_limit_check"' })).toBe(true);
    expect(isCardLimitViolation(new Error('something else'))).toBe(false);
  });
  it('maps it to a 409 with the cards.limitReached message and rethrows the rest', () => {
    expect(() => mapCardLimitError({ message: 'households_card_limit_check' })).toThrow(AppError);
    try {
      mapCardLimitError({ message: 'households_card_limit_check' });
    } catch (e) {
      expect((e as AppError).status).toBe(409);
      expect((e as AppError).key).toBe('cards.limitReached');
    }
    const other = new Error('x');
    expect(() => mapCardLimitError(other)).toThrow(other);
  });
});

describe('M-8: card fee configuration', () => {
  it('is 20 RMB by default and configurable through CARD_FEE_FEN', () => {
    expect(cardFeeFen({})).toBe(2000);
    expect(cardFeeFen({ CARD_FEE_FEN: '3000' })).toBe(3000);
    expect(() => cardFeeFen({ CARD_FEE_FEN: '-5' })).toThrow();
    expect(() => cardFeeFen({ CARD_FEE_FEN: 'abc' })).toThrow();
  });
});
