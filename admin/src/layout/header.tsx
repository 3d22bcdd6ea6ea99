import { useGetIdentity, useLogout } from '@refinedev/core';
import { Dropdown, Layout, Segmented, Space, Tag, Typography, theme } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../shared/api-types';
import { useActionForm } from '../shared/mutations';
import { startSession } from '../providers/current-user';
import { ChangePasswordModal, type ChangePasswordValues } from './change-password';

/** The user menu (top right): who is signed in, 修改密码 and 退出登录. */
const UserMenu = ({ user }: { user: CurrentUser }) => {
  const { t } = useTranslation();
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
          <Typography.Text type="secondary">{user.regionCode ?? t('header.groupClub')}</Typography.Text>
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
        {user && <UserMenu user={user} />}
      </Space>
    </Layout.Header>
  );
};
