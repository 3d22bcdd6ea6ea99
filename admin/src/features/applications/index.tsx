import { Route } from 'react-router';
import { CheckSquareOutlined, InboxOutlined, SolutionOutlined } from '@ant-design/icons';
import type { AdminFeature } from '../types';
import { ApplicationList } from './applications/list';
import { ApplicationReceive } from './applications/create';
import { ApplicationShow } from './applications/show';
import { ApplicationPrint, PickupBatchPhotos } from './applications/print';
import { MyTasks } from './application-tasks';
import { PickupBatchCreate, PickupBatchList, PickupBatchShow } from './pickup-batches';
import { applicationsEn, applicationsZh } from './i18n';

/** M-4, M-5, M-6: applications from receipt to card issue, my tasks, pickup batches. */
export const applicationsFeature: AdminFeature = {
  resources: [
    { name: 'application-tasks', list: '/my-tasks', meta: { icon: <CheckSquareOutlined />, parent: 'membership' } },
    { name: 'applications', list: '/applications', create: '/applications/create', show: '/applications/show/:id', meta: { icon: <SolutionOutlined />, parent: 'membership' } },
    { name: 'pickup-batches', list: '/pickup-batches', create: '/pickup-batches/create', show: '/pickup-batches/show/:id', meta: { icon: <InboxOutlined />, parent: 'membership' } },
  ],
  routes: (
    <Route key="applications">
      <Route path="/my-tasks" element={<MyTasks />} />
      <Route path="/applications">
        <Route index element={<ApplicationList />} />
        <Route path="create" element={<ApplicationReceive />} />
        <Route path="show/:id" element={<ApplicationShow />} />
        <Route path="print/:id" element={<ApplicationPrint />} />
      </Route>
      <Route path="/pickup-batches">
        <Route index element={<PickupBatchList />} />
        <Route path="create" element={<PickupBatchCreate />} />
        <Route path="show/:id" element={<PickupBatchShow />} />
        <Route path="photos/:id" element={<PickupBatchPhotos />} />
      </Route>
    </Route>
  ),
  translations: { 'zh-CN': applicationsZh, en: applicationsEn },
  permissions: {
    'application-tasks': { list: 'applications:list' },
    applications: { list: 'applications:list', show: 'applications:list', create: 'applications:manage', edit: 'applications:manage' },
    'pickup-batches': { list: 'applications:list', show: 'applications:list', create: 'applications:manage' },
  },
};
