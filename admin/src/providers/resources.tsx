import type { ResourceProps } from '@refinedev/core';
import { BarChartOutlined, TeamOutlined } from '@ant-design/icons';
import { features } from '../features';

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
  ...features.flatMap((f) => f.resources),
];
