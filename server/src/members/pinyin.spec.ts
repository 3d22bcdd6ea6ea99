import { describe, expect, it } from 'vitest';
import { initialsOfPinyin, pinyinKey, readsAsPinyin, toInitials, toPinyin } from './pinyin.ts';
import { cardQueryNumber, phoneKey, phoneQueryKey, roomKey, roomQueryKey } from './search-keys.ts';

describe('toPinyin (the form’s 拼音拼写)', () => {
  it('writes the surname, a space, then the given name in one word, upper case', () => {
    expect(toPinyin('王伟')).toBe('WANG WEI');
    expect(toPinyin('林晓梅')).toBe('LIN XIAOMEI');
    expect(toPinyin('王')).toBe('WANG');
  });

  it('reads a surname as a surname', () => {
    expect(toPinyin('单伟')).toBe('SHAN WEI');
    expect(toPinyin('曾小贤')).toBe('ZENG XIAOXIAN');
  });

  it('keeps two-character surnames together', () => {
    expect(toPinyin('欧阳晓岚')).toBe('OUYANG XIAOLAN');
    expect(toPinyin('司马光')).toBe('SIMA GUANG');
    // A two-character name whose first characters are not a compound surname.
    expect(toPinyin('欧伟')).toBe('OU WEI');
  });

  it('leaves a name in Latin letters as it is written, upper case', () => {
    expect(toPinyin('John  Smith ')).toBe('JOHN SMITH');
    expect(toPinyin('Anna')).toBe('ANNA');
  });
});

describe('search keys (members search)', () => {
  it('drops spaces and writes ü and v as u', () => {
    expect(pinyinKey('wang yi')).toBe('WANGYI');
    expect(pinyinKey(toPinyin('吕沐辰'))).toBe('LUMUCHEN');
    expect(pinyinKey('lv')).toBe(pinyinKey('lu'));
    expect(pinyinKey('lü mu-chen')).toBe('LUMUCHEN');
  });

  it('tells pinyin being typed from initials', () => {
    for (const q of ['wangyi', 'wang', 'zh', 'w', 'lumuch', 'lv', 'xiaoming', 'an']) expect(readsAsPinyin(pinyinKey(q)), q).toBe(true);
    for (const q of ['wyq', 'lmc', 'xm', 'zw', 'john', 'oyxl']) expect(readsAsPinyin(pinyinKey(q)), q).toBe(false);
  });

  it('reads initials from the characters, from a pinyin staff typed, or from a Latin name', () => {
    expect(toInitials('王雨晴')).toBe('WYQ');
    expect(toInitials('吕沐辰')).toBe('LMC');
    expect(toInitials('欧阳晓岚')).toBe('OYXL');
    expect(toInitials('单伟')).toBe('SW');
    expect(toInitials('李建安')).toBe('LJA'); // jian'an: the characters say it, the pinyin could not
    expect(toInitials('单伟', 'DAN WEI')).toBe('DW');
    expect(toInitials('John  Smith')).toBe('JS');
  });

  it('reads initials from a pinyin by its syllables (what the database does without the characters)', () => {
    expect(initialsOfPinyin('WANG YUQING')).toBe('WYQ');
    expect(initialsOfPinyin('LÜ MUCHEN')).toBe('LMC');
    expect(initialsOfPinyin('WANG GUOAN')).toBe('WGA');
    expect(initialsOfPinyin('ZHANG CHANGE')).toBe('ZCG'); // no apostrophe: chan-ge
    expect(initialsOfPinyin('LI ERHU')).toBe('LEH');
    expect(initialsOfPinyin('JOHN SMITH')).toBe('JS');
  });
});

describe('phone, room and card keys', () => {
  it('keeps the mobile last digit first, so its last digits start the key', () => {
    expect(phoneKey('138-1234-5678')).toBe('87654321831');
    expect(phoneQueryKey('5678', false)).toBe('8765');
    expect(phoneQueryKey('13812345678', false)).toBe('87654321831');
    expect(phoneQueryKey('138 1234 5678', false)).toBe('87654321831');
    // Part of the hidden digits, for a caller who sees phones masked: not a phone search.
    expect(phoneQueryKey('45678', false)).toBeNull();
    expect(phoneQueryKey('45678', true)).toBe('87654');
    expect(phoneQueryKey('567', true)).toBeNull();
    expect(phoneQueryKey('3-1-502', true)).toBeNull();
  });

  it('puts the room first, then the building, as staff type a unit label', () => {
    expect(roomKey('3栋', '502')).toBe('502-3-');
    expect(roomKey('3栋1单元', '502')).toBe('502-3-1-');
    expect(roomKey('A座', '0502室')).toBe('502-A-');
    for (const q of ['3-1-502', '3栋1单元502', '3栋1单元502室', '3 1 502', '３栋１单元５０２']) expect(roomQueryKey(q), q).toBe('502-3-1-');
    expect(roomKey('3栋1单元', '502').startsWith(roomQueryKey('3栋502室')!)).toBe(true);
    expect(roomKey('3栋1单元', '502').startsWith(roomQueryKey('502')!)).toBe(true);
    expect(roomKey('13栋', '502').startsWith(roomQueryKey('3-502')!)).toBe(false);
    expect(roomQueryKey('3栋')).toBe('3-');
    expect(roomQueryKey('abc')).toBeNull();
  });

  it('reads a card number upper case without spaces', () => {
    expect(cardQueryNumber(' nj001-00012 ')).toBe('NJ001-00012');
    expect(cardQueryNumber('wang')).toBeNull();
  });
});
