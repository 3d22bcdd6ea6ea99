import { useState } from 'react';
import { useGetIdentity } from '@refinedev/core';
import { Alert, Card, Empty, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApprovalTag, DecisionButtons, type Decision } from '../../../shared/approval';
import type { CurrentUser } from '../../../shared/api-types';
import { dateTime } from '../../../shared/format';
import { useApiMutation } from '../../../shared/mutations';
import type { ApprovalRound } from '../types';

const STEP_COLORS: Record<string, string> = { WAITING: 'default', PENDING: 'processing', APPROVED: 'success', REJECTED: 'error', SKIPPED: 'default' };

/**
 * Every approval round of a subject, each step with who decided it, when and why; on the pending
 * step, approve and reject buttons for a user of its role (the server checks scope and the rest).
 */
export const ApprovalHistory = ({ rounds, invalidates, title }: { rounds: ApprovalRound[]; invalidates: string[]; title?: string }) => {
  const { t } = useTranslation();
  const { data: user } = useGetIdentity<CurrentUser>();
  const { run, busy } = useApiMutation({ invalidates: [...invalidates, 'approvals'] });
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const open = rounds.find((r) => r.status === 'PENDING');
  const pendingStep = open?.steps.find((s) => s.status === 'PENDING');
  const mayDecide = Boolean(open && pendingStep && user && user.role === pendingStep.role && user.id !== open.submittedById && !open.steps.some((s) => s.decidedById === user.id));

  const decide = async (d: Decision): Promise<boolean> => {
    if (!open) return false;
    if (d === 'reject' && !reason.trim()) {
      setMissing(true);
      return false;
    }
    const answer = await run(`/approvals/${open.id}/${d}`, reason.trim() ? { reason: reason.trim() } : {}, { success: t(d === 'approve' ? 'approvals.approved' : 'approvals.rejected') });
    if (answer === undefined) return false;
    setReason('');
    setMissing(false);
    return true;
  };

  return (
    <Card
      size="small"
      title={title ?? t('approvals.history')}
      data-testid="approval-history"
      style={{ marginBottom: 16 }}
      extra={
        mayDecide && (
          <DecisionButtons
            testIdPrefix="approval"
            busy={busy}
            labels={{ approve: t('approvals.approve'), reject: t('approvals.reject'), approveTitle: t('approvals.approveTitle'), rejectTitle: t('approvals.rejectTitle') }}
            decide={decide}
          >
            {(d) => (
              <Form layout="vertical">
                <Form.Item
                  label={d === 'approve' ? t('approvals.remark') : t('approvals.reason')}
                  required={d === 'reject'}
                  validateStatus={d === 'reject' && missing ? 'error' : undefined}
                  help={d === 'reject' && missing ? t('approvals.reasonRequired') : undefined}
                >
                  <Input.TextArea rows={3} maxLength={1000} showCount value={reason} onChange={(e) => setReason(e.target.value)} data-testid="approval-reason" />
                </Form.Item>
              </Form>
            )}
          </DecisionButtons>
        )
      }
    >
      {rounds.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {rounds.map((r) => (
        <div key={r.id} style={{ marginBottom: 12 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('approvals.round', { round: r.round })}</Typography.Text>
            <ApprovalTag status={r.status} ns="approvals" />
            <Typography.Text type="secondary">
              {t('approvals.submittedBy')} {r.submittedByName} · {dateTime(r.submittedAt)}
            </Typography.Text>
            {r.status === 'REJECTED' && r.revisionDueOn && !r.revisedAt && (
              <Tag color={r.revisionOverdue ? 'error' : 'warning'}>
                {t('approvals.revisionDueOn')} {r.revisionDueOn}
                {r.revisionOverdue ? ` · ${t('approvals.overdue')}` : ''}
              </Tag>
            )}
          </Space>
          <Table
            size="small"
            pagination={false}
            rowKey="position"
            dataSource={r.steps}
            columns={[
              { dataIndex: 'position', title: '#', width: 48 },
              { dataIndex: 'label', title: t('approvals.step'), render: (l: string) => t(`approvals.steps.${l}`) },
              { dataIndex: 'status', title: t('activity-plans.status'), render: (s: string) => <Tag color={STEP_COLORS[s]}>{t(`approvals.stepStatuses.${s}`)}</Tag> },
              {
                dataIndex: 'dueOn',
                title: t('approvals.dueOn'),
                render: (d: string | null, s) => (d ? <span style={{ color: s.overdue ? '#cf1322' : undefined }}>{d}{s.overdue ? ` · ${t('approvals.overdue')}` : ''}</span> : '—'),
              },
              { dataIndex: 'decidedByName', title: t('approvals.decidedBy'), render: (n: string | null) => n ?? '—' },
              { dataIndex: 'decidedAt', title: t('approvals.decidedAt'), render: (d: string | null) => dateTime(d) },
              { dataIndex: 'reason', title: t('approvals.remark'), render: (x: string | null) => x ?? '' },
            ]}
          />
        </div>
      ))}
      {open && !mayDecide && pendingStep && <Alert type="info" showIcon message={`${t('approvals.step')}：${t(`approvals.steps.${pendingStep.label}`)}`} />}
    </Card>
  );
};
