import { Create, useForm } from '@refinedev/antd';
import type { HttpError } from '@refinedev/core';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorNotification } from '../../../shared/mutations';
import type { ActivityPlan } from '../types';

interface ActivityValues {
  name: string;
  dates: [Dayjs, Dayjs];
  expectedParticipants: number;
  departments?: string[];
  brand?: boolean;
  budgetLines?: { item: string; amountYuan: number }[];
}
interface Values {
  year: number;
  title: string;
  lastYearFixes: string;
  memberSummary: string;
  activities?: ActivityValues[];
}

const toBody = (v: Values) => ({
  year: v.year,
  title: v.title,
  lastYearFixes: v.lastYearFixes,
  memberSummary: v.memberSummary,
  activities: (v.activities ?? []).map((a) => ({
    name: a.name,
    startsOn: a.dates[0].format('YYYY-MM-DD'),
    endsOn: a.dates[1].format('YYYY-MM-DD'),
    expectedParticipants: a.expectedParticipants ?? 0,
    departments: a.departments ?? [],
    brand: Boolean(a.brand),
    budgetLines: (a.budgetLines ?? []).map((l) => ({ item: l.item, amountFen: Math.round((l.amountYuan ?? 0) * 100) })),
  })),
});

export const ActivityPlanCreate = () => {
  const { t } = useTranslation();
  const { formProps, saveButtonProps, onFinish } = useForm<ActivityPlan, HttpError, Values>({
    resource: 'activity-plans',
    action: 'create',
    redirect: 'show',
    errorNotification: errorNotification(t('errors.actionFailed'), true),
  });
  const required = [{ required: true, message: t('activity-plans.required') }];
  return (
    <Create saveButtonProps={{ ...saveButtonProps, 'data-testid': 'activity-plan-save' } as typeof saveButtonProps}>
      <Form<Values> {...formProps} layout="vertical" initialValues={{ year: dayjs().year() + 1, activities: [] }} onFinish={(v) => onFinish(toBody(v) as never).catch(() => undefined)}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="year" label={t('activity-plans.year')} rules={required}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="title" label={t('activity-plans.title')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="lastYearFixes" label={t('activity-plans.lastYearFixes')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="memberSummary" label={t('activity-plans.memberSummary')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.List name="activities">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Card key={field.key} size="small" style={{ marginBottom: 12 }} extra={<MinusCircleOutlined onClick={() => remove(field.name)} />}>
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'name']} label={t('activity-plans.activityName')} rules={required}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'dates']} label={`${t('activity-plans.startsOn')} – ${t('activity-plans.endsOn')}`} rules={required}>
                        <DatePicker.RangePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, 'expectedParticipants']} label={t('activity-plans.participants')} rules={required}>
                        <InputNumber min={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, 'brand']} label={t('activity-plans.brand')} valuePropName="checked">
                        <Checkbox />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item name={[field.name, 'departments']} label={t('activity-plans.departments')}>
                        <Select mode="tags" tokenSeparators={[',', '，']} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.List name={[field.name, 'budgetLines']}>
                    {(lines, lineOps) => (
                      <>
                        {lines.map((line) => (
                          <Space key={line.key} align="baseline">
                            <Form.Item name={[line.name, 'item']} rules={required}>
                              <Input placeholder={t('activity-plans.item')} maxLength={200} />
                            </Form.Item>
                            <Form.Item name={[line.name, 'amountYuan']} rules={required}>
                              <InputNumber min={0} precision={2} placeholder={t('activity-plans.amountYuan')} />
                            </Form.Item>
                            <MinusCircleOutlined onClick={() => lineOps.remove(line.name)} />
                          </Space>
                        ))}
                        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => lineOps.add()}>
                          {t('activity-plans.addLine')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ expectedParticipants: 0, budgetLines: [] })} data-testid="activity-plan-add-activity">
                {t('activity-plans.addActivity')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Create>
  );
};
