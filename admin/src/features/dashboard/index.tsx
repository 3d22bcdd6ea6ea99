import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Spin } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import type { AdminFeature } from '../types';
import { dashboardEn, dashboardZh } from './i18n';

// ECharts and the Cube client only load when someone opens the dashboard.
const DashboardPage = lazy(() => import('./dashboard-page'));

/** The member analysis charts (Cube). */
export const dashboardFeature: AdminFeature = {
  resources: [{ name: 'dashboard', list: '/dashboard', meta: { icon: <BarChartOutlined /> } }],
  routes: (
    <Route
      key="dashboard"
      path="/dashboard"
      element={
        <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: 64 }} />}>
          <DashboardPage />
        </Suspense>
      }
    />
  ),
  translations: { 'zh-CN': dashboardZh, en: dashboardEn },
  permissions: { dashboard: { list: 'dashboard:view', show: 'dashboard:view' } },
};
