// The admin's one money and number formatter (admin/src/shared/format.ts): how staff read amounts,
// counts, large figures and quarters in each language.
import { describe, expect, it } from 'vitest';
import { compact, count, figureCompact, money, moneyCompact, percentOf, quarterLabel, quarterName } from '../admin/src/shared/format.ts';

describe('the admin formatter', () => {
  it('writes money from fen with ¥, thousands separators and two decimals', () => {
    expect(money(123400)).toBe('¥1,234.00');
    expect(money(0)).toBe('¥0.00');
    expect(money(5)).toBe('¥0.05');
    expect(money(-2000)).toBe('-¥20.00');
    expect(money(123456789, 'en')).toBe('¥1,234,567.89');
    expect(money(null)).toBe('—');
  });

  it('shortens large figures with 万 and 亿 in Chinese, K and M in English', () => {
    expect(moneyCompact(12_345_000)).toBe('¥12.35万'); // 123,450 yuan
    expect(moneyCompact(999_999)).toBe('¥9,999.99');
    expect(moneyCompact(123_450_00, 'en')).toBe('¥123.5K');
    expect(compact(12_000)).toBe('1.2万');
    expect(compact(9_999)).toBe('9,999');
    expect(compact(250_000_000)).toBe('2.5亿');
    expect(compact(12_000, 'en')).toBe('12K');
    expect(compact(3_450_000, 'en')).toBe('3.45M');
    expect(figureCompact(1_234_567_00, 'fen')).toBe('¥123.46万');
  });

  it('writes counts with thousands separators and shares as percentages', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(count(12, 'en')).toBe('12');
    expect(count(undefined)).toBe('—');
    expect(percentOf(0.1234)).toBe('12.3%');
  });

  it('writes a quarter one way per language', () => {
    expect(quarterLabel(2026, 4, 'zh-CN')).toBe('2026年第4季度');
    expect(quarterLabel(2026, 4, 'en')).toBe('Q4 2026');
    expect(quarterName(2, 'zh-CN')).toBe('第2季度');
    expect(quarterName(2, 'en')).toBe('Q2');
  });
});
