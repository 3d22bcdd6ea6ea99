import { List, ShowButton, useTable } from '@refinedev/antd';
import { useWithTotal } from '../../../shared/table';
import { useRegionLabel } from '../../../shared/regions';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { money, numeric } from '../../../shared/format';
import { PlanStatusTag } from '../components/plan-status';
import type { ImplementationPlanListItem } from '../types';

export const ImplementationPlanList = () => {
  const { t, i18n } = useTranslation();
  const { tableProps } = useTable<ImplementationPlanListItem>({ resource: 'implementation-plans', syncWithLocation: true, pagination: { pageSize: 20 } });
  const regionLabel = useRegionLabel();
  const withTotal = useWithTotal();
  return (
    <List>
      <Table<ImplementationPlanListItem> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" data-testid="implementation-plans-table">
        <Table.Column<ImplementationPlanListItem> dataIndex="startsOn" title={t('implementation-plans.startsOn')} sorter />
        <Table.Column<ImplementationPlanListItem> dataIndex="name" title={t('implementation-plans.name')} render={(n: string, r) => <>{n}{r.unplanned && <Tag color="orange" style={{ marginLeft: 8 }}>{t('implementation-plans.unplanned')}</Tag>}{r.large && <Tag color="purple" style={{ marginLeft: 8 }}>{t('implementation-plans.large')}</Tag>}</>} />
        <Table.Column<ImplementationPlanListItem> dataIndex="regionCode" title={t('activity-plans.region')} render={(r: string | null) => regionLabel(r) ?? t('activity-plans.group')} />
        <Table.Column<ImplementationPlanListItem> dataIndex="place" title={t('implementation-plans.place')} />
        <Table.Column<ImplementationPlanListItem> dataIndex="status" title={t('implementation-plans.status')} render={(s: ImplementationPlanListItem['status']) => <PlanStatusTag status={s} />} />
        <Table.Column<ImplementationPlanListItem> dataIndex="budgetFen" title={t('implementation-plans.budget')} {...numeric} render={(f: number) => money(f, i18n.language)} />
        <Table.Column<ImplementationPlanListItem> dataIndex="actualFen" title={t('implementation-plans.actual')} {...numeric} render={(f: number | null) => money(f, i18n.language)} />
        <Table.Column<ImplementationPlanListItem> title={t('table.actions')} render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
};
