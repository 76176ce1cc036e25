// A campaign's effect report (POST …/campaigns/{id}/effect): the goal as a funnel (by default: back
// in the app, then invested, in the two weeks after the snapshot), and the targeted users'
// conversion against the holdout's, with the uplift, its 95 % interval, the p-value, a chart and a
// verdict in words; users outside the audience as a second reference.
import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Campaign, EffectComparison, EffectReport, Snapshot } from '../api/segments';
import type { TrackingPlan } from '../api/types';
import Chart, { type ChartOption } from '../analysis/Chart';
import { AnalysisAlert } from '../analysis/controls';
import { propertyTypes } from '../analysis/plan';
import { formatNumber } from '../analysis/series';
import { useAnalysis } from '../analysis/useAnalysis';
import { useConsole, useT, type Translate } from '../shell/context';
import { formatInstant } from '../shell/format';
import { routeHash } from '../shell/routes';
import { EmptyState, Loading } from '../shell/states';
import { useRemote } from '../shell/useRemote';
import {
  DEFAULT_EFFECT_DAYS,
  defaultEffectRange,
  formatInterval,
  goalFunnel,
  formatPoints,
  formatPValue,
  formatRate,
  formatRelative,
  rateBars,
  rateOf,
  relativeUplift,
  verdictOf,
  type Goal,
  type Verdict,
} from './report';
import GoalEditor, { defaultGoalSteps } from './GoalEditor';
import { SegmentGone } from './CampaignList';


interface Context {
  readonly campaign: Campaign;
  readonly segmentName: string | null;
  readonly snapshot: Snapshot | null;
}

export default function EffectPage({ plan, campaignId }: { plan: TrackingPlan; campaignId: string }) {
  const { client, project } = useConsole();
  const [context, reload] = useRemote<Context>(async () => {
    const campaign = await client.campaign(project, campaignId);
    // The segment may have been deleted since; the report does not need it.
    const [segment, snapshots] = await Promise.all([
      client.segment(project, campaign.segment_id).catch(() => null),
      client.snapshots(project, campaign.segment_id).catch(() => [] as Snapshot[]),
    ]);
    return { campaign, segmentName: segment?.name ?? null, snapshot: snapshots.find((s) => s.id === campaign.snapshot_id) ?? null };
  }, [project, campaignId]);
  if (context.state === 'failed') return <SegmentGone error={context.error} onRetry={reload} />;
  if (context.state !== 'loaded') return <Loading />;
  return <Effect plan={plan} context={context.data} />;
}

function Effect({ plan, context }: { plan: TrackingPlan; context: Context }) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const { campaign, snapshot } = context;
  const zone = plan.settings.time_zone;
  const types = useMemo(() => propertyTypes(plan), [plan]);
  const [goal, setGoal] = useState<Goal>(() => ({
    steps: defaultGoalSteps(plan),
    days: DEFAULT_EFFECT_DAYS,
    range: defaultEffectRange(snapshot?.as_of ?? null, campaign.created_at, zone),
  }));
  const [report, run] = useAnalysis<EffectReport>(() => client.campaignEffect(project, campaign.id, { funnel: goalFunnel(goal, types) }));

  return (
    <Space direction="vertical" size="large" className="page effect-page">
      <Card
        className="page-card campaign-head"
        title={
          <Space>
            <a href={context.segmentName === null ? routeHash('segments') : routeHash('segments', { id: campaign.segment_id })} className="segment-back">
              <LeftOutlined /> {context.segmentName ?? t('segments.back')}
            </a>
            <Typography.Text strong className="campaign-title">
              {campaign.name}
            </Typography.Text>
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('campaigns.col.segment')}>{context.segmentName ?? t('campaigns.segmentGone')}</Descriptions.Item>
          <Descriptions.Item label={t('snapshots.col.asOf')}>{snapshot?.as_of ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.col.created')}>{formatInstant(campaign.created_at, locale, zone)}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.col.targeted')}>{formatNumber(campaign.targeted, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.col.heldOut')}>{formatNumber(campaign.held_out, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.col.holdout')}>{campaign.holdout_percent}%</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card className="page-card analysis-form effect-form" title={t('effect.goal')}>
        <GoalEditor plan={plan} goal={goal} onChange={setGoal} />
        <div className="form-actions">
          <Button type="primary" className="effect-run" onClick={run} loading={report.state === 'loading'}>
            {t('effect.run')}
          </Button>
        </div>
      </Card>
      <Card className="page-card effect-result">
        {report.state === 'idle' && <EmptyState description={t('analysis.idle')} />}
        {report.state === 'loading' && <Loading />}
        {report.state === 'failed' && <AnalysisAlert error={report.error} onRetry={run} />}
        {report.state === 'loaded' && <EffectView report={report.data} holdoutPercent={campaign.holdout_percent} />}
      </Card>
    </Space>
  );
}

const VERDICT_TYPE: Readonly<Record<Verdict, 'success' | 'error' | 'info' | 'warning'>> = {
  better: 'success',
  worse: 'error',
  inconclusive: 'info',
  undefined: 'warning',
};

function EffectView({ report, holdoutPercent }: { report: EffectReport; holdoutPercent: number }) {
  const t = useT();
  const { locale } = useConsole();
  const versus = report.targeted_vs_held_out;
  const verdict = holdoutPercent === 0 ? 'undefined' : verdictOf(versus);
  const option = useMemo(() => chartOption(report, t), [report, locale]);
  if (report.targeted.users === 0 && report.held_out.users === 0) return <EmptyState description={t('effect.empty')} />;
  const pp = t('effect.pp');
  const rows = rateBars(report);
  return (
    <Space direction="vertical" size="middle" className="page">
      <Alert
        className={`effect-verdict effect-verdict-${verdict}`}
        type={VERDICT_TYPE[verdict]}
        showIcon
        message={t(`effect.verdict.${verdict}`)}
        description={
          holdoutPercent === 0
            ? t('effect.verdict.noHoldout')
            : t('effect.verdict.detail', {
                targeted: formatRate(rateOf(report.targeted)),
                heldOut: formatRate(rateOf(report.held_out)),
                difference: formatPoints(versus.difference, pp),
                p: formatPValue(versus.p_value),
              })
        }
      />
      <Row gutter={16} className="effect-summary">
        <Col span={4}>
          <Statistic className="effect-targeted" title={t('effect.targeted')} value={formatRate(rateOf(report.targeted))} />
        </Col>
        <Col span={4}>
          <Statistic className="effect-held-out" title={t('effect.heldOut')} value={formatRate(rateOf(report.held_out))} />
        </Col>
        <Col span={4}>
          <Statistic className="effect-uplift" title={t('effect.uplift')} value={formatPoints(versus.difference, pp)} />
        </Col>
        <Col span={4}>
          <Statistic className="effect-relative" title={t('effect.relative')} value={formatRelative(relativeUplift(report.targeted, report.held_out))} />
        </Col>
        <Col span={4}>
          <Statistic className="effect-interval" title={t('effect.interval')} value={formatInterval(versus, pp)} />
        </Col>
        <Col span={4}>
          <Statistic className="effect-p-value" title={t('effect.pValue')} value={formatPValue(versus.p_value)} />
        </Col>
      </Row>
      <Chart option={option} height={300} className="effect-chart" />
      <Table
        className="effect-table"
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('effect.col.group'), render: (_, row) => t(`effect.group.${row.key}`) },
          { title: t('effect.col.users'), align: 'right', render: (_, row) => formatNumber(row.users, locale) },
          { title: t('effect.col.converted'), align: 'right', render: (_, row) => formatNumber(row.converted, locale) },
          { title: t('effect.col.rate'), align: 'right', render: (_, row) => <strong>{formatRate(rateOf(report[row.key]))}</strong> },
          {
            title: t('effect.col.versus'),
            align: 'right',
            render: (_, row) => (row.key === 'targeted' ? '—' : comparisonText(row.key === 'held_out' ? versus : report.targeted_vs_not_targeted, t)),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="effect-method">
        {t('effect.method')}
      </Typography.Paragraph>
    </Space>
  );
}

function comparisonText(comparison: EffectComparison, t: Translate): string {
  const pp = t('effect.pp');
  return `${formatPoints(comparison.difference, pp)} · ${formatInterval(comparison, pp)} · p ${formatPValue(comparison.p_value)}`;
}

function chartOption(report: EffectReport, t: Translate): ChartOption {
  const bars = rateBars(report);
  const colours = { targeted: '#1677ff', held_out: '#faad14', not_targeted: '#bfbfbf' } as const;
  return {
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: bars.map((bar) => t(`effect.group.${bar.key}`)) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('effect.col.rate'),
        type: 'bar',
        barMaxWidth: 72,
        data: bars.map((bar) => ({
          value: bar.percent,
          itemStyle: { color: colours[bar.key] },
          label: { show: true, position: 'top', formatter: bar.percent === null ? '—' : `${bar.percent.toFixed(2)}%\n${bar.converted} / ${bar.users}` },
        })),
      },
    ],
  };
}
