import { useState, type ReactNode } from 'react';
import { Button, Modal, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatus } from './api-types';
import { allOf } from './enums';

export type { ApprovalStatus };

export const APPROVAL_STATUSES = allOf<ApprovalStatus>()(['PENDING', 'APPROVED', 'REJECTED']);

const APPROVAL_COLORS: Record<ApprovalStatus, string> = { PENDING: 'processing', APPROVED: 'success', REJECTED: 'error' };

/** The status as a tag, in the words of the feature's `<ns>.statuses.*` strings. */
export const ApprovalTag = ({ status, ns }: { status: ApprovalStatus; ns: string }) => {
  const { t } = useTranslation();
  return <Tag color={APPROVAL_COLORS[status]}>{t(`${ns}.statuses.${status}`)}</Tag>;
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
