import { useNotification, useShow } from '@refinedev/core';
import { Create, CreateButton, List, ShowButton, useTable } from '@refinedev/antd';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Table } from 'antd';
import { PictureOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiMutation } from '../../shared/mutations';
import type { PickupBatchCreated, PickupBatchDetail, PickupBatchItem } from '../../shared/api-types';
import { dateItemProps } from '../../shared/member-form';
import { oneLine, useWithTotal } from '../../shared/table';
import { Deadline, StatusTag, useEnumOptions, type ApplicationListItem } from './components/application-parts';

type BatchItem = PickupBatchItem;
type BatchDetail = PickupBatchDetail;

export const PickupBatchList = () => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const { tableProps } = useTable<BatchItem>({ resource: 'pickup-batches', syncWithLocation: true, pagination: { pageSize: 20 } });
  return (
    <List headerButtons={<CreateButton />}>
      <Table<BatchItem> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" size="middle">
        <Table.Column dataIndex="batchNo" title={t('pickup-batches.fields.batchNo')} sorter {...oneLine} />
        <Table.Column dataIndex="pickupOn" title={t('pickup-batches.fields.pickupOn')} sorter {...oneLine} />
        <Table.Column<BatchItem> dataIndex="collectionPoint" title={t('pickup-batches.fields.collectionPoint')} render={(_, r) => `${t(`applications.points.${r.collectionPoint}`)} ${r.collectionPlace ?? ''}`} />
        <Table.Column dataIndex="handedOverBy" title={t('pickup-batches.fields.handedOverBy')} />
        <Table.Column dataIndex="receivedBy" title={t('pickup-batches.fields.receivedBy')} />
        <Table.Column dataIndex="applicationCount" title={t('pickup-batches.fields.count')} align="right" />
        <Table.Column<BatchItem> title="" render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
};

/** A weekly pickup (M-5): choose the applications not yet picked up from a collection point. */
export const PickupBatchCreate = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { open } = useNotification();
  const { pointOptions } = useEnumOptions();
  const [form] = Form.useForm();
  const [selected, setSelected] = useState<number[]>([]);
  const { run, busy: saving } = useApiMutation<PickupBatchCreated>({ invalidates: ['pickup-batches', 'applications'] });
  const point = Form.useWatch('collectionPoint', form) as string | undefined;
  const pickupOn = Form.useWatch('pickupOn', form) as string | undefined;
  const { tableProps } = useTable<ApplicationListItem>({
    resource: 'applications',
    pagination: { pageSize: 50 },
    filters: { permanent: [{ field: 'batched', operator: 'eq', value: 'false' }, ...(point ? [{ field: 'collectionPoint', operator: 'eq' as const, value: point }] : [])] },
    sorters: { initial: [{ field: 'receivedOn', order: 'asc' }] },
  });
  const nextTuesday = () => {
    const d = dayjs();
    return d.add((2 - d.day() + 7) % 7, 'day').format('YYYY-MM-DD');
  };

  const submit = async () => {
    const values = await form.validateFields();
    if (!selected.length) return open?.({ type: 'error', key: 'api-error', message: t('pickup-batches.noneSelected') });
    const batch = await run('/pickup-batches', { ...values, collectionPlace: values.collectionPlace || null, applicationIds: selected }, {
      form,
      success: (b) => [t('pickup-batches.created', { no: b.batchNo }), ...(b.warnings ?? []).map((w) => w.message)].join('；'),
    });
    if (batch) navigate(`/pickup-batches/show/${batch.id}`);
  };

  return (
    <Create saveButtonProps={{ onClick: () => void submit(), loading: saving } as never}>
      <Form form={form} layout="vertical" initialValues={{ pickupOn: nextTuesday(), collectionPoint: 'MANAGEMENT_OFFICE' }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="pickupOn" label={t('pickup-batches.fields.pickupOn')} rules={[{ required: true }]} {...dateItemProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="collectionPoint" label={t('pickup-batches.fields.collectionPoint')} rules={[{ required: true }]}>
              <Select options={pointOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="collectionPlace" label={t('pickup-batches.fields.collectionPlace')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="handedOverBy" label={t('pickup-batches.fields.handedOverBy')} rules={[{ required: true }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {pickupOn && dayjs(pickupOn).day() !== 2 && <Alert type="warning" showIcon message={t('pickup-batches.notTuesday')} style={{ marginBottom: 12 }} />}
      <Card size="small" title={t('pickup-batches.pick')}>
        <Table<ApplicationListItem> {...tableProps} rowKey="id" size="small" rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}>
          <Table.Column dataIndex="applicationNo" title={t('applications.fields.applicationNo')} {...oneLine} />
          <Table.Column dataIndex="applicantName" title={t('applications.fields.applicantName')} />
          <Table.Column<ApplicationListItem> title={t('applications.fields.unit')} render={(_, r) => `${r.projectName} ${r.unitLabel}`} />
          <Table.Column dataIndex="receivedOn" title={t('applications.fields.receivedOn')} {...oneLine} />
          <Table.Column<ApplicationListItem> title={t('applications.fields.status')} {...oneLine} render={(_, r) => <StatusTag status={r.status} />} />
          <Table.Column<ApplicationListItem> title={t('applications.fields.dueOn')} {...oneLine} render={(_, r) => <Deadline item={r} />} />
        </Table>
      </Card>
    </Create>
  );
};

const PRINT_CSS = `
@media print {
  body * { visibility: hidden; }
  .handover-record, .handover-record * { visibility: visible; }
  .handover-record { position: absolute; left: 0; top: 0; width: 100%; }
  .no-print { display: none !important; }
}
.handover-record table { width: 100%; border-collapse: collapse; }
.handover-record th, .handover-record td { border: 1px solid #333; padding: 4px 6px; font-size: 13px; text-align: left; }
.handover-record h2 { text-align: center; }
`;

/** Appendix 2: the handover record of a pickup, printable. */
export const PickupBatchShow = () => {
  const { t } = useTranslation();
  const { result: b, query } = useShow<BatchDetail>({ resource: 'pickup-batches' });
  if (query.isError) return <Alert type="error" showIcon message={query.error?.message || t('errors.notFound')} data-testid="record-error" />;
  return <Show isLoading={query.isLoading} b={b} t={t} />;
};

const Show = ({ isLoading, b, t }: { isLoading: boolean; b: BatchDetail | undefined; t: (k: string, o?: Record<string, unknown>) => string }) => (
  <Card loading={isLoading}>
    <style>{PRINT_CSS}</style>
    <div className="no-print" style={{ marginBottom: 12, textAlign: 'right' }}>
      {b && (
        <Link to={`/pickup-batches/photos/${b.id}`} style={{ marginRight: 8 }}>
          <Button icon={<PictureOutlined />} data-testid="photo-sheet-link">
            {t('pickup-batches.photos.button')}
          </Button>
        </Link>
      )}
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
        {t('pickup-batches.print')}
      </Button>
    </div>
    {b && (
      <div className="handover-record" data-testid="handover-record">
        <h2>{t('pickup-batches.record')}</h2>
        <p>
          {t('pickup-batches.fields.batchNo')}：{b.batchNo}　{t('pickup-batches.fields.pickupOn')}：{b.pickupOn}　{t('pickup-batches.fields.collectionPoint')}：
          {t(`applications.points.${b.collectionPoint}`)} {b.collectionPlace ?? ''}
        </p>
        <table>
          <thead>
            <tr>
              {(['seq', 'number', 'applicationDate', 'name', 'unit', 'documents', 'handedOverBy', 'receivedBy'] as const).map((c) => (
                <th key={c}>{t(`pickup-batches.cols.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r) => (
              <tr key={r.applicationId}>
                <td>{r.seq}</td>
                <td>{r.applicationNo}</td>
                <td>{r.applicationDate}</td>
                <td>{r.name}</td>
                <td>{r.projectName} {r.unit}</td>
                <td>{r.documents.map((d) => t(`applications.documents.${d}`)).join('、')}</td>
                <td>{r.handedOverBy}</td>
                <td>{r.receivedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ marginTop: 32 }}>
          {t('pickup-batches.signHandover')}＿＿＿＿＿＿＿＿　　{t('pickup-batches.signReceive')}＿＿＿＿＿＿＿＿
        </p>
      </div>
    )}
  </Card>
);
