import { useApiMutation } from '../../shared/mutations';
import type { HttpError } from '@refinedev/core';
import { useCan } from '@refinedev/core';
import { Create, List, useForm, useSelect, useTable } from '@refinedev/antd';
import { Alert, Button, Form, Input, InputNumber, Popconfirm, Progress, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { count, dateTime, type CardRange } from './components/card-parts';
import { eqFilters } from '../../shared/search-bar';
import { oneLine, useWithTotal } from '../../shared/table';

export const RangeList = () => {
  const { t } = useTranslation();
  const { run } = useApiMutation({ invalidates: ['card-ranges'] });
  const { data: canEdit } = useCan({ resource: 'card-ranges', action: 'edit' });
  const withTotal = useWithTotal();
  const { tableProps, searchFormProps } = useTable<CardRange, HttpError, { q?: string; active?: string }>({
    resource: 'card-ranges',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    onSearch: (v) => eqFilters(['q', 'active'], v),
  });
  return (
    <List>
      <Alert type="info" showIcon message={t('card-ranges.intro')} style={{ marginBottom: 16 }} />
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item name="q">
          <Input allowClear placeholder={t('card-ranges.fields.prefix')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="active">
          <Select
            allowClear
            placeholder={t('card-ranges.allActive')}
            style={{ width: 120 }}
            options={[
              { value: 'true', label: t('card-ranges.active') },
              { value: 'false', label: t('card-ranges.inactive') },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('buttons.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<CardRange> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" data-testid="card-ranges-table" size="middle">
        <Table.Column<CardRange> dataIndex="prefix" title={t('card-ranges.fields.prefix')} sorter {...oneLine} />
        <Table.Column<CardRange>
          title={t('card-ranges.fields.sample')}
          render={(_, r) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {r.firstCardNo} – {r.lastCardNo}
            </span>
          )}
        />
        <Table.Column<CardRange> title={t('card-ranges.target')} render={(_, r) => r.projectName ?? r.channel ?? '—'} />
        <Table.Column<CardRange>
          title={t('card-ranges.fields.used')}
          align="right"
          render={(_, r) => (
            <Space direction="vertical" size={0} style={{ minWidth: 160 }}>
              <span>
                {count(r.used)} / {count(r.toNo - r.fromNo + 1)}（{t('card-ranges.fields.remaining')} {count(r.remaining)}）
              </span>
              <Progress percent={Math.round((100 * r.used) / (r.toNo - r.fromNo + 1))} size="small" status={r.remaining === 0 ? 'exception' : 'normal'} showInfo={false} />
            </Space>
          )}
        />
        <Table.Column<CardRange>
          dataIndex="active"
          title={t('card-ranges.fields.active')}
          {...oneLine}
          render={(a: boolean) => (a ? <Tag color="success">{t('card-ranges.active')}</Tag> : <Tag>{t('card-ranges.inactive')}</Tag>)}
        />
        <Table.Column<CardRange> dataIndex="createdAt" title={t('card-ranges.fields.createdAt')} {...oneLine} render={dateTime} />
        <Table.Column<CardRange>
          title={t('table.actions')}
          {...oneLine}
          render={(_, r) =>
            r.active && canEdit?.can ? (
              <Popconfirm
                title={t('card-ranges.deactivateConfirm')}
                onConfirm={() => run(`/card-ranges/${r.id}/deactivate`, {}, { success: t('card-ranges.deactivated') })}
              >
                <Button size="small" danger>
                  {t('card-ranges.deactivate')}
                </Button>
              </Popconfirm>
            ) : null
          }
        />
      </Table>
    </List>
  );
};

interface RangeValues {
  prefix: string;
  fromNo: number;
  toNo: number;
  digits: number;
  projectId?: number | null;
  channel?: string | null;
}

export const RangeCreate = () => {
  const { t } = useTranslation();
  const [target, setTarget] = useState<'project' | 'channel'>('project');
  const { formProps, saveButtonProps } = useForm<CardRange, HttpError, RangeValues>({ resource: 'card-ranges', redirect: 'list', successNotification: () => ({ type: 'success', message: t('card-ranges.created') }) });
  const { selectProps } = useSelect({ resource: 'projects', optionLabel: 'name', optionValue: 'id', pagination: { pageSize: 200, mode: 'server' } });
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Alert type="info" showIcon message={t('card-ranges.intro')} style={{ marginBottom: 16 }} />
      <Form
        {...formProps}
        layout="vertical"
        initialValues={{ digits: 6, fromNo: 1 }}
        onFinish={(v) => formProps.onFinish?.({ ...(v as RangeValues), projectId: target === 'project' ? (v as RangeValues).projectId : null, channel: target === 'channel' ? (v as RangeValues).channel : null })}
        style={{ maxWidth: 560 }}
      >
        <Form.Item label={t('card-ranges.target')}>
          <Radio.Group value={target} onChange={(e) => setTarget(e.target.value)}>
            <Radio value="project">{t('card-ranges.targetProject')}</Radio>
            <Radio value="channel">{t('card-ranges.targetChannel')}</Radio>
          </Radio.Group>
        </Form.Item>
        {target === 'project' ? (
          <Form.Item name="projectId" label={t('card-ranges.fields.project')} rules={[{ required: true, message: t('card-ranges.projectRequired') }]}>
            <Select {...selectProps} showSearch />
          </Form.Item>
        ) : (
          <Form.Item name="channel" label={t('card-ranges.fields.channel')} rules={[{ required: true, whitespace: true, message: t('card-ranges.channelRequired') }]}>
            <Input maxLength={50} placeholder={t('card-ranges.channelPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="prefix" label={t('card-ranges.fields.prefix')} rules={[{ required: true, pattern: /^[A-Za-z0-9-]{1,10}$/, message: t('card-ranges.prefixRequired') }]}>
          <Input maxLength={10} style={{ width: 160 }} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="fromNo" label={t('card-ranges.fields.fromNo')} rules={[{ required: true, message: t('card-ranges.numberRequired') }]}>
            <InputNumber min={0} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="toNo" label={t('card-ranges.fields.toNo')} rules={[{ required: true, message: t('card-ranges.numberRequired') }]}>
            <InputNumber min={0} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="digits" label={t('card-ranges.fields.digits')} rules={[{ required: true }]}>
            <InputNumber min={1} max={12} precision={0} style={{ width: 100 }} />
          </Form.Item>
        </Space>
      </Form>
    </Create>
  );
};
