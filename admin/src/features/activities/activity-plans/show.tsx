import { useShow } from '@refinedev/core';
import { ListButton, RefreshButton, Show } from '@refinedev/antd';
import { Alert, Button, Card, Descriptions, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dateTime, dayRange, money, numeric, quarterName } from '../../../shared/format';
import { useRegionName } from '../../../shared/regions';
import { ApprovalHistory } from '../components/approval-history';
import { PlanStatusTag } from '../components/plan-status';
import { SubmitButton } from '../components/submit-button';
import type { ActivityPlan } from '../types';

type Activity = ActivityPlan['activities'][number];
type Version = ActivityPlan['versions'][number];
interface Changes {
  added?: string[];
  removed?: { name: string }[];
  changed?: { name: string; fields: Record<string, [unknown, unknown]> }[];
}

export const ActivityPlanShow = () => {
  const { t, i18n } = useTranslation();
  const { result: p, query } = useShow<ActivityPlan>({ resource: 'activity-plans' });
  const region = useRegionName(p?.regionCode);
  const changeText = (c: Changes) =>
    [
      ...(c.added ?? []).map((n) => `${t('activity-plans.added')}：${n}`),
      ...(c.removed ?? []).map((r) => `${t('activity-plans.removed')}：${r.name}`),
      ...(c.changed ?? []).map((x) => `${t('activity-plans.changed')}：${x.name}（${Object.keys(x.fields).join('、')}）`),
    ].join('；');

  return (
    <Show
      isLoading={query.isLoading}
      headerButtons={() => (
        <>
          <ListButton />
          <RefreshButton />
          {p && p.status === 'APPROVED' && !p.versions.some((v) => v.status === 'SUBMITTED') && (
            <Link to={`/activity-plans/adjust/${p.id}`}>
              <Button data-testid="activity-plan-adjust">{p.versions.some((v) => v.status === 'REJECTED') ? t('activity-plans.reviseAdjustment') : t('activity-plans.adjust')}</Button>
            </Link>
          )}
          {p && (p.status === 'DRAFT' || p.status === 'REJECTED') && (
            <SubmitButton path={`/activity-plans/${p.id}/submit`} label={t('activity-plans.submit')} success={t('activity-plans.submitted')} invalidates={['activity-plans']} testId="activity-plan-submit" />
          )}
        </>
      )}
    >
      {query.isError && <Alert type="error" showIcon message={query.error?.message ?? t('errors.notFound')} />}
      {p && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2, xl: 3 }}
              items={[
                { key: 'year', label: t('activity-plans.year'), children: p.year },
                { key: 'region', label: t('activity-plans.region'), children: p.regionCode ? region : t('activity-plans.group') },
                { key: 'status', label: t('activity-plans.status'), children: <><PlanStatusTag status={p.status} />{p.large && <Tag color="purple">{t('activity-plans.largeYes')}</Tag>}</> },
                { key: 'version', label: t('activity-plans.version'), children: p.version ? `v${p.version}` : '—' },
                { key: 'budget', label: t('activity-plans.budget'), children: money(p.budgetFen, i18n.language) },
                { key: 'updated', label: t('activity-plans.updatedAt'), children: `${p.createdByName ?? ''} ${dateTime(p.updatedAt)}` },
                { key: 'fixes', label: t('activity-plans.lastYearFixes'), span: 3, children: <div style={{ whiteSpace: 'pre-wrap' }}>{p.lastYearFixes}</div> },
                { key: 'members', label: t('activity-plans.memberSummary'), span: 3, children: <div style={{ whiteSpace: 'pre-wrap' }}>{p.memberSummary}</div> },
              ]}
            />
          </Card>
          <Card size="small" title={t('activity-plans.activities')} style={{ marginBottom: 16 }}>
            <Table<Activity> size="small" pagination={false} rowKey="id" dataSource={p.activities} rowClassName={(a) => (a.cancelled ? 'ant-table-row-disabled' : '')}>
              <Table.Column<Activity> dataIndex="name" title={t('activity-plans.activityName')} render={(n: string, a) => <>{a.cancelled ? <s>{n}</s> : n}{a.cancelled && <Tag style={{ marginLeft: 8 }}>{t('activity-plans.cancelled')}</Tag>}{a.large && !a.cancelled && <Tag color="purple" style={{ marginLeft: 8 }}>{t('activity-plans.large')}</Tag>}</>} />
              <Table.Column<Activity> dataIndex="quarter" title={t('activity-plans.quarter')} render={(q: number) => quarterName(q, i18n.language)} />
              <Table.Column<Activity> title={`${t('activity-plans.startsOn')} – ${t('activity-plans.endsOn')}`} render={(_, a) => dayRange(a.startsOn, a.endsOn)} />
              <Table.Column<Activity> dataIndex="expectedParticipants" title={t('activity-plans.participants')} {...numeric} />
              <Table.Column<Activity> dataIndex="departments" title={t('activity-plans.departments')} render={(d: string[]) => d.join('、')} />
              <Table.Column<Activity> dataIndex="budgetLines" title={t('activity-plans.budgetLines')} render={(lines: Activity['budgetLines']) => lines.map((l) => `${l.item} ${money(l.amountFen, i18n.language)}`).join('；')} />
              <Table.Column<Activity> dataIndex="budgetFen" title={t('activity-plans.budget')} {...numeric} render={(f: number) => money(f, i18n.language)} />
              {p.status === 'APPROVED' && (
                <Table.Column<Activity>
                  title={t('table.actions')}
                  render={(_, a) => !a.cancelled && <Link to={`/implementation-plans/create?plannedActivityId=${a.id}`}><Button size="small">{t('activity-plans.writeImplementation')}</Button></Link>}
                />
              )}
            </Table>
          </Card>
          <ApprovalHistory rounds={p.approvals} invalidates={['activity-plans']} />
          {p.versions.length > 0 && (
            <Card size="small" title={t('activity-plans.versions')}>
              <Table<Version> size="small" pagination={false} rowKey="id" dataSource={p.versions} expandable={{ rowExpandable: (v) => v.approvals.length > 0, expandedRowRender: (v) => <ApprovalHistory rounds={v.approvals} invalidates={['activity-plans']} /> }}>
                <Table.Column<Version> dataIndex="number" title={t('activity-plans.versionNo')} render={(n: number) => `v${n}`} />
                <Table.Column<Version> dataIndex="status" title={t('activity-plans.status')} render={(s: Version['status']) => <PlanStatusTag status={s} />} />
                <Table.Column<Version> dataIndex="reason" title={t('activity-plans.reason')} render={(r: string, v) => (v.number === 1 ? t('activity-plans.original') : r)} />
                <Table.Column<Version> dataIndex="changes" title={t('activity-plans.changes')} render={(c: Changes) => changeText(c)} />
                <Table.Column<Version> title={t('activity-plans.updatedAt')} render={(_, v) => `${v.createdByName ?? ''} ${dateTime(v.createdAt)}`} />
              </Table>
            </Card>
          )}
        </>
      )}
    </Show>
  );
};
