import { List, useTable } from '@refinedev/antd';
import { useWithTotal } from '../../shared/table';
import { useRegionLabel } from '../../shared/regions';
import { Button, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../shared/format';
import type { PendingApproval } from './types';

/** The approval steps waiting on the signed-in user, most urgent first; each links to its subject. */
export const ApprovalList = () => {
  const { t } = useTranslation();
  const { tableProps } = useTable<PendingApproval>({ resource: 'approvals', syncWithLocation: false, pagination: { pageSize: 20 }, sorters: { initial: [{ field: 'dueOn', order: 'asc' }] } });
  const regionLabel = useRegionLabel();
  const withTotal = useWithTotal();
  return (
    <List title={t('approvals.titles.list')}>
      <Table<PendingApproval> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="stepId" data-testid="approvals-table">
        <Table.Column<PendingApproval> dataIndex="subjectType" title={t('approvals.subject')} render={(s: string) => t(`approvals.subjectTypes.${s}`, { defaultValue: s })} />
        <Table.Column<PendingApproval> dataIndex="title" title={t('activity-plans.title')} render={(title: string, r) => <Link to={r.link}>{title}</Link>} />
        <Table.Column<PendingApproval> dataIndex="regionCode" title={t('activity-plans.region')} render={(r: string | null) => regionLabel(r) ?? t('activity-plans.group')} />
        <Table.Column<PendingApproval> dataIndex="label" title={t('approvals.step')} render={(l: string) => t(`approvals.steps.${l}`)} />
        <Table.Column<PendingApproval> dataIndex="dueOn" title={t('approvals.dueOn')} sorter render={(d: string | null, r) => (d ? <>{d}{r.overdue && <Tag color="error" style={{ marginLeft: 8 }}>{t('approvals.overdue')}</Tag>}</> : '—')} />
        <Table.Column<PendingApproval> title={t('approvals.submittedBy')} render={(_, r) => `${r.submittedByName ?? ''} ${dateTime(r.submittedAt)}`} />
        <Table.Column<PendingApproval> title={t('table.actions')} render={(_, r) => <Link to={r.link}><Button size="small" type="primary">{t('approvals.approve')} / {t('approvals.reject')}</Button></Link>} />
      </Table>
    </List>
  );
};
