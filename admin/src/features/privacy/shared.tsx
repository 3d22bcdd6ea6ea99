import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_URL } from '../../providers/data-provider';
import { authHeaders } from '../../providers/session';

export type { ApprovalStatus } from '../../components/workflow';
import type { ApprovalStatus } from '../../components/workflow';

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

export { dateOnly, dateTime } from '../../components/format';

export { useAction } from '../../components/workflow';

function fileNameFrom(disposition: string | undefined, fallback: string): string {
  const star = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = disposition && /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Downloads an authenticated file (the token is a header, so a plain link would not do). */
export async function download(path: string, params: Record<string, unknown> = {}, fallbackName = 'export.xlsx'): Promise<void> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) query.append(k, String(one));
  }
  const qs = query.toString();
  const res = await fetch(`${API_URL}${path}${qs ? `?${qs}` : ''}`, { headers: authHeaders() });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message || res.statusText);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFrom(res.headers.get('content-disposition') ?? undefined, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A download button's click handler with its busy state and error message. */
export function useDownload() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const start = async (path: string, params?: Record<string, unknown>, fallbackName?: string) => {
    setBusy(true);
    try {
      await download(path, params, fallbackName);
      return true;
    } catch (e) {
      message.error((e as Error).message || t('member-export.failed'));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { start, busy };
}
