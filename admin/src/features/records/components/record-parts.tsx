import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export interface CalendarDay {
  id: string;
  date: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  name: string;
  weekday: number;
  estimate: boolean;
  updatedAt: string;
}

export type ChangeStatus = 'OPEN' | 'APPLIED' | 'REJECTED';
export type ChangeChannel = 'FAX' | 'EMAIL' | 'LETTER' | 'IN_PERSON';

export interface ChangeRequest {
  id: number;
  memberId: number;
  memberName: string;
  projectName: string;
  unitLabel: string;
  channel: ChangeChannel;
  receivedOn: string;
  dueOn: string;
  description: string;
  changes: Record<string, unknown>;
  status: ChangeStatus;
  overdue: boolean;
  late: boolean;
  rejectReason: string | null;
  createdByName: string | null;
  createdAt: string;
  handledByName: string | null;
  handledAt: string | null;
  masked: boolean;
}

export const CHANNELS: ChangeChannel[] = ['FAX', 'EMAIL', 'LETTER', 'IN_PERSON'];
export const STATUSES: ChangeStatus[] = ['OPEN', 'APPLIED', 'REJECTED'];

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

/** Field errors from the API, for forms not driven by Refine's useForm. */
export const fieldErrors = (error: unknown): { name: (string | number)[]; errors: string[] }[] => {
  const errors = (error as { errors?: Record<string, string | string[]> })?.errors ?? {};
  return Object.entries(errors).map(([path, message]) => ({
    name: path.split('.'),
    errors: Array.isArray(message) ? message : [String(message)],
  }));
};
