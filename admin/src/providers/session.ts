import i18n from '../i18n';

const TOKEN_KEY = 'club.token';

export type Role =
  | 'club_manager'
  | 'member_officer'
  | 'activity_officer'
  | 'editor'
  | 'merchant_officer'
  | 'division_leader'
  | 'general_manager'
  | 'marketing_vp'
  | 'marketing';

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  permissions: string[];
}

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);
export const setToken = (token: string): void => localStorage.setItem(TOKEN_KEY, token);
export const clearToken = (): void => {
  localStorage.removeItem(TOKEN_KEY);
  currentUser = null;
  currentUserPromise = null;
};

/** The server phrases its messages in the language the request asks for. */
export const acceptLanguage = (): string => (i18n.language?.startsWith('en') ? 'en' : 'zh-CN');

export const authHeaders = (): Record<string, string> => {
  const token = getToken();
  return {
    'Accept-Language': acceptLanguage(),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };
};

let currentUser: CurrentUser | null = null;
let currentUserPromise: Promise<CurrentUser | null> | null = null;

/** One /api/auth/me per token: identity, permissions and access control all read it. */
export const loadCurrentUser = (): Promise<CurrentUser | null> => {
  if (currentUser) return Promise.resolve(currentUser);
  if (!getToken()) return Promise.resolve(null);
  currentUserPromise ??= fetch('/api/auth/me', { headers: authHeaders() })
    .then(async (res) => {
      if (!res.ok) {
        if (res.status === 401) clearToken();
        return null;
      }
      const user = (await res.json()) as CurrentUser;
      currentUser = user;
      return user;
    })
    .catch(() => null)
    .finally(() => {
      currentUserPromise = null;
    });
  return currentUserPromise;
};

export const rememberUser = (user: CurrentUser): void => {
  currentUser = user;
};
