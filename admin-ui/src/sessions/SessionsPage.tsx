// Session 分析: each user's events cut into sessions after a timeout of inactivity; sessions per
// period with average duration, pages per session and bounce rate, the hour of day sessions start
// (in the project's zone) and dwell time per page. The API has no group-by for sessions, so the
// page offers none.
import { Button, Card, Col, InputNumber, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Granularity, SessionResult } from '../api/analysis';
import type { TrackingPlan } from '../api/types';
import Chart, { type ChartOption } from '../analysis/Chart';
import { AnalysisAlert, EventSelect, FilterEditor, FormLine, PropertySelect, RangeInput } from '../analysis/controls';
import { lastDays, rangeFromParams, type DateRange } from '../analysis/dates';
import { propertyTypes } from '../analysis/plan';
import PlanGate from '../analysis/PlanGate';
import { PAGE_VIEW_EVENTS, type FilterRow } from '../analysis/requests';
import { formatNumber, formatPercent } from '../analysis/series';
import { useAnalysis } from '../analysis/useAnalysis';
import { useConsole, useT } from '../shell/context';
import { EmptyState, Loading } from '../shell/states';
import {
  DEFAULT_TIMEOUT_MINUTES,
  defaultPageProperty,
  dwellRows,
  formatDuration,
  sessionRequest,
  sessionRows,
  sessionTotals,
  type DwellRow,
  type SessionRow,
} from './figures';

const GRANULARITIES: readonly Granularity[] = ['hour', 'day', 'week', 'month', 'total'];

export default function SessionsPage({ params }: { params: URLSearchParams }) {
  return <PlanGate>{(plan) => <Sessions plan={plan} params={params} />}</PlanGate>;
}

interface Answer {
  readonly granularity: Granularity;
  readonly dwell: boolean;
  readonly result: SessionResult;
}

function Sessions({ plan, params }: { plan: TrackingPlan; params: URLSearchParams }) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const zone = plan.settings.time_zone;
  const types = useMemo(() => propertyTypes(plan), [plan]);
  const [events, setEvents] = useState<string[]>([]);
  const [filters, setFilters] = useState<FilterRow[]>([]);
  const [pageViews, setPageViews] = useState<string[]>(() => PAGE_VIEW_EVENTS.filter((e) => plan.events.some((d) => d.name === e)));
  const [pageProperty, setPageProperty] = useState<string | null>(() => defaultPageProperty(plan));
  const [timeoutMinutes, setTimeoutMinutes] = useState(DEFAULT_TIMEOUT_MINUTES);
  const [range, setRange] = useState<DateRange>(() => rangeFromParams(params, lastDays(7, zone)));
  const [granularity, setGranularity] = useState<Granularity>(
    () => GRANULARITIES.find((g) => g === params.get('granularity')) ?? 'day',
  );

  const [answer, run] = useAnalysis<Answer>(async () => {
    const request = sessionRequest({ events, filters, pageViews, pageProperty, timeoutMinutes, range, granularity }, types);
    const result = await client.analyze(project, 'sessions', request);
    return { granularity, dwell: pageProperty !== null, result };
  });

  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card analysis-form">
        <FormLine label={t('analysis.events')}>
          <EventSelect plan={plan} value={events} onChange={setEvents} className="event-select session-events" />
        </FormLine>
        <FormLine label={t('analysis.filter')}>
          <FilterEditor plan={plan} rows={filters} onChange={setFilters} />
        </FormLine>
        <FormLine label={t('sessions.pageViews')}>
          <Space wrap>
            <EventSelect plan={plan} value={pageViews} onChange={setPageViews} className="event-select session-page-views" />
            <span className="muted">{t('sessions.pageProperty')}</span>
            <PropertySelect plan={plan} value={pageProperty} onChange={setPageProperty} placeholder={t('sessions.noDwell')} />
          </Space>
        </FormLine>
        <FormLine label={t('sessions.timeout')}>
          <Space>
            <InputNumber
              className="session-timeout"
              min={1}
              max={1440}
              value={timeoutMinutes}
              onChange={(value) => setTimeoutMinutes(typeof value === 'number' ? value : DEFAULT_TIMEOUT_MINUTES)}
            />
            <span className="muted">{t('sessions.minutes')}</span>
          </Space>
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
        {answer.state === 'loaded' && <SessionResultView answer={answer.data} zone={zone} locale={locale} />}
      </Card>
    </Space>
  );
}

function SessionResultView({ answer, zone, locale }: { answer: Answer; zone: string; locale: string }) {
  const t = useT();
  const rows = useMemo(() => sessionRows(answer.result, answer.granularity, zone), [answer, zone]);
  const totals = useMemo(() => sessionTotals(answer.result), [answer]);
  const dwell = useMemo(() => dwellRows(answer.result.dwell, t('analysis.notSet')), [answer]);
  const sessionsOption = useMemo(() => sessionsChartOption(rows, t), [rows]);
  const hoursOption = useMemo(() => hoursChartOption(answer.result.starts_by_hour, t), [answer]);
  if (totals.sessions === 0) return <EmptyState description={t('sessions.empty')} />;
  const number = (value: number | null) => formatNumber(value, locale);
  const duration = (value: number | null) => formatDuration(value, locale);
  const columns = [
    { title: t('sessions.col.period'), dataIndex: 'label', key: 'label' },
    { title: t('sessions.sessions'), key: 'sessions', align: 'right' as const, render: (_: unknown, r: SessionRow) => number(r.sessions) },
    { title: t('sessions.avgDuration'), key: 'duration', align: 'right' as const, render: (_: unknown, r: SessionRow) => duration(r.averageDurationMillis) },
    { title: t('sessions.pagesPerSession'), key: 'pages', align: 'right' as const, render: (_: unknown, r: SessionRow) => number(r.pagesPerSession) },
    { title: t('sessions.bounceRate'), key: 'bounce', align: 'right' as const, render: (_: unknown, r: SessionRow) => formatPercent(r.bounceRate) },
  ];
  const dwellColumns = [
    { title: t('sessions.col.page'), dataIndex: 'page', key: 'page' },
    { title: t('sessions.col.views'), key: 'views', align: 'right' as const, render: (_: unknown, r: DwellRow) => number(r.views) },
    { title: t('sessions.col.dwell'), key: 'dwell', align: 'right' as const, render: (_: unknown, r: DwellRow) => duration(r.averageDwellMillis) },
  ];
  return (
    <Space direction="vertical" size="large" className="page">
      <Row gutter={16} className="session-summary">
        <Col span={6}>
          <Statistic className="stat-sessions" title={t('sessions.sessions')} value={number(totals.sessions)} />
        </Col>
        <Col span={6}>
          <Statistic className="stat-duration" title={t('sessions.avgDuration')} value={duration(totals.averageDurationMillis)} />
        </Col>
        <Col span={6}>
          <Statistic className="stat-pages" title={t('sessions.pagesPerSession')} value={number(totals.pagesPerSession)} />
        </Col>
        <Col span={6}>
          <Statistic className="stat-bounce" title={t('sessions.bounceRate')} value={formatPercent(totals.bounceRate)} />
        </Col>
      </Row>
      {answer.granularity === 'total' ? null : <Chart option={sessionsOption} height={300} className="sessions-chart" />}
      <Table<SessionRow> className="analysis-table session-table" size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} />
      <Row gutter={16}>
        <Col span={answer.dwell ? 12 : 24}>
          <Typography.Title level={5}>{t('sessions.byHour', { zone })}</Typography.Title>
          <Chart option={hoursOption} height={260} className="session-hours-chart" />
        </Col>
        {answer.dwell ? (
          <Col span={12}>
            <Typography.Title level={5}>{t('sessions.dwell')}</Typography.Title>
            {dwell.length === 0 ? (
              <EmptyState description={t('sessions.dwellEmpty')} />
            ) : (
              <Table<DwellRow>
                className="dwell-table"
                size="small"
                rowKey="key"
                columns={dwellColumns}
                dataSource={dwell}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
              />
            )}
          </Col>
        ) : null}
      </Row>
    </Space>
  );
}

function sessionsChartOption(rows: readonly SessionRow[], t: ReturnType<typeof useT>): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: [
      { type: 'value', minInterval: 1, name: t('sessions.sessions') },
      { type: 'value', name: t('sessions.axis.minutes'), splitLine: { show: false } },
    ],
    series: [
      { name: t('sessions.sessions'), type: 'bar', data: rows.map((r) => r.sessions), itemStyle: { color: '#1f5fd6' }, barMaxWidth: 28 },
      {
        name: t('sessions.avgDurationMinutes'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => (r.averageDurationMillis === null ? null : Math.round(r.averageDurationMillis / 600) / 100)),
        itemStyle: { color: '#fa8c16' },
      },
    ],
  };
}

function hoursChartOption(hours: readonly number[], t: ReturnType<typeof useT>): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: hours.map((_, hour) => t('distributions.hour', { hour })) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('sessions.sessions'), type: 'bar', data: [...hours], itemStyle: { color: '#13a8a8' }, barMaxWidth: 24 }],
  };
}
