import { Create, useForm } from '@refinedev/antd';
import type { HttpError } from '@refinedev/core';
import { Col, Form, Input, InputNumber, Row } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorNotification } from '../../../shared/mutations';
import type { ActivityPlan } from '../types';
import { ActivityFields, activitiesBody, type ActivityValues } from '../components/activity-fields';

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
  activities: activitiesBody(v.activities),
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
        <ActivityFields />
      </Form>
    </Create>
  );
};
