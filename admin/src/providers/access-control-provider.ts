import type { AccessControlProvider } from '@refinedev/core';
import i18n from '../i18n';
import { loadCurrentUser } from './current-user';
import { features } from '../features';
import { MENU_GROUPS } from '../features/menu-groups';

const GROUPS = new Set<string>(MENU_GROUPS.map((g) => g.name));

const featurePermissions = Object.assign({}, ...features.map((f) => f.permissions ?? {})) as Record<string, Partial<Record<string, string>>>;

/** Refine actions → the API's permission verbs (each feature maps its own where they differ). */
const permissionFor = (resource: string, action: string): string => featurePermissions[resource]?.[action] ?? `${resource}:${action}`;

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    if (!resource || GROUPS.has(resource)) return { can: true };
    const user = await loadCurrentUser();
    const allowed = (user?.permissions as readonly string[] | undefined)?.includes(permissionFor(resource, action)) ?? false;
    return allowed ? { can: true } : { can: false, reason: i18n.t('errors.forbidden') };
  },
  options: {
    buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    queryOptions: { staleTime: 5 * 60 * 1000 },
  },
};
