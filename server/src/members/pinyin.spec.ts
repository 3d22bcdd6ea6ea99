import { describe, expect, it } from 'vitest';
import { toPinyin } from './pinyin.ts';

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
