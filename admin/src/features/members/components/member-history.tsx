import { CanAccess } from '@refinedev/core';
import { Button } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useTable } from '@refinedev/antd';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined, HistoryOutlined } from '@ant-design/icons';
import { dateTimeSeconds } from '../../../shared/format';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMemberFields, type HistoryEntry } from '../../../shared/member-fields';
import { oneLine, useWithTotal } from '../../../shared/table';

const HistoryTable = ({ memberId }: { memberId: number | string }) => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const { fieldLabel, valueText } = useMemberFields();
  const { tableProps } = useTable<HistoryEntry>({
    resource: `members/${memberId}/history`,
    syncWithLocation: false,
    pagination: { pageSize: 10 },
    sorters: { mode: 'off' },
    queryOptions: { enabled: Boolean(memberId) },
  });
  return (
    <Table<HistoryEntry> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" size="small" locale={{ emptyText: t('member-history.empty') }} data-testid="member-history-table">
      <Table.Column<HistoryEntry> dataIndex="changedAt" title={t('member-history.time')} render={dateTimeSeconds} {...oneLine} />
      <Table.Column<HistoryEntry> dataIndex="changedByName" title={t('member-history.who')} width={120} />
      <Table.Column<HistoryEntry> dataIndex="field" title={t('member-history.field')} render={(f: string) => fieldLabel(f)} width={140} />
      <Table.Column<HistoryEntry>
        title={t('member-history.change')}
        render={(_, h) =>
          h.field.startsWith('_') ? (
            <Typography.Text>{h.newValue ?? h.oldValue}</Typography.Text>
          ) : (
            <Space wrap size={4}>
              <Typography.Text type="secondary" delete={h.oldValue !== null}>
                {valueText(h.field, h.oldValue)}
              </Typography.Text>
              <ArrowRightOutlined />
              <Typography.Text strong>{valueText(h.field, h.newValue)}</Typography.Text>
              {h.masked && <Tag>{t('member-history.masked')}</Tag>}
            </Space>
          )
        }
      />
      <Table.Column<HistoryEntry>
        dataIndex="changeRequestId"
        title=""
        width={110}
        render={(id: number | null) => (id ? <Link to={`/change-requests/show/${id}`}>{t('member-history.fromRequest', { id })}</Link> : null)}
      />
    </Table>
  );
};

/** 变更记录: the member's field-level history, on the member page (M-11). */
export const MemberHistorySection = ({ memberId }: { memberId: number | string }) => {
  const { t } = useTranslation();
  return (
    <CanAccess resource="member-history" action="list" fallback={null}>
      <Card
        size="small"
        title={
          <Space>
            <HistoryOutlined />
            {t('member-history.title')}
          </Space>
        }
        style={{ marginBottom: 16 }}
        data-testid="section-history"
        extra={
          <CanAccess resource="change-requests" action="create" fallback={null}>
            <Link to={`/change-requests/create?memberId=${memberId}`}>
              <Button size="small" icon={<FileAddOutlined />}>
                {t('change-requests.titles.create')}
              </Button>
            </Link>
          </CanAccess>
        }
      >
        <HistoryTable memberId={memberId} />
      </Card>
    </CanAccess>
  );
};
