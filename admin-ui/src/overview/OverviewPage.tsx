// 概览: server health and the plan's size for everyone; for those who may run analyses, today's
// DAU, new users and events with their 30-day trend; for those who may read the quarantine, the
// ingestion rate, the data's freshness and the quarantine rate, linking to data quality.
import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { EventAnalysisResult } from '../api/analysis';
import type { IngestionReport, TrackingPlan } from '../api/types';
import Chart, { type ChartOption } from '../analysis/Chart';
import { todayIn } from '../analysis/dates';
import { formatNumber, formatPercent } from '../analysis/series';
import { healthTone, isKnownStatus, type HealthResult } from '../health';
import { mayAnalyze, mayReadQuarantine } from '../session/access';
import { useConsole, useDisplayName, useT } from '../shell/context';
import { formatInstant } from '../shell/format';
import { routeHash } from '../shell/routes';
import { ErrorState, Loading } from '../shell/states';
import { useRemote } from '../shell/useRemote';
import {
  TREND_DAYS,
  acceptedPerMinute,
  ingestionChart,
  lagMillis,
  lagParts,
  lagTone,
  quarantineRate,
  shortDay,
  trendOf,
  trendRequest,
  type Trend,
} from './metrics';

/** The ingestion window the overview reads: the last hour, minute by minute. */
const INGESTION_MINUTES = 60;

export default function OverviewPage() {
  const t = useT();
  const name = useDisplayName();
  const { client, project, user } = useConsole();
  // Each part only for the roles the server answers it for (it would answer 403).
  const readsQuarantine = user === null || mayReadQuarantine(user.role);
  const analyses = user === null || mayAnalyze(user.role);
  const [health] = useRemote(() => client.health(), []);
  const [plan, reloadPlan] = useRemote(() => client.plan(project), [project]);

  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card" title={t('status.heading')}>
        <Space size="large" wrap>
          {health.state === 'loaded' ? <HealthLine result={health.data} /> : <Tag>{t('status.checking')}</Tag>}
          {plan.state === 'loaded' && (
            <Typography.Text type="secondary" className="plan-size">
              {t('overview.planSize', {
                version: plan.data.version,
                events: plan.data.events.length,
                properties: plan.data.properties.length,
              })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {plan.state === 'loading' && <Loading />}
      {plan.state === 'failed' && <ErrorState error={plan.error} onRetry={reloadPlan} />}
      {plan.state === 'loaded' && analyses && <UsersAndEvents plan={plan.data} />}
      {plan.state === 'loaded' && readsQuarantine && <Ingestion zone={plan.data.settings.time_zone} />}
      {plan.state === 'loaded' && (
        <Card className="page-card" title={t('overview.eventsByLine')}>
          <Chart
            className="lines-chart"
            height={280}
            option={linesOption(
              plan.data.business_lines.map((line) => ({
                label: name(line.display_name, line.display_name_en, line.name),
                value: plan.data.events.filter((e) => e.business_line === line.name).length,
              })),
            )}
          />
        </Card>
      )}
    </Space>
  );
}

/** The plan's events per business line, as horizontal bars. */
function linesOption(bars: readonly { label: string; value: number }[]): ChartOption {
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: bars.map((b) => b.label), inverse: true },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => b.value),
        itemStyle: { color: '#1f5fd6', borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right' },
        barMaxWidth: 22,
      },
    ],
  };
}

/** DAU, new users and events: today's figures and the trend of the last 30 days. */
function UsersAndEvents({ plan }: { plan: TrackingPlan }) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const zone = plan.settings.time_zone;
  // Today in the project's zone, fixed while the page is open so the request and the labels agree.
  const today = useMemo(() => todayIn(zone), [zone]);
  const [answer, reload] = useRemote(() => client.analyze(project, 'events', trendRequest(today)), [project, today]);
  return (
    <Card
      className="page-card overview-users"
      title={t('overview.users.heading')}
      extra={<RefreshButton onClick={reload} loading={answer.state === 'loading'} />}
    >
      {answer.state === 'loading' && <Loading />}
      {answer.state === 'failed' && <ErrorState error={answer.error} onRetry={reload} />}
      {answer.state === 'loaded' && <UsersAndEventsResult result={answer.data} zone={zone} today={today} locale={locale} />}
    </Card>
  );
}

function UsersAndEventsResult({ result, zone, today, locale }: { result: EventAnalysisResult; zone: string; today: string; locale: string }) {
  const t = useT();
  const dau = trendOf(result, 'dau', zone, today);
  const newUsers = trendOf(result, 'newUsers', zone, today);
  const events = trendOf(result, 'events', zone, today);
  const option = useMemo(() => trendOption(dau, newUsers, events, t), [result]);
  const quiet = events.today === 0;
  return (
    <Space direction="vertical" size="middle" className="page">
      <Row gutter={16}>
        <Col span={8}>
          <Statistic className="stat-dau" title={t('overview.dau')} value={dau.today} formatter={(v) => formatNumber(Number(v), locale)} />
        </Col>
        <Col span={8}>
          <Statistic
            className="stat-new-users"
            title={t('overview.newUsers')}
            value={newUsers.today}
            formatter={(v) => formatNumber(Number(v), locale)}
          />
        </Col>
        <Col span={8}>
          <Statistic
            className="stat-events-today"
            title={t('overview.eventsToday')}
            value={events.today}
            formatter={(v) => formatNumber(Number(v), locale)}
          />
        </Col>
      </Row>
      {quiet && (
        <Alert
          className="no-events-today"
          type="warning"
          showIcon
          message={t('overview.noEventsToday', { today })}
          description={
            events.lastActiveDay === null
              ? t('overview.noEventsInTrend', { days: TREND_DAYS })
              : t('overview.lastActiveDay', { day: events.lastActiveDay, days: TREND_DAYS })
          }
        />
      )}
      <Typography.Text type="secondary">{t('overview.trend', { days: TREND_DAYS, zone })}</Typography.Text>
      {/* The days drawn, for readers that cannot see the chart (and the browser test). */}
      <div className="trend" data-days={dau.days.length} data-first={dau.days[0] ?? ''} data-last={dau.days[dau.days.length - 1] ?? ''}>
        <Chart option={option} height={300} className="trend-chart" />
      </div>
    </Space>
  );
}

function trendOption(dau: Trend, newUsers: Trend, events: Trend, t: ReturnType<typeof useT>): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: dau.days.map(shortDay) },
    yAxis: [
      { type: 'value', minInterval: 1, name: t('overview.axis.users') },
      { type: 'value', minInterval: 1, name: t('overview.axis.events'), splitLine: { show: false } },
    ],
    series: [
      { name: t('overview.events.series'), type: 'bar', yAxisIndex: 1, data: [...events.values], itemStyle: { color: '#d6e4ff' }, barMaxWidth: 18 },
      { name: t('overview.dau'), type: 'line', data: [...dau.values], itemStyle: { color: '#1f5fd6' } },
      { name: t('overview.newUsers'), type: 'line', data: [...newUsers.values], itemStyle: { color: '#13a8a8' } },
    ],
  };
}

/** Events per minute over the last hour, the data's freshness and the quarantine rate. */
function Ingestion({ zone }: { zone: string }) {
  const t = useT();
  const { client, project } = useConsole();
  const [report, reload] = useRemote(() => client.ingestion(project, INGESTION_MINUTES), [project]);
  return (
    <Card
      className="page-card overview-ingestion"
      title={t('overview.ingestion.heading')}
      extra={
        <Space>
          <a className="quality-link" href={routeHash('quality')}>
            {t('overview.toQuality')}
          </a>
          <RefreshButton onClick={reload} loading={report.state === 'loading'} />
        </Space>
      }
    >
      {report.state === 'loading' && <Loading />}
      {report.state === 'failed' && <ErrorState error={report.error} onRetry={reload} />}
      {report.state === 'loaded' && <IngestionResult report={report.data} zone={zone} />}
    </Card>
  );
}

function IngestionResult({ report, zone }: { report: IngestionReport; zone: string }) {
  const t = useT();
  const { locale } = useConsole();
  const lag = lagMillis(report);
  const chart = useMemo(() => ingestionChart(report, zone), [report, zone]);
  const option = useMemo(() => ingestionOption(chart, t), [chart]);
  const lagText = lag === null ? '—' : t(`overview.lag.${lagParts(lag).unit}`, { n: lagParts(lag).amount });
  const rateToday = quarantineRate(report.today);
  const rateWindow = quarantineRate(report.window);
  return (
    <Space direction="vertical" size="middle" className="page">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic
            className="stat-rate"
            title={t('overview.rate', { minutes: report.minutes.length })}
            value={formatNumber(acceptedPerMinute(report), locale)}
            suffix={t('overview.perMinute')}
          />
          <Typography.Text type="secondary" className="stat-window">
            {t('overview.windowTotals', { accepted: report.window.accepted, quarantined: report.window.quarantined })}
          </Typography.Text>
        </Col>
        <Col span={6}>
          <Statistic className={`stat-lag lag-${lagTone(lag)}`} title={t('overview.lag')} value={lagText} />
          <Typography.Text type="secondary" className="stat-latest">
            {report.latest_received_at === null
              ? t('overview.neverReceived')
              : t('overview.latestReceived', { time: formatInstant(report.latest_received_at, locale, zone) })}
          </Typography.Text>
        </Col>
        <Col span={6}>
          <Statistic className="stat-quarantine-today" title={t('overview.quarantineToday')} value={formatPercent(rateToday)} />
          <Typography.Text type="secondary" className="stat-quarantine-today-counts">
            {t('overview.quarantineCounts', { quarantined: report.today.quarantined, total: report.today.accepted + report.today.quarantined })}
          </Typography.Text>
        </Col>
        <Col span={6}>
          <Statistic
            className="stat-quarantine-window"
            title={t('overview.quarantineWindow', { minutes: report.minutes.length })}
            value={formatPercent(rateWindow)}
          />
          <Typography.Text type="secondary" className="stat-quarantine-window-counts">
            {t('overview.quarantineCounts', { quarantined: report.window.quarantined, total: report.window.accepted + report.window.quarantined })}
          </Typography.Text>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('overview.ingestion.note', { zone })}</Typography.Text>
      <div className="ingestion" data-minutes={chart.categories.length} data-first={chart.categories[0] ?? ''} data-last={chart.categories[chart.categories.length - 1] ?? ''}>
        <Chart option={option} height={220} className="ingestion-chart" />
      </div>
    </Space>
  );
}

function ingestionOption(chart: ReturnType<typeof ingestionChart>, t: ReturnType<typeof useT>): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'category', data: [...chart.categories] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('overview.accepted'), type: 'bar', stack: 'records', data: [...chart.accepted], itemStyle: { color: '#1f5fd6' } },
      { name: t('overview.quarantined.series'), type: 'bar', stack: 'records', data: [...chart.quarantined], itemStyle: { color: '#cf1322' } },
    ],
  };
}

function RefreshButton({ onClick, loading }: { onClick: () => void; loading: boolean }) {
  const t = useT();
  return (
    <Button size="small" icon={<ReloadOutlined />} onClick={onClick} loading={loading} className="refresh">
      {t('overview.refresh')}
    </Button>
  );
}

function HealthLine({ result }: { result: HealthResult }) {
  const t = useT();
  const tone = healthTone(result);
  if (result.kind === 'unreachable') {
    return (
      <Space>
        <CloseCircleFilled style={{ color: '#cf1322' }} />
        {t('status.unreachable')} {t('status.unreachable.detail', { reason: result.reason })}
      </Space>
    );
  }
  const label = isKnownStatus(result.status) ? t(`status.${result.status}`) : t('status.other', { status: result.status });
  return (
    <Space>
      {tone === 'ok' ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#d48806' }} />}
      {label}
    </Space>
  );
}
