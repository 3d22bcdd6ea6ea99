import type { CurrentUser } from '../shared/api-types';
import { httpClient } from './http-client';
import { getToken, removeToken, setToken } from './session';

export type { CurrentUser };

let currentUser: CurrentUser | null = null;
let currentUserPromise: Promise<CurrentUser | null> | null = null;

/** Signs the session out on this side: the token and the remembered user go. */
export const clearToken = (): void => {
  removeToken();
  currentUser = null;
  currentUserPromise = null;
};

/** A new sign-in (login, or a password change that issues a fresh token). */
export const startSession = (token: string, user: CurrentUser): void => {
  clearToken();
  setToken(token);
  currentUser = user;
};

/** One /api/auth/me per token: identity, permissions and access control all read it. */
export const loadCurrentUser = (): Promise<CurrentUser | null> => {
  if (currentUser) return Promise.resolve(currentUser);
  if (!getToken()) return Promise.resolve(null);
  currentUserPromise ??= httpClient
    .get<CurrentUser>('/api/auth/me')
    .then((res) => {
      currentUser = res.data;
      return res.data;
    })
    .catch((error: { statusCode?: number }) => {
      if (error?.statusCode === 401) clearToken();
      return null;
    })
    .finally(() => {
      currentUserPromise = null;
    });
  return currentUserPromise;
};
