import { useGetIdentity } from '@refinedev/core';
import { Layout, Segmented, Space, Tag, Typography, theme } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../providers/session';

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
        {user && (
          <Space data-testid="current-user">
            <UserOutlined />
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <Tag color="blue">{t(`roles.${user.role}`)}</Tag>
            <Typography.Text type="secondary">{user.regionCode ?? t('header.groupClub')}</Typography.Text>
          </Space>
        )}
      </Space>
    </Layout.Header>
  );
};
