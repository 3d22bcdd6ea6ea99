import { CreateButton, List, ShowButton, useTable } from '@refinedev/antd';
import { useWithTotal } from '../../../shared/table';
import { useRegionLabel } from '../../../shared/regions';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dateTime, money, numeric } from '../../../shared/format';
import { PlanStatusTag } from '../components/plan-status';
import type { ActivityPlanListItem } from '../types';

export const ActivityPlanList = () => {
  const { t, i18n } = useTranslation();
  const { tableProps } = useTable<ActivityPlanListItem>({ resource: 'activity-plans', syncWithLocation: true, pagination: { pageSize: 20 } });
  const regionLabel = useRegionLabel();
  const withTotal = useWithTotal();
  return (
    <List headerButtons={<CreateButton />}>
      <Table<ActivityPlanListItem> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" data-testid="activity-plans-table">
        <Table.Column<ActivityPlanListItem> dataIndex="year" title={t('activity-plans.year')} sorter />
        <Table.Column<ActivityPlanListItem> dataIndex="regionCode" title={t('activity-plans.region')} render={(r: string | null) => regionLabel(r) ?? t('activity-plans.group')} />
        <Table.Column<ActivityPlanListItem> dataIndex="title" title={t('activity-plans.title')} />
        <Table.Column<ActivityPlanListItem> dataIndex="status" title={t('activity-plans.status')} render={(s: ActivityPlanListItem['status'], r) => (
          <>
            <PlanStatusTag status={s} />
            {r.large && <Tag color="purple">{t('activity-plans.large')}</Tag>}
          </>
        )} />
        <Table.Column<ActivityPlanListItem> dataIndex="version" title={t('activity-plans.version')} render={(v: number) => (v ? `v${v}` : '—')} />
        <Table.Column<ActivityPlanListItem> dataIndex="activityCount" title={t('activity-plans.activityCount')} {...numeric} />
        <Table.Column<ActivityPlanListItem> dataIndex="budgetFen" title={t('activity-plans.budget')} {...numeric} render={(f: number) => money(f, i18n.language)} />
        <Table.Column<ActivityPlanListItem> dataIndex="updatedAt" title={t('activity-plans.updatedAt')} render={(d: string) => dateTime(d)} />
        <Table.Column<ActivityPlanListItem> title={t('table.actions')} render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
};
