import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The appendix-4 fields of an issue (M-9): who collects, and that they signed and showed ID — both must be ticked. */
export const CollectorFields = () => {
  const { t } = useTranslation();
  const mustBeTrue = { validator: (_: unknown, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('collector.mustConfirm')))) };
  return (
    <>
      <Form.Item name="collectorName" label={t('collector.name')} rules={[{ required: true, whitespace: true, message: t('collector.nameRequired') }]}>
        <Input maxLength={50} data-testid="collector-name" />
      </Form.Item>
      <Form.Item name="collectorPhone" label={t('collector.phone')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="collectorSigned" valuePropName="checked" rules={[mustBeTrue]}>
        <Checkbox data-testid="collector-signed">{t('collector.signedConfirm')}</Checkbox>
      </Form.Item>
      <Form.Item name="collectorIdChecked" valuePropName="checked" rules={[mustBeTrue]}>
        <Checkbox data-testid="collector-id-checked">{t('collector.idCheckedConfirm')}</Checkbox>
      </Form.Item>
    </>
  );
};

