import { Route } from 'react-router';
import { AuditOutlined, CalendarOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { AdminFeature } from '../types';
import { ActivityPlanAdjust } from './activity-plans/adjust';
import { ActivityPlanCreate } from './activity-plans/create';
import { ActivityPlanList } from './activity-plans/list';
import { ActivityPlanShow } from './activity-plans/show';
import { ApprovalList } from './approvals';
import { ImplementationPlanCreate } from './implementation-plans/create';
import { ImplementationPlanList } from './implementation-plans/list';
import { ImplementationPlanShow } from './implementation-plans/show';
import { activitiesEn, activitiesZh } from './i18n';

/** annual activity plans, implementation plans, and the approvals waiting on the user. */
export const activitiesFeature: AdminFeature = {
  resources: [
    { name: 'approvals', list: '/approvals', meta: { icon: <AuditOutlined /> } },
    { name: 'activity-plans', list: '/activity-plans', create: '/activity-plans/create', show: '/activity-plans/show/:id', meta: { icon: <CalendarOutlined /> } },
    { name: 'implementation-plans', list: '/implementation-plans', create: '/implementation-plans/create', show: '/implementation-plans/show/:id', meta: { icon: <ScheduleOutlined /> } },
  ],
  routes: (
    <Route key="activities">
      <Route path="/approvals" element={<ApprovalList />} />
      <Route path="/activity-plans">
        <Route index element={<ActivityPlanList />} />
        <Route path="create" element={<ActivityPlanCreate />} />
        <Route path="show/:id" element={<ActivityPlanShow />} />
        <Route path="adjust/:id" element={<ActivityPlanAdjust />} />
      </Route>
      <Route path="/implementation-plans">
        <Route index element={<ImplementationPlanList />} />
        <Route path="create" element={<ImplementationPlanCreate />} />
        <Route path="show/:id" element={<ImplementationPlanShow />} />
      </Route>
    </Route>
  ),
  translations: { 'zh-CN': activitiesZh, en: activitiesEn },
  permissions: {
    approvals: { list: 'approvals:view' },
    'activity-plans': { list: 'activity-plans:list', show: 'activity-plans:list', create: 'activity-plans:manage', edit: 'activity-plans:manage' },
    'implementation-plans': { list: 'activity-plans:list', show: 'activity-plans:list', create: 'activity-plans:manage', edit: 'activity-plans:manage' },
  },
};
