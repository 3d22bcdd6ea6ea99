import type { ResourceProps } from '@refinedev/core';
import { CreditCardOutlined, SafetyOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';

/**
 * The menu's groups, declared once: no page of their own, only children. A feature puts a
 * resource in one with `meta: { parent: 'membership' }`; the label is `<group>.<group>` in the
 * core strings (i18n/zh-CN.ts, i18n/en.ts). A group none of whose pages the user may open is not
 * shown (providers/access-control-provider.ts); items without a group come first in the menu.
 */
export const MENU_GROUPS = [
  { name: 'membership', meta: { icon: <TeamOutlined /> } },
  { name: 'card-management', meta: { icon: <CreditCardOutlined /> } },
  { name: 'governance', meta: { icon: <SafetyOutlined /> } },
  // Not `settings`: that is the club-parameters page inside it.
  { name: 'system-settings', meta: { icon: <SettingOutlined /> } },
] as const satisfies readonly ResourceProps[];

export type MenuGroup = (typeof MENU_GROUPS)[number]['name'];
