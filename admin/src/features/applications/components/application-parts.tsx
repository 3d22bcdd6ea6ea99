import { useEffect, useState } from 'react';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { loadCurrentUser, type CurrentUser } from '../../../providers/session';

export const STATUSES = ['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED', 'APPROVED', 'REJECTED', 'CARD_IN_PRODUCTION', 'CARD_READY', 'ISSUED'] as const;
export const POINTS = ['MANAGEMENT_OFFICE', 'CLUBHOUSE', 'IN_PERSON', 'MAIL'] as const;
export const DOCUMENT_KINDS = ['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM'] as const;
export type Status = (typeof STATUSES)[number];

export interface ApplicationListItem {
  id: number;
  applicationNo: string;
  applicantName: string;
  status: Status;
  statusSince: string;
  collectionPoint: string;
  collectionPlace: string | null;
  receivedOn: string;
  dueOn: string | null;
  overdue: boolean;
  workingDaysLeft: number | null;
  completeOn: string | null;
  documentsPresent: string[];
  missingItems: string[];
  marketingAskedAt: string | null;
  applicantNotifiedAt: string | null;
  projectId: number;
  projectName: string;
  householdId: number;
  unitLabel: string;
  regionCode: string;
  memberId: number | null;
  batchId: number | null;
}

export interface ApplicationDetail extends ApplicationListItem {
  form: Record<string, unknown>;
  masked: boolean;
  receivedBy: string | null;
  verificationNote: string | null;
  decidedBy: string | null;
  rejectionReason: string | null;
  household: { id: number; unitLabel: string; cardLimit: number; activeCards: number };
  batch: { id: number; batchNo: string; pickupOn: string } | null;
  documents: { id: number; kind: string; fileName: string; mimeType: string; sizeBytes: number; uploadedAt: string; uploadedBy: string | null }[];
  events: { id: number; fromStatus: Status | null; toStatus: Status; note: string | null; by: string | null; at: string }[];
  fee: { receiptNo: string; amountFen: number; waived: boolean; reversed: boolean; reversalReceiptNo: string | null } | null;
  card: { id: number; cardNo: string; status: string; readyOn: string | null; issuedOn: string | null; collectorName: string | null } | null;
  warnings?: { key: string; message: string }[];
  receiptNo?: string;
}

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

export const useCurrentUser = (): CurrentUser | null => {
  const [user, setUser] = useState<CurrentUser | null>(null);
  useEffect(() => {
    let live = true;
    void loadCurrentUser().then((u) => live && setUser(u));
    return () => {
      live = false;
    };
  }, []);
  return user;
};

export const useEnumOptions = () => {
  const { t } = useTranslation();
  return {
    statusOptions: STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) })),
    pointOptions: POINTS.map((p) => ({ value: p, label: t(`applications.points.${p}`) })),
    documentOptions: DOCUMENT_KINDS.map((d) => ({ value: d, label: t(`applications.documents.${d}`) })),
  };
};
