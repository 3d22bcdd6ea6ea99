import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../shared/mutations';

/** Submits an activity plan or an implementation plan for approval, after a confirmation. */
export const SubmitButton = ({ path, label, success, invalidates, testId }: { path: string; label: string; success: string; invalidates: string[]; testId: string }) => {
  const { t } = useTranslation();
  const { run, busy } = useApiMutation({ invalidates: [...invalidates, 'approvals'] });
  return (
    <Popconfirm title={t('activity-plans.submitConfirm')} onConfirm={() => run(path, {}, { success })}>
      <Button type="primary" loading={busy} data-testid={testId}>
        {label}
      </Button>
    </Popconfirm>
  );
};
