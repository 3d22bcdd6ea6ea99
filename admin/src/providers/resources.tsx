import type { ResourceProps } from '@refinedev/core';
import { features } from '../features';
import { MENU_GROUPS } from '../features/menu-groups';

const all = features.flatMap((f) => f.resources ?? []);

/**
 * The menu: the pages without a group first (the workbench, then the analysis), then the groups,
 * each holding the resources that name it in `meta.parent`.
 */
export const resources: ResourceProps[] = [...all.filter((r) => !r.meta?.parent), ...MENU_GROUPS, ...all.filter((r) => r.meta?.parent)];
