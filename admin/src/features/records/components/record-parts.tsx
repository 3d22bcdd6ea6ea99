import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

import { allOf } from '../../../shared/enums';
import type { ChangeChannel, ChangeRequestStatus } from '../../../shared/api-types';

export type { CalendarDay, ChangeChannel, ChangeRequest } from '../../../shared/api-types';
export type ChangeStatus = ChangeRequestStatus;

export const CHANNELS = allOf<ChangeChannel>()(['FAX', 'EMAIL', 'LETTER', 'IN_PERSON']);
export const STATUSES = allOf<ChangeStatus>()(['OPEN', 'APPLIED', 'REJECTED']);

/** Today in China (the club's day), as YYYY-MM-DD. */
export const clubToday = () => dayjs(Date.now() + (8 * 60 + new Date().getTimezoneOffset()) * 60_000).format('YYYY-MM-DD');

/** A deadline: red when overdue, orange when due today. */
export const DueDate = ({ dueOn, overdue, open }: { dueOn: string; overdue: boolean; open: boolean }) => {
  const { t } = useTranslation();
  const today = open && dueOn === clubToday();
  return (
    <Space size={4}>
      <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue} data-testid={overdue ? 'overdue' : undefined}>
        {dueOn}
      </Typography.Text>
      {overdue && <Tag color="red">{t('records.changes.overdue')}</Tag>}
      {today && <Tag color="orange">{t('records.changes.dueToday')}</Tag>}
    </Space>
  );
};

export const StatusTag = ({ status }: { status: ChangeStatus }) => {
  const { t } = useTranslation();
  const color = status === 'OPEN' ? 'processing' : status === 'APPLIED' ? 'success' : 'default';
  return <Tag color={color}>{t(`records.changes.statuses.${status}`)}</Tag>;
};
