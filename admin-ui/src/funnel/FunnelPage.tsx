// 漏斗分析: users who go through 2–10 steps within a window, with conversion and median times.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, InputNumber, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FunnelRequest, FunnelResult, WireGroup } from '../api/analysis';
import type { TrackingPlan } from '../api/types';
import Chart, { type ChartOption } from '../analysis/Chart';
import { AnalysisAlert, EventSelect, FilterEditor, FormLine, PropertySelect, RangeInput } from '../analysis/controls';
import { lastDays, rangeFromParams, type DateRange } from '../analysis/dates';
import { groupableProperties, pickEvent, propertyTypes } from '../analysis/plan';
import PlanGate from '../analysis/PlanGate';
import { funnelRequest, type StepForm, type WindowUnit } from '../analysis/requests';
import { formatNumber, formatPercent, groupKey } from '../analysis/series';
import { useAnalysis } from '../analysis/useAnalysis';
import { useConsole, useDisplayName, useT } from '../shell/context';
import { EmptyState, Loading } from '../shell/states';
import { drillCount, outcomesOf, type Drill } from './drilldown';
import FunnelUsersDrawer from './FunnelUsersDrawer';
import { funnelRows, humanDuration, overallConversion, sharedStepEvents, stepConversions, totalUsers, type FunnelRow } from './conversion';

const MIN_STEPS = 2;
const MAX_STEPS = 10;
const UNITS: readonly WindowUnit[] = ['minutes', 'hours', 'days'];

export default function FunnelPage({ params }: { params: URLSearchParams }) {
  return <PlanGate>{(plan) => <Funnel plan={plan} params={params} />}</PlanGate>;
}

/** `?steps=A,B,C` names one event per step; otherwise two steps the demo plan has. */
function initialSteps(plan: TrackingPlan, params: URLSearchParams): StepForm[] {
  const named = (params.get('steps') ?? '').split(',').filter((s) => s !== '');
  if (named.length >= MIN_STEPS) return named.slice(0, MAX_STEPS).map((event) => ({ events: [event], filters: [] }));
  return [pickEvent(plan, ['$AppStart'], 0), pickEvent(plan, ['SignUp'], 1)].map((event) => ({
    events: event === null ? [] : [event],
    filters: [],
  }));
}

interface Answer {
  readonly steps: readonly StepForm[];
  /** The request that was answered: a drill-down asks for its users with the same one. */
  readonly request: FunnelRequest;
  readonly result: FunnelResult;
}

function Funnel({ plan, params }: { plan: TrackingPlan; params: URLSearchParams }) {
  const t = useT();
  const { client, project } = useConsole();
  const zone = plan.settings.time_zone;
  const types = useMemo(() => propertyTypes(plan), [plan]);
  const [steps, setSteps] = useState<StepForm[]>(() => initialSteps(plan, params));
  const [windowSize, setWindowSize] = useState(1);
  const [windowUnit, setWindowUnit] = useState<WindowUnit>('days');
  const [range, setRange] = useState<DateRange>(() => rangeFromParams(params, lastDays(7, zone)));
  const [groupBy, setGroupBy] = useState<string | null>(params.get('group_by'));

  const [answer, run] = useAnalysis<Answer>(async () => {
    const request = funnelRequest({ steps, window: windowSize, windowUnit, range, groupBy }, types);
    const result = await client.analyze(project, 'funnels', request);
    return { steps, request, result };
  });

  const update = (index: number, change: Partial<StepForm>) => setSteps(steps.map((s, i) => (i === index ? { ...s, ...change } : s)));

  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card analysis-form">
        <FormLine label={t('funnels.steps')}>
          <Space direction="vertical" size={10}>
            {steps.map((step, index) => (
              <div key={index} className="funnel-step">
                <Space wrap>
                  <Typography.Text strong>{t('funnels.step', { index: index + 1 })}</Typography.Text>
                  <EventSelect plan={plan} value={step.events} onChange={(events) => update(index, { events })} />
                  {steps.length > MIN_STEPS ? (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('analysis.remove')}
                      onClick={() => setSteps(steps.filter((_, i) => i !== index))}
                    />
                  ) : null}
                </Space>
                <div className="funnel-step-filter">
                  <FilterEditor plan={plan} rows={step.filters} onChange={(filters) => update(index, { filters })} />
                </div>
              </div>
            ))}
            {steps.length < MAX_STEPS ? (
              <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setSteps([...steps, { events: [], filters: [] }])}>
                {t('funnels.addStep')}
              </Button>
            ) : null}
          </Space>
        </FormLine>
        <FormLine label={t('funnels.window')}>
          <Space>
            <InputNumber min={1} value={windowSize} onChange={(value) => setWindowSize(value ?? 1)} />
            <Select
              style={{ width: 100 }}
              value={windowUnit}
              options={UNITS.map((u) => ({ value: u, label: t(`funnels.unit.${u}`) }))}
              onChange={(u: WindowUnit) => setWindowUnit(u)}
            />
          </Space>
        </FormLine>
        <FormLine label={t('analysis.range')}>
          <RangeInput value={range} onChange={setRange} timeZone={zone} />
        </FormLine>
        <FormLine label={t('funnels.groupBy')}>
          <PropertySelect plan={plan} only={groupableProperties(plan)} value={groupBy} onChange={setGroupBy} />
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
        {answer.state === 'loaded' && <FunnelResultView answer={answer.data} plan={plan} />}
      </Card>
    </Space>
  );
}

function FunnelResultView({ answer, plan }: { answer: Answer; plan: TrackingPlan }) {
  const t = useT();
  const { locale } = useConsole();
  const displayName = useDisplayName();
  const [drill, setDrill] = useState<(Drill & { readonly groupLabel: string | null }) | null>(null);
  const wireGroups = useMemo(() => new Map<string, WireGroup>(answer.result.groups.map((g) => [groupKey(g.group), g.group])), [answer]);
  const rows = useMemo(() => funnelRows(answer.result, t('analysis.notSet')), [answer]);
  const total = useMemo(() => totalUsers(answer.result), [answer]);
  const option = useMemo(() => barOption(rows, total, answer.steps.length, t), [answer]);
  if (rows.length === 0 || (total[0] ?? 0) === 0) return <EmptyState description={t('analysis.empty')} />;
  const shared = answer.steps
    .slice(1)
    .map((step, k) => (sharedStepEvents(answer.steps[k]?.events ?? [], step.events) ? k + 1 : null))
    .filter((k): k is number => k !== null);
  const conversions = stepConversions(total);
  const stepCount = answer.steps.length;
  const grouped = rows.some((r) => r.group !== '');
  const columns = [
    ...(grouped ? [{ title: t('analysis.group'), dataIndex: 'group', key: 'group', fixed: 'left' as const, width: 160 }] : []),
    ...Array.from({ length: stepCount }, (_, k) => ({
      title: t('funnels.step', { index: k + 1 }),
      key: `s${k}`,
      align: 'right' as const,
      render: (_: unknown, row: FunnelRow) => (
        <div>
          <div>{formatNumber(row.users[k] ?? 0, locale)}</div>
          {k > 0 ? <div className="muted">{formatPercent(row.conversions[k - 1] ?? null)}</div> : null}
          <div className="drill-links">
            {outcomesOf(k + 1).map((outcome) => {
              const count = drillCount(row.users, { step: k + 1, outcome });
              const group = grouped ? wireGroups.get(row.key) : undefined;
              return (
                <Button
                  key={outcome}
                  type="link"
                  size="small"
                  className={`drill-${outcome}`}
                  data-step={k + 1}
                  disabled={count === 0}
                  onClick={() => setDrill({ step: k + 1, outcome, ...(group ? { group } : {}), groupLabel: grouped ? row.group : null })}
                >
                  {t(`drill.${outcome}`)}
                </Button>
              );
            })}
          </div>
        </div>
      ),
    })),
    {
      title: t('funnels.overall'),
      key: 'overall',
      align: 'right' as const,
      render: (_: unknown, row: FunnelRow) => <strong>{formatPercent(row.overall)}</strong>,
    },
    ...Array.from({ length: stepCount - 1 }, (_, k) => ({
      title: t('funnels.median', { from: k + 1, to: k + 2 }),
      key: `m${k}`,
      align: 'right' as const,
      render: (_: unknown, row: FunnelRow) => humanDuration(row.medians[k] ?? null, locale),
    })),
  ];
  return (
    <Space direction="vertical" size="middle" className="page">
      {shared.map((k) => (
        <Alert key={k} type="info" showIcon message={t('funnels.sameEvent', { from: k, to: k + 1 })} />
      ))}
      <Row gutter={16} className="funnel-summary">
        <Col span={6}>
          <Statistic title={t('funnels.overall')} value={formatPercent(overallConversion(total))} />
        </Col>
        {conversions.map((conversion, k) => (
          <Col span={6} key={k}>
            <Statistic title={t('funnels.stepConversion', { from: k + 1, to: k + 2 })} value={formatPercent(conversion)} />
          </Col>
        ))}
      </Row>
      <Chart option={option} height={320} className="funnel-chart" />
      <Table<FunnelRow>
        className="analysis-table"
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <FunnelUsersDrawer
        drill={drill}
        request={answer.request}
        stepNames={answer.steps.map((step) => stepName(plan, step.events, t('analysis.anyEvent'), displayName))}
        onClose={() => setDrill(null)}
      />
    </Space>
  );
}

/** A step as the drill-down names it: its events' display names. */
function stepName(plan: TrackingPlan, events: readonly string[], any: string, displayName: ReturnType<typeof useDisplayName>): string {
  if (events.length === 0) return any;
  return events
    .map((name) => {
      const event = plan.events.find((e) => e.name === name);
      return event ? displayName(event.display_name, event.display_name_en, name) : name;
    })
    .join(' / ');
}

const MAX_CHART_GROUPS = 8;

function barOption(rows: readonly FunnelRow[], total: readonly number[], steps: number, t: ReturnType<typeof useT>): ChartOption {
  const categories = Array.from({ length: steps }, (_, k) => t('funnels.step', { index: k + 1 }));
  const grouped = rows.length > 1 || (rows[0]?.group ?? '') !== '';
  const bars = grouped ? rows.slice(0, MAX_CHART_GROUPS).map((r) => ({ name: r.group, users: r.users })) : [{ name: t('funnels.users'), users: total }];
  return {
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
    series: bars.map((bar) => {
      const conversions = stepConversions(bar.users);
      return {
        name: bar.name,
        type: 'bar',
        barMaxWidth: 56,
        data: bar.users.map((users, k) => ({
          value: users,
          label: {
            show: true,
            position: 'top',
            formatter: k === 0 ? String(users) : `${users}\n${formatPercent(conversions[k - 1] ?? null)}`,
          },
        })),
      };
    }),
  };
}
