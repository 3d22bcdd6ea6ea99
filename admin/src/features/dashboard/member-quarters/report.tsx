// the quarterly member-characteristics analysis for a chosen ended quarter — the quarter's
// changes first, then the whole membership section by section, each a chart and its table against
// the previous quarter's end and the same quarter a year earlier. Every figure comes from
// cube/member-quarter-queries.json (tests/analysis.test.ts checks each against SQL).
import { useMemo, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useCustom, useGetIdentity } from '@refinedev/core';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { API_URL } from '../../../providers/data-provider';
import type { CurrentUser, QuarterRun } from '../../../shared/api-types';
import { useDownload } from '../../../shared/download';
import { count, dateTime, numeric, quarterLabel } from '../../../shared/format';
import { useEnum } from '../../../shared/member-enums';
import { useRegionLabel, useRegionName } from '../../../shared/regions';
import { ChartCard } from '../components/chart-card';
import { loadCube } from '../components/cube-client';
import type { EChartsCoreOption } from '../components/echarts';
import queries from '../../../../../cube/member-quarter-queries.json';
import { rowsAt, sectionOverQuarters, type QueryName } from './queries';

type SectionName = Exclude<keyof typeof queries, '//' | 'changes'>;
const SECTIONS = Object.keys(queries).filter((k) => k !== '//' && k !== 'changes') as SectionName[];

/** The last day of a quarter 'YYYY-Qn', and the quarters it is compared with. */
const quarterEnd = (year: number, q: number) => new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
const parse = (label: string) => {
  const [y, q] = label.split('-Q').map(Number);
  return { year: y, quarter: q };
};
const comparisons = (label: string) => {
  const { year, quarter } = parse(label);
  const prev = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
  return {
    current: quarterEnd(year, quarter),
    previous: quarterEnd(prev.year, prev.quarter),
    lastYear: quarterEnd(year - 1, quarter),
  };
};

type Rows = Record<string, unknown>[];

/** One Cube query per section, over every quarter end the report compares. */
const useCubeRows = (names: QueryName[], ends: string[], enabled: boolean) => {
  const sorted = [...ends].sort();
  return useQueries({
    queries: names.map((name) => ({
      queryKey: ['cube', 'member-quarters', name, ...sorted],
      queryFn: async () => (await loadCube(sectionOverQuarters(name, sorted[0], sorted[sorted.length - 1]))).tablePivot() as Rows,
      enabled: enabled && sorted.length > 0,
      staleTime: 10 * 60_000,
      retry: 1,
    })),
  });
};

interface Line {
  key: string;
  label: string;
  current: number;
  previous: number | null;
  lastYear: number | null;
}

/** Sections whose categories have an order of their own (bands), shown in it instead of by size. */
const ORDINAL: Partial<Record<SectionName, string[]>> = {
  ageBand: ['18-29', '30-39', '40-49', '50-59', '60-69', '70+'],
  children: ['0', '1', '2', '3+'],
  householdSize: ['1', '2', '3', '4', '5+'],
  cardsInHousehold: ['0', '1', '2', '3'],
  tenure: ['<1', '1-2', '3-4', '5-9', '10+'],
};
const ordinal = (name: SectionName, key: string) => {
  const i = ORDINAL[name]!.indexOf(key);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
};

const dimensionOf = (name: SectionName) => (queries[name].dimensions as string[])[0];
const measureOf = (name: SectionName) => (queries[name].measures as string[])[0];

export default function MemberQuartersReport() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { label: enumLabel } = useEnum();
  const { data: me } = useGetIdentity<CurrentUser>();
  const regionName = useRegionName(me?.regionCode);
  const { start: download, busy: downloading } = useDownload();
  const runs = useCustom<QuarterRun[]>({ url: `${API_URL}/analysis/member-quarters`, method: 'get' });
  const list = (runs.query.data ? runs.result.data : undefined) ?? [];
  const [chosen, setChosen] = useState<string | undefined>();
  const quarter = chosen ?? list[0]?.quarter;
  const frozen = new Set(list.map((r) => r.quarterEnd));
  const ends = quarter ? comparisons(quarter) : null;
  const endList = ends ? [ends.current, ends.previous, ends.lastYear].filter((e) => frozen.has(e)) : [];
  const nameOfRegion = useRegionLabel();
  const regionLabel = (code: string) => nameOfRegion(code) ?? code;

  const all: QueryName[] = ['changes', ...SECTIONS];
  const results = useCubeRows(all, endList, Boolean(quarter));
  const rowsOf = (name: QueryName, end: string | undefined): Rows | null => {
    if (!end || !frozen.has(end)) return null;
    const rows = results[all.indexOf(name)]?.data as Rows | undefined;
    return rows ? rowsAt(name, rows, end) : null;
  };
  const loading = results.some((r) => r.isLoading);
  const error = results.find((r) => r.error)?.error;

  const valueLabel = (name: SectionName, raw: unknown, row: Record<string, unknown>): string => {
    const v = raw === null || raw === undefined ? '' : String(raw);
    const m = 'member-quarters';
    switch (name) {
      case 'project': return `${v}`;
      case 'region': return regionLabel(v);
      case 'ageBand': return t(`${m}.ageBand`, { band: v });
      case 'sex': return enumLabel('sex', v);
      case 'education': return v === 'UNKNOWN' ? t(`${m}.unfilled`) : enumLabel('education', v);
      case 'maritalStatus': return enumLabel('maritalStatus', v);
      case 'joinReasons': return enumLabel('joinReasons', v);
      case 'industry':
      case 'occupation': return v === '—' || !v ? t(`${m}.unfilled`) : v;
      case 'children': return t(`${m}.children`, { n: v });
      case 'householdSize': return t(`${m}.people`, { n: v });
      case 'cardsInHousehold': return v === '3' ? t(`${m}.threePlusCards`) : t(`${m}.cards`, { n: v });
      case 'car': return t(`${m}.car.${v === 'true' ? 'true' : 'false'}`);
      case 'tenure': return t(`${m}.tenure.${v}`, { defaultValue: v });
      case 'hobbies': return String(row['member_quarter_hobby_counts.hobby_name'] ?? v);
    }
  };

  const lines = (name: SectionName): Line[] => {
    if (!ends) return [];
    const dim = dimensionOf(name);
    const measure = measureOf(name);
    const index = (rows: Rows | null) => (rows ? new Map(rows.map((r) => [String(r[dim]), Number(r[measure] ?? 0)])) : null);
    const cur = rowsOf(name, ends.current) ?? [];
    const prev = index(rowsOf(name, ends.previous));
    const year = index(rowsOf(name, ends.lastYear));
    const keys = new Set([...cur.map((r) => String(r[dim])), ...(prev?.keys() ?? []), ...(year?.keys() ?? [])]);
    const byKey = new Map(cur.map((r) => [String(r[dim]), r]));
    return [...keys]
      .map((k) => ({
        key: k,
        label: valueLabel(name, k, byKey.get(k) ?? {}),
        current: Number(byKey.get(k)?.[measure] ?? 0),
        previous: prev ? (prev.get(k) ?? 0) : null,
        lastYear: year ? (year.get(k) ?? 0) : null,
      }))
      .sort((a, b) => (ORDINAL[name] ? ordinal(name, a.key) - ordinal(name, b.key) : b.current - a.current || a.label.localeCompare(b.label)));
  };

  const change = (now: number, then: number | null) => {
    if (then === null) return <Typography.Text type="secondary">{t('member-quarters.notFrozen')}</Typography.Text>;
    const d = now - then;
    // Chinese dashboards read a rise in red and a fall in green.
    return <span style={{ color: d > 0 ? '#cf1322' : d < 0 ? '#389e0d' : undefined }}>{d > 0 ? `↑${count(d, lang)}` : d < 0 ? `↓${count(-d, lang)}` : '0'}</span>;
  };

  const columns: TableColumnsType<Line> = [
    { title: t('member-quarters.value'), dataIndex: 'label', key: 'label' },
    { title: t('member-quarters.thisQuarter'), key: 'current', ...numeric, render: (_, l) => count(l.current, lang) },
    { title: t('member-quarters.previousQuarter'), key: 'previous', ...numeric, render: (_, l) => (l.previous === null ? '—' : count(l.previous, lang)) },
    { title: t('member-quarters.change'), key: 'dPrev', ...numeric, render: (_, l) => change(l.current, l.previous) },
    { title: t('member-quarters.lastYear'), key: 'lastYear', ...numeric, render: (_, l) => (l.lastYear === null ? '—' : count(l.lastYear, lang)) },
    { title: t('member-quarters.change'), key: 'dYear', ...numeric, render: (_, l) => change(l.current, l.lastYear) },
  ];

  const chartOf = (data: Line[]): EChartsCoreOption => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((l) => l.label), axisLabel: { interval: 0, rotate: data.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('member-quarters.thisQuarter'), type: 'bar', data: data.map((l) => l.current) },
      ...(data.some((l) => l.previous !== null) ? [{ name: t('member-quarters.previousQuarter'), type: 'bar', data: data.map((l) => l.previous) }] : []),
      ...(data.some((l) => l.lastYear !== null) ? [{ name: t('member-quarters.lastYear'), type: 'bar', data: data.map((l) => l.lastYear) }] : []),
    ],
  });

  const flow = useMemo(() => {
    const of = (end: string | undefined) => {
      const r = end ? rowsOf('changes', end)?.[0] : undefined;
      return r ? { members: Number(r['member_quarter_profile.members'] ?? 0), joined: Number(r['member_quarter_profile.joined'] ?? 0), left: Number(r['member_quarter_profile.left'] ?? 0) } : null;
    };
    return ends ? { current: of(ends.current), previous: of(ends.previous), lastYear: of(ends.lastYear) } : null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results.map((r) => r.dataUpdatedAt).join(), quarter]);

  const run = list.find((r) => r.quarter === quarter);
  const label = (q: string) => {
    const { year, quarter: n } = parse(q);
    return quarterLabel(year, n, lang);
  };

  if (runs.query.isLoading) return <Card loading />;
  if (!list.length) return <Card title={t('member-quarters.title')}><Empty description={t('member-quarters.noQuarters')} /></Card>;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="member-quarters-report">
      <style>{`
        .print-only { display: none; }
        @media print {
          .no-print, .ant-layout-sider, .ant-layout-header, header, .ant-segmented { display: none !important; }
          .print-only { display: block; margin-top: 8px; }
          .ant-col { break-inside: avoid; }
        }
      `}</style>
      <Card
        title={t('member-quarters.title')}
        extra={
          <Space className="no-print">
            <Select
              style={{ width: 180 }}
              value={quarter}
              onChange={setChosen}
              options={list.map((r) => ({ value: r.quarter, label: label(r.quarter) }))}
              aria-label={t('member-quarters.quarter')}
              data-testid="member-quarters-select"
            />
            <Button icon={<DownloadOutlined />} loading={downloading} disabled={!quarter} onClick={() => void download(`/analysis/member-quarters/${quarter}/export.xlsx`, {}, `member-quarters-${quarter}.xlsx`)} data-testid="member-quarters-export">
              {t('member-quarters.export')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>{t('member-quarters.print')}</Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {run && t('member-quarters.frozenAt', { at: dateTime(run.builtAt), how: t(`member-quarters.how.${run.source}`) })}
          {' '}{t('member-quarters.asOfNote')}
          {regionName && <> {t('member-quarters.regionalNote', { region: regionName })}</>}
        </Typography.Paragraph>
      </Card>
      {error && <Alert type="error" showIcon message={String((error as Error).message ?? error)} />}
      <Card title={`${quarter ? label(quarter) : ''} ${t('member-quarters.changesTitle')}`} loading={loading && !flow?.current} data-testid="member-quarters-changes">
        <Row gutter={16}>
          {(['members', 'joined', 'left'] as const).map((k) => (
            <Col key={k} xs={24} md={8}>
              <Statistic title={t(`member-quarters.${k === 'members' ? 'membersAtEnd' : k}`)} value={flow?.current ? count(flow.current[k], lang) : '—'} />
              <Typography.Text type="secondary">
                {t('member-quarters.vsPrevious')} {flow?.current ? change(flow.current[k], flow.previous ? flow.previous[k] : null) : '—'}
                {'　'}
                {t('member-quarters.vsLastYear')} {flow?.current ? change(flow.current[k], flow.lastYear ? flow.lastYear[k] : null) : '—'}
              </Typography.Text>
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        {SECTIONS.filter((s) => s !== 'region' || !me?.regionCode).map((name) => {
          const data = lines(name);
          return (
            <Col key={name} xs={24} xl={12}>
              <ChartCard<Line>
                title={t(`member-quarters.sections.${name}`)}
                testId={`member-quarters-${name}`}
                loading={loading}
                onRetry={() => results.forEach((r) => void r.refetch())}
                option={chartOf(data)}
                rows={data}
                columns={columns}
              />
              <Table<Line> className="print-only" size="small" rowKey="key" dataSource={data} columns={columns} pagination={false} />
            </Col>
          );
        })}
      </Row>
    </Space>
  );
}
