import { useState, type ReactNode } from 'react';
import { Button, Modal, Space, Tag } from 'antd';
import { PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

export type CardStatus = 'IN_PRODUCTION' | 'READY' | 'ISSUED' | 'VOID';
export type { ApprovalStatus } from '../../components/workflow';
import type { ApprovalStatus } from '../../components/workflow';

export interface CardRecord {
  id: number;
  cardNo: string;
  status: CardStatus;
  memberId: number;
  memberName: string;
  memberMobile: string | null;
  householdId: number;
  projectId: number;
  projectName: string;
  unitLabel: string;
  rangeId: number;
  rangePrefix: string;
  channel: string | null;
  replacesCardId: number | null;
  replacesCardNo: string | null;
  replacedByCardId: number | null;
  replacedByCardNo: string | null;
  readyOn: string | null;
  ownerPhonedAt: string | null;
  issuedOn: string | null;
  collectorName: string | null;
  collectorPhone: string | null;
  collectorSigned: boolean;
  collectorIdChecked: boolean;
  voidedAt: string | null;
  voidReason: string | null;
  photoDocumentId: number | null;
  applicationId: number | null;
  createdAt: string;
}

export interface CardRange {
  id: number;
  prefix: string;
  fromNo: number;
  toNo: number;
  nextNo: number;
  digits: number;
  used: number;
  remaining: number;
  firstCardNo: string;
  lastCardNo: string;
  projectId: number | null;
  projectName: string | null;
  channel: string | null;
  active: boolean;
  createdAt: string;
}

export interface ReissueRequest {
  id: number;
  cardId: number;
  cardNo: string | null;
  memberId: number | null;
  memberName: string | null;
  projectName: string | null;
  unitLabel: string | null;
  reason: 'LOST' | 'DAMAGED';
  note: string | null;
  requestedOn: string;
  status: ApprovalStatus;
  reviewedAt: string | null;
  newCardId: number | null;
  newCardNo: string | null;
}

export interface CardLimitException {
  id: number;
  householdId: number;
  projectName: string;
  unitLabel: string;
  ownerName: string | null;
  cardLimit: number;
  activeCards: number;
  reason: string;
  requestedAt: string;
  managerDecisionAt: string | null;
  leaderDecisionAt: string | null;
  status: ApprovalStatus;
  decisionNote: string | null;
}

export interface FeeEntry {
  id: number;
  receiptNo: string;
  kind: 'NEW_CARD' | 'REPLACEMENT';
  amountFen: number;
  amountYuan: number;
  waived: boolean;
  projectId: number;
  projectName: string | null;
  memberId: number | null;
  memberName: string | null;
  cardId: number | null;
  cardNo: string | null;
  paidOn: string;
  reversesId: number | null;
  reversedById: number | null;
  reversedByReceiptNo: string | null;
  note: string | null;
  recordedByName: string | null;
  createdAt: string;
}

export interface ProjectFigures {
  projectId: number;
  projectCode: string;
  projectName: string;
  cardCount: number;
  newCardCount: number;
  replacementCount: number;
  incomeFen: number;
  waivedCount: number;
}

export interface FeeStatement {
  id: number;
  year: number;
  quarter: number;
  from: string;
  to: string;
  cardCount: number;
  incomeFen: number;
  incomeYuan: number;
  waivedCount: number;
  byProject: ProjectFigures[];
  preparedByName: string | null;
  preparedAt: string;
  signedById: number | null;
  signedByName: string | null;
  signedAt: string | null;
  differencesNote: string | null;
}

const STATUS_COLORS: Record<CardStatus, string> = { IN_PRODUCTION: 'processing', READY: 'gold', ISSUED: 'success', VOID: 'default' };

export const CardStatusTag = ({ status }: { status: CardStatus }) => {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`cards.statuses.${status}`)}</Tag>;
};

export { ApprovalTag, useAction } from '../../components/workflow';

/** Fen as RMB with two decimals. */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

export { dateTime } from '../../components/format';

/** Print pages: a toolbar hidden on paper, and the sheet itself. */
export const PrintPage = ({ children, width = 960 }: { children: ReactNode; width?: number }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="club-print">
      <style>{`
        .club-print .sheet { background: #fff; margin: 0 auto; padding: 24px 32px; max-width: ${width}px; color: #000; }
        .club-print table.grid { width: 100%; border-collapse: collapse; }
        .club-print table.grid th, .club-print table.grid td { border: 1px solid #000; padding: 6px 8px; font-size: 13px; text-align: left; }
        @media print {
          .no-print, .ant-layout-sider, .ant-layout-header, header { display: none !important; }
          .ant-layout, .ant-layout-content { background: #fff !important; margin: 0 !important; padding: 0 !important; }
          .club-print .sheet { padding: 0; max-width: none; }
          @page { margin: 12mm; }
        }
      `}</style>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button icon={<RollbackOutlined />} onClick={() => navigate(-1)}>
          {t('cards.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          {t('cards.print')}
        </Button>
      </Space>
      <div className="sheet">{children}</div>
    </div>
  );
};

export type Decision = 'approve' | 'reject';

/**
 * Approve / reject buttons with a confirming dialog whose body depends on the decision. `decide`
 * returns true when done (the dialog closes) or false to keep it open (invalid input, an error).
 */
export const DecisionButtons = ({
  testIdPrefix,
  labels,
  busy,
  decide,
  children,
}: {
  testIdPrefix: string;
  labels: Record<Decision, string> & { approveTitle?: string; rejectTitle?: string };
  busy: boolean;
  decide: (d: Decision) => Promise<boolean>;
  children: (d: Decision) => ReactNode;
}) => {
  const [mode, setMode] = useState<Decision | null>(null);
  return (
    <Space>
      <Button size="small" type="primary" onClick={() => setMode('approve')} data-testid={`${testIdPrefix}-approve`}>
        {labels.approve}
      </Button>
      <Button size="small" danger onClick={() => setMode('reject')} data-testid={`${testIdPrefix}-reject`}>
        {labels.reject}
      </Button>
      <Modal
        open={mode !== null}
        title={mode === 'approve' ? (labels.approveTitle ?? labels.approve) : (labels.rejectTitle ?? labels.reject)}
        okButtonProps={{ loading: busy, danger: mode === 'reject' }}
        onCancel={() => setMode(null)}
        onOk={async () => {
          if (mode && (await decide(mode))) setMode(null);
        }}
        destroyOnHidden
      >
        {mode && children(mode)}
      </Modal>
    </Space>
  );
};
