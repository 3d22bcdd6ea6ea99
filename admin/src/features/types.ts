import type { ReactNode } from 'react';
import type { ResourceProps } from '@refinedev/core';

/**
 * One feature of the admin (applications, cards, …): its menu resources, its routes (rendered
 * inside the signed-in layout) and its strings. Features keep their strings under their own
 * top-level key so the two language files never collide.
 */
export interface AdminFeature {
  resources: ResourceProps[];
  routes: ReactNode;
  translations: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> };
  /**
   * Which API permission a Refine action on a resource needs, where it is not simply
   * `<resource>:<action>` (e.g. { 'card-ranges': { list: 'cards:list', create: 'cards:ranges' } }).
   */
  permissions?: Record<string, Partial<Record<string, string>>>;
}
