import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useEnum, type EnumName } from '../../pages/members/options';

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

export interface HistoryEntry {
  id: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  masked: boolean;
  changedAt: string;
  changedByName: string | null;
  changeRequestId: number | null;
}

export const CHANNELS: ChangeChannel[] = ['FAX', 'EMAIL', 'LETTER', 'IN_PERSON'];
export const STATUSES: ChangeStatus[] = ['OPEN', 'APPLIED', 'REJECTED'];

/** Member fields whose values are codes of a closed set (translated with the member form's labels). */
const ENUM_FIELDS: Record<string, EnumName> = {
  title: 'title',
  sex: 'sex',
  relation: 'relation',
  status: 'status',
  idType: 'idType',
  education: 'education',
  employmentStatus: 'employmentStatus',
  maritalStatus: 'maritalStatus',
  mailingAddress: 'mailingAddress',
  joinReasons: 'joinReasons',
};

/** Today in China (the club's day), as YYYY-MM-DD. */
export const clubToday = () => dayjs(Date.now() + (8 * 60 + new Date().getTimezoneOffset()) * 60_000).format('YYYY-MM-DD');

/** Labels and readable values of member fields, shared by the change requests and the history. */
export const useMemberFields = () => {
  const { t } = useTranslation();
  const { label: enumLabel } = useEnum();
  const fieldLabel = (field: string): string => {
    if (field === '_created') return t('records.history.created');
    if (field === '_deleted') return t('records.history.deleted');
    return t(`members.fields.${field}`, { defaultValue: t(`records.fields.${field}`, { defaultValue: field }) });
  };
  const valueText = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('members.none');
    const enumName = ENUM_FIELDS[field];
    if (enumName) {
      const codes = Array.isArray(value) ? value.map(String) : String(value).split(',');
      return codes.map((c) => enumLabel(enumName, c)).join(t('members.listSeparator'));
    }
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(t('members.listSeparator'));
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  return { fieldLabel, valueText };
};

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
