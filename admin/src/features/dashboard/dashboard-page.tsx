import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
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
}

const useCubeSeries = (name: keyof typeof QUERIES, labelOf: (row: Record<string, unknown>) => string) => {
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
      })),
    // labelOf depends on the language; recompute when the data or the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query.data, labelOf],
  );
  return {
    points,
    loading: query.isLoading,
    error: query.error ? (query.error as Error).message : undefined,
    retry: () => void query.refetch(),
  };
};

const barOption = (points: Point[], unit: string, horizontal = false): EChartsCoreOption => {
  const category = { type: 'category', data: points.map((p) => p.label), axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } };
  const value = { type: 'value', name: unit, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} ${unit}` },
    grid: { left: 16, right: horizontal ? 64 : 24, top: 40, bottom: 16, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: points.map((p) => p.value), label: { show: true, position: horizontal ? 'right' : 'top' } }],
  };
};

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const unit = t('dashboard.unitPeople');

  const labels = useMemo(
    () => ({
      project: (row: Record<string, unknown>) => String(row[PROJECT] ?? t('dashboard.unknown')),
      quarter: (row: Record<string, unknown>) => {
        const raw = row[`${JOINED_ON}.quarter`] ?? row[JOINED_ON];
        if (!raw) return t('dashboard.unknown');
        const d = dayjs(String(raw));
        const q = Math.floor(d.month() / 3) + 1;
        return english ? `${d.year()} Q${q}` : `${d.year()}年第${q}季度`;
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
    [t, english],
  );

  const byProject = useCubeSeries('byProject', labels.project);
  const byQuarter = useCubeSeries('byQuarter', labels.quarter);
  const byAge = useCubeSeries('byAge', labels.age);
  const bySex = useCubeSeries('bySex', labels.sex);

  const total = bySex.points.reduce((sum, p) => sum + p.value, 0);

  const quarterOption: EChartsCoreOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} ${unit}` },
    grid: { left: 16, right: 24, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'category', data: byQuarter.points.map((p) => p.label) },
    yAxis: { type: 'value', name: unit, minInterval: 1 },
    series: [{ type: 'line', smooth: true, areaStyle: {}, data: byQuarter.points.map((p) => p.value) }],
  };
  const pieLabel = english ? `{b}: {c} ${unit} ({d}%)` : `{b}：{c}${unit}（{d}%）`;
  const sexOption: EChartsCoreOption = {
    tooltip: { trigger: 'item', formatter: pieLabel },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        label: { formatter: pieLabel },
        data: bySex.points.map((p) => ({ name: p.label, value: p.value })),
      },
    ],
  };

  const countColumn = (title: string) => ({
    title,
    dataIndex: 'value',
    align: 'right' as const,
    render: (v: number) => v.toLocaleString(english ? 'en' : 'zh-CN'),
  });

  return (
    <div data-testid="dashboard">
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dashboard.subtitle')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('dashboard.byProject.title')}
            testId="chart-members-by-project"
            loading={byProject.loading}
            error={byProject.error}
            onRetry={byProject.retry}
            option={barOption(byProject.points, unit, true)}
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
            option={barOption(byAge.points, unit)}
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
                render: (_: unknown, p: Point) => (total ? `${((p.value / total) * 100).toFixed(1)}%` : '—'),
              },
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
