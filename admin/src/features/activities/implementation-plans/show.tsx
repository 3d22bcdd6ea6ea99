import { useShow } from '@refinedev/core';
import { ListButton, RefreshButton, Show } from '@refinedev/antd';
import { Alert, Button, Card, Descriptions, Form, InputNumber, Modal, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dayRange, money, numeric } from '../../../shared/format';
import { useActionForm } from '../../../shared/mutations';
import { ApprovalHistory } from '../components/approval-history';
import { PlanStatusTag } from '../components/plan-status';
import { SubmitButton } from '../components/submit-button';
import type { ImplementationPlan } from '../types';

type Line = ImplementationPlan['budgetLines'][number];

export const ImplementationPlanShow = () => {
  const { t, i18n } = useTranslation();
  const { result: p, query } = useShow<ImplementationPlan>({ resource: 'implementation-plans' });
  const costs = useActionForm<{ lines: { actualYuan?: number | null }[] }>({
    path: `/implementation-plans/${p?.id}/actual-costs`,
    method: 'put',
    invalidates: ['implementation-plans'],
    body: (v) => ({ lines: (p?.budgetLines ?? []).map((l, i) => ({ position: l.position, yuan: v.lines?.[i]?.actualYuan })).filter((l) => typeof l.yuan === 'number').map((l) => ({ position: l.position, actualFen: Math.round((l.yuan as number) * 100) })) }),
    success: t('implementation-plans.costsSaved'),
  });
  return (
    <Show
      isLoading={query.isLoading}
      headerButtons={() => (
        <>
          <ListButton />
          <RefreshButton />
          {p && (p.status === 'DRAFT' || p.status === 'REJECTED') && (
            <SubmitButton path={`/implementation-plans/${p.id}/submit`} label={t('implementation-plans.submit')} success={t('implementation-plans.submitted')} invalidates={['implementation-plans']} testId="implementation-plan-submit" />
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
                { key: 'name', label: t('implementation-plans.name'), children: <>{p.name}{p.unplanned && <Tag color="orange" style={{ marginLeft: 8 }}>{t('implementation-plans.unplanned')}</Tag>}{p.large && <Tag color="purple" style={{ marginLeft: 8 }}>{t('implementation-plans.large')}</Tag>}</> },
                { key: 'theme', label: t('implementation-plans.theme'), children: p.theme },
                { key: 'status', label: t('implementation-plans.status'), children: <PlanStatusTag status={p.status} /> },
                { key: 'planned', label: t('implementation-plans.plannedActivity'), children: p.annualPlanId ? <Link to={`/activity-plans/show/${p.annualPlanId}`}>{p.plannedActivityName}</Link> : '—' },
                { key: 'dates', label: t('implementation-plans.startsOn'), children: dayRange(p.startsOn, p.endsOn) },
                { key: 'latest', label: t('implementation-plans.latestSubmission'), children: p.latestSubmission },
                { key: 'place', label: t('implementation-plans.place'), children: p.place },
                { key: 'audiences', label: t('implementation-plans.audiences'), children: p.audiences.map((a) => t(`implementation-plans.audience.${a}`)).join('、') },
                { key: 'people', label: t('activity-plans.participants'), children: p.expectedParticipants },
                { key: 'staff', label: t('implementation-plans.staffRoles'), span: 3, children: p.staffRoles.map((s) => `${s.role}：${s.name}`).join('；') || '—' },
                { key: 'ann', label: t('implementation-plans.announcementDates'), span: 3, children: p.announcementDates.join('、') || '—' },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={t('implementation-plans.budgetLines')}
            style={{ marginBottom: 16 }}
            extra={p.status === 'APPROVED' && <Button size="small" onClick={() => costs.show()} data-testid="implementation-plan-costs">{t('implementation-plans.recordCosts')}</Button>}
          >
            <Table<Line> size="small" pagination={false} rowKey="position" dataSource={p.budgetLines}>
              <Table.Column<Line> dataIndex="item" title={t('implementation-plans.item')} />
              <Table.Column<Line> dataIndex="sharedBy" title={t('implementation-plans.sharedBy')} render={(d: string[]) => d.join('、')} />
              <Table.Column<Line> dataIndex="budgetFen" title={t('implementation-plans.budget')} {...numeric} render={(f: number) => money(f, i18n.language)} />
              <Table.Column<Line> dataIndex="actualFen" title={t('implementation-plans.actual')} {...numeric} render={(f: number | null) => money(f, i18n.language)} />
              <Table.Column<Line> dataIndex="varianceFen" title={t('implementation-plans.variance')} {...numeric} render={(f: number | null) => <span style={{ color: f !== null && f > 0 ? '#cf1322' : undefined }}>{money(f, i18n.language)}</span>} />
            </Table>
          </Card>
          <ApprovalHistory rounds={p.approvals} invalidates={['implementation-plans']} />
          <Modal {...costs.modalProps} title={t('implementation-plans.recordCosts')} cancelText={t('buttons.cancel')}>
            <Form {...costs.formProps} initialValues={{ lines: p.budgetLines.map((l) => ({ actualYuan: l.actualFen === null ? null : l.actualFen / 100 })) }}>
              {p.budgetLines.map((l, i) => (
                <Form.Item key={l.position} name={['lines', i, 'actualYuan']} label={`${l.item}（${t('implementation-plans.budget')} ${money(l.budgetFen, i18n.language)}）`}>
                  <InputNumber min={0} precision={2} style={{ width: '100%' }} addonAfter="¥" />
                </Form.Item>
              ))}
            </Form>
          </Modal>
        </>
      )}
    </Show>
  );
};
