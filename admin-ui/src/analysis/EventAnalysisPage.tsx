// 事件分析: metrics over time, optionally filtered, grouped and compared with the previous period.
import { PlusOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { EventAnalysisResult, Granularity } from '../api/analysis';
import type { TrackingPlan } from '../api/types';
import { useConsole, useDisplayName, useT } from '../shell/context';
import { EmptyState, Loading } from '../shell/states';
import Chart, { type ChartOption } from './Chart';
import { AnalysisAlert, EventSelect, FilterEditor, FormLine, GroupBySelect, PropertySelect, RangeInput } from './controls';
import { lastDays, rangeFromParams, type DateRange } from './dates';
import { groupableProperties, numericProperties, propertyTypes } from './plan';
import PlanGate from './PlanGate';
import {
  PV,
  UV,
  eventAnalysisRequest,
  isPropertyMeasure,
  totalsRequest,
  type FilterRow,
  type MeasureChoice,
  type MetricForm,
} from './requests';
import { formatNumber, formatPercent, lineChartData, tableRows, type LineChartData, type SeriesRow } from './series';
import { useAnalysis } from './useAnalysis';

const GRANULARITIES: readonly Granularity[] = ['hour', 'day', 'week', 'month', 'total'];
const MEASURES: readonly MeasureChoice[] = ['events', 'users', 'events_per_user', 'new_users', 'sum', 'avg', 'min', 'max', 'distinct'];
const MAX_METRICS = 10;

export default function EventAnalysisPage({ params }: { params: URLSearchParams }) {
  return <PlanGate>{(plan) => <EventAnalysis plan={plan} params={params} />}</PlanGate>;
}

interface Answer {
  readonly labels: readonly string[];
  readonly granularity: Granularity;
  readonly compare: boolean;
  readonly result: EventAnalysisResult;
  readonly totals: EventAnalysisResult;
}

function EventAnalysis({ plan, params }: { plan: TrackingPlan; params: URLSearchParams }) {
  const t = useT();
  const name = useDisplayName();
  const { client, project, locale } = useConsole();
  const zone = plan.settings.time_zone;
  const types = useMemo(() => propertyTypes(plan), [plan]);
  const [metrics, setMetrics] = useState<MetricForm[]>([PV, UV]);
  const [filters, setFilters] = useState<FilterRow[]>([]);
  // The route may preset the range, group-by, granularity and comparison (a link to share).
  const [groupBy, setGroupBy] = useState<string[]>(() => groupByFromParams(params, groupableProperties(plan)));
  const [range, setRange] = useState<DateRange>(() => rangeFromParams(params, lastDays(7, zone)));
  const [granularity, setGranularity] = useState<Granularity>(() => granularityFromParams(params));
  const [compare, setCompare] = useState(params.get('compare') === 'true');

  const eventName = (event: string) => {
    const definition = plan.events.find((e) => e.name === event);
    return definition ? name(definition.display_name, definition.display_name_en, event) : event;
  };
  const metricLabel = (metric: MetricForm) => {
    if (sameMetric(metric, PV)) return t('events.pv');
    if (sameMetric(metric, UV)) return t('events.uv');
    const events = metric.events.length === 0 ? t('analysis.anyEvent') : metric.events.map(eventName).join('、');
    const measure = t(`events.measure.${metric.measure}`);
    return isPropertyMeasure(metric.measure) ? `${events} · ${measure} ${metric.property ?? ''}` : `${events} · ${measure}`;
  };

  const [answer, run] = useAnalysis<Answer>(async () => {
    const request = eventAnalysisRequest({ metrics, filters, groupBy, range, granularity, compare }, types);
    const [result, totals] = await Promise.all([
      client.analyze(project, 'events', request),
      client.analyze(project, 'events', totalsRequest(request)),
    ]);
    return { labels: metrics.map(metricLabel), granularity, compare, result, totals };
  });

  const update = (index: number, change: Partial<MetricForm>) =>
    setMetrics(metrics.map((m, i) => (i === index ? { ...m, ...change } : m)));

  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card analysis-form">
        <FormLine label={t('events.metrics')}>
          <Space direction="vertical" size={8}>
            {metrics.map((metric, index) => (
              <Space key={index} wrap className="metric-row">
                <Typography.Text type="secondary">{t('events.metric', { index: index + 1 })}</Typography.Text>
                <EventSelect plan={plan} value={metric.events} onChange={(events) => update(index, { events })} />
                <Select
                  className="measure-select"
                  style={{ width: 140 }}
                  value={metric.measure}
                  options={MEASURES.map((m) => ({ value: m, label: t(`events.measure.${m}`) }))}
                  onChange={(measure: MeasureChoice) => update(index, { measure })}
                />
                {isPropertyMeasure(metric.measure) ? (
                  <PropertySelect
                    plan={plan}
                    only={metric.measure === 'distinct' ? undefined : numericProperties(plan)}
                    value={metric.property}
                    onChange={(property) => update(index, { property })}
                  />
                ) : null}
                <Button size="small" onClick={() => update(index, PV)}>
                  PV
                </Button>
                <Button size="small" onClick={() => update(index, UV)}>
                  UV
                </Button>
                {metrics.length > 1 ? (
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('analysis.remove')}
                    onClick={() => setMetrics(metrics.filter((_, i) => i !== index))}
                  />
                ) : null}
              </Space>
            ))}
            {metrics.length < MAX_METRICS ? (
              <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setMetrics([...metrics, { events: [], measure: 'events', property: null }])}>
                {t('events.addMetric')}
              </Button>
            ) : null}
          </Space>
        </FormLine>
        <FormLine label={t('analysis.filter')}>
          <FilterEditor plan={plan} rows={filters} onChange={setFilters} />
        </FormLine>
        <FormLine label={t('analysis.groupBy')}>
          <GroupBySelect plan={plan} only={groupableProperties(plan)} value={groupBy} onChange={setGroupBy} />
        </FormLine>
        <FormLine label={t('analysis.range')}>
          <Space wrap>
            <RangeInput value={range} onChange={setRange} timeZone={zone} />
            <Select
              aria-label={t('events.granularity')}
              style={{ width: 110 }}
              value={granularity}
              options={GRANULARITIES.map((g) => ({ value: g, label: t(`events.granularity.${g}`) }))}
              onChange={(g: Granularity) => setGranularity(g)}
            />
            <Checkbox checked={compare} onChange={(e) => setCompare(e.target.checked)}>
              {t('events.compare')}
            </Checkbox>
          </Space>
        </FormLine>
        <div className="form-actions">
          <Button type="primary" className="run-analysis" onClick={run} loading={answer.state === 'loading'}>
            {t('analysis.run')}
          </Button>
        </div>
      </Card>
      <Card className="page-card analysis-result">
        {answer.state === 'idle' && <EmptyState description={t('analysis.idle')} />}
        {answer.state === 'loading' && <Loading />}
        {answer.state === 'failed' && <AnalysisAlert error={answer.error} onRetry={run} />}
        {answer.state === 'loaded' && <EventResult answer={answer.data} zone={zone} locale={locale} />}
      </Card>
    </Space>
  );
}

function groupByFromParams(params: URLSearchParams, groupable: readonly string[]): string[] {
  return (params.get('group_by') ?? '')
    .split(',')
    .filter((name) => groupable.includes(name))
    .slice(0, 3);
}

function granularityFromParams(params: URLSearchParams): Granularity {
  const value = params.get('granularity');
  return GRANULARITIES.find((g) => g === value) ?? 'day';
}

function sameMetric(a: MetricForm, b: MetricForm): boolean {
  return a.measure === b.measure && a.events.length === b.events.length && a.events.every((e, i) => e === b.events[i]);
}

function EventResult({ answer, zone, locale }: { answer: Answer; zone: string; locale: string }) {
  const t = useT();
  const labels = { metrics: answer.labels, notSet: t('analysis.notSet'), previousSuffix: t('events.previous') };
  const chart = useMemo(() => lineChartData(answer.result, labels, answer.granularity, zone), [answer]);
  const rows = useMemo(() => tableRows(answer.result, answer.totals, labels, answer.compare), [answer]);
  const option = useMemo(() => lineOption(chart), [chart]);
  if (answer.result.current.length === 0) return <EmptyState description={t('analysis.empty')} />;
  const grouped = rows.some((row) => row.group !== '');
  const compared = answer.compare;
  const number = (value: number | null) => formatNumber(value, locale);
  const columns = [
    { title: t('events.col.metric'), dataIndex: 'metric', key: 'metric', fixed: 'left' as const, width: 200 },
    ...(grouped ? [{ title: t('analysis.group'), dataIndex: 'group', key: 'group', width: 160 }] : []),
    {
      title: t('analysis.total'),
      key: 'total',
      className: 'total-cell',
      width: 120,
      align: 'right' as const,
      render: (_: unknown, row: SeriesRow) => <strong>{number(row.total)}</strong>,
    },
    ...(compared
      ? [
          {
            title: t('events.col.previousTotal'),
            key: 'previousTotal',
            width: 120,
            align: 'right' as const,
            render: (_: unknown, row: SeriesRow) => number(row.previousTotal),
          },
          {
            title: t('events.col.change'),
            key: 'change',
            width: 100,
            align: 'right' as const,
            render: (_: unknown, row: SeriesRow) => (
              <span className={row.change === null ? '' : row.change >= 0 ? 'up' : 'down'}>{formatPercent(row.change)}</span>
            ),
          },
        ]
      : []),
    ...(answer.granularity === 'total'
      ? []
      : chart.categories.map((category, index) => ({
          title: category,
          key: `b${index}`,
          width: 110,
          align: 'right' as const,
          render: (_: unknown, row: SeriesRow) => number(row.values[index] ?? null),
        }))),
  ];
  return (
    <Space direction="vertical" size="middle" className="page">
      <Chart option={option} height={340} className="event-chart" />
      <Table<SeriesRow>
        className="analysis-table"
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Space>
  );
}

const COLORS = ['#1f5fd6', '#13a8a8', '#fa8c16', '#722ed1', '#eb2f96', '#52c41a', '#faad14', '#2f54eb', '#a0d911', '#f5222d'];

function lineOption(chart: LineChartData): ChartOption {
  let colorIndex = -1;
  return {
    // Room on the right for the last bucket's label, which is centred on the axis end.
    grid: { left: 8, right: 48, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'category', data: [...chart.categories], boundaryGap: chart.categories.length === 1 },
    yAxis: { type: 'value' },
    series: chart.lines.map((line) => {
      // A previous-period line takes the colour of the current line it follows.
      if (!line.previous) colorIndex += 1;
      const color = COLORS[colorIndex % COLORS.length];
      return {
        name: line.name,
        type: 'line',
        data: [...line.values],
        showSymbol: chart.categories.length <= 31,
        connectNulls: false,
        itemStyle: { color },
        lineStyle: { color, type: line.previous ? 'dashed' : 'solid', opacity: line.previous ? 0.6 : 1 },
      };
    }),
  };
}
