import { describe, expect, it } from 'vitest';
import { diffSnapshots, maskHistoryValue } from './member-history.js';

describe('member history (M-11)', () => {
  it('lists only the fields whose readable value changed', () => {
    const before = { mobile: '13912345678', name: '林晓梅', hobbyIds: '健身、美食', email: null };
    const after = { mobile: '13700001111', name: '林晓梅', hobbyIds: '美食', email: 'a@b.cn' };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'mobile', oldValue: '13912345678', newValue: '13700001111' },
      { field: 'email', oldValue: null, newValue: 'a@b.cn' },
      { field: 'hobbyIds', oldValue: '健身、美食', newValue: '美食' },
    ]);
  });

  it('masks personal values with the member record’s rules unless allowed', () => {
    expect(maskHistoryValue('idNumber', '320106198506150021', false)).toBe('3201**********0021');
    expect(maskHistoryValue('mobile', '13912345678', false)).toBe('139****5678');
    expect(maskHistoryValue('email', 'lin@example.cn', false)).toBe('l***@example.cn');
    expect(maskHistoryValue('birthDate', '1985-06-15', false)).toBe('1985-**-**');
    expect(maskHistoryValue('homeAddress', '南京市鼓楼区中山路100号', false)).toBe('南京市鼓楼区****');
    expect(maskHistoryValue('familyMembers', '林小宝（子女，男，2012-03-04）；林大宝（子女，2010-01-02）', false)).toBe('林小宝（子女，男，2012-**-**）；林大宝（子女，2010-**-**）');
    expect(maskHistoryValue('carPlate', '苏A12345', false)).toBe('苏A12345');
    expect(maskHistoryValue('mobile', null, false)).toBeNull();
    expect(maskHistoryValue('mobile', '13912345678', true)).toBe('13912345678');
  });
});
