import { useState } from 'react';
import { App, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { httpClient } from '../providers/http-client';
import { API_URL } from '../providers/data-provider';

/** The decision state of anything approved or rejected (data-use requests, reissues, card-limit exceptions). */
export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

const APPROVAL_COLORS: Record<ApprovalStatus, string> = { PENDING: 'processing', APPROVED: 'success', REJECTED: 'error' };

/** The status as a tag, in the words of the feature's `<ns>.statuses.*` strings. */
export const ApprovalTag = ({ status, ns }: { status: ApprovalStatus; ns: string }) => {
  const { t } = useTranslation();
  return <Tag color={APPROVAL_COLORS[status]}>{t(`${ns}.statuses.${status}`)}</Tag>;
};

/** A POST to a workflow endpoint; on failure the server's message (and field errors) in a dialog, and undefined. */
export function useAction() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async <T,>(path: string, body?: unknown): Promise<T | undefined> => {
    setBusy(true);
    try {
      const res = await httpClient.post<T>(`${API_URL}${path}`, body ?? {});
      return res.data;
    } catch (error) {
      const e = error as { message?: string; errors?: Record<string, string> };
      const details = Object.values(e.errors ?? {});
      modal.error({ title: e.message ?? t('errors.actionFailed'), content: details.length ? details.join('；') : undefined });
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
