import { useCustom } from '@refinedev/core';
import { Card, Checkbox, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Deadline, StatusTag } from './components/application-parts';
import type { ApplicationListItem, ApplicationTasks } from '../../shared/api-types';
import { oneLine, useWithTotal } from '../../shared/table';
import { TwoLines } from '../../shared/two-lines';

type Tasks = ApplicationTasks;

/** "我的待办": the applications waiting on the caller's role, overdue first (M-6). */
export const MyTasks = () => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const { result, query } = useCustom<Tasks>({
    url: '/api/applications/tasks',
    method: 'get',
    config: { query: { overdueOnly: overdueOnly ? 'true' : undefined, _start: (page - 1) * pageSize, _end: page * pageSize } },
  });
  const tasks = result.data;
  return (
    <Card title={t('applications.tasks.title')} data-testid="my-tasks">
      <Typography.Paragraph type="secondary">{t('applications.tasks.intro')}</Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col>
          <Statistic title={t('applications.tasks.total')} value={tasks?.counts?.reduce((s, c) => s + c.total, 0) ?? 0} />
        </Col>
        <Col>
          <Statistic title={t('applications.tasks.overdue')} value={tasks?.overdue ?? 0} valueStyle={{ color: tasks?.overdue ? '#cf1322' : undefined }} data-testid="tasks-overdue" />
        </Col>
        {tasks?.counts?.map((c) => (
          <Col key={c.status}>
            <Statistic
              title={<StatusTag status={c.status} />}
              value={c.total}
              suffix={c.overdue ? <Typography.Text type="danger" style={{ fontSize: 14 }}>/ {t('applications.tasks.overdue')} {c.overdue}</Typography.Text> : null}
            />
          </Col>
        ))}
      </Row>
      <Checkbox checked={overdueOnly} onChange={(e) => { setOverdueOnly(e.target.checked); setPage(1); }} style={{ marginBottom: 12 }}>
        {t('applications.tasks.overdueOnly')}
      </Checkbox>
      <Table<ApplicationListItem>
        rowKey="id"
        size="middle"
        loading={query.isLoading}
        dataSource={tasks?.data ?? []}
        locale={{ emptyText: <Empty description={t('applications.tasks.empty')} /> }}
        pagination={withTotal({ current: page, pageSize, total: tasks?.total ?? 0, onChange: setPage })}
        rowClassName={(r) => (r.overdue ? 'application-overdue' : '')}
      >
        <Table.Column<ApplicationListItem> dataIndex="applicationNo" title={t('applications.fields.applicationNo')} {...oneLine} render={(_, r) => <Link to={`/applications/show/${r.id}`}>{r.applicationNo}</Link>} />
        <Table.Column dataIndex="applicantName" title={t('applications.fields.applicantName')} />
        <Table.Column<ApplicationListItem>
          title={t('applications.fields.unit')}
          render={(_, r) => <TwoLines sub={r.unitLabel}>{r.projectName}</TwoLines>}
        />
        <Table.Column<ApplicationListItem> title={t('applications.fields.status')} {...oneLine} render={(_, r) => <StatusTag status={r.status} />} />
        <Table.Column dataIndex="receivedOn" title={t('applications.fields.receivedOn')} {...oneLine} />
        <Table.Column<ApplicationListItem> title={t('applications.fields.dueOn')} {...oneLine} render={(_, r) => <Deadline item={r} />} />
      </Table>
    </Card>
  );
};
