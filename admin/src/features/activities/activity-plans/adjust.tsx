import { useShow } from '@refinedev/core';
import { Edit } from '@refinedev/antd';
import { Alert, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../shared/mutations';
import { ActivityFields, activitiesBody, activitiesValues, type ActivityValues } from '../components/activity-fields';
import type { ActivityPlan } from '../types';

interface Values {
  reason: string;
  activities?: ActivityValues[];
}

/** An in-year adjustment: the plan's activities as they are, changed; it becomes the next version once approved. */
export const ActivityPlanAdjust = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { result: p, query } = useShow<ActivityPlan>({ resource: 'activity-plans' });
  const { run, busy } = useApiMutation({ invalidates: ['activity-plans', 'approvals'] });
  const [form] = Form.useForm<Values>();
  const rejected = p?.versions.find((v) => v.status === 'REJECTED');
  const submit = async (v: Values) => {
    if (!p) return;
    const body = { reason: v.reason, activities: activitiesBody(v.activities) };
    const path = rejected ? `/activity-plans/adjustments/${rejected.id}/resubmit` : `/activity-plans/${p.id}/adjustments`;
    const answer = await run(path, body, { form, success: t('activity-plans.adjustmentSubmitted') });
    if (answer !== undefined) navigate(`/activity-plans/show/${p.id}`);
  };
  return (
    <Edit title={t('activity-plans.adjust')} isLoading={query.isLoading} saveButtonProps={{ loading: busy, onClick: () => form.submit(), 'data-testid': 'activity-plan-adjust-save' } as never}>
      {p && (
        <Form<Values> form={form} layout="vertical" initialValues={{ reason: rejected?.reason ?? '', activities: activitiesValues(p.activities) }} onFinish={(v) => void submit(v)}>
          {rejected && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('activity-plans.reviseRejected', { number: rejected.number })} />}
          <Form.Item name="reason" label={t('activity-plans.reason')} rules={[{ required: true, whitespace: true, message: t('activity-plans.required') }]}>
            <Input.TextArea rows={2} maxLength={1000} showCount />
          </Form.Item>
          <ActivityFields />
        </Form>
      )}
    </Edit>
  );
};
