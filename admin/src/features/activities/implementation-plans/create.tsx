import { Create, useForm } from '@refinedev/antd';
import type { HttpError } from '@refinedev/core';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorNotification } from '../../../shared/mutations';
import type { ImplementationPlan } from '../types';

const AUDIENCES = ['MEMBERS', 'PROSPECTS', 'SUPPLIERS'] as const satisfies readonly ImplementationPlan['audiences'][number][];

interface Values {
  unplanned?: boolean;
  name: string;
  theme: string;
  audiences: string[];
  place: string;
  dates: [Dayjs, Dayjs];
  expectedParticipants: number;
  departments?: string[];
  brand?: boolean;
  staffRoles?: { role: string; name: string }[];
  announcementDates?: { day: Dayjs }[];
  budgetLines?: { item: string; budgetYuan: number; sharedBy?: string[] }[];
}

/** the implementation plan of an activity of the annual plan (?plannedActivityId=), or an unplanned one. */
export const ImplementationPlanCreate = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const plannedActivityId = params.get('plannedActivityId') ? Number(params.get('plannedActivityId')) : undefined;
  const { formProps, saveButtonProps, onFinish } = useForm<ImplementationPlan, HttpError, Values>({
    resource: 'implementation-plans',
    action: 'create',
    redirect: 'show',
    errorNotification: errorNotification(t('errors.actionFailed'), true),
  });
  const required = [{ required: true, message: t('activity-plans.required') }];
  const toBody = (v: Values) => ({
    ...(plannedActivityId ? { plannedActivityId } : {}),
    unplanned: Boolean(v.unplanned) || !plannedActivityId,
    name: v.name,
    theme: v.theme,
    audiences: v.audiences,
    place: v.place,
    startsOn: v.dates[0].format('YYYY-MM-DD'),
    endsOn: v.dates[1].format('YYYY-MM-DD'),
    expectedParticipants: v.expectedParticipants ?? 0,
    departments: v.departments ?? [],
    brand: Boolean(v.brand),
    staffRoles: v.staffRoles ?? [],
    announcementDates: (v.announcementDates ?? []).filter((a) => a?.day).map((a) => a.day.format('YYYY-MM-DD')),
    budgetLines: (v.budgetLines ?? []).map((l) => ({ item: l.item, budgetFen: Math.round((l.budgetYuan ?? 0) * 100), sharedBy: l.sharedBy ?? [] })),
  });
  return (
    <Create saveButtonProps={{ ...saveButtonProps, 'data-testid': 'implementation-plan-save' } as typeof saveButtonProps}>
      <Form<Values> {...formProps} layout="vertical" initialValues={{ audiences: ['MEMBERS'], unplanned: !plannedActivityId, budgetLines: [{}] }} onFinish={(v) => onFinish(toBody(v) as never).catch(() => undefined)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('implementation-plans.name')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="theme" label={t('implementation-plans.theme')} rules={required}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="audiences" label={t('implementation-plans.audiences')} rules={required}>
              <Select mode="multiple" options={AUDIENCES.map((a) => ({ value: a, label: t(`implementation-plans.audience.${a}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="place" label={t('implementation-plans.place')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="dates" label={t('implementation-plans.startsOn')} rules={required}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="expectedParticipants" label={t('activity-plans.participants')} rules={required}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={12}>
            <Form.Item name="departments" label={t('activity-plans.departments')}>
              <Select mode="tags" tokenSeparators={[',', '，']} />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item name="brand" label={t('activity-plans.brand')} valuePropName="checked">
              <Checkbox />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item name="unplanned" label={t('implementation-plans.unplanned')} valuePropName="checked">
              <Checkbox disabled={!plannedActivityId} />
            </Form.Item>
          </Col>
        </Row>
        <Card size="small" title={t('implementation-plans.staffRoles')} style={{ marginBottom: 12 }}>
          <Form.List name="staffRoles">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="baseline">
                    <Form.Item name={[row.name, 'role']} rules={required}>
                      <Input placeholder={t('implementation-plans.staffRoles')} maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'name']} rules={required}>
                      <Input maxLength={50} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(row.name)} />
                  </Space>
                ))}
                <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add()} />
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={t('implementation-plans.announcementDates')} style={{ marginBottom: 12 }}>
          <Form.List name="announcementDates">
            {(rows, { add, remove }) => (
              <Space wrap>
                {rows.map((row) => (
                  <Space key={row.key} align="baseline">
                    <Form.Item name={[row.name, 'day']} rules={required}>
                      <DatePicker />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(row.name)} />
                  </Space>
                ))}
                <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add()} />
              </Space>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={t('implementation-plans.budgetLines')}>
          <Form.List name="budgetLines">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="baseline" wrap>
                    <Form.Item name={[row.name, 'item']} rules={required}>
                      <Input placeholder={t('implementation-plans.item')} maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'budgetYuan']} rules={required}>
                      <InputNumber min={0} precision={2} placeholder={t('activity-plans.amountYuan')} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'sharedBy']}>
                      <Select mode="tags" style={{ minWidth: 220 }} placeholder={t('implementation-plans.sharedBy')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(row.name)} />
                  </Space>
                ))}
                <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                  {t('activity-plans.addLine')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      </Form>
    </Create>
  );
};
