// 留存分析: cohorts of users by their initial event, and how many come back in the periods after.
import { Button, Card, InputNumber, Select, Space, Table, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import type { CohortKind, RetentionResult, RetentionUnit } from '../api/analysis';
import type { TrackingPlan } from '../api/types';
import Chart, { type ChartOption } from '../analysis/Chart';
import { AnalysisAlert, EventSelect, FilterEditor, FormLine, PropertySelect, RangeInput } from '../analysis/controls';
import { lastDays, rangeFromParams, todayIn, type DateRange } from '../analysis/dates';
import { groupableProperties, pickEvent, propertyTypes } from '../analysis/plan';
import PlanGate from '../analysis/PlanGate';
import { retentionRequest, type StepForm } from '../analysis/requests';
import { formatNumber, formatPercent } from '../analysis/series';
import { useAnalysis } from '../analysis/useAnalysis';
import { useConsole, useT } from '../shell/context';
import { EmptyState, Loading } from '../shell/states';
import { averageCurve, cohortRows, heatStyle, type CohortRow } from './cohorts';

const UNITS: readonly RetentionUnit[] = ['day', 'week', 'month'];
const KINDS: readonly CohortKind[] = ['first_time', 'recurring'];

export default function RetentionPage({ params }: { params: URLSearchParams }) {
  return <PlanGate>{(plan) => <Retention plan={plan} params={params} />}</PlanGate>;
}

interface Answer {
  readonly unit: RetentionUnit;
  readonly periods: number;
  readonly result: RetentionResult;
}

function Retention({ plan, params }: { plan: TrackingPlan; params: URLSearchParams }) {
  const t = useT();
  const { client, project } = useConsole();
  const zone = plan.settings.time_zone;
  const types = useMemo(() => propertyTypes(plan), [plan]);
  const signUp = pickEvent(plan, ['SignUp', '$AppStart'], 0);
  const [initial, setInitial] = useState<StepForm>({ events: signUp === null ? [] : [signUp], filters: [] });
  const [returning, setReturning] = useState<StepForm>({ events: [], filters: [] });
  const [unit, setUnit] = useState<RetentionUnit>('day');
  const [periods, setPeriods] = useState(7);
  const [cohorts, setCohorts] = useState<CohortKind>('first_time');
  const [range, setRange] = useState<DateRange>(() => rangeFromParams(params, lastDays(7, zone)));
  const [groupBy, setGroupBy] = useState<string | null>(null);

  const [answer, run] = useAnalysis<Answer>(async () => {
    const request = retentionRequest({ initial, returning, unit, periods, cohorts, range, groupBy }, types);
    return { unit, periods, result: await client.analyze(project, 'retention', request) };
  });

  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card analysis-form">
        <FormLine label={t('retention.initial')}>
          <Space direction="vertical" size={6}>
            <EventSelect plan={plan} value={initial.events} onChange={(events) => setInitial({ ...initial, events })} />
            <FilterEditor plan={plan} rows={initial.filters} onChange={(filters) => setInitial({ ...initial, filters })} />
          </Space>
        </FormLine>
        <FormLine label={t('retention.returning')}>
          <Space direction="vertical" size={6}>
            <EventSelect plan={plan} value={returning.events} onChange={(events) => setReturning({ ...returning, events })} />
            <FilterEditor plan={plan} rows={returning.filters} onChange={(filters) => setReturning({ ...returning, filters })} />
          </Space>
        </FormLine>
        <FormLine label={t('retention.cohorts')}>
          <Space wrap>
            <Select
              style={{ width: 180 }}
              value={cohorts}
              options={KINDS.map((k) => ({ value: k, label: t(`retention.cohorts.${k}`) }))}
              onChange={(k: CohortKind) => setCohorts(k)}
            />
            <span>{t('retention.unit')}</span>
            <Select
              style={{ width: 90 }}
              value={unit}
              options={UNITS.map((u) => ({ value: u, label: t(`retention.unit.${u}`) }))}
              onChange={(u: RetentionUnit) => setUnit(u)}
            />
            <span>{t('retention.periods')}</span>
            <InputNumber min={1} max={366} value={periods} onChange={(value) => setPeriods(value ?? 7)} />
          </Space>
        </FormLine>
        <FormLine label={t('analysis.range')}>
          <RangeInput value={range} onChange={setRange} timeZone={zone} />
        </FormLine>
        <FormLine label={t('retention.groupBy')}>
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
        {answer.state === 'loaded' && <RetentionResultView answer={answer.data} zone={zone} />}
      </Card>
    </Space>
  );
}

function RetentionResultView({ answer, zone }: { answer: Answer; zone: string }) {
  const t = useT();
  const { locale } = useConsole();
  const rows = useMemo(() => cohortRows(answer.result, answer.unit, todayIn(zone), t('analysis.notSet')), [answer]);
  const average = useMemo(() => averageCurve(rows, answer.periods), [rows]);
  const offsetLabel = (n: number) => t(`retention.col.offset.${answer.unit}`, { n });
  const option = useMemo(() => curveOption(average, offsetLabel, t('retention.average')), [average]);
  if (rows.every((row) => row.users === 0)) return <EmptyState description={t('analysis.empty')} />;
  const grouped = rows.some((r) => r.group !== '');
  const columns = [
    { title: t('retention.col.start'), dataIndex: 'start', key: 'start', fixed: 'left' as const, width: 120 },
    ...(grouped ? [{ title: t('analysis.group'), dataIndex: 'group', key: 'group', width: 140 }] : []),
    {
      title: t('retention.col.users'),
      key: 'users',
      align: 'right' as const,
      width: 90,
      render: (_: unknown, row: CohortRow) => formatNumber(row.users, locale),
    },
    ...Array.from({ length: answer.periods + 1 }, (_, n) => ({
      title: offsetLabel(n),
      key: `o${n}`,
      width: 84,
      align: 'center' as const,
      onCell: (row: CohortRow) => {
        const cell = row.cells[n];
        return { className: 'heat-cell', style: cell?.started ? heatStyle(cell.rate) : {} };
      },
      render: (_: unknown, row: CohortRow) => {
        const cell = row.cells[n];
        if (!cell?.started) return '';
        return (
          <Tooltip title={`${formatNumber(cell.retained, locale)} / ${formatNumber(row.users, locale)}`}>
            {formatPercent(cell.rate)}
          </Tooltip>
        );
      },
    })),
  ];
  return (
    <Space direction="vertical" size="middle" className="page">
      <Chart option={option} height={260} className="retention-chart" />
      <Table<CohortRow>
        className="analysis-table retention-table"
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

function curveOption(average: readonly (number | null)[], label: (n: number) => string, name: string): ChartOption {
  return {
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value.toFixed(2)}%` : '—') },
    legend: { top: 0 },
    xAxis: { type: 'category', data: average.map((_, n) => label(n)) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name,
        type: 'line',
        data: average.map((rate) => (rate === null ? null : Math.round(rate * 10_000) / 100)),
        itemStyle: { color: '#1f5fd6' },
        areaStyle: { opacity: 0.08 },
      },
    ],
  };
}
