import { Route } from 'react-router';
import { CalendarOutlined, FileSyncOutlined, SettingOutlined } from '@ant-design/icons';
import type { AdminFeature } from '../types';
import { CalendarPage } from './calendar-days';
import { ChangeRequestList } from './change-requests/list';
import { ChangeRequestCreate } from './change-requests/create';
import { ChangeRequestShow } from './change-requests/show';
import { recordsEn, recordsZh } from './i18n';
import { SettingsPage } from './settings';

/** M-6, M-8, M-11: the working-day calendar, club settings, change requests. */
export const recordsFeature: AdminFeature = {
  resources: [
    { name: 'change-requests', list: '/change-requests', create: '/change-requests/create', show: '/change-requests/show/:id', meta: { icon: <FileSyncOutlined />, parent: 'membership' } },
    { name: 'calendar-days', list: '/calendar', meta: { icon: <CalendarOutlined />, parent: 'system-settings' } },
    { name: 'settings', list: '/settings', meta: { icon: <SettingOutlined />, parent: 'system-settings' } },
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
    settings: { list: 'calendar:view', edit: 'calendar:edit' },
  },
};
