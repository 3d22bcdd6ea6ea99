import { Route } from 'react-router';
import { DesktopOutlined } from '@ant-design/icons';
import { SIGNED_IN, type AdminFeature } from '../types';
import { WorkbenchPage } from './workbench-page';
import { workbenchEn, workbenchZh } from './i18n';

/**
 * 工作台, every role's home: the caller's figures and everything waiting on them. It shows what the
 * server's workbench sources answer; a new feature adds its items there and its words in its own
 * strings, never here.
 */
export const workbenchFeature: AdminFeature = {
  resources: [{ name: 'workbench', list: '/workbench', meta: { icon: <DesktopOutlined /> } }],
  routes: <Route key="workbench" path="/workbench" element={<WorkbenchPage />} />,
  translations: { 'zh-CN': workbenchZh, en: workbenchEn },
  permissions: { workbench: { list: SIGNED_IN, show: SIGNED_IN } },
};
