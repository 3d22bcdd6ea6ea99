import type { I18nProvider } from '@refinedev/core';
import i18n from '../i18n';

export const i18nProvider: I18nProvider = {
  translate: (key, options, defaultMessage) => {
    const opts = typeof options === 'object' && options !== null ? options : {};
    const fallback = typeof options === 'string' ? options : defaultMessage;
    return String(i18n.t(key, { ...opts, defaultValue: fallback ?? key }));
  },
  changeLocale: (lang) => i18n.changeLanguage(lang),
  getLocale: () => i18n.language,
};
