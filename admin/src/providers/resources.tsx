import type { ResourceProps } from '@refinedev/core';
import { features } from '../features';
import { MENU_GROUPS } from '../features/menu-groups';

/** The menu: its groups, then every feature's resources (each names its group in `meta.parent`). */
export const resources: ResourceProps[] = [...MENU_GROUPS, ...features.flatMap((f) => f.resources ?? [])];
