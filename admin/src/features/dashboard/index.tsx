import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Spin } from 'antd';
import { BarChartOutlined, FundOutlined } from '@ant-design/icons';
import type { AdminFeature } from '../types';
import { dashboardEn, dashboardZh } from './i18n';
import { memberQuartersEn, memberQuartersZh } from './member-quarters/i18n';

// ECharts and the Cube client only load when someone opens the dashboard.
const DashboardPage = lazy(() => import('./dashboard-page'));
const MemberQuartersReport = lazy(() => import('./member-quarters/report'));

const loading = <Spin size="large" style={{ display: 'block', margin: 64 }} />;

/** The member analysis charts (Cube). */
export const dashboardFeature: AdminFeature = {
  resources: [
    { name: 'dashboard', list: '/dashboard', meta: { icon: <BarChartOutlined /> } },
    { name: 'member-quarters', list: '/member-quarters', meta: { icon: <FundOutlined /> } },
  ],
  routes: [
    <Route key="dashboard" path="/dashboard" element={<Suspense fallback={loading}><DashboardPage /></Suspense>} />,
    <Route key="member-quarters" path="/member-quarters" element={<Suspense fallback={loading}><MemberQuartersReport /></Suspense>} />,
  ],
  translations: { 'zh-CN': { ...dashboardZh, ...memberQuartersZh }, en: { ...dashboardEn, ...memberQuartersEn } },
  permissions: {
    dashboard: { list: 'dashboard:view', show: 'dashboard:view' },
    // R-1 / M-11: the marketing teams, the activity officer and the club's leadership.
    'member-quarters': { list: 'analysis:member-quarters' },
  },
};
