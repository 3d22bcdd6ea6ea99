import { useActionForm } from '../../shared/mutations';
import type { CrudFilter, HttpError } from '@refinedev/core';
import { useCan, useShow } from '@refinedev/core';
import { List, useSelect, useTable } from '@refinedev/antd';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { money, numeric, type FeeEntry } from './components/card-parts';
import { PrintPage } from '../../shared/print-page';
import { allOf } from '../../shared/enums';
import { oneLine, useWithTotal } from '../../shared/table';
import type { FeeKind } from '../../shared/api-types';

// ───────────────────────── the ledger ─────────────────────────

interface FeeSearch {
  q?: string;
  kind?: string;
  projectId?: number;
  paidOn?: [Dayjs, Dayjs] | null;
}

const ReverseButton = ({ entry }: { entry: FeeEntry }) => {
  const { t } = useTranslation();
  const action = useActionForm<{ reason: string }>({ path: `/fee-entries/${entry.id}/reverse`, invalidates: ['fee-entries'], success: t('fee-entries.reversedDone') });
  const { data: can } = useCan({ resource: 'fee-entries', action: 'create' });
  if (!can?.can || entry.reversesId || entry.reversedById) return null;
  return (
    <>
      <Button size="small" danger onClick={() => action.show()}>
        {t('fee-entries.reverse')}
      </Button>
      <Modal {...action.modalProps} okButtonProps={{ ...action.modalProps.okButtonProps, danger: true }} title={`${t('fee-entries.reverseTitle')} · ${entry.receiptNo}`}>
        <Alert type="warning" showIcon message={t('fee-entries.reverseHelp')} style={{ marginBottom: 16 }} />
        <Form {...action.formProps}>
          <Form.Item name="reason" label={t('fee-entries.reverseReason')} rules={[{ required: true, whitespace: true, message: t('fee-entries.reverseReasonRequired') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

export const FeeList = () => {
  const { t } = useTranslation();
  const { tableProps, searchFormProps } = useTable<FeeEntry, HttpError, FeeSearch>({
    resource: 'fee-entries',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    onSearch: (v) =>
      [
        { field: 'q', operator: 'eq', value: v.q?.trim() || undefined },
        { field: 'kind', operator: 'eq', value: v.kind || undefined },
        { field: 'projectId', operator: 'eq', value: v.projectId || undefined },
        { field: 'paidOn', operator: 'gte', value: v.paidOn?.[0]?.format('YYYY-MM-DD') },
        { field: 'paidOn', operator: 'lte', value: v.paidOn?.[1]?.format('YYYY-MM-DD') },
      ] as CrudFilter[],
  });
  const withTotal = useWithTotal();
  const { selectProps } = useSelect({ resource: 'projects', optionLabel: 'name', optionValue: 'id', pagination: { pageSize: 200, mode: 'server' } });
  return (
    <List>
      <Alert type="info" showIcon message={t('fee-entries.feeNote')} style={{ marginBottom: 16 }} />
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item name="q">
          <Input allowClear placeholder={t('fee-entries.fields.receiptNo')} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="kind">
          <Select allowClear placeholder={t('fee-entries.allKinds')} style={{ width: 120 }} options={allOf<FeeKind>()(['NEW_CARD', 'REPLACEMENT']).map((k) => ({ value: k, label: t(`fee-entries.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="projectId">
          <Select {...selectProps} allowClear showSearch placeholder={t('cards.allProjects')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="paidOn" label={t('fee-entries.paidOnRange')}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('buttons.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<FeeEntry> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" data-testid="fees-table">
        <Table.Column<FeeEntry> key="receiptNo" dataIndex="receiptNo" title={t('fee-entries.fields.receiptNo')} sorter {...oneLine} />
        <Table.Column<FeeEntry> key="paidOn" dataIndex="paidOn" title={t('fee-entries.fields.paidOn')} sorter {...oneLine} />
        <Table.Column<FeeEntry> dataIndex="kind" title={t('fee-entries.fields.kind')} render={(k: string) => t(`fee-entries.kinds.${k}`)} />
        <Table.Column<FeeEntry>
          dataIndex="amountFen"
          title={t('fee-entries.fields.amount')}
          {...numeric}
          render={(fen: number, e) => (
            <>
              <Typography.Text type={fen < 0 ? 'danger' : undefined}>{money(fen)}</Typography.Text>
              {(e.waived || e.reversesId || e.reversedById) && (
                // The tags go under the amount and may wrap, so the figure keeps its one line.
                <div style={{ whiteSpace: 'normal' }}>
                  <Space size={4} wrap>
                    {e.waived && <Tag>{t('fee-entries.waivedTag')}</Tag>}
                    {e.reversesId && <Tag color="red">{t('fee-entries.reversal')}</Tag>}
                    {e.reversedById && <Tag color="orange">{t('fee-entries.reversed')}</Tag>}
                  </Space>
                </div>
              )}
            </>
          )}
        />
        <Table.Column<FeeEntry> dataIndex="projectName" title={t('fee-entries.fields.project')} />
        <Table.Column<FeeEntry> dataIndex="memberName" title={t('fee-entries.fields.member')} render={(v: string | null) => v ?? '—'} />
        <Table.Column<FeeEntry> dataIndex="cardNo" title={t('fee-entries.fields.cardNo')} {...oneLine} render={(v: string | null, e) => (v ? <Link to={`/cards/show/${e.cardId}`}>{v}</Link> : '—')} />
        <Table.Column<FeeEntry> dataIndex="recordedByName" title={t('fee-entries.fields.recordedBy')} />
        <Table.Column<FeeEntry>
          title={t('table.actions')}
          {...oneLine}
          render={(_, e) => (
            <Space>
              <Link to={`/fee-entries/receipt/${e.id}`}>
                <Button size="small" icon={<PrinterOutlined />}>
                  {t('fee-entries.receipt')}
                </Button>
              </Link>
              <ReverseButton entry={e} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
};

/** M-8: the numbered receipt, printable. */
export const ReceiptPrint = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const { result: e, query } = useShow<FeeEntry>({ resource: 'fee-entries', id });
  return (
    <PrintPage width={720}>
      {query.isError && <Alert type="error" showIcon message={query.error?.message} />}
      {e && (
        <div data-testid="receipt">
          <h2 style={{ textAlign: 'center', marginBottom: 4 }}>{t('fee-entries.receiptTitle')}</h2>
          <div style={{ textAlign: 'right', marginBottom: 12 }}>
            {t('fee-entries.fields.receiptNo')}：<b>{e.receiptNo}</b>
          </div>
          <table className="grid">
            <tbody>
              <tr>
                <th>{t('fee-entries.fields.paidOn')}</th>
                <td>{e.paidOn}</td>
                <th>{t('fee-entries.fields.kind')}</th>
                <td>
                  {t('fee-entries.receiptFee')}（{t(`fee-entries.kinds.${e.kind}`)}）
                </td>
              </tr>
              <tr>
                <th>{t('fee-entries.fields.project')}</th>
                <td>{e.projectName}</td>
                <th>{t('fee-entries.fields.cardNo')}</th>
                <td>{e.cardNo ?? ''}</td>
              </tr>
              <tr>
                <th>{t('fee-entries.receiptPayer')}</th>
                <td>{e.memberName ?? ''}</td>
                <th>{t('fee-entries.amountInWords')}</th>
                <td>
                  {money(e.amountFen)} {e.waived ? `（${t('fee-entries.waivedTag')}）` : ''}
                </td>
              </tr>
              {(e.note || e.reversesId) && (
                <tr>
                  <th>{t('fee-entries.fields.note')}</th>
                  <td colSpan={3}>
                    {e.reversesId ? `${t('fee-entries.reversal')} ` : ''}
                    {e.note ?? ''}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 32 }}>
            <span>
              {t('fee-entries.fields.recordedBy')}：{e.recordedByName}
            </span>
            <span>{t('fee-entries.receiptSign')}：________________</span>
          </div>
        </div>
      )}
    </PrintPage>
  );
};

