import type { CrudFilter } from '@refinedev/core';
import { CreateButton, getDefaultSortOrder, List, ShowButton, useTable } from '@refinedev/antd';
import { Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Deadline, StatusTag, useEnumOptions, type ApplicationListItem } from '../components/application-parts';
import { oneLine, useWithTotal } from '../../../shared/table';
import { TwoLines } from '../../../shared/two-lines';

interface SearchValues {
  q?: string;
  status?: string;
  collectionPoint?: string;
  received?: [Dayjs | null, Dayjs | null] | null;
  overdue?: boolean;
}

export const ApplicationList = () => {
  const { t } = useTranslation();
  const { statusOptions, pointOptions } = useEnumOptions();
  const withTotal = useWithTotal();
  const { tableProps, searchFormProps, sorters } = useTable<ApplicationListItem, { message: string; statusCode: number }, SearchValues>({
    resource: 'applications',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    onSearch: (v) => {
      const filters: CrudFilter[] = [
        { field: 'q', operator: 'eq', value: v.q?.trim() || undefined },
        { field: 'status', operator: 'eq', value: v.status || undefined },
        { field: 'collectionPoint', operator: 'eq', value: v.collectionPoint || undefined },
        { field: 'receivedOn', operator: 'gte', value: v.received?.[0]?.format('YYYY-MM-DD') },
        { field: 'receivedOn', operator: 'lte', value: v.received?.[1]?.format('YYYY-MM-DD') },
        { field: 'overdue', operator: 'eq', value: v.overdue ? 'true' : undefined },
      ];
      return filters;
    },
  });

  return (
    <List headerButtons={<CreateButton data-testid="application-receive" />}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} layout="inline">
          <Form.Item name="q">
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('applications.searchPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select allowClear placeholder={t('applications.allStatuses')} options={statusOptions} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="collectionPoint">
            <Select allowClear placeholder={t('applications.allPoints')} options={pointOptions} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="received">
            <DatePicker.RangePicker placeholder={[t('applications.receivedFrom'), t('applications.receivedTo')]} />
          </Form.Item>
          <Form.Item name="overdue" valuePropName="checked">
            <Checkbox data-testid="filter-overdue">{t('applications.overdueOnly')}</Checkbox>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('applications.search')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Table<ApplicationListItem> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" size="middle" data-testid="application-table">
        <Table.Column<ApplicationListItem>
          dataIndex="applicationNo"
          title={t('applications.fields.applicationNo')}
          sorter
          defaultSortOrder={getDefaultSortOrder('applicationNo', sorters)}
          {...oneLine}
          render={(no: string, r) => <Link to={`/applications/show/${r.id}`}>{no}</Link>}
        />
        <Table.Column dataIndex="applicantName" title={t('applications.fields.applicantName')} sorter />
        <Table.Column<ApplicationListItem>
          title={t('applications.fields.unit')}
          render={(_, r) => <TwoLines sub={r.unitLabel}>{r.projectName}</TwoLines>}
        />
        <Table.Column<ApplicationListItem> dataIndex="status" title={t('applications.fields.status')} {...oneLine} render={(_, r) => <StatusTag status={r.status} />} />
        <Table.Column<ApplicationListItem>
          dataIndex="collectionPoint"
          title={t('applications.fields.collectionPoint')}
          render={(_, r) => (
            <>
              {t(`applications.points.${r.collectionPoint}`)}
              {r.collectionPlace ? <div style={{ fontSize: 12, color: '#888' }}>{r.collectionPlace}</div> : null}
            </>
          )}
        />
        <Table.Column dataIndex="receivedOn" title={t('applications.fields.receivedOn')} sorter defaultSortOrder={getDefaultSortOrder('receivedOn', sorters)} {...oneLine} />
        <Table.Column<ApplicationListItem> dataIndex="dueOn" title={t('applications.fields.dueOn')} sorter defaultSortOrder={getDefaultSortOrder('dueOn', sorters)} {...oneLine} render={(_, r) => <Deadline item={r} />} />
        <Table.Column<ApplicationListItem>
          dataIndex="missingItems"
          title={t('applications.fields.missingItems')}
          render={(_, r) => r.missingItems.map((m) => <Tag key={m} color="orange">{t(`applications.documents.${m}`)}</Tag>)}
        />
        <Table.Column<ApplicationListItem> title="" render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
};
