import { useActionForm, useApiMutation } from '../../shared/mutations';
import type { CrudFilter } from '@refinedev/core';
import { useShow } from '@refinedev/core';
import { Create, List, Show, ShowButton, useForm, useTable } from '@refinedev/antd';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { INFORMATION_KINDS, dateOnly, dateTime, type DataUseRequest } from './components/privacy-parts';
import { APPROVAL_STATUSES, ApprovalTag } from '../../shared/approval';
import { oneLine, useWithTotal } from '../../shared/table';

const STATUSES = APPROVAL_STATUSES;

/** Validity: dates, and whether it is running now or over (over in red). */
export const Validity = ({ r }: { r: DataUseRequest }) => {
  const { t } = useTranslation();
  if (r.status !== 'APPROVED') return <Typography.Text type="secondary">{t('data-use-requests.fields.validDays')}: {r.validDays}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>
        {dateTime(r.validFrom)} – {dateTime(r.validUntil)}
      </span>
      {r.active ? <Tag color="green">{t('data-use-requests.active')}</Tag> : <Tag color="red">{t('data-use-requests.expired')}</Tag>}
    </Space>
  );
};

const Approvals = ({ r }: { r: DataUseRequest }) => {
  const { t } = useTranslation();
  if (r.status === 'PENDING') {
    return <Tag color="gold">{t('data-use-requests.pendingSteps', { steps: r.pendingSteps.map((s) => t(`data-use-requests.steps.${s}`)).join('、') })}</Tag>;
  }
  return (
    <Space direction="vertical" size={0}>
      {r.managerDecisionBy && (
        <span>
          {t('data-use-requests.steps.manager')}：{r.managerDecisionBy.name} {dateTime(r.managerDecisionAt)}
        </span>
      )}
      {r.leaderDecisionBy && (
        <span>
          {t('data-use-requests.steps.leader')}：{r.leaderDecisionBy.name} {dateTime(r.leaderDecisionAt)}
        </span>
      )}
    </Space>
  );
};

/** Approve or reject: shown only when the signed-in user has a step to decide (never their own request). */
const Decide = ({ request }: { request: DataUseRequest }) => {
  const { t } = useTranslation();
  const { run, busy } = useApiMutation({ invalidates: ['data-use-requests'] });
  const reject = useActionForm<{ note?: string }>({
    path: `/data-use-requests/${request.id}/reject`,
    body: (v) => ({ note: v.note ?? null }),
    invalidates: ['data-use-requests'],
    success: t('data-use-requests.rejected'),
  });
  if (!request.canDecide) return null;
  return (
    <Space>
      <Button
        size="small"
        type="primary"
        loading={busy}
        onClick={() => void run(`/data-use-requests/${request.id}/approve`, {}, { success: t('data-use-requests.approved') })}
        data-testid="data-use-approve"
      >
        {t('data-use-requests.approve')}
      </Button>
      <Button size="small" danger onClick={() => reject.show()}>
        {t('data-use-requests.reject')}
      </Button>
      <Modal {...reject.modalProps} okButtonProps={{ ...reject.modalProps.okButtonProps, danger: true }} title={t('data-use-requests.rejectTitle')}>
        <Form {...reject.formProps}>
          <Form.Item name="note" rules={[{ required: true, whitespace: true, message: t('data-use-requests.noteRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder={t('data-use-requests.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
};

interface SearchValues {
  q?: string;
  status?: string;
  mine?: boolean;
}

export const DataUseList = () => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const { tableProps, searchFormProps } = useTable<DataUseRequest, { message: string; statusCode: number }, SearchValues>({
    resource: 'data-use-requests',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    onSearch: (v) =>
      [
        { field: 'q', operator: 'eq', value: v.q?.trim() || undefined },
        { field: 'status', operator: 'eq', value: v.status || undefined },
        { field: 'mine', operator: 'eq', value: v.mine ? 'true' : undefined },
      ] as CrudFilter[],
  });
  return (
    <List>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} layout="inline">
          <Form.Item name="q">
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('data-use-requests.searchPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select allowClear placeholder={t('data-use-requests.allStatuses')} style={{ width: 130 }} options={STATUSES.map((s) => ({ value: s, label: t(`data-use-requests.statuses.${s}`) }))} />
          </Form.Item>
          <Form.Item name="mine" valuePropName="checked">
            <Checkbox>{t('data-use-requests.mine')}</Checkbox>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('audit-log.search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Table {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" size="middle">
        <Table.Column<DataUseRequest> dataIndex="requestNo" title={t('data-use-requests.fields.requestNo')} sorter {...oneLine} />
        <Table.Column<DataUseRequest> dataIndex="createdAt" title={t('data-use-requests.fields.createdAt')} render={dateOnly} sorter {...oneLine} />
        <Table.Column<DataUseRequest> dataIndex="department" title={t('data-use-requests.fields.department')} />
        <Table.Column<DataUseRequest> title={t('data-use-requests.fields.requester')} render={(_, r) => `${r.requester?.name ?? ''}（${t(`data-use-requests.kinds.${r.requesterKind}`)}）`} />
        <Table.Column<DataUseRequest>
          dataIndex="informationKinds"
          title={t('data-use-requests.fields.informationKinds')}
          render={(kinds: string[]) => kinds.map((k) => t(`data-use-requests.information.${k}`)).join('、')}
        />
        <Table.Column<DataUseRequest> dataIndex="status" title={t('data-use-requests.fields.status')} {...oneLine} render={(_, r) => <ApprovalTag status={r.status} ns="data-use-requests" />} />
        <Table.Column<DataUseRequest> title={t('data-use-requests.fields.approvals')} render={(_, r) => <Approvals r={r} />} />
        <Table.Column<DataUseRequest> title={t('data-use-requests.fields.validity')} render={(_, r) => <Validity r={r} />} />
        <Table.Column<DataUseRequest>
          title=""
          render={(_, r) => (
            <Space>
              <Decide request={r} />
              <ShowButton hideText size="small" recordItemId={r.id} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
};

export const DataUseCreate = () => {
  const { t } = useTranslation();
  const { formProps, saveButtonProps } = useForm({
    resource: 'data-use-requests',
    redirect: 'show',
    successNotification: () => ({ type: 'success', message: t('data-use-requests.created') }),
  });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Alert type="info" showIcon message={t('data-use-requests.help.chain')} style={{ marginBottom: 16 }} />
      <Form {...formProps} layout="vertical" initialValues={{ validDays: 7, allowExport: false, informationKinds: [] }} style={{ maxWidth: 640 }}>
        <Form.Item name="department" label={t('data-use-requests.fields.department')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="informationKinds" label={t('data-use-requests.fields.informationKinds')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={INFORMATION_KINDS.map((k) => ({ value: k, label: t(`data-use-requests.information.${k}`) }))} />
        </Form.Item>
        <Form.Item name="purpose" label={t('data-use-requests.fields.purpose')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="allowExport" valuePropName="checked">
          <Checkbox>{t('data-use-requests.fields.allowExport')}</Checkbox>
        </Form.Item>
        <Form.Item name="validDays" label={t('data-use-requests.fields.validDays')} extra={t('data-use-requests.help.validDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
        <Form.Item name="minutesRef" label={t('data-use-requests.fields.minutesRef')} extra={t('data-use-requests.help.minutes')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Create>
  );
};

const PRINT_CSS = `
.du-form { max-width: 760px; margin: 24px auto 0; }
.du-form table { width: 100%; border-collapse: collapse; font-size: 14px; }
.du-form td, .du-form th { border: 1px solid #333; padding: 10px 12px; vertical-align: top; text-align: left; }
.du-form th { width: 22%; background: #fafafa; font-weight: normal; }
.du-form .sign { height: 64px; }
.du-form h2 { text-align: center; margin-bottom: 4px; }
@media print {
  body * { visibility: hidden; }
  .du-form, .du-form * { visibility: visible; }
  .du-form { position: absolute; left: 0; top: 0; width: 100%; margin: 0; }
  .du-form th { background: none; }
}`;

/** Appendix 5 as a printable form: date, department, applicant, kinds, reason, the two approvals, receipt. */
const AppendixFive = ({ r }: { r: DataUseRequest }) => {
  const { t } = useTranslation();
  const kinds = r.informationKinds.map((k) => t(`data-use-requests.information.${k}`)).join('、');
  const decision = (by: DataUseRequest['managerDecisionBy'], at: string | null) => (by ? `${by.name ?? ''}　${dateOnly(at)}` : '');
  return (
    <div className="du-form">
      <style>{PRINT_CSS}</style>
      <h2>{t('data-use-requests.formTitle')}</h2>
      <p style={{ textAlign: 'right' }}>
        {t('data-use-requests.fields.requestNo')}：{r.requestNo}
      </p>
      <table>
        <tbody>
          <tr>
            <th>{t('data-use-requests.fields.createdAt')}</th>
            <td colSpan={3}>{dateOnly(r.createdAt)}</td>
          </tr>
          <tr>
            <th>{t('data-use-requests.fields.department')}</th>
            <td>{r.department}</td>
            <th>{t('data-use-requests.fields.requester')}</th>
            <td>{r.requester?.name}</td>
          </tr>
          <tr>
            <th>{t('data-use-requests.fields.informationKinds')}</th>
            <td colSpan={3}>
              {kinds}
              {r.allowExport ? `（${t('data-use-requests.fields.allowExport')}）` : ''}
            </td>
          </tr>
          <tr>
            <th>{t('data-use-requests.fields.purpose')}</th>
            <td colSpan={3} style={{ whiteSpace: 'pre-wrap', minHeight: 80 }}>
              {r.purpose}
              {r.minutesRef ? `\n${t('data-use-requests.fields.minutesRef')}：${r.minutesRef}` : ''}
            </td>
          </tr>
          <tr>
            <th>{t('data-use-requests.fields.validity')}</th>
            <td colSpan={3}>{r.status === 'APPROVED' ? `${dateTime(r.validFrom)} – ${dateTime(r.validUntil)}` : t('data-use-requests.fields.days', { count: r.validDays })}</td>
          </tr>
          <tr>
            <th>{t('data-use-requests.steps.manager')}</th>
            <td colSpan={3} className="sign">
              {decision(r.managerDecisionBy, r.managerDecisionAt)}
            </td>
          </tr>
          {r.requesterKind === 'OUTSIDE' && (
            <tr>
              <th>{t('data-use-requests.steps.leader')}</th>
              <td colSpan={3} className="sign">
                {decision(r.leaderDecisionBy, r.leaderDecisionAt)}
              </td>
            </tr>
          )}
          <tr>
            <th>{t('data-use-requests.receipt')}</th>
            <td colSpan={3} className="sign">
              {t('data-use-requests.signature')}：　　　　　　　　{t('data-use-requests.date')}：
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
};

export const DataUseShow = () => {
  const { t } = useTranslation();
  const { query } = useShow<DataUseRequest>({ resource: 'data-use-requests' });
  const r = query.data?.data;
  return (
    <Show
      isLoading={query.isLoading}
      headerButtons={() => (
        <Space>
          {r && <Decide request={r} />}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('data-use-requests.print')}
          </Button>
        </Space>
      )}
    >
      {r && (
        <>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('data-use-requests.fields.requestNo')}>{r.requestNo}</Descriptions.Item>
            <Descriptions.Item label={t('data-use-requests.fields.status')}>
              <ApprovalTag status={r.status} ns="data-use-requests" />
            </Descriptions.Item>
            <Descriptions.Item label={t('data-use-requests.fields.requesterKind')}>{t(`data-use-requests.kinds.${r.requesterKind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('data-use-requests.fields.approvals')}>
              <Approvals r={r} />
            </Descriptions.Item>
            <Descriptions.Item label={t('data-use-requests.fields.validity')} span={2}>
              <Validity r={r} />
            </Descriptions.Item>
            {r.decisionNote && (
              <Descriptions.Item label={t('data-use-requests.fields.decisionNote')} span={2}>
                {r.decisionNote}
              </Descriptions.Item>
            )}
          </Descriptions>
          <AppendixFive r={r} />
        </>
      )}
    </Show>
  );
};
