import type { ResourceProps } from '@refinedev/core';
import { BarChartOutlined, TeamOutlined } from '@ant-design/icons';

export const resources: ResourceProps[] = [
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
];
