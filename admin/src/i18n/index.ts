import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN } from './zh-CN';
import { en } from './en';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'club.language';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(LANGUAGE_KEY) : null;
const initial: Language = stored === 'en' ? 'en' : 'zh-CN';

const applyDayjsLocale = (lng: string) => dayjs.locale(lng.startsWith('en') ? 'en' : 'zh-cn');

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});
applyDayjsLocale(initial);

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(LANGUAGE_KEY, lng);
  applyDayjsLocale(lng);
  document.documentElement.lang = lng;
});

/**
 * Each feature's strings, under its own top-level keys (app.tsx calls this with the feature list,
 * so this module imports no feature: the strings flow in, nothing here depends on a feature).
 */
export function addFeatureStrings(translations: Partial<Record<Language, Record<string, unknown>>>[]): void {
  for (const lng of LANGUAGES) for (const t of translations) if (t[lng]) i18n.addResourceBundle(lng, 'translation', t[lng], true, false);
}

export default i18n;
