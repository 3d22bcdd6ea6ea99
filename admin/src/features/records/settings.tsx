import { useEffect } from 'react';
import { useCan, useCustom } from '@refinedev/core';
import { List } from '@refinedev/antd';
import { Alert, Button, Card, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_URL } from '../../providers/data-provider';
import { useApiMutation } from '../../shared/mutations';
import type { ClubSettings } from '../../shared/api-types';

/** The form: the fee in 元 with two decimals, the deadlines in working days. */
interface FormValues extends Omit<ClubSettings, 'cardFeeFen'> {
  cardFeeYuan: number;
}

const DAY_FIELDS = ['completenessCheckDays', 'dataEntryDays', 'cardMadeDays', 'changeRequestDays'] as const;

const toForm = (s: ClubSettings): FormValues => ({ ...s, cardFeeYuan: s.cardFeeFen / 100 });

/** M-8, M-6: the card fee and the deadlines, defaults the club manager can change. */
export const SettingsPage = () => {
  const { t } = useTranslation();
  const { data: canEdit } = useCan({ resource: 'settings', action: 'edit' });
  const [form] = Form.useForm<FormValues>();
  const { result, query } = useCustom<ClubSettings>({ url: `${API_URL}/settings`, method: 'get' });
  const { run, busy: saving } = useApiMutation<ClubSettings>();
  const settings = result.data;
  const editable = Boolean(canEdit?.can);

  useEffect(() => {
    if (settings) form.setFieldsValue(toForm(settings));
  }, [settings, form]);

  const save = async ({ cardFeeYuan, ...days }: FormValues) => {
    const saved = await run(`/settings`, { ...days, cardFeeFen: Math.round(cardFeeYuan * 100) }, { method: 'patch', form, rename: { cardFeeFen: 'cardFeeYuan' }, success: t('records.settings.saved') });
    // The answer is the saved settings; the form shows them (the read refetches when the page opens again).
    if (saved) form.setFieldsValue(toForm(saved));
  };

  return (
    <List headerButtons={null}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('records.settings.intro')} description={editable ? undefined : t('records.settings.readOnly')} />
      <Card loading={query.isLoading} style={{ maxWidth: 640 }}>
        <Form<FormValues> form={form} layout="vertical" onFinish={save} disabled={!editable} data-testid="settings-form">
          <Form.Item
            name="cardFeeYuan"
            label={t('records.settings.cardFee')}
            extra={t('records.settings.cardFeeHelp')}
            rules={[{ required: true, message: t('records.settings.required') }]}
          >
            <InputNumber min={0.01} max={1000} step={1} precision={2} addonAfter={t('records.settings.yuan')} style={{ width: 200 }} />
          </Form.Item>
          {DAY_FIELDS.map((name) => (
            <Form.Item key={name} name={name} label={t(`records.settings.${name}`)} rules={[{ required: true, message: t('records.settings.required') }]}>
              <InputNumber min={1} max={60} precision={0} addonAfter={t('records.settings.workingDays')} style={{ width: 200 }} />
            </Form.Item>
          ))}
          {editable && (
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
                {t('buttons.save')}
              </Button>
            </Form.Item>
          )}
        </Form>
      </Card>
    </List>
  );
};
