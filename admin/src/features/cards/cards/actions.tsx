import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { CheckCircleOutlined, IdcardOutlined, SyncOutlined } from '@ant-design/icons';
import { useCan } from '@refinedev/core';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import type { CardRecord, ReissueReason } from '../../../shared/api-types';
import { useActionForm } from '../../../shared/mutations';
import { CollectorFields } from '../../../shared/collector-fields';
import { allOf } from '../../../shared/enums';

/** IN_PRODUCTION → READY, recording that the owner was phoned (M-9). */
export const ReadyButton = ({ card, size }: { card: CardRecord; size?: 'small' | 'middle' }) => {
  const { t } = useTranslation();
  const action = useActionForm<{ ownerPhoned: boolean }>({ path: `/cards/${card.id}/ready`, invalidates: ['cards', 'applications'], success: t('cards.readyDone') });
  const { data: can } = useCan({ resource: 'cards', action: 'edit' });
  if (card.status !== 'IN_PRODUCTION' || !can?.can) return null;
  return (
    <>
      <Button size={size} icon={<CheckCircleOutlined />} onClick={() => action.show()} data-testid="card-ready">
        {t('cards.markReady')}
      </Button>
      <Modal {...action.modalProps} title={`${t('cards.readyTitle')} · ${card.cardNo}`}>
        <Form {...action.formProps} initialValues={{ ownerPhoned: true }}>
          <Form.Item name="ownerPhoned" valuePropName="checked" noStyle>
            <Checkbox>{t('cards.ownerPhoned')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

interface IssueValues {
  collectorName: string;
  collectorPhone?: string;
  collectorSigned: boolean;
  collectorIdChecked: boolean;
}

/** READY → ISSUED: the collector signs the appendix-4 record and shows ID (M-9). */
export const IssueButton = ({ card, size }: { card: CardRecord; size?: 'small' | 'middle' }) => {
  const { t } = useTranslation();
  const action = useActionForm<IssueValues>({
    path: `/cards/${card.id}/issue`,
    body: (values) => ({ ...values, collectorPhone: values.collectorPhone || null }),
    invalidates: ['cards', 'applications'],
    success: t('cards.issued'),
  });
  const { data: can } = useCan({ resource: 'cards', action: 'edit' });
  if (card.status !== 'READY' || !can?.can) return null;
  return (
    <>
      <Button type="primary" size={size} icon={<IdcardOutlined />} onClick={() => action.show()} data-testid="card-issue">
        {t('cards.issue')}
      </Button>
      <Modal {...action.modalProps} title={`${t('cards.issueTitle')} · ${card.cardNo}`} okText={t('cards.issue')}>
        <Alert type="info" showIcon message={t('cards.issueHelp')} style={{ marginBottom: 16 }} />
        <Form {...action.formProps} initialValues={{ collectorName: card.memberName, collectorSigned: false, collectorIdChecked: false }}>
          <CollectorFields />
        </Form>
      </Modal>
    </>
  );
};

/** M-10: a lost or damaged card; the member officer reviews it in the reissue list. */
export const ReissueButton = ({ card }: { card: CardRecord }) => {
  const { t } = useTranslation();
  const action = useActionForm<{ reason: ReissueReason; note?: string }>({
    path: `/cards/${card.id}/reissue-requests`,
    body: (values) => ({ reason: values.reason, note: values.note || null }),
    invalidates: ['cards', 'card-reissue-requests'],
    success: t('cards.reissueRequested'),
  });
  const { data: can } = useCan({ resource: 'cards', action: 'edit' });
  if (card.status === 'VOID' || !can?.can) return null;
  return (
    <>
      <Button icon={<SyncOutlined />} onClick={() => action.show()} data-testid="card-reissue">
        {t('cards.reissue')}
      </Button>
      <Modal {...action.modalProps} title={`${t('cards.reissueTitle')} · ${card.cardNo}`}>
        <Form {...action.formProps} initialValues={{ reason: 'LOST' }}>
          <Form.Item name="reason" label={t('cards.reissueReason')} rules={[{ required: true }]}>
            <Select options={allOf<ReissueReason>()(['LOST', 'DAMAGED']).map((r) => ({ value: r, label: t(`card-reissue-requests.reasons.${r}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('cards.reissueNote')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

/** A card for an existing member (not through an application). */
export const AllocateButton = () => {
  const { t } = useTranslation();
  const action = useActionForm<{ memberId: number }, CardRecord>({
    path: ({ memberId }) => `/members/${memberId}/cards`,
    body: () => ({}),
    invalidates: ['cards'],
    success: (card) => t('cards.allocated', { cardNo: card.cardNo }),
  });
  const { data: can } = useCan({ resource: 'cards', action: 'create' });
  const { selectProps } = useSelect({
    resource: 'members',
    optionLabel: (m: { id: number; name: string; projectName?: string; unitNumber?: string }) => `${m.name}（${m.projectName ?? ''} ${m.unitNumber ?? ''}）`,
    optionValue: 'id',
    onSearch: (value) => [{ field: 'q', operator: 'eq', value }],
    pagination: { pageSize: 20, mode: 'server' },
    queryOptions: { enabled: Boolean(action.modalProps.open) },
  });
  if (!can?.can) return null;
  return (
    <>
      <Button type="primary" onClick={() => action.show()} data-testid="card-allocate">
        {t('cards.allocate')}
      </Button>
      <Modal {...action.modalProps} title={t('cards.allocateTitle')}>
        <Alert type="info" showIcon message={t('cards.allocateHelp')} style={{ marginBottom: 16 }} />
        <Form {...action.formProps}>
          <Form.Item name="memberId" label={t('cards.memberPick')} rules={[{ required: true, message: t('cards.memberRequired') }]}>
            <Select {...selectProps} showSearch filterOption={false} placeholder={t('cards.memberPickPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

export const CardActions = ({ card, size }: { card: CardRecord; size?: 'small' | 'middle' }) => (
  <Space>
    <ReadyButton card={card} size={size} />
    <IssueButton card={card} size={size} />
  </Space>
);
