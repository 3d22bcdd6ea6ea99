import { lazy, Suspense } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { Authenticated, CanAccess, Refine } from '@refinedev/core';
import {
  ErrorComponent,
  RefineThemes,
  ThemedLayout,
  ThemedTitle,
  useNotificationProvider,
} from '@refinedev/antd';
import routerProvider, {
  CatchAllNavigate,
  DocumentTitleHandler,
  NavigateToResource,
  UnsavedChangesNotifier,
} from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider, Result, Spin } from 'antd';
import antdZhCN from 'antd/es/locale/zh_CN';
import antdEnUS from 'antd/es/locale/en_US';
import { useTranslation } from 'react-i18next';
import '@refinedev/antd/dist/reset.css';

import { dataProvider } from './providers/data-provider';
import { authProvider } from './providers/auth-provider';
import { accessControlProvider } from './providers/access-control-provider';
import { i18nProvider } from './providers/i18n-provider';
import { resources } from './providers/resources';
import { AppHeader } from './components/app-header';
import { LoginPage } from './pages/login';
import { MemberList } from './pages/members/list';
import { MemberShow } from './pages/members/show';
import { MemberCreate } from './pages/members/create';
import { MemberEdit } from './pages/members/edit';
import { features } from './features';

// ECharts and the Cube client only load when someone opens the dashboard.
const DashboardPage = lazy(() => import('./pages/dashboard'));

const Forbidden = () => {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('errors.forbidden')} />;
};

const AppTitle = (props: { collapsed: boolean }) => {
  const { t } = useTranslation();
  return <ThemedTitle {...props} text={t('app.name')} />;
};

const Layout = () => (
  <ThemedLayout Header={AppHeader} Title={AppTitle}>
    <CanAccess fallback={<Forbidden />}>
      <Outlet />
    </CanAccess>
  </ThemedLayout>
);

export const App = () => {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (
    <BrowserRouter>
      <ConfigProvider theme={RefineThemes.Blue} locale={english ? antdEnUS : antdZhCN} button={{ autoInsertSpace: false }}>
        <AntdApp>
          <Refine
            dataProvider={dataProvider}
            routerProvider={routerProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            i18nProvider={i18nProvider}
            notificationProvider={useNotificationProvider}
            resources={resources}
            options={{
              syncWithLocation: true,
              warnWhenUnsavedChanges: true,
              disableTelemetry: true,
              title: { text: t('app.name') },
            }}
          >
            <Routes>
              <Route
                element={
                  <Authenticated key="authenticated" fallback={<CatchAllNavigate to="/login" />}>
                    <Layout />
                  </Authenticated>
                }
              >
                <Route index element={<NavigateToResource resource="members" />} />
                <Route
                  path="/dashboard"
                  element={
                    <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: 64 }} />}>
                      <DashboardPage />
                    </Suspense>
                  }
                />
                <Route path="/members">
                  <Route index element={<MemberList />} />
                  <Route path="create" element={<MemberCreate />} />
                  <Route path="edit/:id" element={<MemberEdit />} />
                  <Route path="show/:id" element={<MemberShow />} />
                </Route>
                {features.map((f) => f.routes)}
                <Route path="*" element={<ErrorComponent />} />
              </Route>
              <Route
                element={
                  <Authenticated key="anonymous" fallback={<Outlet />}>
                    <NavigateToResource resource="members" />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<LoginPage />} />
              </Route>
            </Routes>
            <UnsavedChangesNotifier />
            <DocumentTitleHandler handler={() => t('app.name')} />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
};
