import type { AccessControlProvider } from '@refinedev/core';
import i18n from '../i18n';
import { loadCurrentUser } from './session';

/** Refine actions → the API's permission verbs; the dashboard has a single `view`. */
const permissionFor = (resource: string, action: string): string => {
  if (resource === 'dashboard') return 'dashboard:view';
  return `${resource}:${action}`;
};

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    if (!resource) return { can: true };
    const user = await loadCurrentUser();
    const allowed = user?.permissions.includes(permissionFor(resource, action)) ?? false;
    return allowed ? { can: true } : { can: false, reason: i18n.t('errors.forbidden') };
  },
  options: {
    buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    queryOptions: { staleTime: 5 * 60 * 1000 },
  },
};
