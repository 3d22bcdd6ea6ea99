import { List, useTable } from '@refinedev/antd';
import { Alert, Button, Card, Col, Form, Progress, Radio, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCustom, useNotification } from '@refinedev/core';
import { API_URL } from '../../providers/data-provider';
import { useApiMutation } from '../../shared/mutations';
import { dateTime, type ImportJob, type ReportRow } from './components/privacy-parts';
import { useDownload } from '../../shared/download';
import type { ImportStatus } from '../../shared/api-types';
import { oneLine, useWithTotal } from '../../shared/table';

const RUNNING = new Set<string>(['VALIDATING', 'VALIDATED', 'IMPORTING'] satisfies ImportStatus[]);
const STATUS_COLOR: Record<ImportJob['status'], string> = { VALIDATING: 'processing', VALIDATED: 'processing', IMPORTING: 'processing', DONE: 'green', FAILED: 'red' };

/** Polls the job every second while it runs; the report table pages through the server. */
function useJob(id: number | undefined, page: { current: number; pageSize: number }) {
  const start = (page.current - 1) * page.pageSize;
  const { result } = useCustom<ImportJob>({
    url: `${API_URL}/imports/${id}`,
    method: 'get',
    config: { query: { _start: start, _end: start + page.pageSize } },
    queryOptions: {
      enabled: Boolean(id),
      refetchInterval: (query) => (RUNNING.has(query.state.data?.data.status ?? '') ? 1000 : false),
    },
  });
  return result?.data ?? null;
}

const JobResult = ({ id }: { id: number }) => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const job = useJob(id, page);
  const { start, busy } = useDownload();
  if (!job) return null;
  const running = RUNNING.has(job.status);
  return (
    <Card
      title={
        <Space>
          <FileExcelOutlined />
          {job.fileName}
          <Tag color={STATUS_COLOR[job.status]}>{t(`imports.statuses.${job.status}`)}</Tag>
        </Space>
      }
      extra={
        job.invalidRows > 0 && !running ? (
          <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void start(`/imports/${job.id}/report.xlsx`, {}, 'import-report.xlsx')}>
            {t('imports.downloadReport')}
          </Button>
        ) : null
      }
    >
      <Progress percent={job.progress} status={job.status === 'FAILED' ? 'exception' : running ? 'active' : 'success'} data-testid="import-progress" />
      <Typography.Text type="secondary">{t('imports.progressText', { processed: job.processedRows, total: job.totalRows })}</Typography.Text>
      <Row gutter={16} style={{ margin: '16px 0' }}>
        <Col span={4}>
          <Statistic title={t('imports.fields.totalRows')} value={job.totalRows} />
        </Col>
        <Col span={4}>
          <Statistic title={t('imports.fields.validRows')} value={job.validRows} />
        </Col>
        <Col span={4}>
          <Statistic title={t('imports.fields.invalidRows')} value={job.invalidRows} valueStyle={job.invalidRows ? { color: '#cf1322' } : undefined} />
        </Col>
        <Col span={4}>
          <Statistic title={t('imports.fields.createdRows')} value={job.createdRows} valueStyle={{ color: '#3f8600' }} />
        </Col>
        <Col span={5}>
          <Statistic title={t('imports.fields.skippedRows')} value={job.skippedRows} />
        </Col>
      </Row>
      {job.status === 'FAILED' && <Alert type="error" showIcon message={job.error} style={{ marginBottom: 16 }} />}
      {job.status === 'DONE' && job.mode === 'ALL_OR_NOTHING' && job.invalidRows > 0 && <Alert type="warning" showIcon message={t('imports.nothingImported')} style={{ marginBottom: 16 }} />}
      {job.status === 'DONE' && !(job.mode === 'ALL_OR_NOTHING' && job.invalidRows > 0) && (
        <Alert type="success" showIcon message={t('imports.done', { created: job.createdRows, skipped: job.skippedRows, invalid: job.invalidRows })} style={{ marginBottom: 16 }} />
      )}
      {!running && (
        <>
          <Typography.Title level={5}>{t('imports.report')}</Typography.Title>
          <Table<ReportRow>
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={job.report ?? []}
            locale={{ emptyText: t('imports.noErrors') }}
            pagination={withTotal({ ...page, total: job.reportTotal ?? 0, showSizeChanger: true, onChange: (current, pageSize) => setPage({ current, pageSize }) })}
          >
            <Table.Column<ReportRow> dataIndex="row" title={t('imports.reportRow')} width={80} />
            <Table.Column<ReportRow> dataIndex="column" title={t('imports.reportColumn')} width={140} />
            <Table.Column<ReportRow> dataIndex="message" title={t('imports.reportMessage')} render={(m: string) => <Typography.Text type="danger">{m}</Typography.Text>} />
          </Table>
        </>
      )}
    </Card>
  );
};

/** 会员导入: upload with a mode, progress while it runs, the per-row report, and past imports. */
export const MemberImport = () => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const { open } = useNotification();
  const navigate = useNavigate();
  const { id } = useParams();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [mode, setMode] = useState<ImportJob['mode']>('VALID_ONLY');
  const template = useDownload();
  const { tableProps } = useTable<ImportJob>({ resource: 'imports', syncWithLocation: false, pagination: { pageSize: 10 } });
  const { run, busy } = useApiMutation<ImportJob>({ invalidates: ['imports'] });

  const submit = async () => {
    const file = files[0]?.originFileObj;
    if (!file) {
      open?.({ type: 'error', key: 'api-error', message: t('imports.fileRequired') });
      return;
    }
    const form = new FormData();
    form.append('mode', mode);
    form.append('file', file, file.name);
    const job = await run('/imports', form);
    if (!job) return;
    setFiles([]);
    navigate(`/imports/show/${job.id}`);
  };

  return (
    <List
      headerButtons={() => (
        <Button icon={<DownloadOutlined />} loading={template.busy} onClick={() => void template.start('/imports/template.xlsx', {}, 'member-import-template.xlsx')}>
          {t('imports.template')}
        </Button>
      )}
    >
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Form.Item>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList.slice(-1))}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.upload')}</p>
              <p className="ant-upload-hint">{t('imports.uploadHint')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item label={t('imports.mode')}>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
              <Space direction="vertical">
                <Radio value="VALID_ONLY">{t('imports.modes.VALID_ONLY')}</Radio>
                <Radio value="ALL_OR_NOTHING">{t('imports.modes.ALL_OR_NOTHING')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="import-start">
            {t('imports.start')}
          </Button>
        </Form>
      </Card>
      {id && <JobResult key={id} id={Number(id)} />}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('imports.history')}
      </Typography.Title>
      <Table {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" size="small">
        <Table.Column<ImportJob> dataIndex="createdAt" title={t('imports.fields.createdAt')} render={dateTime} {...oneLine} />
        <Table.Column<ImportJob> dataIndex="fileName" title={t('imports.fields.fileName')} />
        <Table.Column<ImportJob> dataIndex="mode" title={t('imports.fields.mode')} render={(m: string) => t(`imports.modeShort.${m}`)} />
        <Table.Column<ImportJob> dataIndex="status" title={t('imports.fields.status')} render={(s: ImportJob['status']) => <Tag color={STATUS_COLOR[s]}>{t(`imports.statuses.${s}`)}</Tag>} />
        <Table.Column<ImportJob> dataIndex="totalRows" title={t('imports.fields.totalRows')} align="right" {...oneLine} />
        <Table.Column<ImportJob> dataIndex="createdRows" title={t('imports.fields.createdRows')} align="right" {...oneLine} />
        <Table.Column<ImportJob> dataIndex="skippedRows" title={t('imports.fields.skippedRows')} align="right" {...oneLine} />
        <Table.Column<ImportJob>
          dataIndex="invalidRows"
          title={t('imports.fields.invalidRows')}
          render={(n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n)}
        />
        <Table.Column<ImportJob>
          title=""
          render={(_, r) => (
            <Button size="small" onClick={() => navigate(`/imports/show/${r.id}`)}>
              {t('imports.view')}
            </Button>
          )}
        />
      </Table>
    </List>
  );
};

