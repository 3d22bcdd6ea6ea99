import type { ResourceProps } from '@refinedev/core';
import { BarChartOutlined, CreditCardOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import { features } from '../features';

/** Menu groups: no page of their own, only children. */
export const MENU_GROUPS: ResourceProps[] = [
  { name: 'membership', meta: { icon: <TeamOutlined /> } },
  { name: 'card-management', meta: { icon: <CreditCardOutlined /> } },
  { name: 'governance', meta: { icon: <SafetyOutlined /> } },
];

/** Which group each resource's menu item sits in (M-1 members work, cards and fees, data governance). */
const PARENT: Record<string, string> = {
  members: 'membership',
  applications: 'membership',
  'application-tasks': 'membership',
  'pickup-batches': 'membership',
  'change-requests': 'membership',
  cards: 'card-management',
  'card-reissue-requests': 'card-management',
  'card-limit-exceptions': 'card-management',
  'card-ranges': 'card-management',
  'fee-entries': 'card-management',
  'fee-statements': 'card-management',
  'data-use-requests': 'governance',
  'audit-log': 'governance',
  imports: 'governance',
  'calendar-days': 'governance',
  settings: 'governance',
};

const withParent = (r: ResourceProps): ResourceProps => (PARENT[r.name] ? { ...r, meta: { ...r.meta, parent: PARENT[r.name] } } : r);

const ungrouped: ResourceProps[] = [
  {
    name: 'dashboard',
    list: '/dashboard',
    meta: { icon: <BarChartOutlined /> },
  },
  {
    name: 'members',
    list: '/members',
    create: '/members/create',
    edit: '/members/edit/:id',
    show: '/members/show/:id',
    meta: { icon: <TeamOutlined />, canDelete: true },
  },
  ...features.flatMap((f) => f.resources),
];

export const resources: ResourceProps[] = [...MENU_GROUPS, ...ungrouped.map(withParent)];
