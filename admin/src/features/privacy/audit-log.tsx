import type { CrudFilter } from '@refinedev/core';
import { List, useTable } from '@refinedev/antd';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dateTime } from './components/privacy-parts';
import { useDownload } from '../../shared/download';
import type { AuditEntry } from '../../shared/api-types';
import { oneLine, useWithTotal } from '../../shared/table';


interface SearchValues {
  actorName?: string;
  action?: string;
  resource?: string;
  recordId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ACTIONS = ['LOGIN', 'LOGIN_FAILED', 'LOGIN_LOCKED', 'READ_UNMASKED', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT'];
const RESOURCES = ['members', 'data_use_requests', 'import_jobs', 'audit_log', 'auth', 'applications', 'cards', 'households'];

/** The simple-rest filters the search form stands for (the export sends the same). */
function toFilters(v: SearchValues): CrudFilter[] {
  return [
    { field: 'actorName', operator: 'contains', value: v.actorName?.trim() || undefined },
    { field: 'action', operator: 'eq', value: v.action || undefined },
    { field: 'resource', operator: 'eq', value: v.resource || undefined },
    { field: 'recordId', operator: 'eq', value: v.recordId?.trim() || undefined },
    { field: 'at', operator: 'gte', value: v.range?.[0]?.startOf('day').toISOString() },
    { field: 'at', operator: 'lte', value: v.range?.[1]?.endOf('day').toISOString() },
  ];
}

function toParams(filters: CrudFilter[]): Record<string, unknown> {
  const suffix: Record<string, string> = { eq: '', contains: '_like', gte: '_gte', lte: '_lte' };
  const out: Record<string, unknown> = {};
  for (const f of filters) if ('field' in f && f.value !== undefined && f.value !== '') out[`${f.field}${suffix[f.operator] ?? ''}`] = f.value;
  return out;
}

/** M-11: who read or exported what, searchable by the club manager and the division leader. */
export const AuditLogList = () => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const { start, busy } = useDownload();
  const { tableProps, searchFormProps, filters } = useTable<AuditEntry, { message: string; statusCode: number }, SearchValues>({
    resource: 'audit-log',
    syncWithLocation: false,
    pagination: { pageSize: 50 },
    sorters: { initial: [{ field: 'at', order: 'desc' }] },
    onSearch: toFilters,
  });
  const label = (group: string, v: string) => {
    const key = `audit-log.${group}.${v}`;
    const s = t(key);
    return s === key ? v : s;
  };
  return (
    <List
      headerButtons={() => (
        <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void start('/audit-log/export.xlsx', toParams(filters), 'audit-log.xlsx')} data-testid="audit-export">
          {t('audit-log.export')}
        </Button>
      )}
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} layout="inline">
          <Form.Item name="actorName">
            <Input allowClear placeholder={t('audit-log.actorPlaceholder')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="action">
            <Select allowClear placeholder={t('audit-log.allActions')} style={{ width: 160 }} options={ACTIONS.map((a) => ({ value: a, label: label('actions', a) }))} />
          </Form.Item>
          <Form.Item name="resource">
            <Select allowClear showSearch placeholder={t('audit-log.allResources')} style={{ width: 170 }} options={RESOURCES.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
          <Form.Item name="recordId">
            <Input allowClear placeholder={t('audit-log.recordPlaceholder')} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="range">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('audit-log.search')}
              </Button>
              <Button
                onClick={() => {
                  searchFormProps.form?.resetFields();
                  searchFormProps.form?.submit();
                }}
              >
                {t('audit-log.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Table {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" size="small">
        <Table.Column<AuditEntry> dataIndex="at" title={t('audit-log.fields.at')} render={dateTime} sorter {...oneLine} />
        <Table.Column<AuditEntry> dataIndex="actorName" title={t('audit-log.fields.actorName')} sorter />
        <Table.Column<AuditEntry> dataIndex="action" title={t('audit-log.fields.action')} render={(v: string) => label('actions', v)} />
        <Table.Column<AuditEntry> dataIndex="resource" title={t('audit-log.fields.resource')} />
        <Table.Column<AuditEntry> dataIndex="recordId" title={t('audit-log.fields.recordId')} {...oneLine} />
        <Table.Column<AuditEntry>
          dataIndex="detail"
          title={t('audit-log.fields.detail')}
          render={(d: unknown) => (
            <Typography.Text code ellipsis={{ tooltip: JSON.stringify(d) }} style={{ maxWidth: 360 }}>
              {JSON.stringify(d)}
            </Typography.Text>
          )}
        />
        <Table.Column<AuditEntry> dataIndex="ip" title={t('audit-log.fields.ip')} {...oneLine} />
      </Table>
    </List>
  );
};
