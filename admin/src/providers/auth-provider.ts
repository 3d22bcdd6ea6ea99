import type { AuthProvider } from '@refinedev/core';
import i18n from '../i18n';
import {
  acceptLanguage,
  clearToken,
  getToken,
  loadCurrentUser,
  rememberUser,
  setToken,
  type CurrentUser,
} from './session';

export const authProvider: AuthProvider = {
  login: async ({ username, password }: { username: string; password: string }) => {
    let res: Response;
    try {
      res = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': acceptLanguage() },
        body: JSON.stringify({ username, password }),
      });
    } catch {
      return { success: false, error: { name: i18n.t('login.failed'), message: i18n.t('login.network') } };
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      const fallback = res.status === 423 ? i18n.t('login.locked') : i18n.t('login.wrong');
      return {
        success: false,
        error: { name: i18n.t('login.failed'), message: body.message ?? fallback },
      };
    }
    const { token, user } = (await res.json()) as { token: string; user: CurrentUser };
    clearToken();
    setToken(token);
    rememberUser(user);
    return { success: true, redirectTo: '/' };
  },
  logout: async () => {
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
