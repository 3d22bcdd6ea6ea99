import { useEffect, useRef } from 'react';
import { useCustom, useGetIdentity, useLogout } from '@refinedev/core';
import { Badge, Button, Dropdown, Layout, Segmented, Space, Tag, Tooltip, Typography, theme } from 'antd';
import { BellOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CurrentUser, WorkbenchCounts } from '../shared/api-types';
import { count } from '../shared/format';
import { useActionForm } from '../shared/mutations';
import { useRegionName } from '../shared/regions';
import { startSession } from '../providers/current-user';
import { ChangePasswordModal, type ChangePasswordValues } from './change-password';

/**
 * The bell: how many items wait on the caller across every feature (the workbench's count), asked
 * again every minute, on returning to the window, and on a page change once the count is older than
 * `FRESH_MS` (so clicking through pages is not a request per click), and at once after any change
 * the admin makes succeeds (an approval, a visit recorded: the count it changed); a click opens
 * the workbench.
 */
const FRESH_MS = 15_000;

const Bell = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { result, query } = useCustom<WorkbenchCounts>({
    url: '/api/workbench/counts',
    method: 'get',
    queryOptions: { staleTime: FRESH_MS, refetchInterval: 60_000, refetchOnWindowFocus: true },
    // A failed count leaves the bell as it was; it is asked again within a minute.
    errorNotification: false,
  });
  const queryClient = useQueryClient();
  useEffect(
    () =>
      // Every change goes through React Query's mutations (Refine's forms and useApiMutation alike);
      // Refine's useCustom keys carry the url inside their params.
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success') return;
        // Signing in again or changing the password changes no count, and asking with the session
        // it just replaced would sign the user out.
        const url = String((event.mutation.state.variables as { url?: unknown } | undefined)?.url ?? '');
        if (url.includes('/api/auth/')) return;
        // After the caller's own continuation (it may store a new session first).
        setTimeout(() => void queryClient.invalidateQueries({ predicate: (q) => JSON.stringify(q.queryKey).includes('/api/workbench') }), 0);
      }),
    [queryClient],
  );
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (Date.now() - query.dataUpdatedAt >= FRESH_MS) void query.refetch();
    // Only a page change asks again; `query` is a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);
  const counts = query.data ? result.data : undefined;
  const total = counts?.total ?? 0;
  const overdue = counts?.overdue ?? 0;
  const label = total ? t('header.bellCount', { total: count(total), overdue: count(overdue) }) : t('header.bellNone');
  return (
    <Tooltip title={label}>
      <Badge count={total} overflowCount={99} color={overdue ? undefined : 'blue'} offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={label}
          data-testid="header-bell"
          data-count={counts ? total : undefined}
          data-overdue={counts ? overdue : undefined}
          onClick={() => navigate('/workbench')}
        />
      </Badge>
    </Tooltip>
  );
};

/** The user menu (top right): who is signed in, 修改密码 and 退出登录. */
const UserMenu = ({ user }: { user: CurrentUser }) => {
  const { t } = useTranslation();
  const region = useRegionName(user.regionCode);
  const { mutate: logout } = useLogout();
  const password = useActionForm<ChangePasswordValues, { token: string; user: CurrentUser }>({
    path: '/auth/password',
    body: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    success: t('header.passwordChanged'),
    // The server ends every other session and answers a fresh token for this one.
    onDone: ({ token, user: fresh }) => startSession(token, fresh),
  });
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t('header.changePassword')}</span>, onClick: () => password.show() },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="sign-out">{t('header.logout')}</span>, onClick: () => logout() },
          ],
        }}
      >
        <Space data-testid="current-user" role="button" aria-label={t('header.userMenu')} style={{ cursor: 'pointer' }}>
          <UserOutlined />
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <Tag color="blue">{t(`roles.${user.role}`)}</Tag>
          <Typography.Text type="secondary">{user.regionCode ? region : t('header.groupClub')}</Typography.Text>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Dropdown>
      <ChangePasswordModal modalProps={password.modalProps} formProps={password.formProps} />
    </>
  );
};

export const AppHeader = () => {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { data: user } = useGetIdentity<CurrentUser>();
  const language = i18n.language.startsWith('en') ? 'en' : 'zh-CN';

  return (
    <Layout.Header
      style={{
        backgroundColor: token.colorBgElevated,
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        padding: '0 24px',
        height: 64,
        position: 'sticky',
        top: 0,
        zIndex: 1,
      }}
    >
      <Space size="large">
        <Segmented
          data-testid="language-switch"
          aria-label={t('header.language')}
          value={language}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'English', value: 'en' },
          ]}
          onChange={(value) => void i18n.changeLanguage(String(value))}
        />
        {user && <Bell />}
        {user && <UserMenu user={user} />}
      </Space>
    </Layout.Header>
  );
};
