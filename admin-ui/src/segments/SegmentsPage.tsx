// 用户分群: build a segment with a live count and save it; the saved segments and the campaigns.
// `#/segments?id=<segment>` opens a segment (snapshots, members, campaigns on it) and
// `#/segments?campaign=<campaign>` a campaign's effect report.
import { CodeOutlined, DeleteOutlined, SaveOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Input, Popconfirm, Select, Space, Spin, Statistic, Table, Tag, Typography, message } from 'antd';
import { useMemo, useState } from 'react';
import type { ApiError } from '../api/problem';
import type { Refresh, SegmentView } from '../api/segments';
import type { TrackingPlan } from '../api/types';
import { AnalysisAlert, FormLine } from '../analysis/controls';
import { todayIn } from '../analysis/dates';
import { propertyTypes } from '../analysis/plan';
import PlanGate from '../analysis/PlanGate';
import { formatNumber } from '../analysis/series';
import type { MessageKey } from '../i18n';
import { useConsole, useT } from '../shell/context';
import { formatInstant } from '../shell/format';
import { routeHash } from '../shell/routes';
import { EmptyState, ErrorState, Loading } from '../shell/states';
import { asApiError, useRemote, type Remote } from '../shell/useRemote';
import { CampaignList, SegmentGone } from './CampaignList';
import CompareCard from './CompareCard';
import EffectPage from './EffectPage';
import RuleBuilder from './RuleBuilder';
import SegmentDetail from './SegmentDetail';
import { builderStart, nameIssue, newCondition, newGroup, ruleIssues, toWireRule, type GroupForm } from './rule';
import { useLiveCount } from './useLiveCount';
import './segments.css';


export default function SegmentsPage({ params }: { params: URLSearchParams }) {
  const segment = params.get('id');
  const campaign = params.get('campaign');
  return (
    <PlanGate>
      {(plan) =>
        campaign !== null ? (
          <EffectPage key={campaign} plan={plan} campaignId={campaign} />
        ) : segment !== null ? (
          <SegmentDetail key={segment} plan={plan} segmentId={segment} />
        ) : (
          <SegmentsHome key={params.get('copy') ?? ''} plan={plan} copyOf={params.get('copy')} />
        )
      }
    </PlanGate>
  );
}

/** How often the server snapshots a saved segment on its own (docs/query-api.md). */
const REFRESHES: readonly Refresh[] = ['none', 'hourly', 'daily'];

function SegmentsHome({ plan, copyOf }: { plan: TrackingPlan; copyOf: string | null }) {
  const { client, project } = useConsole();
  const [segments, reloadSegments] = useRemote(() => client.segments(project), [project]);
  const [campaigns, reloadCampaigns] = useRemote(() => client.campaigns(project), [project]);
  return (
    <Space direction="vertical" size="large" className="page segments-page">
      {copyOf === null ? <SegmentBuilder plan={plan} onSaved={reloadSegments} /> : <CopiedBuilder plan={plan} id={copyOf} onSaved={reloadSegments} />}
      <SavedSegments segments={segments} zone={plan.settings.time_zone} onReload={reloadSegments} />
      {segments.state === 'loaded' && segments.data.length > 0 ? <CompareCard plan={plan} segments={segments.data} /> : null}
      <CampaignList
        campaigns={campaigns}
        segments={segments.state === 'loaded' ? segments.data : []}
        zone={plan.settings.time_zone}
        onReload={reloadCampaigns}
      />
    </Space>
  );
}

/** The builder started from a copy of a saved segment (segments are not changed once saved). */
function CopiedBuilder({ plan, id, onSaved }: { plan: TrackingPlan; id: string; onSaved: () => void }) {
  const t = useT();
  const { client, project } = useConsole();
  const [segment, reload] = useRemote(() => client.segment(project, id), [project, id]);
  if (segment.state === 'failed') return <SegmentGone error={segment.error} onRetry={reload} />;
  if (segment.state !== 'loaded') return <Loading />;
  const start = builderStart(segment.data.rule);
  const name = t('segments.copyName', { name: segment.data.name });
  if (start === null) {
    return (
      <>
        <Alert type="warning" showIcon className="segment-uneditable" message={t('segments.uneditable', { name: segment.data.name })} />
        <SegmentBuilder plan={plan} onSaved={onSaved} />
      </>
    );
  }
  return <SegmentBuilder plan={plan} onSaved={onSaved} initial={{ rule: start, name }} />;
}

function SegmentBuilder({ plan, onSaved, initial }: { plan: TrackingPlan; onSaved: () => void; initial?: { rule: GroupForm; name: string } }) {
  const t = useT();
  const { client, project } = useConsole();
  const zone = plan.settings.time_zone;
  const today = todayIn(zone);
  const types = useMemo(() => propertyTypes(plan), [plan]);
  const [rule, setRule] = useState<GroupForm>(() => initial?.rule ?? newGroup('all', [newCondition()]));
  const [asOf, setAsOf] = useState(today);
  const [name, setName] = useState(initial?.name ?? '');
  const [refresh, setRefresh] = useState<Refresh>('none');
  const [saving, setSaving] = useState(false);
  const [saveFailure, setSaveFailure] = useState<ApiError | null>(null);
  const [nameTouched, setNameTouched] = useState(false);
  const [toast, toastHolder] = message.useMessage();

  const issues = ruleIssues(rule);
  const wire = issues.length === 0 ? toWireRule(rule, types) : null;
  const count = useLiveCount(wire, asOf);
  const nameProblem = nameIssue(name);

  const save = async () => {
    setNameTouched(true);
    if (wire === null || nameProblem !== null) return;
    setSaving(true);
    setSaveFailure(null);
    try {
      const saved = await client.createSegment(project, { name: name.trim(), rule: wire, refresh });
      void toast.success(t('segments.saved', { name: saved.name }));
      setName('');
      setNameTouched(false);
      onSaved();
    } catch (error) {
      setSaveFailure(asApiError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card className="page-card segment-builder" title={t('segments.builder')}>
      {toastHolder}
      <div className="segment-builder-layout">
        <div className="segment-builder-rule">
          <RuleBuilder plan={plan} rule={rule} onChange={setRule} issues={issues} today={today} />
          <FormLine label={t('segments.asOf')}>
            <Space wrap>
              <Input
                type="date"
                className="segment-as-of"
                aria-label={t('segments.asOf')}
                style={{ width: 150 }}
                value={asOf}
                onChange={(e) => e.target.value && setAsOf(e.target.value)}
              />
              <Typography.Text type="secondary">{t('segments.asOfHint')}</Typography.Text>
            </Space>
          </FormLine>
          <Collapse
            ghost
            size="small"
            className="rule-json-panel"
            items={[
              {
                key: 'json',
                label: (
                  <span>
                    <CodeOutlined /> {t('segments.json')}
                  </span>
                ),
                children: <pre className="rule-json">{wire === null ? t('segments.json.invalid') : JSON.stringify(wire, null, 2)}</pre>,
              },
            ]}
          />
        </div>
        <div className="segment-builder-side">
          <LiveCountPanel count={count} valid={wire !== null} />
          <div className="segment-save">
            <Input
              className="segment-name"
              placeholder={t('segments.namePlaceholder')}
              maxLength={200}
              status={nameTouched && nameProblem !== null ? 'error' : ''}
              value={name}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={save}
            />
            {nameTouched && nameProblem !== null ? <div className="rule-issue segment-name-issue">{t(`segments.${nameProblem}` as MessageKey)}</div> : null}
            <Space size={6}>
              <span className="muted">{t('segments.col.refresh')}</span>
              <Select<Refresh>
                className="segment-refresh"
                style={{ width: 120 }}
                value={refresh}
                options={REFRESHES.map((value) => ({ value, label: t(`segments.refresh.${value}`) }))}
                onChange={setRefresh}
              />
            </Space>
            <Button type="primary" className="segment-save-button" icon={<SaveOutlined />} loading={saving} disabled={wire === null} onClick={save} block>
              {t('segments.save')}
            </Button>
            {saveFailure && <AnalysisAlert error={saveFailure} />}
          </div>
        </div>
      </div>
    </Card>
  );
}

function LiveCountPanel({ count, valid }: { count: ReturnType<typeof useLiveCount>; valid: boolean }) {
  const t = useT();
  const { locale } = useConsole();
  const state = !valid ? 'invalid' : count.error ? 'failed' : count.busy ? 'counting' : count.counted ? 'counted' : 'idle';
  return (
    <div className={`live-count live-count-${state}`} data-state={state} data-stale={count.stale} aria-live="polite">
      <Statistic
        title={
          <Space size={6}>
            {t('segments.liveCount')}
            {count.busy ? <Spin size="small" className="live-count-spinner" /> : null}
          </Space>
        }
        value={count.counted === null ? '—' : formatNumber(count.counted.users, locale)}
        suffix={count.counted === null ? '' : t('segments.users')}
        prefix={<TeamOutlined />}
        valueStyle={count.stale ? { color: '#b0b7c3' } : {}}
        className="live-count-value"
      />
      {count.stale ? (
        <Tag className="live-count-stale" color="default">
          {valid ? t('segments.stale') : t('segments.staleInvalid')}
        </Tag>
      ) : null}
      {!valid ? <Typography.Text type="warning">{t('segments.fixIssues')}</Typography.Text> : null}
      {count.error ? <AnalysisAlert error={count.error} /> : null}
    </div>
  );
}

function SavedSegments({
  segments,
  zone,
  onReload,
}: {
  segments: Remote<SegmentView[]>;
  zone: string;
  onReload: () => void;
}) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = async (segment: SegmentView) => {
    setDeleting(segment.id);
    setFailure(null);
    try {
      await client.deleteSegment(project, segment.id);
      onReload();
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setDeleting(null);
    }
  };
  return (
    <Card className="page-card saved-segments" title={t('segments.saved.title')}>
      {failure && <AnalysisAlert error={failure} />}
      {segments.state === 'loading' && <Loading />}
      {segments.state === 'failed' && <ErrorState error={segments.error} onRetry={onReload} />}
      {segments.state === 'loaded' && segments.data.length === 0 && <EmptyState description={t('segments.saved.empty')} />}
      {segments.state === 'loaded' && segments.data.length > 0 && (
        <Table<SegmentView>
          className="saved-segments-table"
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={segments.data}
          columns={[
            {
              title: t('segments.col.name'),
              render: (_, s) => (
                <a className="segment-open" href={routeHash('segments', { id: s.id })}>
                  {s.name}
                </a>
              ),
            },
            { title: t('segments.col.conditions'), render: (_, s) => <Typography.Text type="secondary">{t('segments.conditions', { count: countConditions(s.rule) })}</Typography.Text> },
            { title: t('segments.col.refresh'), render: (_, s) => t(`segments.refresh.${s.refresh}` as MessageKey) },
            { title: t('segments.col.created'), render: (_, s) => formatInstant(s.created_at, locale, zone) },
            {
              title: '',
              align: 'right',
              render: (_, s) => (
                <Space>
                  <Button size="small" href={routeHash('segments', { id: s.id })}>
                    {t('segments.open')}
                  </Button>
                  <Popconfirm title={t('segments.delete.confirm', { name: s.name })} okText={t('segments.delete')} cancelText={t('segments.cancel')} onConfirm={() => remove(s)}>
                    <Button size="small" danger className="segment-delete" icon={<DeleteOutlined />} loading={deleting === s.id}>
                      {t('segments.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** How many conditions a saved rule has, at any depth. */
function countConditions(rule: SegmentView['rule']): number {
  if ('all' in rule) return rule.all.reduce((n, r) => n + countConditions(r), 0);
  if ('any' in rule) return rule.any.reduce((n, r) => n + countConditions(r), 0);
  return 1;
}
