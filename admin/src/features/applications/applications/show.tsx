import { useShow } from '@refinedev/core';
import { dateTime, money } from '../../../shared/format';
import { ListButton, RefreshButton, Show } from '@refinedev/antd';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, Popconfirm, Row, Select, Space, Steps, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiMutation } from '../../../shared/mutations';
import type { CurrentUser } from '../../../shared/api-types';
import { useOpenFile } from '../../../shared/download';
import { Deadline, StatusTag, useCurrentUser, useEnumOptions, type ApplicationDetail } from '../components/application-parts';
import { useEnum, type EnumName } from '../../../shared/member-enums';
import { CollectorFields } from '../../../shared/collector-fields';
import { MaskedNotice } from '../../../shared/masked-notice';
import type { ApplicationStatus } from '../../../shared/api-types';

// A step moves the application and may make a card or a member.
const TOUCHES = ['applications', 'cards', 'members'];

/** The action buttons of the current state; each role sees only what its permissions allow. */
const Actions = ({ app }: { app: ApplicationDetail }) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { documentOptions } = useEnumOptions();
  const { run, busy } = useApiMutation({ invalidates: TOUCHES });
  const [missing, setMissing] = useState<string[]>(app.missingItems);
  const [notified, setNotified] = useState(false);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [phoned, setPhoned] = useState(true);
  const [issueForm] = Form.useForm();
  const can = (p: CurrentUser["permissions"][number]) => user?.permissions.includes(p) ?? false;

  const { modal } = App.useApp();
  /** One step; its success message names what was done (the card number when one was made). */
  const post = async (action: string, body: unknown, success: string | ((answer: ApplicationDetail) => string)) => {
    const form = action === 'issue' ? issueForm : undefined;
    if (await run<ApplicationDetail>(`/applications/${app.id}/${action}`, body, { success, form })) setNote('');
  };
  const issue = async () => {
    const values = await issueForm.validateFields().catch(() => null);
    if (!values) return;
    modal.confirm({
      title: t('applications.actions.issue'),
      content: t('applications.actions.issueConfirm'),
      okText: t('applications.actions.issue'),
      okButtonProps: { 'data-testid': 'confirm-issue' } as never,
      onOk: () => post('issue', { ...values, collectorPhone: values.collectorPhone || null }, t('applications.actions.doneIssue')),
    });
  };

  const blocks: ReactNode[] = [];
  const noteInput = <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('applications.actions.note')} data-testid="action-note" />;
  const s = app.status;

  if ((s === 'RECEIVED' || s === 'INCOMPLETE') && can('applications:manage')) {
    blocks.push(
      <Card key="check" size="small" title={t('applications.actions.check')}>
        <div style={{ marginBottom: 8 }}>{t('applications.actions.missing')}</div>
        <Checkbox.Group options={documentOptions} value={missing} onChange={(v) => setMissing(v as string[])} data-testid="check-missing" />
        <div style={{ margin: '8px 0' }}>
          <Checkbox checked={notified} onChange={(e) => setNotified(e.target.checked)}>{t('applications.actions.notified')}</Checkbox>
        </div>
        {noteInput}
        <Space style={{ marginTop: 8 }}>
          <Button disabled={!missing.length} loading={busy} onClick={() => post('check', { missingItems: missing, notified, note: note || null }, t('applications.actions.doneIncomplete'))} data-testid="action-incomplete">
            {t('applications.actions.markIncomplete')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => post('check', { missingItems: [], note: note || null }, t('applications.actions.doneComplete'))} data-testid="action-complete">
            {t('applications.actions.markComplete')}
          </Button>
        </Space>
      </Card>,
    );
  }
  if (s === 'COMPLETE' && can('applications:verify') && (user?.role !== 'marketing' || app.marketingAskedAt)) {
    blocks.push(
      <Card key="verify" size="small" title={t('applications.actions.verify')}>
        {noteInput}
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" loading={busy} onClick={() => post('verify', { note: note || null }, t('applications.actions.doneVerify'))} data-testid="action-verify">
            {t('applications.actions.verify')}
          </Button>
          {user?.role !== 'marketing' && !app.marketingAskedAt && (
            <Button loading={busy} onClick={() => post('verify', { note: note || null, askMarketing: true }, t('applications.actions.doneAskMarketing'))} data-testid="action-ask-marketing">
              {t('applications.actions.askMarketing')}
            </Button>
          )}
        </Space>
      </Card>,
    );
  }
  if (s === 'VERIFIED' && can('applications:decide')) {
    blocks.push(
      <Card key="approve" size="small" title={t('applications.actions.approve')}>
        {noteInput}
        <Popconfirm title={t('applications.actions.approve')} description={t('applications.actions.approveConfirm')} onConfirm={() => post('approve', { note: note || null }, t('applications.actions.doneApprove'))} okButtonProps={{ 'data-testid': 'confirm-approve' } as never}>
          <Button type="primary" style={{ marginTop: 8 }} loading={busy} data-testid="action-approve">
            {t('applications.actions.approve')}
          </Button>
        </Popconfirm>
      </Card>,
    );
  }
  if (['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED'].includes(s) && can('applications:decide')) {
    blocks.push(
      <Card key="reject" size="small" title={t('applications.actions.reject')}>
        <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('applications.actions.reason')} data-testid="reject-reason" />
        <Popconfirm title={t('applications.actions.reject')} description={t('applications.actions.rejectConfirm')} onConfirm={() => post('reject', { reason }, t('applications.actions.doneReject'))} disabled={!reason.trim()} okButtonProps={{ danger: true, 'data-testid': 'confirm-reject' } as never}>
          <Button danger style={{ marginTop: 8 }} disabled={!reason.trim()} loading={busy} data-testid="action-reject">
            {t('applications.actions.reject')}
          </Button>
        </Popconfirm>
      </Card>,
    );
  }
  if (s === 'APPROVED' && can('applications:manage')) {
    blocks.push(
      <Card key="produce" size="small" title={t('applications.actions.produceCard')}>
        <Popconfirm
          title={t('applications.actions.produceCard')}
          description={t('applications.actions.produceConfirm')}
          onConfirm={() => post('produce-card', {}, (a) => t('applications.actions.doneProduce', { cardNo: a.card?.cardNo ?? '—' }))}
          okButtonProps={{ 'data-testid': 'confirm-produce-card' } as never}
        >
          <Button type="primary" loading={busy} data-testid="action-produce-card">
            {t('applications.actions.produceCard')}
          </Button>
        </Popconfirm>
      </Card>,
    );
  }
  if (s === 'CARD_IN_PRODUCTION' && can('applications:manage')) {
    blocks.push(
      <Card key="ready" size="small" title={t('applications.actions.cardReady')}>
        <Checkbox checked={phoned} onChange={(e) => setPhoned(e.target.checked)} data-testid="owner-phoned">{t('applications.actions.ownerPhoned')}</Checkbox>
        <div style={{ marginTop: 8 }}>
          <Button type="primary" loading={busy} onClick={() => post('card-ready', { ownerPhoned: phoned }, t('applications.actions.doneCardReady'))} data-testid="action-card-ready">
            {t('applications.actions.cardReady')}
          </Button>
        </div>
      </Card>,
    );
  }
  if (s === 'CARD_READY' && can('applications:manage')) {
    blocks.push(
      <Card key="issue" size="small" title={t('applications.actions.issue')}>
        <Form form={issueForm} layout="vertical" initialValues={{ collectorName: app.applicantName, collectorSigned: false, collectorIdChecked: false }} onFinish={() => void issue()}>
          <CollectorFields />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="action-issue">
            {t('applications.actions.issue')}
          </Button>
        </Form>
      </Card>,
    );
  }
  return (
    <Card title={t('applications.actions.title')} size="small" style={{ marginBottom: 16 }} data-testid="application-actions">
      {blocks.length ? <Space direction="vertical" style={{ width: '100%' }}>{blocks}</Space> : <Empty description={t('applications.actions.none')} />}
    </Card>
  );
};

const Documents = ({ app }: { app: ApplicationDetail }) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { documentOptions } = useEnumOptions();
  const { run } = useApiMutation({ invalidates: TOUCHES });
  const [kind, setKind] = useState<string>('ID_COPY');
  const canManage = user?.permissions.includes('applications:manage') ?? false;
  // The API unmasks (and opens documents) for the data-handling roles and for an approved data-use request alike.
  const canOpen = !app.masked;

  const { start: open } = useOpenFile();

  return (
    <Card title={t('applications.actions.documentsTitle')} size="small" style={{ marginBottom: 16 }}>
      {!canOpen && <MaskedNotice message={t('applications.actions.masked')} />}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={app.documents}
        locale={{ emptyText: t('applications.actions.noDocuments') }}
        columns={[
          { title: t('applications.actions.kind'), dataIndex: 'kind', render: (k: string) => t(`applications.documents.${k}`) },
          { title: '', dataIndex: 'fileName' },
          { title: '', dataIndex: 'sizeBytes', render: (n: number) => `${(n / 1024).toFixed(0)} KB` },
          { title: '', dataIndex: 'uploadedAt', render: (v: string) => dateTime(v) },
          { title: '', render: (_: unknown, d: { id: number }) => (canOpen ? <Button size="small" onClick={() => void open(`/applications/${app.id}/documents/${d.id}`)}>{t('applications.actions.download')}</Button> : null) },
        ]}
      />
      {canManage && (
        <Space style={{ marginTop: 8 }}>
          <Select value={kind} onChange={setKind} options={documentOptions} style={{ width: 200 }} />
          <Upload
            accept=".jpg,.jpeg,.png,.pdf"
            showUploadList={false}
            customRequest={async ({ file }) => {
              const fd = new FormData();
              fd.append('kind', kind);
              fd.append('file', file as File);
              await run(`/applications/${app.id}/documents`, fd);
            }}
          >
            <Button icon={<UploadOutlined />}>{t('applications.actions.upload')}</Button>
          </Upload>
        </Space>
      )}
    </Card>
  );
};

/** The eight stages from receipt to the card in the member's hand, the current one highlighted (M-6). */
const STAGES = ['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED', 'APPROVED', 'CARD_IN_PRODUCTION', 'CARD_READY', 'ISSUED'] as const satisfies readonly ApplicationStatus[];

const StageSteps = ({ app }: { app: ApplicationDetail }) => {
  const { t } = useTranslation();
  const reached = new Map<string, string>();
  for (const e of app.events) reached.set(e.toStatus, e.at);
  // A rejected application stops at the stage after the last one it reached.
  const last = app.status === 'REJECTED' ? [...app.events].reverse().find((e) => e.toStatus !== 'REJECTED')?.toStatus ?? 'RECEIVED' : app.status;
  const lastIndex = STAGES.indexOf(last as (typeof STAGES)[number]);
  const current = app.status === 'REJECTED' ? lastIndex + 1 : app.status === 'ISSUED' ? STAGES.length - 1 : lastIndex + (app.status === 'INCOMPLETE' ? 0 : 1);
  const skippedIncomplete = !reached.has('INCOMPLETE') && lastIndex > STAGES.indexOf('INCOMPLETE');
  return (
    <Steps
      size="small"
      labelPlacement="vertical"
      current={Math.min(current, STAGES.length - 1)}
      status={app.status === 'REJECTED' ? 'error' : app.status === 'ISSUED' ? 'finish' : 'process'}
      data-testid="application-steps"
      style={{ marginBottom: 16 }}
      items={STAGES.map((stage, i) => ({
        title: app.status === 'REJECTED' && i === current ? t('applications.steps.rejected') : t(`applications.steps.${stage}`),
        description:
          stage === 'INCOMPLETE' && skippedIncomplete ? t('applications.steps.notNeeded') : reached.has(stage) ? <span style={{ whiteSpace: 'nowrap' }}>{dateTime(reached.get(stage)).slice(0, 10)}</span> : undefined,
      }))}
    />
  );
};

/** A value that must stay on one line (numbers, dates). */
const Nowrap = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <span style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
    {children}
  </span>
);

export const ApplicationShow = () => {
  const { t } = useTranslation();
  const { result: app, query } = useShow<ApplicationDetail>({ resource: 'applications' });
  const f = (app?.form ?? {}) as Record<string, unknown>;
  const { label } = useEnum();
  // Closed sets of the form are shown by their names, not their codes.
  const shown = (k: string) => (['relation', 'title', 'sex'].includes(k) ? label(k as EnumName, String(f[k])) : String(f[k]));
  // Three columns with the label above the value: numbers, dates and units fit beside the actions.
  const columns = { xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 4 };
  return (
    <Show isLoading={query.isLoading} headerButtons={
        <>
          <ListButton />
          {app && (
            <Link to={`/applications/print/${app.id}`}>
              <Button icon={<PrinterOutlined />} data-testid="print-application-form">
                {t('applications.printForm.button')}
              </Button>
            </Link>
          )}
          <RefreshButton />
        </>
      }>
      {query.isError && <Alert type="error" showIcon message={query.error?.message || t('errors.notFound')} data-testid="record-error" />}
      {app && <StageSteps app={app} />}
      {app && (
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Descriptions column={columns} size="small" bordered layout="vertical">
                <Descriptions.Item label={t('applications.fields.applicationNo')}><Nowrap testId="application-no">{app.applicationNo}</Nowrap></Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.status')}><span data-testid="current-status"><StatusTag status={app.status} /></span></Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.applicantName')}>{app.applicantName}</Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.unit')}>
                  {app.projectName}
                  <br />
                  {app.unitLabel}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.collectionPoint')}>
                  {t(`applications.points.${app.collectionPoint}`)}
                  {app.collectionPlace && (
                    <>
                      <br />
                      <Typography.Text type="secondary">{app.collectionPlace}</Typography.Text>
                    </>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.receivedOn')}>
                  <Nowrap>{app.receivedOn}</Nowrap>
                  <br />
                  <Typography.Text type="secondary">{app.receivedBy}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.dueOn')}><Deadline item={app} /></Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.fee')}>
                  {app.fee ? (
                    <>
                      <Nowrap>{app.fee.receiptNo}</Nowrap>
                      <br />
                      <Nowrap>{money(app.fee.amountFen)}</Nowrap> {app.fee.waived && <Tag>{t('applications.actions.waived')}</Tag>}
                      {app.fee.reversed && (
                        <Tag color="red">
                          {t('applications.actions.reversed')} <Nowrap>{app.fee.reversalReceiptNo}</Nowrap>
                        </Tag>
                      )}
                    </>
                  ) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.card')}>
                  {app.card ? (
                    <>
                      <Link to={`/cards/show/${app.card.id}`}>
                        <Nowrap testId="card-no">{app.card.cardNo}</Nowrap>
                      </Link>{' '}
                      <Tag data-testid="card-status">{t(`cards.statuses.${app.card.status}`)}</Tag>
                    </>
                  ) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.member')}>
                  {app.memberId ? (
                    <>
                      <Link to={`/members/show/${app.memberId}`} data-testid="member-link">
                        {app.applicantName}
                      </Link>
                      <br />
                      <Typography.Text type="secondary">
                        <Nowrap>{t('applications.actions.memberNo', { id: app.memberId })}</Nowrap>
                      </Typography.Text>
                    </>
                  ) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.batch')}>
                  {app.batch ? (
                    <Link to={`/pickup-batches/show/${app.batch.id}`}>
                      <Nowrap>{app.batch.batchNo}</Nowrap>
                      <br />
                      <Nowrap>{app.batch.pickupOn}</Nowrap>
                    </Link>
                  ) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.fields.documentsPresent')} span="filled">
                  {app.documentsPresent.map((d) => <Tag key={d}>{t(`applications.documents.${d}`)}</Tag>)}
                  {app.missingItems.map((d) => <Tag key={d} color="orange">{t(`applications.documents.${d}`)}</Tag>)}
                </Descriptions.Item>
                {app.verificationNote && <Descriptions.Item label={t('applications.fields.verificationNote')} span="filled">{app.verificationNote}</Descriptions.Item>}
                {app.rejectionReason && <Descriptions.Item label={t('applications.fields.rejectionReason')} span="filled">{app.rejectionReason}</Descriptions.Item>}
              </Descriptions>
            </Card>
            <Card size="small" title={t('applications.printForm.title')} style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }} size="small">
                {['name', 'pinyin', 'relation', 'title', 'sex', 'birthDate', 'idNumber', 'mobile', 'email', 'homeAddress', 'employer', 'position'].map((k) =>
                  f[k] !== undefined && f[k] !== null ? (
                    <Descriptions.Item key={k} label={t(`members.fields.${k}`)}>
                      {['birthDate', 'idNumber', 'mobile'].includes(k) ? <Nowrap>{shown(k)}</Nowrap> : shown(k)}
                    </Descriptions.Item>
                  ) : null,
                )}
              </Descriptions>
            </Card>
            <Documents app={app} />
          </Col>
          <Col xs={24} xl={8}>
            <Actions key={`${app.id}-${app.status}-${app.marketingAskedAt}`} app={app} />
            <Card title={t('applications.actions.timeline')} size="small" data-testid="application-timeline">
              <Timeline
                items={app.events.map((e) => ({
                  color: e.toStatus === 'REJECTED' ? 'red' : e.toStatus === 'ISSUED' ? 'green' : 'blue',
                  children: (
                    <>
                      <div>
                        <StatusTag status={e.toStatus} /> {dateTime(e.at)} · {e.by}
                      </div>
                      {e.note && <div style={{ color: '#666' }}>{e.note}</div>}
                    </>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Show>
  );
};
