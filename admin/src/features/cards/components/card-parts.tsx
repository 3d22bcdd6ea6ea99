import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export type CardStatus = 'IN_PRODUCTION' | 'READY' | 'ISSUED' | 'VOID';
export type { ApprovalStatus } from '../../../shared/approval';
import type { ApprovalStatus } from '../../../shared/approval';

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

export { ApprovalTag } from '../../../shared/approval';

/** Fen as RMB with two decimals. */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

export { dateTime } from '../../../shared/format';

