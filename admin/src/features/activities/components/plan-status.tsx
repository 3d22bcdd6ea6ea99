import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../types';

const COLORS: Record<PlanStatus, string> = { DRAFT: 'default', SUBMITTED: 'processing', APPROVED: 'success', REJECTED: 'error' };

export const PlanStatusTag = ({ status }: { status: PlanStatus }) => {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`activity-plans.statuses.${status}`)}</Tag>;
};
