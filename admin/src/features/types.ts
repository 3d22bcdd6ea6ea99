import type { ReactNode } from 'react';
import type { ResourceProps } from '@refinedev/core';
import type { MenuGroup } from './menu-groups';

/** A menu resource; `meta.parent` names its menu group (features/menu-groups.tsx), or none for a top-level item. */
export type FeatureResource = ResourceProps & { meta?: ResourceProps['meta'] & { parent?: MenuGroup } };

/** In a feature's `permissions`: the page is open to every signed-in user (the workbench). */
export const SIGNED_IN = 'signed-in';

/**
 * One feature of the admin (members, cards, …): its menu resources, its routes and its strings.
 * Features keep their strings under their own top-level keys so the language files never
 * collide, and import nothing from one another (what several use lives in admin/src/shared/).
 */
export interface AdminFeature {
  resources?: FeatureResource[];
  /** Routes inside the signed-in layout. */
  routes?: ReactNode;
  /** Routes outside it, for signed-out visitors (the login page). */
  publicRoutes?: ReactNode;
  translations?: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> };
  /**
   * Which API permission a Refine action on a resource needs, where it is not simply
   * `<resource>:<action>` (e.g. { 'card-ranges': { list: 'cards:list', create: 'cards:ranges' } });
   * `SIGNED_IN` for a page every signed-in user may open.
   */
  permissions?: Record<string, Partial<Record<string, string>>>;
}
