import { useMemo, useState } from 'react';
import { useCustom, useGetIdentity, useNavigation } from '@refinedev/core';
import { Alert, Button, Card, Col, Empty, List, Row, Segmented, Skeleton, Space, Statistic, Tag, Tooltip, Typography, theme } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CurrentUser, Workbench, WorkbenchItem, WorkbenchKpi, WorkbenchSourceCount } from '../../shared/api-types';
import { count, decimal, figure, figureCompact, percentOf } from '../../shared/format';
import { useRegionName } from '../../shared/regions';

/** Chinese dashboards read a rise in red and a fall in green (the stock-market convention). */
const RISE = '#cf1322';
const FALL = '#389e0d';

/** The club's day (China), as the server's deadlines are written. */
const clubToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The feature-owned words: an item's `action` and a figure's `key` are keys of the owning feature's strings. */
const useWords = () => {
  const { t } = useTranslation();
  return useMemo(() => {
    const source = (name: string) => t(`${name}.${name}`, { defaultValue: t('workbench.otherSource') });
    return {
      source,
      // A key the admin does not know yet reads as "<area> to do", never as the raw key.
      action: (i: WorkbenchItem) => t(i.action, { defaultValue: t('workbench.pendingIn', { source: source(i.source) }) }),
      kpi: (k: WorkbenchKpi) => t(k.key, { defaultValue: t('workbench.figure') }),
    };
  }, [t]);
};

const Change = ({ kpi }: { kpi: WorkbenchKpi }) => {
  const { t, i18n } = useTranslation();
  if (kpi.previous === null) return <Typography.Text type="secondary">&nbsp;</Typography.Text>;
  const diff = kpi.value - kpi.previous;
  const against = kpi.period === 'month' ? t('workbench.change.month') : t('workbench.change.quarter');
  if (diff === 0)
    return (
      <Typography.Text type="secondary" data-testid="kpi-change" data-direction="flat">
        {against} {t('workbench.change.flat')}
      </Typography.Text>
    );
  const up = diff > 0;
  const amount = kpi.unit === 'percent' ? `${decimal(Math.abs(diff), 1)}pp` : figureCompact(Math.abs(diff), kpi.unit);
  const rate = kpi.unit !== 'percent' && kpi.previous > 0 ? `${up ? '+' : '-'}${percentOf(Math.abs(diff) / kpi.previous)}` : '';
  const share = rate ? (i18n.language.startsWith('en') ? ` (${rate})` : `（${rate}）`) : '';
  return (
    <Typography.Text style={{ color: up ? RISE : FALL }} data-testid="kpi-change" data-direction={up ? 'up' : 'down'}>
      {against} {up ? '↑' : '↓'} {amount}
      {share}
    </Typography.Text>
  );
};

const KpiCard = ({ kpi }: { kpi: WorkbenchKpi }) => {
  const words = useWords();
  const card = (
    <Card size="small" hoverable={Boolean(kpi.link)} data-testid="kpi-card" data-kpi={kpi.key} style={{ height: '100%' }}>
      <Statistic
        title={words.kpi(kpi)}
        value={kpi.value}
        formatter={() => (
          <span title={figure(kpi.value, kpi.unit)} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {figureCompact(kpi.value, kpi.unit)}
          </span>
        )}
      />
      <div style={{ marginTop: 4, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        <Change kpi={kpi} />
      </div>
    </Card>
  );
  return kpi.link ? (
    <Link to={kpi.link} aria-label={words.kpi(kpi)} style={{ display: 'block', height: '100%' }}>
      {card}
    </Link>
  ) : (
    card
  );
};

const Due = ({ item, today }: { item: WorkbenchItem; today: string }) => {
  const { t } = useTranslation();
  return (
    <Space size={8} style={{ whiteSpace: 'nowrap' }}>
      {item.overdue ? (
        <Tag color="red" icon={<ExclamationCircleOutlined />} data-testid="overdue-tag">
          {t('workbench.todo.overdueTag')}
        </Tag>
      ) : item.dueOn === today ? (
        <Tag color="orange" icon={<ClockCircleOutlined />}>
          {t('workbench.todo.dueToday')}
        </Tag>
      ) : null}
      <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {item.dueOn ? t('workbench.todo.dueOn', { date: item.dueOn }) : t('workbench.todo.noDue')}
      </Typography.Text>
    </Space>
  );
};

type Filter = 'all' | 'overdue' | 'decisions';

const SourceTotals = ({ sources, shown }: { sources: WorkbenchSourceCount[]; shown: WorkbenchItem[] }) => {
  const { t } = useTranslation();
  const words = useWords();
  const { listUrl } = useNavigation();
  if (!sources.length) return null;
  return (
    <Space size={[8, 8]} wrap data-testid="workbench-sources" style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{t('workbench.todo.bySource')}：</Typography.Text>
      {sources.map((s) => {
        const listed = shown.filter((i) => i.source === s.name).length;
        const url = listUrl(s.name);
        const tag = (
          <Tag color={s.overdue ? 'red' : 'blue'} data-testid="workbench-source" data-source={s.name} data-total={s.total} style={{ marginInlineEnd: 0 }}>
            {words.source(s.name)} {t('workbench.todo.sourceCount', { n: count(s.total) })}
            {s.overdue ? ` · ${t('workbench.todo.sourceOverdue', { n: count(s.overdue) })}` : ''}
          </Tag>
        );
        const more = s.total > listed ? t('workbench.todo.more', { n: count(s.total - listed) }) : undefined;
        return (
          <Tooltip key={s.name} title={more}>
            {url ? <Link to={url}>{tag}</Link> : tag}
          </Tooltip>
        );
      })}
    </Space>
  );
};

const Todo = ({ w }: { w: Workbench }) => {
  const { t } = useTranslation();
  const words = useWords();
  const { token } = theme.useToken();
  const [filter, setFilter] = useState<Filter>('all');
  const today = clubToday();
  const overdue = w.items.filter((i) => i.overdue);
  const decisions = w.items.filter((i) => i.kind === 'decision');
  const shown = filter === 'overdue' ? overdue : filter === 'decisions' ? decisions : w.items;
  const nothing = w.counts.total === 0;
  return (
    <Card
      title={t('workbench.todo.title')}
      data-testid="workbench-todo"
      extra={
        nothing ? null : (
          <Segmented<Filter>
            size="small"
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: `${t('workbench.todo.all')} ${count(w.items.length)}` },
              { value: 'overdue', label: `${t('workbench.todo.overdue')} ${count(overdue.length)}` },
              { value: 'decisions', label: `${t('workbench.todo.decisions')} ${count(decisions.length)}` },
            ]}
          />
        )
      }
    >
      {nothing ? (
        <Empty data-testid="workbench-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.todo.empty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="workbench-summary" style={{ marginBottom: 8 }}>
            {t('workbench.todo.summary', { total: count(w.counts.total), overdue: count(w.counts.overdue) })}
          </Typography.Paragraph>
          <SourceTotals sources={w.sources} shown={w.items} />
          <List<WorkbenchItem>
            size="small"
            dataSource={shown}
            rowKey={(i) => `${i.source}|${i.action}|${i.recordId}|${i.link}`}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.todo.emptyFilter')} /> }}
            pagination={shown.length > 15 ? { pageSize: 15, size: 'small', showSizeChanger: false, align: 'end' } : false}
            renderItem={(item) => (
              <List.Item style={{ padding: 0 }}>
                <Link
                  to={item.link}
                  data-testid="workbench-item"
                  data-source={item.source}
                  data-overdue={item.overdue}
                  style={{ display: 'flex', width: '100%', alignItems: 'center', gap: 12, padding: '10px 8px', color: token.colorText }}
                >
                  <span style={{ flex: '1 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {item.kind === 'decision' && (
                      <Tag color="purple" style={{ marginInlineEnd: 8 }}>
                        {t('workbench.todo.decision')}
                      </Tag>
                    )}
                    <Typography.Text strong>{words.action(item)}</Typography.Text>
                    <Typography.Text style={{ marginInlineStart: 8 }}>{item.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {words.source(item.source)}
                    </Typography.Text>
                  </span>
                  <Due item={item} today={today} />
                  <RightOutlined style={{ color: token.colorTextTertiary, fontSize: 12 }} />
                </Link>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
};

/** 工作台: every role's home — the caller's figures, then everything waiting on them across the features. */
export const WorkbenchPage = () => {
  const { t, i18n } = useTranslation();
  const { data: user } = useGetIdentity<CurrentUser>();
  const region = useRegionName(user?.regionCode);
  const { result, query } = useCustom<Workbench>({ url: '/api/workbench', method: 'get', queryOptions: { refetchInterval: 60_000 } });
  const w = query.data ? result.data : undefined;
  const english = i18n.language.startsWith('en');
  const date = english ? dayjs().format('dddd, D MMMM YYYY') : dayjs().format('YYYY年M月D日 dddd');
  return (
    <div data-testid="workbench">
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        {user ? t('workbench.greeting', { name: user.displayName }) : t('workbench.workbench')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('workbench.today', { date })}</Typography.Paragraph>
      {region && <Alert type="info" showIcon data-testid="region-note" message={t('workbench.regionNote', { region })} style={{ marginBottom: 16 }} />}
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          message={t('workbench.loadFailed')}
          description={query.error?.message}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('workbench.retry')}
            </Button>
          }
        />
      ) : !w ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          {w.kpis.length > 0 && (
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="workbench-kpis">
              {w.kpis.map((k) => (
                <Col key={k.key} xs={24} sm={12} lg={8} xl={6} xxl={4}>
                  <KpiCard kpi={k} />
                </Col>
              ))}
            </Row>
          )}
          <Todo w={w} />
        </>
      )}
    </div>
  );
};
