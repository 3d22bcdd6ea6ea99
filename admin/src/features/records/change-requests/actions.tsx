import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useInvalidate } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { httpClient } from '../../../providers/http-client';
import { API_URL } from '../../../providers/data-provider';
import type { ChangeRequest } from '../components/record-parts';

/** Apply (through the member rules) or reject an open change request. */
export const ChangeRequestActions = ({ request, size, onDone }: { request: ChangeRequest; size?: 'small' | 'middle'; onDone: () => unknown }) => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const failed = (error: unknown) => {
    const e = error as { message?: string; errors?: Record<string, string> };
    const details = Object.entries(e.errors ?? {}).map(([k, v]) => `${k}: ${v}`);
    modal.error({ title: e.message ?? t('errors.loadFailed'), content: details.length ? details.join('；') : undefined });
  };

  const done = async () => {
    await invalidate({ resource: 'change-requests', invalidates: ['list', 'detail'], id: request.id });
    await invalidate({ resource: 'members', invalidates: ['detail'], id: request.memberId });
    await onDone();
  };

  const apply = async () => {
    setBusy(true);
    try {
      await httpClient.post(`${API_URL}/change-requests/${request.id}/apply`);
      message.success(t('records.changes.applied'));
      await done();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const reject = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await httpClient.post(`${API_URL}/change-requests/${request.id}/reject`, { reason });
      message.success(t('records.changes.rejected'));
      setRejecting(false);
      await done();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space>
      <Popconfirm title={t('records.changes.applyConfirm')} onConfirm={apply}>
        <Button type="primary" size={size} icon={<CheckOutlined />} loading={busy} data-testid="change-request-apply">
          {t('records.changes.apply')}
        </Button>
      </Popconfirm>
      <Button danger size={size} icon={<CloseOutlined />} onClick={() => setRejecting(true)} data-testid="change-request-reject">
        {t('records.changes.reject')}
      </Button>
      <Modal
        open={rejecting}
        title={t('records.changes.rejectTitle')}
        okText={t('records.changes.reject')}
        okButtonProps={{ danger: true, loading: busy }}
        cancelText={t('buttons.cancel')}
        onCancel={() => setRejecting(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={reject}>
          <Form.Item name="reason" label={t('records.changes.rejectReason')} rules={[{ required: true, whitespace: true, message: t('records.changes.rejectReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
};
