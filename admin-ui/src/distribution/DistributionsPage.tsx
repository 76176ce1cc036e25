// 分布分析: how many events users do (events per user), and at which hours of the day.
import { Button, Card, Col, Input, Row, Space } from 'antd';
import { useMemo, useState } from 'react';
import type { DistributionResult } from '../api/analysis';
import type { TrackingPlan } from '../api/types';
import Chart, { type ChartOption } from '../analysis/Chart';
import { AnalysisAlert, EventSelect, FormLine, RangeInput } from '../analysis/controls';
import { lastDays, rangeFromParams, type DateRange } from '../analysis/dates';
import PlanGate from '../analysis/PlanGate';
import { DEFAULT_EVENTS_PER_USER_BOUNDS, eventsPerUserRequest, hourOfDayRequest, parseBounds } from '../analysis/requests';
import { useAnalysis } from '../analysis/useAnalysis';
import { useConsole, useT } from '../shell/context';
import { EmptyState, Loading } from '../shell/states';
import { eventsPerUserBars, hourBars, type Bar } from './buckets';

export default function DistributionsPage({ params }: { params: URLSearchParams }) {
  return <PlanGate>{(plan) => <Distributions plan={plan} params={params} />}</PlanGate>;
}

interface Answer {
  readonly perUser: DistributionResult;
  readonly hours: DistributionResult;
}

function Distributions({ plan, params }: { plan: TrackingPlan; params: URLSearchParams }) {
  const t = useT();
  const { client, project } = useConsole();
  const zone = plan.settings.time_zone;
  const [events, setEvents] = useState<string[]>([]);
  const [boundsText, setBoundsText] = useState(DEFAULT_EVENTS_PER_USER_BOUNDS.join(', '));
  const [range, setRange] = useState<DateRange>(() => rangeFromParams(params, lastDays(7, zone)));

  const [answer, run] = useAnalysis<Answer>(async () => {
    const bounds = parseBounds(boundsText);
    const [perUser, hours] = await Promise.all([
      client.analyze(project, 'distributions', eventsPerUserRequest(events, bounds, range)),
      client.analyze(project, 'distributions', hourOfDayRequest(events, range)),
    ]);
    return { perUser, hours };
  });

  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card analysis-form">
        <FormLine label={t('analysis.events')}>
          <EventSelect plan={plan} value={events} onChange={setEvents} />
        </FormLine>
        <FormLine label={t('distributions.bounds')}>
          <Input style={{ width: 240 }} value={boundsText} onChange={(e) => setBoundsText(e.target.value)} />
        </FormLine>
        <FormLine label={t('analysis.range')}>
          <RangeInput value={range} onChange={setRange} timeZone={zone} />
        </FormLine>
        <div className="form-actions">
          <Button type="primary" className="run-analysis" onClick={run} loading={answer.state === 'loading'}>
            {t('analysis.run')}
          </Button>
        </div>
      </Card>
      {answer.state === 'loading' && <Loading />}
      {answer.state === 'failed' && <AnalysisAlert error={answer.error} onRetry={run} />}
      {answer.state === 'idle' && <EmptyState description={t('analysis.idle')} />}
      {answer.state === 'loaded' && <DistributionCharts answer={answer.data} />}
    </Space>
  );
}

function DistributionCharts({ answer }: { answer: Answer }) {
  const t = useT();
  const perUser = useMemo(() => eventsPerUserBars(answer.perUser.buckets), [answer]);
  const hours = useMemo(() => hourBars(answer.hours.buckets, (hour) => t('distributions.hour', { hour })), [answer]);
  const perUserOption = useMemo(() => barOption(perUser, 'users', t('distributions.users')), [perUser]);
  const hourOption = useMemo(() => barOption(hours, 'events', t('distributions.events')), [hours]);
  return (
    <Row gutter={16} className="analysis-result">
      <Col span={12}>
        <Card className="page-card" title={t('distributions.perUser')}>
          <Chart option={perUserOption} height={300} className="per-user-chart" />
        </Card>
      </Col>
      <Col span={12}>
        <Card className="page-card" title={t('distributions.hourOfDay')}>
          <Chart option={hourOption} height={300} className="hour-chart" />
        </Card>
      </Col>
    </Row>
  );
}

function barOption(bars: readonly Bar[], measure: 'users' | 'events', name: string): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: bars.map((b) => b.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', data: bars.map((b) => b[measure]), itemStyle: { color: '#1f5fd6' }, barMaxWidth: 36 }],
  };
}
