import { useLogin } from '@refinedev/core';
import { Button, Card, Form, Input, Layout, Segmented, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface LoginValues {
  username: string;
  password: string;
}

export const LoginPage = () => {
  const { t, i18n } = useTranslation();
  const { mutate: login, isPending } = useLogin<LoginValues>();

  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('login.title')}
            </Typography.Title>
          </Space>
          <Segmented
            block
            value={i18n.language.startsWith('en') ? 'en' : 'zh-CN'}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
            onChange={(value) => void i18n.changeLanguage(String(value))}
          />
          <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={(values) => login(values)}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Space>
      </Card>
    </Layout>
  );
};
