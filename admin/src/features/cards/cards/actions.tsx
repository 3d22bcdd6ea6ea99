import { useApiMutation } from '../../../shared/mutations';
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { CheckCircleOutlined, IdcardOutlined, SyncOutlined } from '@ant-design/icons';
import { useCan, useInvalidate } from '@refinedev/core';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { type CardRecord } from '../components/card-parts';
import { CollectorFields } from '../../../shared/collector-fields';

const useRefresh = () => {
  const invalidate = useInvalidate();
  return (id?: number) => invalidate({ resource: 'cards', invalidates: ['list', 'detail'], id });
};

/** IN_PRODUCTION → READY, recording that the owner was phoned (M-9). */
export const ReadyButton = ({ card, size }: { card: CardRecord; size?: 'small' | 'middle' }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { run, busy } = useApiMutation({ invalidates: ['cards'] });
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [phoned, setPhoned] = useState(true);
  const { data: can } = useCan({ resource: 'cards', action: 'edit' });
  if (card.status !== 'IN_PRODUCTION' || !can?.can) return null;
  return (
    <>
      <Button size={size} icon={<CheckCircleOutlined />} onClick={() => setOpen(true)} data-testid="card-ready">
        {t('cards.markReady')}
      </Button>
      <Modal
        open={open}
        title={`${t('cards.readyTitle')} · ${card.cardNo}`}
        okButtonProps={{ loading: busy }}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          if (await run(`/cards/${card.id}/ready`, { ownerPhoned: phoned })) {
            message.success(t('cards.readyDone'));
            setOpen(false);
            await refresh(card.id);
          }
        }}
        destroyOnHidden
      >
        <Checkbox checked={phoned} onChange={(e) => setPhoned(e.target.checked)}>
          {t('cards.ownerPhoned')}
        </Checkbox>
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
  const { message } = App.useApp();
  const { run, busy } = useApiMutation({ invalidates: ['cards'] });
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<IssueValues>();
  const { data: can } = useCan({ resource: 'cards', action: 'edit' });
  if (card.status !== 'READY' || !can?.can) return null;
  return (
    <>
      <Button type="primary" size={size} icon={<IdcardOutlined />} onClick={() => setOpen(true)} data-testid="card-issue">
        {t('cards.issue')}
      </Button>
      <Modal
        open={open}
        title={`${t('cards.issueTitle')} · ${card.cardNo}`}
        okText={t('cards.issue')}
        okButtonProps={{ loading: busy }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Alert type="info" showIcon message={t('cards.issueHelp')} style={{ marginBottom: 16 }} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ collectorName: card.memberName, collectorSigned: false, collectorIdChecked: false }}
          onFinish={async (values) => {
            if (await run(`/cards/${card.id}/issue`, { ...values, collectorPhone: values.collectorPhone || null })) {
              message.success(t('cards.issued'));
              setOpen(false);
              await refresh(card.id);
            }
          }}
        >
          <CollectorFields />
        </Form>
      </Modal>
    </>
  );
};

/** M-10: a lost or damaged card; the member officer reviews it in the reissue list. */
export const ReissueButton = ({ card }: { card: CardRecord }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { run, busy } = useApiMutation({ invalidates: ['cards'] });
  const invalidate = useInvalidate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: 'LOST' | 'DAMAGED'; note?: string }>();
  const { data: can } = useCan({ resource: 'cards', action: 'edit' });
  if (card.status === 'VOID' || !can?.can) return null;
  return (
    <>
      <Button icon={<SyncOutlined />} onClick={() => setOpen(true)} data-testid="card-reissue">
        {t('cards.reissue')}
      </Button>
      <Modal open={open} title={`${t('cards.reissueTitle')} · ${card.cardNo}`} okButtonProps={{ loading: busy }} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ reason: 'LOST' }}
          onFinish={async (values) => {
            if (await run(`/cards/${card.id}/reissue-requests`, { reason: values.reason, note: values.note || null })) {
              message.success(t('cards.reissueRequested'));
              setOpen(false);
              await invalidate({ resource: 'card-reissue-requests', invalidates: ['list'] });
            }
          }}
        >
          <Form.Item name="reason" label={t('cards.reissueReason')} rules={[{ required: true }]}>
            <Select
              options={(['LOST', 'DAMAGED'] as const).map((r) => ({ value: r, label: t(`card-reissue-requests.reasons.${r}`) }))}
            />
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
  const { message } = App.useApp();
  const { run, busy } = useApiMutation({ invalidates: ['cards'] });
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ memberId: number }>();
  const { data: can } = useCan({ resource: 'cards', action: 'create' });
  const { selectProps } = useSelect({
    resource: 'members',
    optionLabel: (m: { id: number; name: string; projectName?: string; unitNumber?: string }) => `${m.name}（${m.projectName ?? ''} ${m.unitNumber ?? ''}）`,
    optionValue: 'id',
    onSearch: (value) => [{ field: 'q', operator: 'eq', value }],
    pagination: { pageSize: 20, mode: 'server' },
    queryOptions: { enabled: open },
  });
  if (!can?.can) return null;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="card-allocate">
        {t('cards.allocate')}
      </Button>
      <Modal open={open} title={t('cards.allocateTitle')} okButtonProps={{ loading: busy }} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Alert type="info" showIcon message={t('cards.allocateHelp')} style={{ marginBottom: 16 }} />
        <Form
          form={form}
          layout="vertical"
          onFinish={async ({ memberId }) => {
            const card = await run<CardRecord>(`/members/${memberId}/cards`);
            if (card) {
              message.success(t('cards.allocated', { cardNo: card.cardNo }));
              setOpen(false);
              await refresh();
            }
          }}
        >
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
