import { useGetIdentity } from '@refinedev/core';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { allOf } from '../../../shared/enums';
import type { ApplicationListItem, ApplicationStatus, CollectionPoint, CurrentUser, DocumentKind } from '../../../shared/api-types';

export const STATUSES = allOf<ApplicationStatus>()(['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED', 'APPROVED', 'REJECTED', 'CARD_IN_PRODUCTION', 'CARD_READY', 'ISSUED']);
export const POINTS = allOf<CollectionPoint>()(['MANAGEMENT_OFFICE', 'CLUBHOUSE', 'IN_PERSON', 'MAIL']);
export const DOCUMENT_KINDS = allOf<DocumentKind>()(['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM']);
export type Status = ApplicationStatus;
export type { ApplicationDetail, ApplicationListItem } from '../../../shared/api-types';

const STATUS_COLORS: Record<Status, string> = {
  RECEIVED: 'blue',
  INCOMPLETE: 'orange',
  COMPLETE: 'cyan',
  VERIFIED: 'geekblue',
  APPROVED: 'purple',
  REJECTED: 'default',
  CARD_IN_PRODUCTION: 'gold',
  CARD_READY: 'lime',
  ISSUED: 'green',
};

export const StatusTag = ({ status }: { status: Status }) => {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="application-status">
      {t(`applications.status.${status}`)}
    </Tag>
  );
};

/** M-6: the deadline in working days; red when overdue. */
export const Deadline = ({ item }: { item: Pick<ApplicationListItem, 'dueOn' | 'overdue' | 'workingDaysLeft'> }) => {
  const { t } = useTranslation();
  if (!item.dueOn || item.workingDaysLeft === null) return <span>{t('applications.deadline.none')}</span>;
  const text = item.overdue
    ? t('applications.deadline.overdue', { n: -item.workingDaysLeft || 1 })
    : item.workingDaysLeft === 0
      ? t('applications.deadline.today')
      : t('applications.deadline.left', { n: item.workingDaysLeft });
  return (
    <span data-testid="deadline" data-overdue={item.overdue ? 'true' : 'false'}>
      <Typography.Text type={item.overdue ? 'danger' : undefined} strong={item.overdue}>
        {item.dueOn}
      </Typography.Text>
      <br />
      <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {text}
      </Typography.Text>
    </span>
  );
};

/** The signed-in user (Refine's identity: one /api/auth/me per token). */
export const useCurrentUser = (): CurrentUser | null => useGetIdentity<CurrentUser>().data ?? null;

export const useEnumOptions = () => {
  const { t } = useTranslation();
  return {
    statusOptions: STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) })),
    pointOptions: POINTS.map((p) => ({ value: p, label: t(`applications.points.${p}`) })),
    documentOptions: DOCUMENT_KINDS.map((d) => ({ value: d, label: t(`applications.documents.${d}`) })),
  };
};
