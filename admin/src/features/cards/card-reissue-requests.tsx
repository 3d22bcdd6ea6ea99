import { useApiMutation } from '../../shared/mutations';
import type { HttpError } from '@refinedev/core';
import { useCan } from '@refinedev/core';
import { List, useTable } from '@refinedev/antd';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { eqFilters, formValuesOf } from '../../shared/search-bar';
import { oneLine, useWithTotal } from '../../shared/table';
import { TwoLines } from '../../shared/two-lines';
import { type ReissueRequest } from './components/card-parts';
import { APPROVAL_STATUSES as APPROVALS, ApprovalTag, DecisionButtons, type ApprovalStatus, type Decision } from '../../shared/approval';

// ───────────────────────── M-10 reissue requests ─────────────────────────

const ReissueReview = ({ request }: { request: ReissueRequest }) => {
  const { t } = useTranslation();
  const { run, busy } = useApiMutation({ invalidates: ['card-reissue-requests', 'cards'] });
  const [form] = Form.useForm<{ documentsChecked?: boolean; paidOn?: Dayjs; note?: string }>();
  const { data: can } = useCan({ resource: 'card-reissue-requests', action: 'edit' });
  if (request.status !== 'PENDING' || !can?.can) return null;
  const decide = async (mode: Decision): Promise<boolean> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return false;
    if (mode === 'approve') {
      const body = { documentsChecked: Boolean(v.documentsChecked), ...(v.paidOn ? { paidOn: v.paidOn.format('YYYY-MM-DD') } : {}) };
      const success = (r: ReissueRequest) => t('card-reissue-requests.approved', { cardNo: r.newCardNo });
      if (!(await run<ReissueRequest>(`/card-reissue-requests/${request.id}/approve`, body, { success, form }))) return false;
    } else {
      if (!(await run(`/card-reissue-requests/${request.id}/reject`, { note: v.note || null }, { success: t('card-reissue-requests.rejected'), form }))) return false;
    }
    return true;
  };
  return (
    <DecisionButtons
      testIdPrefix="reissue"
      busy={busy}
      decide={decide}
      labels={{
        approve: t('card-reissue-requests.approve'),
        reject: t('card-reissue-requests.reject'),
        approveTitle: t('card-reissue-requests.approveTitle'),
        rejectTitle: t('card-reissue-requests.rejectTitle'),
      }}
    >
      {(mode) => (
        <Form form={form} layout="vertical" preserve={false}>
          {mode === 'approve' ? (
            <>
              <Alert type="info" showIcon message={t('card-reissue-requests.approveHelp')} style={{ marginBottom: 16 }} />
              <Form.Item
                name="documentsChecked"
                valuePropName="checked"
                rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('cards.mustConfirm')))) }]}
              >
                <Checkbox data-testid="documents-checked">{t('card-reissue-requests.documentsChecked')}</Checkbox>
              </Form.Item>
              <Form.Item name="paidOn" label={t('card-reissue-requests.paidOn')}>
                <DatePicker />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="note" label={t('card-reissue-requests.rejectNote')}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          )}
        </Form>
      )}
    </DecisionButtons>
  );
};

export const ReissueList = () => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const { tableProps, searchFormProps, filters } = useTable<ReissueRequest, HttpError, { q?: string; status?: string }>({
    resource: 'card-reissue-requests',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    filters: { initial: [{ field: 'status', operator: 'eq', value: 'PENDING' }] },
    onSearch: (v) => eqFilters(['q', 'status'], v),
  });
  return (
    <List>
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 16 }} initialValues={formValuesOf(filters)}>
        <Form.Item name="q">
          <Input allowClear placeholder={t('card-reissue-requests.searchPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select allowClear placeholder={t('card-reissue-requests.allStatuses')} style={{ width: 140 }} options={APPROVALS.map((s) => ({ value: s, label: t(`card-reissue-requests.statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('buttons.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<ReissueRequest> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" data-testid="reissue-table" size="middle">
        <Table.Column<ReissueRequest> dataIndex="requestedOn" title={t('card-reissue-requests.fields.requestedOn')} sorter {...oneLine} />
        <Table.Column<ReissueRequest> dataIndex="cardNo" title={t('card-reissue-requests.fields.cardNo')} {...oneLine} render={(no: string, r) => <Link to={`/cards/show/${r.cardId}`}>{no}</Link>} />
        <Table.Column<ReissueRequest> dataIndex="memberName" title={t('card-reissue-requests.fields.member')} />
        <Table.Column<ReissueRequest>
          title={t('card-reissue-requests.fields.unit')}
          render={(_, r) => <TwoLines sub={r.unitLabel}>{r.projectName}</TwoLines>}
        />
        <Table.Column<ReissueRequest> dataIndex="reason" title={t('card-reissue-requests.fields.reason')} render={(v: string) => t(`card-reissue-requests.reasons.${v}`)} />
        <Table.Column<ReissueRequest> dataIndex="note" title={t('card-reissue-requests.fields.note')} render={(v: string | null) => v ?? '—'} />
        <Table.Column<ReissueRequest> dataIndex="status" title={t('card-reissue-requests.fields.status')} {...oneLine} render={(s: ApprovalStatus) => <ApprovalTag status={s} ns="card-reissue-requests" />} />
        <Table.Column<ReissueRequest>
          dataIndex="newCardNo"
          title={t('card-reissue-requests.fields.newCardNo')}
          {...oneLine}
          render={(no: string | null, r) => (no ? <Link to={`/cards/show/${r.newCardId}`}>{no}</Link> : '—')}
        />
        <Table.Column<ReissueRequest> title={t('table.actions')} {...oneLine} render={(_, r) => <ReissueReview request={r} />} />
      </Table>
    </List>
  );
};

