import { getDefaultSortOrder, List, ShowButton, useTable } from '@refinedev/antd';
import { Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CHANNELS, DueDate, STATUSES, StatusTag, type ChangeRequest } from '../components/record-parts';
import { ChangeRequestActions } from './actions';
import { SearchButtons, eqFilters, formValuesOf } from '../../../shared/search-bar';
import { oneLine, useWithTotal } from '../../../shared/table';
import { TwoLines } from '../../../shared/two-lines';

interface SearchValues {
  q?: string;
  status?: string;
  channel?: string;
  overdue?: string;
}

const FILTER_FIELDS = ['q', 'status', 'channel', 'overdue'] as const;

export const ChangeRequestList = () => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const { tableProps, searchFormProps, sorters, filters } = useTable<ChangeRequest, { message: string; statusCode: number }, SearchValues>({
    resource: 'change-requests',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'dueOn', order: 'asc' }] },
    filters: { initial: [{ field: 'status', operator: 'eq', value: 'OPEN' }] },
    onSearch: (values) => eqFilters(FILTER_FIELDS, values),
  });
  const initialValues = formValuesOf<SearchValues>(filters);
  const form = searchFormProps.form!;

  return (
    <List>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} layout="inline" initialValues={initialValues}>
          <Form.Item name="q">
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('records.changes.searchPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select allowClear placeholder={t('records.changes.allStatuses')} style={{ width: 120 }} options={STATUSES.map((s) => ({ value: s, label: t(`records.changes.statuses.${s}`) }))} />
          </Form.Item>
          <Form.Item name="channel">
            <Select allowClear placeholder={t('records.changes.allChannels')} style={{ width: 130 }} options={CHANNELS.map((c) => ({ value: c, label: t(`records.changes.channels.${c}`) }))} />
          </Form.Item>
          <Form.Item name="overdue">
            <Select
              allowClear
              placeholder={t('records.changes.overdueFilter')}
              style={{ width: 120 }}
              options={[
                { value: 'true', label: t('records.changes.onlyOverdue') },
                { value: 'false', label: t('records.changes.notOverdue') },
              ]}
            />
          </Form.Item>
          <SearchButtons form={form} fields={FILTER_FIELDS} />
        </Form>
      </Card>
      <Table<ChangeRequest> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" data-testid="change-requests-table" size="middle">
        <Table.Column<ChangeRequest> key="id" dataIndex="id" title={t('records.changes.number')} sorter defaultSortOrder={getDefaultSortOrder('id', sorters)} {...oneLine} />
        <Table.Column<ChangeRequest>
          dataIndex="memberName"
          title={t('records.changes.member')}
          render={(name: string, r) => (
            <TwoLines sub={`${r.projectName} ${r.unitLabel}`}>
              <Link to={`/members/show/${r.memberId}`}>{name}</Link>
            </TwoLines>
          )}
        />
        <Table.Column<ChangeRequest> dataIndex="channel" title={t('records.changes.channel')} {...oneLine} render={(c: string) => t(`records.changes.channels.${c}`)} />
        <Table.Column<ChangeRequest>
          key="receivedOn"
          dataIndex="receivedOn"
          title={t('records.changes.receivedOn')}
          sorter
          defaultSortOrder={getDefaultSortOrder('receivedOn', sorters)}
          {...oneLine}
        />
        <Table.Column<ChangeRequest>
          key="dueOn"
          dataIndex="dueOn"
          title={t('records.changes.dueOn')}
          sorter
          defaultSortOrder={getDefaultSortOrder('dueOn', sorters)}
          {...oneLine}
          render={(d: string, r) => <DueDate dueOn={d} overdue={r.overdue} open={r.status === 'OPEN'} />}
        />
        <Table.Column<ChangeRequest> dataIndex="status" title={t('records.changes.status')} {...oneLine} render={(s: ChangeRequest['status']) => <StatusTag status={s} />} />
        <Table.Column<ChangeRequest>
          dataIndex="description"
          title={t('records.changes.description')}
          render={(d: string) => (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: d }} style={{ margin: 0, minWidth: 140 }}>
              {d}
            </Typography.Paragraph>
          )}
        />
        <Table.Column<ChangeRequest>
          title={t('table.actions')}
          {...oneLine}
          render={(_, r) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={r.id} />
              {r.status === 'OPEN' && <ChangeRequestActions request={r} size="small" />}
            </Space>
          )}
        />
      </Table>
    </List>
  );
};
