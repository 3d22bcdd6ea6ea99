import { describe, expect, it } from 'vitest';
import { idNumberFor } from '../../../../prisma/seed/factories.js';
import { IMPORT_COLUMNS, optionCode } from './columns.js';
import { normaliseDate, parseRow } from './row-parser.js';

const cellsFor = (values: Record<string, string>) => new Map(IMPORT_COLUMNS.map((c) => [c, { text: values[c.header] ?? '' }]));
const hobbies = new Map([['健身', 1], ['美食', 2]]);
const valid = {
  楼盘: '金陵御府', 楼栋: '1栋', 房号: '1201', 与业主关系: '配偶', 称谓: '太太', 姓名: '林晓梅', 性别: '女', 出生日期: '1985/6/15',
  证件号码: idNumberFor('320106', new Date('1985-06-15T00:00:00Z'), 'FEMALE', 7), 手机: '13912345678', 兴趣爱好: '健身、美食', 入会原因: '会员活动', 业主证件号码: idNumberFor('320106', new Date('1982-01-01T00:00:00Z'), 'MALE', 8),
};

describe('import row parsing (M-4 columns)', () => {
  it('reads dates as typed in China and as Excel serial numbers', () => {
    expect(normaliseDate({ text: '2026年1月5日' })).toBe('2026-01-05');
    expect(normaliseDate({ text: '2026.1.5' })).toBe('2026-01-05');
    expect(normaliseDate({ text: '45000', number: 45000 })).toBe('2023-03-15');
    expect(normaliseDate({ text: '去年' })).toBeNull();
  });

  it('maps Chinese labels and common aliases to the API codes', () => {
    expect(optionCode('relation', '业主')).toBe('OWNER');
    expect(optionCode('education', '本科')).toBe('UNIVERSITY');
    expect(optionCode('title', 'mr')).toBe('MR');
    expect(optionCode('sex', '不详')).toBeUndefined();
  });

  it('validates a row with the API rules and names column and reason', () => {
    const ok = parseRow(2, cellsFor(valid), hobbies, 'zh');
    expect('ok' in ok && ok.ok.input).toMatchObject({ relation: 'SPOUSE', title: 'MRS', sex: 'FEMALE', hobbyIds: [1, 2], joinReasons: ['ACTIVITIES'] });
    const bad = parseRow(3, cellsFor({ ...valid, 手机: '123', 电子邮箱: 'nope', 姓名: '' }), hobbies, 'zh');
    expect('errors' in bad && bad.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: '姓名', message: '此项为必填项' },
        { row: 3, column: '手机', message: '手机号码格式不正确' },
        { row: 3, column: '电子邮箱', message: '电子邮箱格式不正确' },
      ]),
    );
    const owner = parseRow(4, cellsFor({ ...valid, 与业主关系: '业主本人', 业主证件号码: '' }), hobbies, 'zh');
    expect('ok' in owner && owner.ok.ownerIdNumber).toBe(valid.证件号码);
  });
});
