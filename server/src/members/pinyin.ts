import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/** Two-character surnames: their pinyin is written as one word ("OUYANG XIAOLAN"). */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '端木', '南宫', '独孤', '澹台', '公冶', '申屠', '太史', '闻人', '钟离', '赫连', '万俟', '呼延', '拓跋', '百里', '东郭',
  '西门', '濮阳', '淳于', '单于', '公羊', '第五', '司空', '左丘', '梁丘', '乐正',
]);

/**
 * The form's 拼音拼写: surname, then given name, upper case ("WANG XIAOMING", "SHAN WEI" — a
 * surname is read as a surname — "OUYANG XIAOLAN"). A name written in Latin letters is its own
 * spelling ("JOHN SMITH"), so it is found by what staff type.
 */
export function toPinyin(name: string): string {
  const text = name.trim().replace(/\s+/g, ' ');
  if (!HAN.test(text)) return text.toUpperCase();
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: 'head' })
    .map((s) => s.trim())
    .filter(Boolean);
  if (syllables.length <= 1) return syllables.join('').toUpperCase();
  const surname = COMPOUND_SURNAMES.has([...text].slice(0, 2).join('')) && syllables.length > 2 ? 2 : 1;
  return `${syllables.slice(0, surname).join('')} ${syllables.slice(surname).join('')}`.toUpperCase();
}
