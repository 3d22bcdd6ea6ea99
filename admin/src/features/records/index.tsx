import { Route } from 'react-router';
import { CalendarOutlined, FileSyncOutlined, SettingOutlined } from '@ant-design/icons';
import type { AdminFeature } from '../types';
import { CalendarPage } from './calendar-page';
import { ChangeRequestList } from './change-request-list';
import { ChangeRequestCreate } from './change-request-create';
import { ChangeRequestShow } from './change-request-show';
import { recordsEn, recordsZh } from './i18n';
import { SettingsPage } from './settings-page';

export { MemberHistorySection } from './member-history';

/** M-6, M-8, M-11: the working-day calendar, club settings, change requests and member change history. */
export const recordsFeature: AdminFeature = {
  resources: [
    { name: 'change-requests', list: '/change-requests', create: '/change-requests/create', show: '/change-requests/show/:id', meta: { icon: <FileSyncOutlined /> } },
    { name: 'calendar-days', list: '/calendar', meta: { icon: <CalendarOutlined /> } },
    { name: 'settings', list: '/settings', meta: { icon: <SettingOutlined /> } },
  ],
  routes: (
    <Route key="records">
      <Route path="/calendar" element={<CalendarPage />} />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="/change-requests">
        <Route index element={<ChangeRequestList />} />
        <Route path="create" element={<ChangeRequestCreate />} />
        <Route path="show/:id" element={<ChangeRequestShow />} />
      </Route>
    </Route>
  ),
  translations: { 'zh-CN': recordsZh, en: recordsEn },
  permissions: {
    'calendar-days': { list: 'calendar:view', show: 'calendar:view', create: 'calendar:edit', edit: 'calendar:edit', delete: 'calendar:edit' },
    'change-requests': { list: 'change-requests:manage', show: 'change-requests:manage', create: 'change-requests:manage', edit: 'change-requests:manage' },
    'member-history': { list: 'members:history' },
    settings: { list: 'calendar:view', edit: 'calendar:edit' },
  },
};
