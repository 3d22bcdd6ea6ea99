import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ActivityPlan } from '../types';

export interface ActivityValues {
  /** An activity already in the plan (in an adjustment). */
  id?: number;
  name: string;
  dates: [Dayjs, Dayjs];
  expectedParticipants: number;
  departments?: string[];
  brand?: boolean;
  budgetLines?: { item: string; amountYuan: number }[];
}

/** The form's activities as the API takes them (amounts in fen). */
export const activitiesBody = (activities: ActivityValues[] | undefined) =>
  (activities ?? []).map((a) => ({
    ...(a.id ? { id: a.id } : {}),
    name: a.name,
    startsOn: a.dates[0].format('YYYY-MM-DD'),
    endsOn: a.dates[1].format('YYYY-MM-DD'),
    expectedParticipants: a.expectedParticipants ?? 0,
    departments: a.departments ?? [],
    brand: Boolean(a.brand),
    budgetLines: (a.budgetLines ?? []).map((l) => ({ item: l.item, amountFen: Math.round((l.amountYuan ?? 0) * 100) })),
  }));

/** A plan's activities as form values (for an adjustment). */
export const activitiesValues = (activities: ActivityPlan['activities']): ActivityValues[] =>
  activities
    .filter((a) => !a.cancelled)
    .map((a) => ({
      id: a.id,
      name: a.name,
      dates: [dayjs(a.startsOn), dayjs(a.endsOn)],
      expectedParticipants: a.expectedParticipants,
      departments: a.departments,
      brand: a.brand,
      budgetLines: a.budgetLines.map((l) => ({ item: l.item, amountYuan: l.amountFen / 100 })),
    }));

/** The plan's activities: schedule, expected participants, departments, brand, budget by line. */
export const ActivityFields = () => {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('activity-plans.required') }];
  return (
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
  );
};
