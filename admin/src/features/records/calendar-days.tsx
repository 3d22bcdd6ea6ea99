import { useState } from 'react';
import { useCan, useCustom, type CrudFilter } from '@refinedev/core';
import { List, useTable } from '@refinedev/antd';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { dateTime } from '../../shared/format';
import { useTranslation } from 'react-i18next';
import { API_URL } from '../../providers/data-provider';
import { useActionForm, useApiMutation } from '../../shared/mutations';
import type { CalendarDay } from './components/record-parts';
import { allOf } from '../../shared/enums';
import type { CalendarDayKind } from '../../shared/api-types';
import { oneLine, useWithTotal } from '../../shared/table';

const FIRST_YEAR = 2024;
const DAY_KINDS = allOf<CalendarDayKind>()(['HOLIDAY', 'WORKDAY']);

interface SearchValues {
  q?: string;
  kind?: string;
}

interface EditValues {
  date: Dayjs;
  kind: CalendarDayKind;
  name: string;
}

const yearFilters = (year: number): CrudFilter[] => [
  { field: 'date', operator: 'gte', value: `${year}-01-01` },
  { field: 'date', operator: 'lte', value: `${year}-12-31` },
];

/** Working day N from a date, computed by the API with the same calendar as every deadline. */
const WorkingDayCalculator = () => {
  const { t } = useTranslation();
  const [from, setFrom] = useState<Dayjs>(dayjs());
  const [n, setN] = useState<number>(1);
  const { result, query } = useCustom<{ date: string }>({
    url: `${API_URL}/calendar/working-days`,
    method: 'get',
    config: { query: { from: from.format('YYYY-MM-DD'), add: String(n) } },
    queryOptions: { enabled: Number.isInteger(n) && n >= 0 },
  });
  return (
    <Card size="small" title={t('records.calendar.calculator')} style={{ marginBottom: 16 }}>
      <Space wrap>
        <span>{t('records.calendar.calcFrom')}</span>
        <DatePicker value={from} allowClear={false} onChange={(d) => d && setFrom(d)} />
        <span>{t('records.calendar.calcAdd')}</span>
        <InputNumber min={0} max={366} precision={0} value={n} onChange={(v) => setN(v ?? 0)} />
        {result.data && !query.isFetching && (
          <Typography.Text strong data-testid="calc-result">
            {t('records.calendar.calcResult', { from: from.format('YYYY-MM-DD'), n, date: result.data.date })}
          </Typography.Text>
        )}
      </Space>
      <div>
        <Typography.Text type="secondary">{t('records.calendar.calcHint')}</Typography.Text>
      </div>
    </Card>
  );
};

export const CalendarPage = () => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const [year, setYear] = useState<number>(dayjs().year());
  const { data: canEdit } = useCan({ resource: 'calendar-days', action: 'edit' });
  const [editing, setEditing] = useState<CalendarDay | 'new' | null>(null);
  const edit = useActionForm<EditValues>({
    path: (values) => `/calendar-days/${values.date.format('YYYY-MM-DD')}`,
    method: 'put',
    body: (values) => ({ kind: values.kind, name: values.name }),
    invalidates: ['calendar-days'],
    success: t('records.calendar.saved'),
    onDone: () => setEditing(null),
  });
  const { run } = useApiMutation({ invalidates: ['calendar-days'] });

  const { tableProps, searchFormProps, setFilters } = useTable<CalendarDay, { message: string; statusCode: number }, SearchValues>({
    resource: 'calendar-days',
    syncWithLocation: false,
    pagination: { pageSize: 100 },
    sorters: { initial: [{ field: 'date', order: 'asc' }] },
    filters: { initial: yearFilters(dayjs().year()) },
    onSearch: (values) => [
      ...yearFilters(year),
      { field: 'q', operator: 'eq', value: values.q?.trim() || undefined },
      { field: 'kind', operator: 'eq', value: values.kind },
    ],
  });

  const chooseYear = (y: number) => {
    setYear(y);
    const values = searchFormProps.form?.getFieldsValue() as SearchValues;
    setFilters(
      [...yearFilters(y), { field: 'q', operator: 'eq', value: values?.q?.trim() || undefined }, { field: 'kind', operator: 'eq', value: values?.kind }],
      'replace',
    );
  };

  const rows = tableProps.dataSource ?? [];
  const hasEstimates = rows.some((d) => d.estimate);
  const years = Array.from({ length: Math.max(dayjs().year() + 2, 2027) - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

  const open = (day: CalendarDay | 'new') => {
    setEditing(day);
    edit.show();
  };
  const editValues = (day: CalendarDay | 'new' | null): Partial<EditValues> =>
    day && day !== 'new'
      ? { date: dayjs(day.date), kind: day.kind, name: day.name }
      : { kind: 'HOLIDAY', date: dayjs(`${year}-01-01`).isBefore(dayjs()) ? dayjs() : dayjs(`${year}-01-01`) };

  const remove = (day: CalendarDay) => run(`/calendar-days/${day.date}`, undefined, { method: 'delete', success: t('records.calendar.deleted') });

  const weekdays = t('records.calendar.weekdays', { returnObjects: true }) as string[];

  return (
    <List
      headerButtons={
        canEdit?.can ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="calendar-add">
            {t('records.calendar.add')}
          </Button>
        ) : null
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('records.calendar.intro')} description={canEdit?.can ? undefined : t('records.calendar.readOnly')} />
      {hasEstimates && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('records.calendar.estimateAlert', { year })} data-testid="estimate-alert" />}
      <WorkingDayCalculator />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} layout="inline">
          <Form.Item label={t('records.calendar.year')}>
            <Select value={year} onChange={chooseYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} data-testid="calendar-year" />
          </Form.Item>
          <Form.Item name="q">
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('records.calendar.searchPlaceholder')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              allowClear
              placeholder={t('records.calendar.allKinds')}
              style={{ width: 130 }}
              options={DAY_KINDS.map((k) => ({ value: k, label: t(`records.calendar.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('buttons.search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Table<CalendarDay> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" size="small" data-testid="calendar-table">
        <Table.Column<CalendarDay>
          title={t('records.calendar.month')}
          render={(_, d, i) => {
            const month = Number(d.date.slice(5, 7));
            const prev = i > 0 ? rows[i - 1] : undefined;
            return !prev || prev.date.slice(5, 7) !== d.date.slice(5, 7) ? <strong>{t('records.calendar.monthLabel', { month })}</strong> : null;
          }}
        />
        <Table.Column<CalendarDay> dataIndex="date" title={t('records.calendar.date')} {...oneLine} />
        <Table.Column<CalendarDay> dataIndex="weekday" title={t('records.calendar.weekday')} render={(w: number) => weekdays[w]} />
        <Table.Column<CalendarDay>
          dataIndex="kind"
          title={t('records.calendar.kind')}
          render={(k: CalendarDay['kind']) => <Tag color={k === 'HOLIDAY' ? 'red' : 'blue'}>{t(`records.calendar.kinds.${k}`)}</Tag>}
        />
        <Table.Column<CalendarDay>
          dataIndex="name"
          title={t('records.calendar.name')}
          render={(name: string, d) => (
            <Space>
              {name}
              {d.estimate && <Tag color="gold">{t('records.calendar.estimate')}</Tag>}
            </Space>
          )}
        />
        <Table.Column<CalendarDay> dataIndex="updatedAt" title={t('records.calendar.updatedAt')} render={dateTime} {...oneLine} />
        {canEdit?.can && (
          <Table.Column<CalendarDay>
            title={t('table.actions')}
            render={(_, d) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => open(d)} aria-label={t('buttons.edit')} />
                <Popconfirm title={t('records.calendar.deleteConfirm')} onConfirm={() => remove(d)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} />
                </Popconfirm>
              </Space>
            )}
          />
        )}
      </Table>
      <Modal
        {...edit.modalProps}
        title={editing && editing !== 'new' ? t('records.calendar.editTitle', { date: editing.date }) : t('records.calendar.addTitle')}
        okText={t('buttons.save')}
        cancelText={t('buttons.cancel')}
      >
        <Form<EditValues> {...edit.formProps} initialValues={editValues(editing)}>
          <Form.Item name="date" label={t('records.calendar.date')} rules={[{ required: true, message: t('records.calendar.dateRequired') }]}>
            <DatePicker disabled={editing !== 'new'} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="kind" label={t('records.calendar.kind')} rules={[{ required: true, message: t('records.calendar.kindRequired') }]}>
            <Radio.Group>
              {DAY_KINDS.map((k) => (
                <Radio key={k} value={k}>
                  {t(`records.calendar.kinds.${k}`)}（{t(`records.calendar.kindHelp.${k}`)}）
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="name" label={t('records.calendar.name')} rules={[{ required: true, whitespace: true, message: t('records.calendar.nameRequired') }, { max: 50 }]}>
            <Input placeholder={t('records.calendar.namePlaceholder')} maxLength={50} />
          </Form.Item>
        </Form>
      </Modal>
    </List>
  );
};
