import { errorNotification, useActionForm } from '../../shared/mutations';
import type { HttpError } from '@refinedev/core';
import { useCan } from '@refinedev/core';
import { List, useModalForm, useTable } from '@refinedev/antd';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { count, dateTime, money, numeric, quarterLabel, quarterName, type FeeStatement, type ProjectFigures } from './components/card-parts';
import { useDownload } from '../../shared/download';

// ───────────────────────── quarter-end statements ─────────────────────────

const StatementDetail = ({ s }: { s: FeeStatement }) => {
  const { t } = useTranslation();
  return (
    <Table<ProjectFigures>
      size="small"
      rowKey="projectId"
      pagination={false}
      dataSource={s.byProject}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <b>{t('fee-statements.total')}</b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">{count(s.cardCount)}</Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">{count(s.byProject.reduce((n, p) => n + p.newCardCount, 0))}</Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">{count(s.byProject.reduce((n, p) => n + p.replacementCount, 0))}</Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">
            {money(s.incomeFen)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} align="right">{count(s.waivedCount)}</Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    >
      <Table.Column dataIndex="projectCode" title={t('fee-statements.fields.projectCode')} />
      <Table.Column dataIndex="projectName" title={t('fee-statements.fields.projectName')} />
      <Table.Column dataIndex="cardCount" title={t('fee-statements.fields.cardCount')} {...numeric} render={(n: number) => count(n)} />
      <Table.Column dataIndex="newCardCount" title={t('fee-statements.fields.newCardCount')} {...numeric} render={(n: number) => count(n)} />
      <Table.Column dataIndex="replacementCount" title={t('fee-statements.fields.replacementCount')} {...numeric} render={(n: number) => count(n)} />
      <Table.Column dataIndex="incomeFen" title={t('fee-statements.fields.income')} {...numeric} render={(fen: number) => money(fen)} />
      <Table.Column dataIndex="waivedCount" title={t('fee-statements.fields.waivedCount')} {...numeric} render={(n: number) => count(n)} />
    </Table>
  );
};

/** The quarter just ended (or the last one of last year in the first quarter). */
const lastQuarter = () => {
  const now = new Date();
  const quarter = Math.floor(now.getMonth() / 3) || 4;
  return { year: quarter === 4 && now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear(), quarter };
};

export const StatementList = () => {
  const { start: download } = useDownload();
  const { t } = useTranslation();
  const [signing, setSigning] = useState<FeeStatement | null>(null);
  const create = useModalForm<FeeStatement, HttpError, { year: number; quarter: number }>({
    resource: 'fee-statements',
    action: 'create',
    redirect: false,
    successNotification: () => ({ type: 'success', message: t('fee-statements.created') }),
    errorNotification: errorNotification(t('errors.actionFailed')),
  });
  const sign = useActionForm<{ differencesNote?: string }>({
    path: () => `/fee-statements/${signing?.id}/sign`,
    body: (v) => ({ differencesNote: v.differencesNote || null }),
    invalidates: ['fee-statements'],
    success: t('fee-statements.signed'),
    onDone: () => setSigning(null),
  });
  const { data: canCreate } = useCan({ resource: 'fee-statements', action: 'create' });
  const { data: canSign } = useCan({ resource: 'fee-statements', action: 'edit' });
  const { tableProps } = useTable<FeeStatement, HttpError>({ resource: 'fee-statements', syncWithLocation: true, pagination: { pageSize: 20 } });
  return (
    <List
      headerButtons={() =>
        canCreate?.can ? (
          <Button type="primary" onClick={() => create.show()} data-testid="statement-create">
            {t('fee-statements.create')}
          </Button>
        ) : null
      }
    >
      <Table<FeeStatement> {...tableProps} rowKey="id" data-testid="statements-table" expandable={{ expandedRowRender: (s) => <StatementDetail s={s} /> }}>
        <Table.Column<FeeStatement> title={t('fee-statements.fields.period')} render={(_, s) => quarterLabel(s.year, s.quarter)} />
        <Table.Column<FeeStatement> dataIndex="cardCount" title={t('fee-statements.fields.cardCount')} {...numeric} render={(n: number) => count(n)} />
        <Table.Column<FeeStatement> dataIndex="incomeFen" title={t('fee-statements.fields.income')} {...numeric} render={(fen: number) => money(fen)} />
        <Table.Column<FeeStatement> dataIndex="waivedCount" title={t('fee-statements.fields.waivedCount')} {...numeric} render={(n: number) => count(n)} />
        <Table.Column<FeeStatement> title={t('fee-statements.fields.preparedBy')} render={(_, s) => `${s.preparedByName ?? ''} ${dateTime(s.preparedAt)}`} />
        <Table.Column<FeeStatement>
          title={t('fee-statements.fields.signedBy')}
          render={(_, s) => (s.signedAt ? <Tag color="success">{`${s.signedByName ?? ''} ${dateTime(s.signedAt)}`}</Tag> : <Tag color="warning">{t('fee-statements.unsigned')}</Tag>)}
        />
        <Table.Column<FeeStatement> dataIndex="differencesNote" title={t('fee-statements.fields.differencesNote')} render={(v: string | null) => v ?? '—'} />
        <Table.Column<FeeStatement>
          title={t('table.actions')}
          render={(_, s) => (
            <Space>
              <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(`/fee-statements/${s.id}/export.xlsx`, {}, `card-fees-${s.year}-Q${s.quarter}.xlsx`)}>
                {t('fee-statements.download')}
              </Button>
              {!s.signedAt && canSign?.can && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    setSigning(s);
                    sign.show();
                  }}
                  data-testid="statement-sign"
                >
                  {t('fee-statements.sign')}
                </Button>
              )}
            </Space>
          )}
        />
      </Table>
      <Modal {...create.modalProps} title={t('fee-statements.createTitle')} destroyOnHidden>
        <Alert type="info" showIcon message={t('fee-statements.createHelp')} style={{ marginBottom: 16 }} />
        <Form {...create.formProps} layout="inline" preserve={false} initialValues={lastQuarter()}>
          <Form.Item name="year" label={t('fee-statements.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="quarter" label={t('fee-statements.quarter')} rules={[{ required: true }]}>
            <Select style={{ width: 110 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: quarterName(q) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal {...sign.modalProps} title={t('fee-statements.signTitle')}>
        {signing && (
          <>
            <Descriptions
              size="small"
              bordered
              column={1}
              style={{ marginBottom: 16 }}
              items={[
                { key: 'p', label: t('fee-statements.fields.period'), children: quarterLabel(signing.year, signing.quarter) },
                { key: 'c', label: t('fee-statements.fields.cardCount'), children: count(signing.cardCount) },
                { key: 'i', label: t('fee-statements.fields.income'), children: money(signing.incomeFen) },
                { key: 'w', label: t('fee-statements.fields.waivedCount'), children: count(signing.waivedCount) },
              ]}
            />
            <Alert type="info" showIcon message={t('fee-statements.signHelp')} style={{ marginBottom: 16 }} />
          </>
        )}
        <Form {...sign.formProps}>
          <Form.Item name="differencesNote" label={t('fee-statements.fields.differencesNote')}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </List>
  );
};
