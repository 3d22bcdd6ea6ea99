import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Segmented, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { echarts, type EChartsCoreOption } from './echarts';

const Chart = ({ option, testId, state }: { option: EChartsCoreOption; testId: string; state: string }) => {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} data-testid={testId} data-state={state} style={{ width: '100%', height: 320 }} />;
};

interface Props<Row> {
  title: ReactNode;
  testId: string;
  loading: boolean;
  error?: string;
  onRetry: () => void;
  option: EChartsCoreOption;
  rows: Row[];
  columns: TableColumnsType<Row>;
  /** A line under the chart: what to read into it (the running quarter is counted to today). */
  note?: ReactNode;
}

/** A chart that says what it counts, with its numbers one click away (architecture: Admin). */
export function ChartCard<Row extends { key: string }>({ title, testId, loading, error, onRetry, option, rows, columns, note }: Props<Row>) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');

  return (
    <Card
      title={title}
      data-testid={`${testId}-card`}
      extra={
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { label: t('dashboard.chart'), value: 'chart' },
            { label: t('dashboard.table'), value: 'table' },
          ]}
          data-testid={`${testId}-toggle`}
        />
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          message={t('dashboard.loadFailed')}
          description={error}
          action={<Button size="small" onClick={onRetry}>{t('dashboard.retry')}</Button>}
        />
      ) : (
        <Spin spinning={loading} tip={t('dashboard.waiting')}>
          {view === 'chart' ? (
            <Chart option={option} testId={testId} state={loading ? 'loading' : 'ready'} />
          ) : (
            <Table<Row>
              size="small"
              data-testid={`${testId}-table`}
              dataSource={rows}
              columns={columns}
              pagination={false}
              scroll={{ y: 280 }}
            />
          )}
          {note && (
            <Typography.Text type="secondary" data-testid={`${testId}-note`} style={{ fontSize: 12 }}>
              {note}
            </Typography.Text>
          )}
        </Spin>
      )}
    </Card>
  );
}
