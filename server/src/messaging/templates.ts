/** Message templates with the member's name, title and occasion, in Chinese and English. */
import type { Lang } from '../common/i18n-types.js';

export type Title = 'MR' | 'MISS' | 'MRS' | 'MS';

const TITLE_ZH: Record<Title, string> = { MR: '先生', MISS: '女士', MRS: '女士', MS: '女士' };
const TITLE_EN: Record<Title, string> = { MR: 'Mr', MISS: 'Miss', MRS: 'Mrs', MS: 'Ms' };

export interface TemplateInput {
  /** Full name as registered, e.g. 张伟 or Zhang Wei. */
  name: string;
  title: Title | null;
  /** The occasion in both languages, e.g. { zh: '生日', en: 'birthday' }. */
  occasion: { zh: string; en: string };
  clubName: { zh: string; en: string };
}

export interface Rendered {
  subject: string;
  body: string;
}

/** How the member is addressed: 张先生 (surname + title) in Chinese, "Mr Zhang Wei" in English. */
export function salutation(lang: Lang, name: string, title: Title | null): string {
  const n = name.trim();
  if (lang === 'zh') {
    if (!title) return n;
    // Chinese surnames are the first character, or two for the common compound surnames.
    const surname = COMPOUND_SURNAMES.has(n.slice(0, 2)) ? n.slice(0, 2) : n.slice(0, 1);
    return `${surname}${TITLE_ZH[title]}`;
  }
  return title ? `${TITLE_EN[title]} ${n}` : n;
}

const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容', '尉迟', '长孙', '夏侯', '公孙', '宇文', '司徒', '端木']);

export const TEMPLATES = {
  greeting: {
    zh: (i: TemplateInput): Rendered => ({
      subject: `${i.clubName.zh}祝您${i.occasion.zh}快乐`,
      body: `尊敬的${salutation('zh', i.name, i.title)}：\n值此${i.occasion.zh}之际，${i.clubName.zh}全体同仁向您致以诚挚的祝福，祝您${i.occasion.zh}快乐，阖家幸福！\n${i.clubName.zh}`,
    }),
    en: (i: TemplateInput): Rendered => ({
      subject: `Happy ${i.occasion.en} from ${i.clubName.en}`,
      body: `Dear ${salutation('en', i.name, i.title)},\nOn the occasion of your ${i.occasion.en}, all of us at ${i.clubName.en} send you our warmest wishes.\n${i.clubName.en}`,
    }),
  },
} as const;

export type TemplateKey = keyof typeof TEMPLATES;

export function render(key: TemplateKey, lang: Lang, input: TemplateInput): Rendered {
  return TEMPLATES[key][lang](input);
}
