
export type { ApprovalStatus } from '../../../shared/approval';
import type { ApprovalStatus } from '../../../shared/approval';

export interface Person {
  id: number;
  name: string | null;
  username: string | null;
  role: string | null;
}

export interface DataUseRequest {
  id: number;
  requestNo: string;
  requester: Person;
  requesterId: number;
  requesterKind: 'CLUB_STAFF' | 'OUTSIDE';
  department: string;
  informationKinds: string[];
  purpose: string;
  allowExport: boolean;
  minutesRef: string | null;
  validDays: number;
  validFrom: string | null;
  validUntil: string | null;
  status: ApprovalStatus;
  active: boolean;
  expired: boolean;
  needs: ('manager' | 'leader')[];
  pendingSteps: ('manager' | 'leader')[];
  canDecide: boolean;
  managerDecisionBy: Person | null;
  managerDecisionAt: string | null;
  leaderDecisionBy: Person | null;
  leaderDecisionAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

export interface ReportRow {
  row: number;
  column: string;
  message: string;
}

export interface ImportJob {
  id: number;
  fileName: string;
  mode: 'ALL_OR_NOTHING' | 'VALID_ONLY';
  status: 'VALIDATING' | 'VALIDATED' | 'IMPORTING' | 'DONE' | 'FAILED';
  totalRows: number;
  processedRows: number;
  validRows: number;
  invalidRows: number;
  createdRows: number;
  skippedRows: number;
  progress: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  report?: ReportRow[];
  reportTotal?: number;
}

export const INFORMATION_KINDS = ['ID_NUMBER', 'PHONE', 'ADDRESS', 'BIRTHDAY', 'EMAIL', 'FAMILY', 'OCCUPATION', 'BASIC_TABLE', 'MEMBER_LIST'] as const;

export { dateOnly, dateTime } from '../../../shared/format';


