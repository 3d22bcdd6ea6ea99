import { getDefaultSortOrder, List, ShowButton, useSelect, useTable } from '@refinedev/antd';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CrudFilter } from '@refinedev/core';
import type { MerchantListItem, MerchantStage } from '../../shared/api-types';
import { useDownload } from '../../shared/download';
import { dateOnly } from '../../shared/format';
import { SearchButtons, eqFilters, formValuesOf } from '../../shared/search-bar';
import { oneLine, useWithTotal } from '../../shared/table';
import { TwoLines } from '../../shared/two-lines';
import { PIPELINES, RegionName, STAGES, STATUSES, StatusTag } from './components/merchant-parts';

interface SearchValues {
  q?: string;
  category?: string;
  regionCode?: string;
  pipeline?: string;
  stage?: string;
  status?: string;
  notVisitedThisQuarter?: string;
}

const FILTER_FIELDS = ['q', 'category', 'regionCode', 'pipeline', 'stage', 'status', 'notVisitedThisQuarter'] as const;

/** The filters as the API reads them (the same ones the Excel table takes). */
const asParams = (filters: CrudFilter[]): Record<string, unknown> =>
  Object.fromEntries(filters.flatMap((f) => ('field' in f && f.value !== undefined && f.value !== '' ? [[f.field, f.value]] : [])));

export const MerchantList = () => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const { start: download, busy } = useDownload();
  const { tableProps, searchFormProps, sorters, filters } = useTable<MerchantListItem, { message: string; statusCode: number }, SearchValues>({
    resource: 'merchants',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'id', order: 'desc' }] },
    onSearch: (values) => eqFilters(FILTER_FIELDS, values),
  });
  const { selectProps: regionSelectProps } = useSelect<{ code: string; name: string }>({ resource: 'regions', optionLabel: 'name', optionValue: 'code', pagination: { mode: 'off' } });
  const initialValues = formValuesOf<SearchValues>(filters);
  const form = searchFormProps.form!;

  return (
    <List
      headerButtons={
        <Button icon={<DownloadOutlined />} loading={busy} data-testid="merchants-export" onClick={() => void download('/merchants/table.xlsx', asParams(filters), 'merchants.xlsx')}>
          {t('merchants.exportTable')}
        </Button>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} layout="inline" initialValues={initialValues}>
          <Form.Item name="q">
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('merchants.searchPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="category">
            <Input allowClear placeholder={t('merchants.allCategories')} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="regionCode">
            <Select {...regionSelectProps} allowClear showSearch={false} placeholder={t('merchants.allRegions')} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="pipeline">
            <Select allowClear placeholder={t('merchants.allPipelines')} style={{ width: 150 }} options={PIPELINES.map((p) => ({ value: p, label: t(`merchants.pipelines.${p}`) }))} />
          </Form.Item>
          <Form.Item name="stage">
            <Select allowClear placeholder={t('merchants.allStages')} style={{ width: 120 }} options={STAGES.map((s) => ({ value: s, label: t(`merchants.stages.${s}`) }))} />
          </Form.Item>
          <Form.Item name="status">
            <Select allowClear placeholder={t('merchants.allStatuses')} style={{ width: 110 }} options={STATUSES.map((s) => ({ value: s, label: t(`merchants.statuses.${s}`) }))} />
          </Form.Item>
          <Form.Item name="notVisitedThisQuarter">
            <Select allowClear placeholder={t('merchants.visitFilter')} style={{ width: 140 }} options={[{ value: 'true', label: t('merchants.onlyNotVisited') }]} />
          </Form.Item>
          <SearchButtons form={form} fields={FILTER_FIELDS} />
        </Form>
      </Card>
      <Table<MerchantListItem> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" data-testid="merchants-table" size="middle">
        <Table.Column<MerchantListItem> key="id" dataIndex="id" title={t('merchants.id')} sorter defaultSortOrder={getDefaultSortOrder('id', sorters)} {...oneLine} />
        <Table.Column<MerchantListItem>
          key="name"
          dataIndex="name"
          title={t('merchants.name')}
          sorter
          defaultSortOrder={getDefaultSortOrder('name', sorters)}
          render={(name: string, r) => (
            <TwoLines sub={r.category}>
              <Link to={`/merchants/show/${r.id}`}>{name}</Link>
            </TwoLines>
          )}
        />
        <Table.Column<MerchantListItem> dataIndex="regionCode" title={t('merchants.region')} {...oneLine} render={(code: string) => <RegionName code={code} />} />
        <Table.Column<MerchantListItem> dataIndex="pipeline" title={t('merchants.pipeline')} render={(p: string) => t(`merchants.pipelines.${p}`)} />
        <Table.Column<MerchantListItem>
          key="stage"
          dataIndex="stage"
          title={t('merchants.stage')}
          sorter
          defaultSortOrder={getDefaultSortOrder('stage', sorters)}
          {...oneLine}
          render={(s: MerchantStage, r) => (r.nextStage ? <TwoLines sub={`${t('merchants.nextStage')}：${t(`merchants.stages.${r.nextStage}`)}`}>{t(`merchants.stages.${s}`)}</TwoLines> : t(`merchants.stages.${s}`))}
        />
        <Table.Column<MerchantListItem> key="status" dataIndex="status" title={t('merchants.status')} sorter defaultSortOrder={getDefaultSortOrder('status', sorters)} {...oneLine} render={(s: MerchantListItem['status']) => <StatusTag status={s} />} />
        <Table.Column<MerchantListItem> dataIndex="contact" title={t('merchants.contact')} {...oneLine} render={(c: string | null, r) => (c ? <TwoLines sub={r.phone ?? ''}>{c}</TwoLines> : t('merchants.none'))} />
        <Table.Column<MerchantListItem> key="signedOn" dataIndex="signedOn" title={t('merchants.signedOn')} sorter defaultSortOrder={getDefaultSortOrder('signedOn', sorters)} {...oneLine} render={(d: string | null) => d ?? t('merchants.none')} />
        <Table.Column<MerchantListItem> key="createdAt" dataIndex="createdAt" title={t('merchants.createdAt')} sorter defaultSortOrder={getDefaultSortOrder('createdAt', sorters)} {...oneLine} render={(d: string) => dateOnly(d)} />
        <Table.Column<MerchantListItem> title={t('table.actions')} {...oneLine} render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
};
