// 分群对比: the same funnel for 2–5 saved segments (POST …/segments/compare), the first being the
// reference each other is compared with, as the case study's figure 6 puts pushed users against
// users not pushed.
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ApiError } from '../api/problem';
import type { SegmentComparison, SegmentView } from '../api/segments';
import type { TrackingPlan } from '../api/types';
import Chart, { type ChartOption } from '../analysis/Chart';
import { AnalysisAlert, FormLine } from '../analysis/controls';
import { lastDays, todayIn } from '../analysis/dates';
import { propertyTypes } from '../analysis/plan';
import { formatNumber } from '../analysis/series';
import { useConsole, useT } from '../shell/context';
import { EmptyState, Loading } from '../shell/states';
import { asApiError } from '../shell/useRemote';
import GoalEditor, { defaultGoalSteps } from './GoalEditor';
import {
  compareRequest,
  DEFAULT_EFFECT_DAYS,
  formatInterval,
  formatPoints,
  formatPValue,
  formatRate,
  goalFunnel,
  MAX_COMPARED,
  MIN_COMPARED,
  rateOf,
  verdictOf,
  type Goal,
} from './report';

type Answer = { readonly state: 'idle' } | { readonly state: 'loading' } | { readonly state: 'failed'; readonly error: ApiError } | { readonly state: 'loaded'; readonly data: SegmentComparison };

export default function CompareCard({ plan, segments }: { plan: TrackingPlan; segments: readonly SegmentView[] }) {
  const t = useT();
  const { client, project } = useConsole();
  const zone = plan.settings.time_zone;
  const types = useMemo(() => propertyTypes(plan), [plan]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [asOf, setAsOf] = useState(() => todayIn(zone));
  const [goal, setGoal] = useState<Goal>(() => ({ steps: defaultGoalSteps(plan), days: DEFAULT_EFFECT_DAYS, range: lastDays(DEFAULT_EFFECT_DAYS, zone) }));
  const [answer, setAnswer] = useState<Answer>({ state: 'idle' });
  const picked = chosen.map((id) => segments.find((s) => s.id === id)).filter((s): s is SegmentView => s !== undefined);
  const ready = picked.length >= MIN_COMPARED && picked.length <= MAX_COMPARED;

  const run = async () => {
    if (!ready) return;
    setAnswer({ state: 'loading' });
    try {
      setAnswer({ state: 'loaded', data: await client.compareSegments(project, compareRequest(picked, asOf, goalFunnel(goal, types))) });
    } catch (error) {
      setAnswer({ state: 'failed', error: asApiError(error) });
    }
  };

  return (
    <Card className="page-card compare-card" title={t('compare.title')}>
      <FormLine label={t('compare.segments')}>
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Select
            className="compare-segments"
            mode="multiple"
            maxCount={MAX_COMPARED}
            style={{ minWidth: 360 }}
            placeholder={t('compare.choose')}
            optionFilterProp="label"
            value={chosen}
            options={segments.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(ids: string[]) => setChosen(ids)}
          />
          <Typography.Text type="secondary">{t('compare.hint')}</Typography.Text>
        </Space>
      </FormLine>
      <FormLine label={t('segments.asOf')}>
        <Input type="date" className="compare-as-of" aria-label={t('segments.asOf')} style={{ width: 150 }} value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
      </FormLine>
      <GoalEditor plan={plan} goal={goal} onChange={setGoal} />
      <div className="form-actions">
        <Button type="primary" className="compare-run" disabled={!ready} loading={answer.state === 'loading'} onClick={run}>
          {t('compare.run')}
        </Button>
      </div>
      <div className="compare-result">
        {answer.state === 'loading' && <Loading />}
        {answer.state === 'failed' && <AnalysisAlert error={answer.error} onRetry={run} />}
        {answer.state === 'loaded' && <ComparisonView comparison={answer.data} />}
      </div>
    </Card>
  );
}

interface Row {
  readonly name: string;
  readonly users: number;
  readonly converted: number;
  readonly rate: number | null;
  readonly versus: SegmentComparison['comparisons'][number]['comparison'] | null;
}

function ComparisonView({ comparison }: { comparison: SegmentComparison }) {
  const t = useT();
  const { locale } = useConsole();
  const rows: Row[] = comparison.groups.map((g, i) => ({
    name: g.name,
    users: g.group.users,
    converted: g.group.converted,
    rate: rateOf(g.group),
    versus: i === 0 ? null : (comparison.comparisons.find((c) => c.other === g.name)?.comparison ?? null),
  }));
  const option = useMemo(() => chartOption(rows), [comparison]);
  if (rows.every((row) => row.users === 0)) return <EmptyState description={t('compare.empty')} />;
  const pp = t('effect.pp');
  return (
    <Space direction="vertical" size="middle" className="page">
      <Chart option={option} height={260} className="compare-chart" />
      <Table<Row>
        className="compare-table"
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('compare.col.segment'), render: (_, row) => (row.versus === null ? <Space>{row.name}<Tag color="blue">{t('compare.reference')}</Tag></Space> : row.name) },
          { title: t('effect.col.users'), align: 'right', render: (_, row) => formatNumber(row.users, locale) },
          { title: t('effect.col.converted'), align: 'right', render: (_, row) => formatNumber(row.converted, locale) },
          { title: t('effect.col.rate'), align: 'right', render: (_, row) => <strong>{formatRate(row.rate)}</strong> },
          {
            title: t('compare.col.versus'),
            align: 'right',
            render: (_, row) => {
              if (row.versus === null) return '—';
              const verdict = verdictOf(row.versus);
              return (
                <Space>
                  <span>
                    {formatPoints(row.versus.difference, pp)} · {formatInterval(row.versus, pp)} · p {formatPValue(row.versus.p_value)}
                  </span>
                  <Tag className={`compare-verdict compare-verdict-${verdict}`} color={verdict === 'better' || verdict === 'worse' ? 'green' : 'default'}>
                    {t(`compare.verdict.${verdict}`)}
                  </Tag>
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
}

function chartOption(rows: readonly Row[]): ChartOption {
  return {
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((row) => row.name) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 72,
        data: rows.map((row, i) => ({
          value: row.rate === null ? null : Math.round(row.rate * 10_000) / 100,
          itemStyle: { color: i === 0 ? '#1677ff' : '#8c9bb0' },
          label: { show: true, position: 'top', formatter: `${formatRate(row.rate)}\n${row.converted} / ${row.users}` },
        })),
      },
    ],
  };
}
