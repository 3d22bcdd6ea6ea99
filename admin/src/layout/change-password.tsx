import { Form, Input, Modal, type ModalProps, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 修改密码: the current password, the new one twice; the server's rules answer on the fields. */
export const ChangePasswordModal = ({ modalProps, formProps }: { modalProps: ModalProps; formProps: FormProps<ChangePasswordValues> }) => {
  const { t } = useTranslation();
  return (
    <Modal {...modalProps} title={t('header.changePassword')} okText={t('buttons.save')} cancelText={t('buttons.cancel')} data-testid="change-password-modal">
      <Form {...formProps} autoComplete="off">
        <Form.Item name="currentPassword" label={t('header.currentPassword')} rules={[{ required: true, message: t('header.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('header.newPassword')} rules={[{ required: true, message: t('header.required') }]}>
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('header.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('header.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('header.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
