import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { Authenticated, CanAccess, Refine } from '@refinedev/core';
import {
  type RefineThemedLayoutSiderProps,
  ErrorComponent,
  RefineThemes,
  ThemedLayout,
  ThemedTitle,
  useNotificationProvider,
} from '@refinedev/antd';
import {
  CatchAllNavigate,
  DocumentTitleHandler,
  NavigateToResource,
  UnsavedChangesNotifier,
} from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider, Result } from 'antd';
import antdZhCN from 'antd/es/locale/zh_CN';
import antdEnUS from 'antd/es/locale/en_US';
import { useTranslation } from 'react-i18next';
import '@refinedev/antd/dist/reset.css';

import { dataProvider } from './providers/data-provider';
import { routerProvider } from './providers/router-provider';
import { authProvider } from './providers/auth-provider';
import { accessControlProvider } from './providers/access-control-provider';
import { i18nProvider } from './providers/i18n-provider';
import { queryClientConfig } from './providers/query-client';
import { resources } from './providers/resources';
import { AppHeader } from './layout/header';
import { MenuSider } from './layout/sider';
import { features } from './features';
import { addFeatureStrings } from './i18n';

addFeatureStrings(features.flatMap((f) => (f.translations ? [f.translations] : [])));

const Forbidden = () => {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('errors.forbidden')} />;
};

const AppTitle = (props: { collapsed: boolean }) => {
  const { t } = useTranslation();
  return <ThemedTitle {...props} text={t('app.name')} />;
};

// ThemedLayout calls its Sider as a plain function once to see whether there is one, so this stays
// a hook-free wrapper around the sider component.
const AppSider = ({ Title }: RefineThemedLayoutSiderProps) => <MenuSider Title={Title} />;

const Layout = () => (
  <ThemedLayout Header={AppHeader} Title={AppTitle} Sider={AppSider}>
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
              // One retry rule for every read: a 4xx is shown at once, only 5xx and network failures are retried.
              reactQuery: { clientConfig: queryClientConfig },
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
                {/* Every role's home: the workbench, also where sign-in lands. */}
                <Route index element={<NavigateToResource resource="workbench" />} />
                {features.map((f) => f.routes)}
                <Route path="*" element={<ErrorComponent />} />
              </Route>
              <Route
                element={
                  <Authenticated key="anonymous" fallback={<Outlet />}>
                    <NavigateToResource resource="workbench" />
                  </Authenticated>
                }
              >
                {features.map((f) => f.publicRoutes)}
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
