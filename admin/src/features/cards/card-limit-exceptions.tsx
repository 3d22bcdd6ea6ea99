import { useApiMutation, errorNotification } from '../../shared/mutations';
import type { HttpError } from '@refinedev/core';
import { useCan } from '@refinedev/core';
import { List, useModalForm, useSelect, useTable } from '@refinedev/antd';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocationSelects } from '../../shared/location-selects';
import { eqFilters, formValuesOf } from '../../shared/search-bar';
import { count, dateTime, type CardLimitException } from './components/card-parts';
import { oneLine, useWithTotal } from '../../shared/table';
import { TwoLines } from '../../shared/two-lines';
import { APPROVAL_STATUSES as APPROVALS, ApprovalTag, DecisionButtons, type ApprovalStatus, type Decision } from '../../shared/approval';

// ───────────────────────── M-3 card-limit exceptions ─────────────────────────

const RequestException = () => {
  const { t } = useTranslation();
  const { modalProps, formProps, form, show } = useModalForm<CardLimitException, HttpError, { householdId?: number; projectId?: number; buildingId?: number; unitId?: number; reason: string }>({
    resource: 'card-limit-exceptions',
    action: 'create',
    redirect: false,
    successNotification: () => ({ type: 'success', message: t('card-limit-exceptions.requested') }),
    errorNotification: errorNotification(t('errors.actionFailed')),
  });
  const projectId = Form.useWatch('projectId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const unitId = Form.useWatch('unitId', form);
  const { projectSelectProps, buildingSelectProps, unitSelectProps } = useLocationSelects(projectId ? Number(projectId) : undefined, buildingId ? Number(buildingId) : undefined);
  const { query: households } = useSelect<{ id: number; unitId: number }>({
    resource: 'households',
    optionValue: 'id',
    optionLabel: 'id',
    filters: [{ field: 'unitId', operator: 'eq', value: unitId }],
    queryOptions: { enabled: Boolean(unitId) },
  });
  const householdId = households.data?.data?.[0]?.id;
  const { data: can } = useCan({ resource: 'card-limit-exceptions', action: 'create' });
  if (!can?.can) return null;
  return (
    <>
      <Button type="primary" onClick={() => show()} data-testid="exception-request">
        {t('card-limit-exceptions.request')}
      </Button>
      <Modal {...modalProps} title={t('card-limit-exceptions.requestTitle')} destroyOnHidden>
        <Form
          {...formProps}
          layout="vertical"
          preserve={false}
          onValuesChange={(changed) => {
            if ('projectId' in changed) form.setFieldsValue({ buildingId: undefined, unitId: undefined });
            if ('buildingId' in changed) form.setFieldsValue({ unitId: undefined });
          }}
          onFinish={async (v) => {
            if (!householdId) {
              form.setFields([{ name: 'unitId', errors: [t('card-limit-exceptions.householdRequired')] }]);
              return;
            }
            // The API takes the household; the project, building and unit only find it.
            await formProps.onFinish?.({ householdId, reason: v.reason });
          }}
        >
          <Form.Item label={t('card-limit-exceptions.householdPick')} required>
            <Space wrap>
              <Form.Item name="projectId" noStyle rules={[{ required: true, message: t('card-limit-exceptions.householdRequired') }]}>
                <Select {...projectSelectProps} showSearch style={{ width: 170 }} placeholder={t('members.allProjects')} />
              </Form.Item>
              <Form.Item name="buildingId" noStyle>
                <Select {...buildingSelectProps} showSearch disabled={!projectId} style={{ width: 120 }} placeholder={t('members.allBuildings')} />
              </Form.Item>
              <Form.Item name="unitId" noStyle>
                <Select {...unitSelectProps} showSearch disabled={!buildingId} style={{ width: 120 }} placeholder={t('members.allUnits')} />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name="reason" label={t('card-limit-exceptions.fields.reason')} rules={[{ required: true, whitespace: true, message: t('card-limit-exceptions.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

const DecideException = ({ item }: { item: CardLimitException }) => {
  const { t } = useTranslation();
  const { run, busy } = useApiMutation({ invalidates: ['card-limit-exceptions'] });
  const [note, setNote] = useState('');
  const { data: asManager } = useCan({ resource: 'card-limit-exceptions', action: 'approve-manager' });
  const { data: asLeader } = useCan({ resource: 'card-limit-exceptions', action: 'approve-leader' });
  if (item.status !== 'PENDING') return null;
  // Each approver decides once, with their own permission.
  const mine = asManager?.can ? !item.managerDecisionAt : asLeader?.can ? !item.leaderDecisionAt : false;
  if (!mine) return null;
  const decide = async (mode: Decision): Promise<boolean> => {
    const success = mode === 'approve' ? t('card-limit-exceptions.approved') : t('card-limit-exceptions.rejected');
    if (!(await run(`/card-limit-exceptions/${item.id}/${mode}`, { note: note || null }, { success }))) return false;
    setNote('');
    return true;
  };
  return (
    <DecisionButtons testIdPrefix="exception" busy={busy} decide={decide} labels={{ approve: t('card-limit-exceptions.approve'), reject: t('card-limit-exceptions.reject') }}>
      {() => (
        <>
          <Typography.Paragraph>
            {item.projectName} {item.unitLabel}：{item.reason}
          </Typography.Paragraph>
          <Input.TextArea rows={3} maxLength={400} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('card-limit-exceptions.note')} />
        </>
      )}
    </DecisionButtons>
  );
};

export const ExceptionList = () => {
  const { t } = useTranslation();
  const { tableProps, searchFormProps, filters } = useTable<CardLimitException, HttpError, { q?: string; status?: string }>({
    resource: 'card-limit-exceptions',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    onSearch: (v) => eqFilters(['q', 'status'], v),
  });
  const withTotal = useWithTotal();
  const decision = (at: string | null) => (at ? <span>{dateTime(at)}</span> : <Typography.Text type="secondary">{t('card-limit-exceptions.waiting')}</Typography.Text>);
  return (
    <List headerButtons={() => <RequestException />}>
      <Alert type="info" showIcon message={t('card-limit-exceptions.intro')} style={{ marginBottom: 16 }} />
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 16 }} initialValues={formValuesOf(filters)}>
        <Form.Item name="q">
          <Input allowClear placeholder={t('card-limit-exceptions.searchPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select allowClear placeholder={t('card-limit-exceptions.allStatuses')} style={{ width: 140 }} options={APPROVALS.map((s) => ({ value: s, label: t(`card-limit-exceptions.statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('buttons.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<CardLimitException> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" data-testid="exceptions-table" size="middle">
        <Table.Column<CardLimitException> dataIndex="requestedAt" title={t('card-limit-exceptions.fields.requestedAt')} sorter {...oneLine} render={dateTime} />
        <Table.Column<CardLimitException>
          title={t('card-limit-exceptions.fields.household')}
          render={(_, e) => <TwoLines sub={e.unitLabel}>{e.projectName}</TwoLines>}
        />
        <Table.Column<CardLimitException> dataIndex="ownerName" title={t('card-limit-exceptions.fields.owner')} />
        <Table.Column<CardLimitException> title={t('card-limit-exceptions.fields.cards')} {...oneLine} render={(_, e) => `${count(e.activeCards)} / ${count(e.cardLimit)}`} align="right" />
        <Table.Column<CardLimitException> dataIndex="reason" title={t('card-limit-exceptions.fields.reason')} />
        <Table.Column<CardLimitException>
          title={t('card-limit-exceptions.fields.decisions')}
          {...oneLine}
          render={(_, e) => (
            <>
              <div>
                {t('card-limit-exceptions.fields.manager')}：{decision(e.managerDecisionAt)}
              </div>
              <div>
                {t('card-limit-exceptions.fields.leader')}：{decision(e.leaderDecisionAt)}
              </div>
            </>
          )}
        />
        <Table.Column<CardLimitException> dataIndex="status" title={t('card-limit-exceptions.fields.status')} {...oneLine} render={(s: ApprovalStatus) => <ApprovalTag status={s} ns="card-limit-exceptions" />} />
        <Table.Column<CardLimitException> dataIndex="decisionNote" title={t('card-limit-exceptions.fields.decisionNote')} render={(v: string | null) => v ?? '—'} />
        <Table.Column<CardLimitException> title={t('table.actions')} {...oneLine} render={(_, e) => <DecideException item={e} />} />
      </Table>
    </List>
  );
};
