import type { AccessControlProvider } from '@refinedev/core';
import i18n from '../i18n';
import { loadCurrentUser } from './current-user';
import { features } from '../features';
import { MENU_GROUPS } from '../features/menu-groups';
import { SIGNED_IN } from '../features/types';

const GROUPS = new Set<string>(MENU_GROUPS.map((g) => g.name));
const MENU = features.flatMap((f) => f.resources ?? []);

const featurePermissions = Object.assign({}, ...features.map((f) => f.permissions ?? {})) as Record<string, Partial<Record<string, string>>>;

/** Refine actions → the API's permission verbs (each feature maps its own where they differ). */
const permissionFor = (resource: string, action: string): string => featurePermissions[resource]?.[action] ?? `${resource}:${action}`;

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    if (!resource) return { can: true };
    const user = await loadCurrentUser();
    const held = (user?.permissions ?? []) as readonly string[];
    const may = (r: string, a: string) => {
      const needed = permissionFor(r, a);
      return needed === SIGNED_IN ? Boolean(user) : held.includes(needed);
    };
    // A menu group is shown only when the user may open at least one page in it.
    const allowed = GROUPS.has(resource) ? MENU.some((r) => r.meta?.parent === resource && may(r.name, 'list')) : may(resource, action);
    return allowed ? { can: true } : { can: false, reason: i18n.t('errors.forbidden') };
  },
  options: {
    buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    queryOptions: { staleTime: 5 * 60 * 1000 },
  },
};
