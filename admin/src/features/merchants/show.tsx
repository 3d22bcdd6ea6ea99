import { useList, useShow } from '@refinedev/core';
import { ListButton, RefreshButton, Show } from '@refinedev/antd';
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MerchantAgreement, MerchantDetail, MerchantVisit } from '../../shared/api-types';
import { useCan } from '@refinedev/core';
import { oneLine } from '../../shared/table';
import { AgreementStateTag, RegionName, StatusTag } from './components/merchant-parts';
import { RecordVisitButton } from './components/visit-dialog';

const text = (v: string | null | undefined) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—');

export const MerchantShow = () => {
  const { t } = useTranslation();
  const { result: m, query } = useShow<MerchantDetail>({ resource: 'merchants' });
  const id = m?.id;
  const { data: canManage } = useCan({ resource: 'merchant-visits', action: 'create' });
  const agreements = useList<MerchantAgreement>({
    resource: 'merchant-agreements',
    filters: [{ field: 'merchantId', operator: 'eq', value: id }],
    pagination: { pageSize: 50 },
    queryOptions: { enabled: Boolean(id) },
  });
  const visits = useList<MerchantVisit>({
    resource: 'merchant-visits',
    filters: [{ field: 'merchantId', operator: 'eq', value: id }],
    pagination: { pageSize: 50 },
    queryOptions: { enabled: Boolean(id) },
  });

  const plaque = !m ? null : m.plaqueWithdrawnOn ? t('merchants.plaqueWithdrawn') : m.plaqueIssuedOn ? t('merchants.plaqueHanging') : t('merchants.plaqueNone');

  return (
    <Show
      isLoading={query.isLoading}
      title={m?.name}
      headerButtons={() => (
        <>
          <ListButton />
          <RefreshButton />
          {m?.status === 'ACTIVE' && canManage?.can && <RecordVisitButton merchantId={m.id} />}
        </>
      )}
    >
      {query.isError && <Alert type="error" showIcon message={query.error?.message ?? t('errors.notFound')} />}
      {m && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2, xl: 3 }}
              items={[
                { key: 'name', label: t('merchants.name'), children: m.name },
                { key: 'category', label: t('merchants.category'), children: m.category },
                { key: 'region', label: t('merchants.region'), children: <RegionName code={m.regionCode} /> },
                { key: 'status', label: t('merchants.status'), children: <StatusTag status={m.status} /> },
                { key: 'pipeline', label: t('merchants.pipeline'), children: t(`merchants.pipelines.${m.pipeline}`) },
                {
                  key: 'stage',
                  label: t('merchants.stage'),
                  children: (
                    <span data-testid="merchant-stage">
                      {t(`merchants.stages.${m.stage}`)}
                      {m.nextStage && <Typography.Text type="secondary">（{t('merchants.nextStage')}：{t(`merchants.stages.${m.nextStage}`)}）</Typography.Text>}
                    </span>
                  ),
                },
                { key: 'representative', label: t('merchants.representative'), children: text(m.representative) },
                { key: 'contact', label: t('merchants.contact'), children: text(m.contact) },
                { key: 'phone', label: t('merchants.phone'), children: text(m.phone) },
                { key: 'fax', label: t('merchants.fax'), children: text(m.fax) },
                { key: 'signedOn', label: t('merchants.signedOn'), children: m.signedOn ?? '—' },
                { key: 'address', label: t('merchants.address'), children: text(m.address) },
                { key: 'products', label: t('merchants.products'), span: 3, children: text(m.products) },
              ]}
            />
          </Card>
          <Card size="small" title={t('merchants.checklistTitle')}>
            <Space wrap>
              {(Object.entries(m.checklist) as [keyof MerchantDetail['checklist'], boolean][]).map(([k, ok]) => (
                <Tag key={k} icon={ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <MinusCircleOutlined />} color={ok ? 'success' : 'default'}>
                  {t(`merchants.checklist.${k}`)}：{ok ? t('merchants.yes') : t('merchants.no')}
                </Tag>
              ))}
            </Space>
          </Card>
          <Card size="small" title={t('merchants.stepsTitle')}>
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={m.steps}
              data-testid="merchant-steps"
              locale={{ emptyText: t('merchants.noSteps') }}
              columns={[
                { dataIndex: 'on', title: t('merchants.stepOn'), ...oneLine },
                { dataIndex: 'stage', title: t('merchants.stage'), ...oneLine, render: (s: string) => t(`merchants.stages.${s}`) },
                { dataIndex: 'notes', title: t('merchants.stepNotes'), render: text },
              ]}
            />
          </Card>
          <Card size="small" title={t('merchants.agreementsTitle')}>
            <Table<MerchantAgreement>
              size="small"
              pagination={false}
              rowKey="id"
              loading={agreements.query.isLoading}
              dataSource={agreements.result.data}
              data-testid="merchant-agreements"
              locale={{ emptyText: t('merchants.noAgreements') }}
              columns={[
                { dataIndex: 'contractNo', title: t('merchants.contractNo'), ...oneLine },
                {
                  key: 'term',
                  title: t('merchants.term'),
                  ...oneLine,
                  render: (_, a) => `${t('merchants.termYears', { count: a.termYears })}，${t('merchants.termRange', { from: a.startOn, to: a.endOn })}`,
                },
                { dataIndex: 'currentEndOn', title: t('merchants.currentEndOn'), ...oneLine },
                {
                  dataIndex: 'state',
                  title: t('merchants.agreementState'),
                  ...oneLine,
                  render: (_, a) => (
                    <>
                      <AgreementStateTag state={a.state} />
                      {a.objectedBy && a.objectedOn && (
                        <Typography.Text type="secondary">
                          {t(`merchants.objectedBy.${a.objectedBy}`, { defaultValue: a.objectedBy })} {a.objectedOn}
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
                { dataIndex: 'discount', title: t('merchants.discount'), render: text },
                { dataIndex: 'businessScope', title: t('merchants.businessScope'), render: text },
              ]}
            />
          </Card>
          <Card size="small" title={t('merchants.changesTitle')}>
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={m.changes}
              data-testid="merchant-changes"
              locale={{ emptyText: t('merchants.noChanges') }}
              columns={[
                { dataIndex: 'reportedOn', title: t('merchants.reportedOn'), ...oneLine },
                { dataIndex: 'field', title: t('merchants.changeField'), ...oneLine, render: (f: string) => t(`merchants.fields.${f}`, { defaultValue: f }) },
                { dataIndex: 'oldValue', title: t('merchants.oldValue'), render: text },
                { dataIndex: 'newValue', title: t('merchants.newValue'), render: text },
              ]}
            />
          </Card>
          <Card size="small" title={t('merchants.plaqueTitle')}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'state', label: t('merchants.status'), children: <span data-testid="merchant-plaque">{plaque}</span> },
                { key: 'issued', label: t('merchants.plaqueIssuedOn'), children: m.plaqueIssuedOn ?? '—' },
                { key: 'withdrawn', label: t('merchants.plaqueWithdrawnOn'), children: m.plaqueWithdrawnOn ?? '—' },
              ]}
            />
          </Card>
          <Card size="small" title={t('merchants.visitsTitle')}>
            <Table<MerchantVisit>
              size="small"
              pagination={false}
              rowKey="id"
              loading={visits.query.isLoading}
              dataSource={visits.result.data}
              data-testid="merchant-visits"
              locale={{ emptyText: t('merchants.noVisits') }}
              columns={[
                { dataIndex: 'visitedOn', title: t('merchants.visitedOn'), ...oneLine },
                { dataIndex: 'method', title: t('merchants.method'), ...oneLine, render: (v: string) => t(`merchants.methods.${v}`) },
                { dataIndex: 'visitor', title: t('merchants.visitor'), ...oneLine },
                { dataIndex: 'covered', title: t('merchants.covered'), render: text },
                { dataIndex: 'pricesObserved', title: t('merchants.pricesObserved'), render: text },
                { dataIndex: 'serviceObserved', title: t('merchants.serviceObserved'), render: text },
                { dataIndex: 'memberFeedback', title: t('merchants.memberFeedback'), render: text },
              ]}
            />
          </Card>
        </Space>
      )}
    </Show>
  );
};
