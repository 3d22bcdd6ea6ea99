import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { useGetIdentity } from '@refinedev/core';
import { Alert, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CurrentUser } from '../../shared/api-types';
import { compact, count, percentOf, quarterLabel, quarterOf } from '../../shared/format';
import { useRegionName } from '../../shared/regions';
import { ChartCard } from './components/chart-card';
import { loadCube } from './components/cube-client';
import type { EChartsCoreOption } from './components/echarts';
import dashboardQueries from '../../../../cube/dashboard-queries.json';

// Names from cube/README.md (view member_profile); the view carries no raw personal data.
const COUNT = 'member_profile.count';
const PROJECT = 'member_profile.project_name';
const SEX = 'member_profile.sex';
const AGE_BAND = 'member_profile.age_band';
const JOINED_ON = 'member_profile.joined_on';

// The Cube engineer's query set: each one is answered by a rollup (cube/model/cubes/members.js),
// so the dashboard asks exactly these and nothing a pre-aggregation would miss.
const QUERIES = {
  byProject: dashboardQueries.membersByProject,
  byQuarter: dashboardQueries.newMembersPerQuarter,
  byAge: dashboardQueries.ageBands,
  bySex: dashboardQueries.sex,
} as unknown as Record<'byProject' | 'byQuarter' | 'byAge' | 'bySex', Query>;

interface Point {
  key: string;
  label: string;
  value: number;
  /** The quarter still running: its figure is only up to today. */
  partial?: boolean;
}

/** ECharts' first colour: the running quarter's dashed stretch continues the same line. */
const LINE = '#5470c6';

/** The club's quarter today (China), to tell the running quarter from the finished ones. */
const currentQuarter = () => quarterOf(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));

const useCubeSeries = (name: keyof typeof QUERIES, labelOf: (row: Record<string, unknown>) => string, partialOf?: (row: Record<string, unknown>) => boolean) => {
  const query = useQuery({
    queryKey: ['cube', name],
    queryFn: async () => (await loadCube(QUERIES[name])).tablePivot() as Record<string, unknown>[],
    staleTime: 60_000,
    retry: 1,
  });
  const points: Point[] = useMemo(
    () =>
      (query.data ?? []).map((row, i) => ({
        key: String(i),
        label: labelOf(row),
        value: Number(row[COUNT] ?? 0),
        partial: partialOf?.(row) ?? false,
      })),
    // labelOf depends on the language; recompute when the data or the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query.data, labelOf, partialOf],
  );
  return {
    points,
    loading: query.isLoading,
    error: query.error ? (query.error as Error).message : undefined,
    retry: () => void query.refetch(),
  };
};

/** "12 人" / "12 people": a count in the chart's unit. */
const people = (v: number, unit: string, english: boolean) => (english ? `${count(v)} ${unit}` : `${count(v)}${unit}`);

const barOption = (points: Point[], unit: string, english: boolean, horizontal = false): EChartsCoreOption => {
  const category = { type: 'category', data: points.map((p) => p.label), axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } };
  const value = { type: 'value', name: unit, minInterval: 1, axisLabel: { formatter: (v: number) => compact(v) } };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => people(v, unit, english) },
    grid: { left: 16, right: horizontal ? 64 : 24, top: 40, bottom: 16, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: points.map((p) => p.value), label: { show: true, position: horizontal ? 'right' : 'top', formatter: ({ value: v }: { value: number }) => count(v) } }],
  };
};

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const unit = t('dashboard.unitPeople');
  const { data: user } = useGetIdentity<CurrentUser>();
  const region = useRegionName(user?.regionCode);
  const now = currentQuarter();
  const isCurrentQuarter = useMemo(
    () => (row: Record<string, unknown>) => {
      const raw = row[`${JOINED_ON}.quarter`] ?? row[JOINED_ON];
      if (!raw) return false;
      const q = quarterOf(String(raw));
      return q.year === now.year && q.quarter === now.quarter;
    },
    [now.year, now.quarter],
  );

  const labels = useMemo(
    () => ({
      project: (row: Record<string, unknown>) => String(row[PROJECT] ?? t('dashboard.unknown')),
      quarter: (row: Record<string, unknown>) => {
        const raw = row[`${JOINED_ON}.quarter`] ?? row[JOINED_ON];
        if (!raw) return t('dashboard.unknown');
        const { year, quarter } = quarterOf(dayjs(String(raw)));
        const label = quarterLabel(year, quarter, i18n.language);
        return year === now.year && quarter === now.quarter ? `${label}${t('dashboard.byQuarter.soFar')}` : label;
      },
      age: (row: Record<string, unknown>) => {
        const band = row[AGE_BAND];
        if (!band) return t('dashboard.unknown');
        const text = String(band);
        if (english) return text;
        return text.endsWith('+') ? `${text.slice(0, -1)}岁及以上` : `${text}岁`;
      },
      sex: (row: Record<string, unknown>) => {
        const sex = row[SEX];
        return sex ? t(`members.enums.sex.${String(sex)}`, { defaultValue: String(sex) }) : t('dashboard.unknown');
      },
    }),
    [t, english, i18n.language, now.year, now.quarter],
  );

  const byProject = useCubeSeries('byProject', labels.project);
  const byQuarter = useCubeSeries('byQuarter', labels.quarter, isCurrentQuarter);
  const byAge = useCubeSeries('byAge', labels.age);
  const bySex = useCubeSeries('bySex', labels.sex);

  const total = bySex.points.reduce((sum, p) => sum + p.value, 0);

  // The running quarter is only counted up to today: drawn apart (dashed, a hollow point, "so far")
  // so its lower figure does not read as a fall.
  const quarterPoints = byQuarter.points;
  const partialAt = quarterPoints.findIndex((p) => p.partial);
  const finished = quarterPoints.map((p) => (p.partial ? null : p.value));
  const running = quarterPoints.map((p, i) => (partialAt > 0 && (i === partialAt || i === partialAt - 1) ? p.value : partialAt === 0 && i === 0 ? p.value : null));
  const quarterOption: EChartsCoreOption = {
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const p = quarterPoints[params[0]?.dataIndex ?? 0];
        return p ? `${p.label}<br/>${people(p.value, unit, english)}` : '';
      },
    },
    // Room at the right for the running quarter's "so far" mark.
    grid: { left: 16, right: 40, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'category', data: quarterPoints.map((p) => p.label), axisLabel: { formatter: (v: string) => v.replace(t('dashboard.byQuarter.soFar'), `\n${t('dashboard.byQuarter.soFar')}`) } },
    yAxis: { type: 'value', name: unit, minInterval: 1, axisLabel: { formatter: (v: number) => compact(v) } },
    series: [
      { type: 'line', smooth: true, color: LINE, areaStyle: { opacity: 0.25 }, data: finished, connectNulls: false },
      ...(partialAt >= 0
        ? [
            {
              type: 'line',
              data: running,
              connectNulls: false,
              color: LINE,
              lineStyle: { type: 'dashed', opacity: 0.7 },
              itemStyle: { opacity: 0.8 },
              symbol: 'emptyCircle',
              symbolSize: 8,
              label: { show: true, position: 'top', formatter: ({ dataIndex }: { dataIndex: number }) => (dataIndex === partialAt ? t('dashboard.byQuarter.soFarMark') : '') },
            },
          ]
        : []),
    ],
  };
  // Two-line labels, a smaller ring and room at the sides so no label is cut at the card's edge.
  const pieLabel = english ? `{b}\n{c} ${unit} ({d}%)` : `{b}\n{c}${unit}（{d}%）`;
  const sexOption: EChartsCoreOption = {
    tooltip: { trigger: 'item', formatter: pieLabel.replace('\n', english ? ': ' : '：') },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['34%', '56%'],
        center: ['50%', '46%'],
        avoidLabelOverlap: true,
        label: { formatter: pieLabel, lineHeight: 18, overflow: 'none' },
        labelLine: { length: 12, length2: 10 },
        data: bySex.points.map((p) => ({ name: p.label, value: p.value })),
      },
    ],
  };

  const countColumn = (title: string) => ({
    title,
    dataIndex: 'value',
    align: 'right' as const,
    render: (v: number) => count(v),
  });

  return (
    <div data-testid="dashboard">
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dashboard.subtitle')}</Typography.Paragraph>
      {region && <Alert type="info" showIcon data-testid="dashboard-region-note" message={t('dashboard.regionNote', { region })} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('dashboard.byProject.title')}
            testId="chart-members-by-project"
            loading={byProject.loading}
            error={byProject.error}
            onRetry={byProject.retry}
            option={barOption(byProject.points, unit, english, true)}
            rows={byProject.points}
            columns={[{ title: t('dashboard.byProject.project'), dataIndex: 'label' }, countColumn(t('dashboard.byProject.count'))]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('dashboard.byQuarter.title')}
            testId="chart-new-members-by-quarter"
            loading={byQuarter.loading}
            error={byQuarter.error}
            onRetry={byQuarter.retry}
            option={quarterOption}
            note={partialAt >= 0 ? t('dashboard.byQuarter.note') : undefined}
            rows={byQuarter.points}
            columns={[{ title: t('dashboard.byQuarter.quarter'), dataIndex: 'label' }, countColumn(t('dashboard.byQuarter.count'))]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('dashboard.byAge.title')}
            testId="chart-members-by-age-band"
            loading={byAge.loading}
            error={byAge.error}
            onRetry={byAge.retry}
            option={barOption(byAge.points, unit, english)}
            rows={byAge.points}
            columns={[{ title: t('dashboard.byAge.band'), dataIndex: 'label' }, countColumn(t('dashboard.byAge.count'))]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('dashboard.bySex.title')}
            testId="chart-members-by-sex"
            loading={bySex.loading}
            error={bySex.error}
            onRetry={bySex.retry}
            option={sexOption}
            rows={bySex.points}
            columns={[
              { title: t('dashboard.bySex.sex'), dataIndex: 'label' },
              countColumn(t('dashboard.bySex.count')),
              {
                title: t('dashboard.bySex.share'),
                key: 'share',
                align: 'right' as const,
                render: (_: unknown, p: Point) => (total ? percentOf(p.value / total) : '—'),
              },
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
