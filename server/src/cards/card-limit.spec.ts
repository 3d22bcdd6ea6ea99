import { describe, expect, it } from 'vitest';
import type { Logger } from '@nestjs/common';
import { renderError } from '../common/error-filter.js';
import { isCardLimitViolation } from './card-limit.js';
import { cardFeeFen } from './fee-config.js';

describe('M-3: card-limit violation mapping', () => {
  it('finds the constraint name in nested driver errors', () => {
    const e = { message: 'Raw query failed', meta: { driverAdapterError: { cause: { constraint: 'households_card_limit_check' } } } };
    expect(isCardLimitViolation(e)).toBe(true);
    expect(isCardLimitViolation({ message: 'new row violates check constraint "households_card_limit_check"' })).toBe(true);
    expect(isCardLimitViolation(new Error('something else'))).toBe(false);
  });
  it('is answered 409 with the M-3 message by the error filter, whichever feature reached it', () => {
    const logger = { error: () => undefined } as unknown as Logger;
    const req = (lang: string) => ({ headers: { 'accept-language': lang } }) as unknown as Parameters<typeof renderError>[1];
    const zh = renderError({ message: 'Raw query failed', meta: { driverAdapterError: { cause: { constraint: 'households_card_limit_check' } } } }, req('zh-CN'), logger);
    expect(zh.statusCode).toBe(409);
    expect(zh.message).toContain('持卡上限');
    expect(renderError({ message: 'new row violates check constraint "households_card_limit_check"' }, req('en'), logger).message).toContain('exception');
    expect(renderError(new Error('something else'), req('en'), logger).statusCode).toBe(500);
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
