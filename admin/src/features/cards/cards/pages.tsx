import { useCustom, useShow } from '@refinedev/core';
import { getDefaultSortOrder, List, ListButton, RefreshButton, Show, ShowButton, useSelect, useTable } from '@refinedev/antd';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Table, Typography } from 'antd';
import { FileTextOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AllocateButton, CardActions, ReissueButton } from './actions';
import { SearchButtons, eqFilters, formValuesOf } from '../../../shared/search-bar';
import { CardStatusTag, dateTime, type CardRecord, type CardStatus } from '../components/card-parts';
import type { IssueRecordLine } from '../../../shared/api-types';
import { PrintPage } from '../../../shared/print-page';
import { useFileUrl } from '../../../shared/download';
import { allOf } from '../../../shared/enums';
import { oneLine, useWithTotal } from '../../../shared/table';
import { TwoLines } from '../../../shared/two-lines';

const STATUSES = allOf<CardStatus>()(['IN_PRODUCTION', 'READY', 'ISSUED', 'VOID']);
const FILTER_FIELDS = ['q', 'status', 'projectId'] as const;

interface SearchValues {
  q?: string;
  status?: string;
  projectId?: number;
}

export const CardList = () => {
  const { t } = useTranslation();
  const { tableProps, searchFormProps, sorters, filters } = useTable<CardRecord, { message: string; statusCode: number }, SearchValues>({
    resource: 'cards',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    onSearch: (values) => eqFilters(FILTER_FIELDS, values),
  });
  const withTotal = useWithTotal();
  const initialValues = formValuesOf<SearchValues>(filters);
  const form = searchFormProps.form!;
  const { selectProps: projectSelectProps } = useSelect({ resource: 'projects', optionLabel: 'name', optionValue: 'id', pagination: { pageSize: 200, mode: 'server' } });
  // The issue record prints the cards of the current filters.
  const recordQuery = new URLSearchParams(
    filters.flatMap((f) => ('field' in f && f.value !== undefined && f.value !== '' ? [[f.field, String(f.value)]] : [])),
  ).toString();

  return (
    <List
      headerButtons={() => (
        <Space>
          <Link to={`/cards/issue-record${recordQuery ? `?${recordQuery}` : ''}`}>
            <Button icon={<FileTextOutlined />} data-testid="issue-record-link">
              {t('cards.issueRecord')}
            </Button>
          </Link>
          <AllocateButton />
        </Space>
      )}
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} layout="inline" initialValues={initialValues}>
          <Form.Item name="q">
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('cards.searchPlaceholder')} style={{ width: 220 }} data-testid="card-search" />
          </Form.Item>
          <Form.Item name="status">
            <Select allowClear placeholder={t('cards.allStatuses')} style={{ width: 130 }} options={STATUSES.map((s) => ({ value: s, label: t(`cards.statuses.${s}`) }))} />
          </Form.Item>
          <Form.Item name="projectId">
            <Select {...projectSelectProps} allowClear showSearch placeholder={t('cards.allProjects')} style={{ width: 200 }} />
          </Form.Item>
          <SearchButtons form={form} fields={FILTER_FIELDS} />
        </Form>
      </Card>
      <Table<CardRecord> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" data-testid="cards-table" size="middle">
        <Table.Column<CardRecord>
          key="cardNo"
          dataIndex="cardNo"
          title={t('cards.fields.cardNo')}
          sorter
          defaultSortOrder={getDefaultSortOrder('cardNo', sorters)}
          {...oneLine}
          render={(no: string, c) => <Link to={`/cards/show/${c.id}`}>{no}</Link>}
        />
        <Table.Column<CardRecord> dataIndex="status" title={t('cards.fields.status')} {...oneLine} render={(s: CardStatus) => <CardStatusTag status={s} />} />
        <Table.Column<CardRecord> dataIndex="memberName" title={t('cards.fields.member')} render={(name: string, c) => <Link to={`/members/show/${c.memberId}`}>{name}</Link>} />
        <Table.Column<CardRecord>
          dataIndex="projectName"
          title={t('cards.fields.projectUnit')}
          render={(project: string, c) => <TwoLines sub={c.unitLabel}>{project}</TwoLines>}
        />
        <Table.Column<CardRecord> key="readyOn" dataIndex="readyOn" title={t('cards.fields.readyOn')} sorter {...oneLine} render={(v: string | null) => v ?? '—'} />
        <Table.Column<CardRecord> key="issuedOn" dataIndex="issuedOn" title={t('cards.fields.issuedOn')} sorter {...oneLine} render={(v: string | null) => v ?? '—'} />
        <Table.Column<CardRecord> dataIndex="collectorName" title={t('cards.fields.collectorName')} render={(v: string | null) => v ?? '—'} />
        <Table.Column<CardRecord>
          title={t('table.actions')}
          {...oneLine}
          render={(_, c) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={c.id} />
              <CardActions card={c} size="small" />
            </Space>
          )}
        />
      </Table>
    </List>
  );
};

export const CardShow = () => {
  const { t } = useTranslation();
  const { result: c, query } = useShow<CardRecord>({ resource: 'cards' });
  const yesNo = (v: boolean) => (v ? t('cards.yes') : t('cards.no'));
  return (
    <Show
      isLoading={query.isLoading}
      headerButtons={() => (
        <Space>
          <ListButton />
          {c && (
            <>
              <CardActions card={c} />
              <ReissueButton card={c} />
              <Link to={`/cards/print/${c.id}`}>
                <Button icon={<PrinterOutlined />}>{t('cards.printCard')}</Button>
              </Link>
              <Link to={`/cards/issue-record?id=${c.id}`}>
                <Button icon={<FileTextOutlined />}>{t('cards.issueRecord')}</Button>
              </Link>
            </>
          )}
          <RefreshButton />
        </Space>
      )}
    >
      {query.isError && <Alert type="error" showIcon message={query.error?.message || t('errors.notFound')} />}
      {c && (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'cardNo', label: t('cards.fields.cardNo'), children: <Typography.Text strong>{c.cardNo}</Typography.Text> },
            { key: 'status', label: t('cards.fields.status'), children: <CardStatusTag status={c.status} /> },
            { key: 'member', label: t('cards.fields.member'), children: <Link to={`/members/show/${c.memberId}`}>{c.memberName}</Link> },
            { key: 'mobile', label: t('cards.fields.mobile'), children: c.memberMobile ?? '—' },
            { key: 'project', label: t('cards.fields.project'), children: c.projectName },
            { key: 'unit', label: t('cards.fields.unit'), children: c.unitLabel },
            { key: 'range', label: t('cards.fields.range'), children: c.channel ? `${c.rangePrefix}（${c.channel}）` : c.rangePrefix },
            { key: 'createdAt', label: t('cards.fields.createdAt'), children: dateTime(c.createdAt) },
            { key: 'readyOn', label: t('cards.fields.readyOn'), children: c.readyOn ?? '—' },
            { key: 'ownerPhonedAt', label: t('cards.fields.ownerPhonedAt'), children: dateTime(c.ownerPhonedAt) },
            { key: 'issuedOn', label: t('cards.fields.issuedOn'), children: c.issuedOn ?? '—' },
            { key: 'collectorName', label: t('cards.fields.collectorName'), children: c.collectorName ?? '—' },
            { key: 'collectorPhone', label: t('cards.fields.collectorPhone'), children: c.collectorPhone ?? '—' },
            { key: 'collectorSigned', label: t('cards.fields.collectorSigned'), children: yesNo(c.collectorSigned) },
            { key: 'collectorIdChecked', label: t('cards.fields.collectorIdChecked'), children: yesNo(c.collectorIdChecked) },
            {
              key: 'replaces',
              label: t('cards.fields.replaces'),
              children: c.replacesCardId ? <Link to={`/cards/show/${c.replacesCardId}`}>{c.replacesCardNo}</Link> : '—',
            },
            {
              key: 'replacedBy',
              label: t('cards.fields.replacedBy'),
              children: c.replacedByCardId ? <Link to={`/cards/show/${c.replacedByCardId}`}>{c.replacedByCardNo}</Link> : '—',
            },
            { key: 'voidedAt', label: t('cards.fields.voidedAt'), children: dateTime(c.voidedAt) },
            { key: 'voidReason', label: t('cards.fields.voidReason'), children: c.voidReason ?? '—' },
          ]}
        />
      )}
    </Show>
  );
};

/**
 * The applicant's photo from the application's documents. The file needs the bearer token, so it
 * is fetched with the API client and shown from an object URL (an <img src> would go unsigned).
 */
const CardPhoto = ({ applicationId, documentId, placeholder }: { applicationId: number | null; documentId: number | null; placeholder: string }) => {
  const { url } = useFileUrl(applicationId && documentId ? `/applications/${applicationId}/documents/${documentId}` : null);
  return url ? <img src={url} alt="" data-testid="card-photo" style={{ width: '100%', height: '100%', objectFit: 'cover' }} /> : <>{placeholder}</>;
};

/** M-7: the card as printed — photo, name and number. */
export const CardPrint = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const { result: c, query } = useShow<CardRecord>({ resource: 'cards', id });
  return (
    <PrintPage width={420}>
      {query.isError && <Alert type="error" showIcon message={query.error?.message} />}
      {c && (
        <div
          data-testid="printed-card"
          style={{ width: '85.6mm', height: '54mm', border: '1px solid #333', borderRadius: 8, padding: '4mm', display: 'flex', gap: '4mm', boxSizing: 'border-box', fontFamily: 'serif' }}
        >
          <div
            style={{ width: '22mm', height: '28mm', border: '1px dashed #555', display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#888', fontSize: 11, flex: 'none' }}
            data-photo-document={c.photoDocumentId ?? undefined}
          >
            <CardPhoto applicationId={c.applicationId} documentId={c.photoDocumentId} placeholder={t('cards.photoPlaceholder')} />
          </div>
          <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', flex: 1 }}>
            <div style={{ fontWeight: 700, fontSize: 14 }}>{t('cards.cardTitle')}</div>
            <div style={{ fontSize: 12 }}>{c.projectName}</div>
            <div style={{ fontSize: 13 }}>
              {t('cards.cardHolder')}：<b>{c.memberName}</b>
            </div>
            <div style={{ fontSize: 15, letterSpacing: 1 }}>
              {t('cards.cardNumber')}：<b>{c.cardNo}</b>
            </div>
          </div>
        </div>
      )}
    </PrintPage>
  );
};

/** The issue record (appendix 4 of the club's rules), with a signature line per card. */
export const IssueRecordPrint = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = Object.fromEntries(params.entries());
  const { result, query: q } = useCustom<{ printedOn: string; lines: IssueRecordLine[] }>({ url: '/api/cards/issue-record', method: 'get', config: { query } });
  const data = result?.data;
  return (
    <PrintPage>
      <div className="no-print" style={{ marginBottom: 8, color: '#888' }}>
        {t('cards.record.filterHint')}
      </div>
      {q.isError && <Alert type="error" showIcon message={q.error?.message} />}
      <h2 style={{ textAlign: 'center', margin: '8px 0 16px' }}>{t('cards.record.title')}</h2>
      {data && <div style={{ marginBottom: 8, fontSize: 12 }}>{t('cards.record.printedOn', { date: data.printedOn })}</div>}
      {data && data.lines.length === 0 && <Empty description={t('cards.record.empty')} />}
      {data && data.lines.length > 0 && (
        <table className="grid" data-testid="issue-record">
          <thead>
            <tr>
              <th>{t('cards.record.no')}</th>
              <th>{t('cards.record.cardNo')}</th>
              <th>{t('cards.record.unit')}</th>
              <th>{t('cards.record.holder')}</th>
              <th>{t('cards.record.phone')}</th>
              <th>{t('cards.record.phoned')}</th>
              <th>{t('cards.record.issuedOn')}</th>
              <th style={{ width: 140 }}>{t('cards.record.collector')}</th>
            </tr>
          </thead>
          <tbody>
            {data.lines.map((l, i) => (
              <tr key={l.id}>
                <td>{i + 1}</td>
                <td>{l.cardNo}</td>
                <td>
                  {l.projectName} {l.unitLabel}
                </td>
                <td>{l.holderName}</td>
                <td>{l.holderPhone ?? ''}</td>
                <td>{l.ownerPhonedAt ? l.ownerPhonedAt.slice(0, 10) : ''}</td>
                <td>{l.issuedOn ?? ''}</td>
                <td style={{ height: 32 }}>{l.collectorSigned ? `${l.collectorName ?? ''} ✓` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PrintPage>
  );
};
