import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useActionForm, useApiMutation } from '../../../shared/mutations';
import type { ChangeRequest } from '../components/record-parts';

// Applying a request changes the member and its history; the lists and records refetch.
const TOUCHES = ['change-requests', 'members', 'member-history'];

/** Apply (through the member rules) or reject an open change request. */
export const ChangeRequestActions = ({ request, size }: { request: ChangeRequest; size?: 'small' | 'middle' }) => {
  const { t } = useTranslation();
  const { run, busy } = useApiMutation({ invalidates: TOUCHES });
  const reject = useActionForm<{ reason: string }>({ path: `/change-requests/${request.id}/reject`, invalidates: TOUCHES, success: t('records.changes.rejected') });
  return (
    <Space>
      <Popconfirm title={t('records.changes.applyConfirm')} onConfirm={() => run(`/change-requests/${request.id}/apply`, {}, { success: t('records.changes.applied') })}>
        <Button type="primary" size={size} icon={<CheckOutlined />} loading={busy} data-testid="change-request-apply">
          {t('records.changes.apply')}
        </Button>
      </Popconfirm>
      <Button danger size={size} icon={<CloseOutlined />} onClick={() => reject.show()} data-testid="change-request-reject">
        {t('records.changes.reject')}
      </Button>
      <Modal
        {...reject.modalProps}
        title={t('records.changes.rejectTitle')}
        okText={t('records.changes.reject')}
        okButtonProps={{ ...reject.modalProps.okButtonProps, danger: true }}
        cancelText={t('buttons.cancel')}
      >
        <Form {...reject.formProps}>
          <Form.Item name="reason" label={t('records.changes.rejectReason')} rules={[{ required: true, whitespace: true, message: t('records.changes.rejectReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
};
