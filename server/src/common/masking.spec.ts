import { describe, expect, it } from 'vitest';
import { maskAddress, maskDate, maskEmail, maskIdNumber, maskPhone } from './masking.js';

describe('masking (M-11)', () => {
  it('hides the middle of an 18-digit ID number', () => {
    expect(maskIdNumber('32010219800101123X')).toBe('3201**********123X');
  });
  it('hides the middle of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps only the year of a date', () => {
    expect(maskDate('1980-05-17')).toBe('1980-**-**');
  });
  it('hides the local part of an email and the street of an address', () => {
    expect(maskEmail('wang.li@example.cn')).toBe('w***@example.cn');
    expect(maskAddress('南京市鼓楼区金陵御府3栋1201室')).toBe('南京市鼓楼区****');
  });
  it('passes empty values through', () => {
    expect(maskIdNumber(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });
});
