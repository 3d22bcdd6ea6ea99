import { Route } from 'react-router';
import { TeamOutlined } from '@ant-design/icons';
import type { AdminFeature } from '../types';
import { MemberList } from './members/list';
import { MemberShow } from './members/show';
import { MemberCreate } from './members/create';
import { MemberEdit } from './members/edit';
import { membersEn, membersZh } from './i18n';

/** M-1, M-4, M-11, M-12: the member register, its exports and each member's change history. */
export const membersFeature: AdminFeature = {
  resources: [
    {
      name: 'members',
      list: '/members',
      create: '/members/create',
      edit: '/members/edit/:id',
      show: '/members/show/:id',
      meta: { icon: <TeamOutlined />, canDelete: true, parent: 'membership' },
    },
  ],
  routes: (
    <Route key="members" path="/members">
      <Route index element={<MemberList />} />
      <Route path="create" element={<MemberCreate />} />
      <Route path="edit/:id" element={<MemberEdit />} />
      <Route path="show/:id" element={<MemberShow />} />
    </Route>
  ),
  translations: { 'zh-CN': membersZh, en: membersEn },
  permissions: { 'member-history': { list: 'members:history' } },
};
