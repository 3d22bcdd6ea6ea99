import { pinyin } from 'pinyin-pro';

/** The form's 拼音拼写: surname, then given name, upper case ("WANG XIAOMING"). */
export function toPinyin(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array' });
  if (syllables.length <= 1) return syllables.join('').toUpperCase();
  return `${syllables[0]} ${syllables.slice(1).join('')}`.toUpperCase();
}
