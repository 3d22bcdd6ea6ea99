import i18n from '../i18n';

const TOKEN_KEY = 'club.token';

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);
export const setToken = (token: string): void => localStorage.setItem(TOKEN_KEY, token);
export const removeToken = (): void => localStorage.removeItem(TOKEN_KEY);

/** The server phrases its messages in the language the request asks for. */
export const acceptLanguage = (): string => (i18n.language?.startsWith('en') ? 'en' : 'zh-CN');

export const authHeaders = (): Record<string, string> => {
  const token = getToken();
  return {
    'Accept-Language': acceptLanguage(),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };
};
