import type { AuthProvider, HttpError } from '@refinedev/core';
import i18n from '../i18n';
import { getToken } from './session';
import { httpClient } from './http-client';
import { clearToken, loadCurrentUser, startSession, type CurrentUser } from './current-user';

export const authProvider: AuthProvider = {
  login: async ({ username, password }: { username: string; password: string }) => {
    try {
      const { data } = await httpClient.post<{ token: string; user: CurrentUser }>('/api/auth/login', { username, password });
      startSession(data.token, data.user);
      return { success: true, redirectTo: '/' };
    } catch (e) {
      const error = e as HttpError;
      if (!error.statusCode) return { success: false, error: { name: i18n.t('login.failed'), message: i18n.t('login.network') } };
      const fallback = error.statusCode === 423 ? i18n.t('login.locked') : i18n.t('login.wrong');
      return { success: false, error: { name: i18n.t('login.failed'), message: error.message || fallback } };
    }
  },
  logout: async () => {
    // The server ends this sign-in (its token stops working); the session here goes either way.
    if (getToken()) await httpClient.post('/api/auth/logout').catch(() => undefined);
    clearToken();
    return { success: true, redirectTo: '/login' };
  },
  check: async () => {
    if (!getToken()) return { authenticated: false, redirectTo: '/login', logout: true };
    const user = await loadCurrentUser();
    return user ? { authenticated: true } : { authenticated: false, redirectTo: '/login', logout: true };
  },
  onError: async (error: { statusCode?: number; status?: number }) => {
    const status = error?.statusCode ?? error?.status;
    if (status === 401) return { logout: true, redirectTo: '/login', error: error as Error };
    return {};
  },
  getPermissions: async () => (await loadCurrentUser())?.permissions ?? [],
  getIdentity: async () => loadCurrentUser(),
};
