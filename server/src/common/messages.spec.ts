// What staff read is the club's wording, not the rule book's: rule ids (M-2) and appendix numbers
// stay in code comments, docs and tooltips, never in a message the API sends.
import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, t } from './i18n.js';

const RULE_ID = /\b[A-Z]{1,2}-\d+[a-z]?\b|附录\s*\d|appendix\s*\d/i;

describe('server messages', () => {
  it('name no rule ids or appendix numbers, in either language', () => {
    expect(MESSAGE_KEYS.length).toBeGreaterThan(100);
    for (const key of MESSAGE_KEYS) {
      for (const lang of ['zh', 'en'] as const) expect(t(lang, key), `${key} (${lang})`).not.toMatch(RULE_ID);
    }
  });

  it('the check can fail', () => {
    expect('须年满 18 周岁（M-2）').toMatch(RULE_ID);
    expect('签字确认（附录4）').toMatch(RULE_ID);
    expect('at least 18').not.toMatch(RULE_ID);
  });
});
