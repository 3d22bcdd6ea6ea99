import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN } from './zh-CN';
import { en } from './en';
import { features } from '../features';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'club.language';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(LANGUAGE_KEY) : null;
const initial: Language = stored === 'en' ? 'en' : 'zh-CN';

const applyDayjsLocale = (lng: string) => dayjs.locale(lng.startsWith('en') ? 'en' : 'zh-cn');

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: Object.assign({}, zhCN, ...features.map((f) => f.translations['zh-CN'])) },
    en: { translation: Object.assign({}, en, ...features.map((f) => f.translations.en)) },
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

export default i18n;
