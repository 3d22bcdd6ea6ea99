import { useOne, useShow } from '@refinedev/core';
import { ListButton, RefreshButton, Show } from '@refinedev/antd';
import { Alert, Button, Card, Descriptions, Table } from 'antd';
import { dateTime } from '../../../shared/format';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChangeRequestActions } from './actions';
import { DueDate, StatusTag, type ChangeRequest } from '../components/record-parts';
import { useMemberFields } from '../../../shared/member-fields';

export const ChangeRequestShow = () => {
  const { t } = useTranslation();
  const { fieldLabel, valueText } = useMemberFields();
  const { result: r, query } = useShow<ChangeRequest>({ resource: 'change-requests' });
  const { result: member } = useOne<Record<string, unknown>>({ resource: 'members', id: r?.memberId ?? '', queryOptions: { enabled: Boolean(r?.memberId) } });
  const time = (v: string | null) => (v ? dateTime(v) : t('members.none'));
  const rows = Object.entries(r?.changes ?? {}).map(([field, value]) => ({ field, value }));

  return (
    <Show
      isLoading={query.isLoading}
      headerButtons={() => (
        <>
          <ListButton />
          <RefreshButton />
          {r?.status === 'OPEN' && <ChangeRequestActions request={r} />}
        </>
      )}
    >
      {query.isError && <Alert type="error" showIcon message={query.error?.message ?? t('errors.notFound')} />}
      {r && (
        <>
          {r.overdue && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={`${t('records.changes.overdue')}：${t('records.changes.dueOn')} ${r.dueOn}`} />}
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2, xl: 3 }}
              items={[
                { key: 'member', label: t('records.changes.member'), children: <Link to={`/members/show/${r.memberId}`}>{r.memberName}</Link> },
                { key: 'unit', label: t('records.changes.unit'), children: `${r.projectName} ${r.unitLabel}` },
                { key: 'channel', label: t('records.changes.channel'), children: t(`records.changes.channels.${r.channel}`) },
                { key: 'receivedOn', label: t('records.changes.receivedOn'), children: r.receivedOn },
                { key: 'dueOn', label: t('records.changes.dueOn'), children: <DueDate dueOn={r.dueOn} overdue={r.overdue} open={r.status === 'OPEN'} /> },
                { key: 'status', label: t('records.changes.status'), children: <StatusTag status={r.status} /> },
                { key: 'createdBy', label: t('records.changes.createdBy'), children: `${r.createdByName ?? ''} ${time(r.createdAt)}` },
                {
                  key: 'handledBy',
                  label: t('records.changes.handledBy'),
                  children: r.handledAt ? (
                    <>
                      {r.handledByName} {time(r.handledAt)} {r.late && <span style={{ color: '#cf1322' }}>（{t('records.changes.late')}）</span>}
                    </>
                  ) : (
                    t('members.none')
                  ),
                },
                ...(r.rejectReason ? [{ key: 'reason', label: t('records.changes.rejectReason'), children: r.rejectReason }] : []),
                { key: 'description', label: t('records.changes.description'), span: 3, children: <div style={{ whiteSpace: 'pre-wrap' }}>{r.description}</div> },
              ]}
            />
          </Card>
          <Card size="small" title={t('records.changes.changes')} extra={<Link to={`/members/show/${r.memberId}`}><Button size="small">{t('records.changes.viewMember')}</Button></Link>}>
            <Table
              size="small"
              pagination={false}
              rowKey="field"
              dataSource={rows}
              locale={{ emptyText: t('records.changes.noChanges') }}
              columns={[
                { dataIndex: 'field', title: t('member-history.field'), render: (f: string) => fieldLabel(f) },
                ...(r.status === 'OPEN'
                  ? [{ key: 'current', title: t('records.changes.currentValue'), render: (_: unknown, row: { field: string }) => valueText(row.field, member?.[row.field]) }]
                  : []),
                { dataIndex: 'value', title: t('records.changes.newValue'), render: (v: unknown, row: { field: string }) => <strong>{valueText(row.field, v)}</strong> },
              ]}
            />
          </Card>
        </>
      )}
    </Show>
  );
};
