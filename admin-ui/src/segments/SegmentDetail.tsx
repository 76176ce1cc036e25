// One saved segment: its rule, its snapshots (take one as of a date; each with its time and size),
// a snapshot's members page by page (each linked to customer service) and as CSV, and campaigns on
// its snapshots (create one with a holdout share; open its effect report).
import { CameraOutlined, CopyOutlined, DownloadOutlined, LeftOutlined, NotificationOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Input, InputNumber, Modal, Select, Space, Statistic, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../api/problem';
import type { SegmentView, Snapshot } from '../api/segments';
import type { TrackingPlan } from '../api/types';
import { AnalysisAlert } from '../analysis/controls';
import { todayIn } from '../analysis/dates';
import { formatNumber } from '../analysis/series';
import { UserPageTable } from '../funnel/UserPageTable';
import { currentCursor, FIRST_PAGE, firstRank, type Pages } from '../funnel/drilldown';
import type { MessageKey } from '../i18n';
import { useConsole, useT } from '../shell/context';
import { saveFile } from '../shell/download';
import { formatInstant } from '../shell/format';
import { routeHash } from '../shell/routes';
import { EmptyState, ErrorState, Loading } from '../shell/states';
import { asApiError, useRemote, type Remote } from '../shell/useRemote';
import { membersCsvName } from './options';
import RuleSummary from './RuleSummary';
import { CampaignList, SegmentGone } from './CampaignList';

export const MEMBERS_PAGE_SIZE = 50;
/** The case study pushed half of its segment and held out the other half. */
export const DEFAULT_HOLDOUT_PERCENT = 50;

export default function SegmentDetail({ plan, segmentId }: { plan: TrackingPlan; segmentId: string }) {
  const { client, project } = useConsole();
  const [segment, reload] = useRemote(() => client.segment(project, segmentId), [project, segmentId]);
  if (segment.state === 'failed') return <SegmentGone error={segment.error} onRetry={reload} />;
  if (segment.state !== 'loaded') return <Loading />;
  return <Detail plan={plan} segment={segment.data} />;
}

function Detail({ plan, segment }: { plan: TrackingPlan; segment: SegmentView }) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const zone = plan.settings.time_zone;
  const [snapshots, reloadSnapshots] = useRemote(() => client.snapshots(project, segment.id), [project, segment.id]);
  const [campaigns, reloadCampaigns] = useRemote(
    () => client.campaigns(project).then((all) => all.filter((c) => c.segment_id === segment.id)),
    [project, segment.id],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const [campaignFor, setCampaignFor] = useState<Snapshot | null>(null);
  const list = snapshots.state === 'loaded' ? snapshots.data : [];
  const shown = list.find((s) => s.id === chosen) ?? list[0] ?? null;

  return (
    <Space direction="vertical" size="large" className="page segment-detail">
      <Card
        className="page-card segment-head"
        title={
          <Space>
            <a href={routeHash('segments')} className="segment-back">
              <LeftOutlined /> {t('segments.back')}
            </a>
            <Typography.Text strong className="segment-title">
              {segment.name}
            </Typography.Text>
          </Space>
        }
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('segments.col.created')}>{formatInstant(segment.created_at, locale, zone)}</Descriptions.Item>
          <Descriptions.Item label={t('segments.col.refresh')}>{t(`segments.refresh.${segment.refresh}` as MessageKey)}</Descriptions.Item>
        </Descriptions>
        <RuleSummary plan={plan} rule={segment.rule} />
        <Button size="small" className="segment-copy" icon={<CopyOutlined />} href={routeHash('segments', { copy: segment.id })}>
          {t('segments.copy')}
        </Button>
      </Card>
      <SnapshotsCard
        segment={segment}
        zone={zone}
        snapshots={snapshots}
        shown={shown}
        onChoose={setChosen}
        onTaken={(snapshot) => {
          setChosen(snapshot.id);
          reloadSnapshots();
        }}
        onReload={reloadSnapshots}
        onCampaign={setCampaignFor}
      />
      {shown ? <MembersCard key={shown.id} segment={segment} snapshot={shown} /> : null}
      <CampaignList campaigns={campaigns} segments={[segment]} zone={zone} onReload={reloadCampaigns} title={t('campaigns.ofSegment')} />
      <NewCampaignDialog segment={segment} snapshots={list} initial={campaignFor} onClose={() => setCampaignFor(null)} />
    </Space>
  );
}

function SnapshotsCard(props: {
  segment: SegmentView;
  zone: string;
  snapshots: Remote<Snapshot[]>;
  shown: Snapshot | null;
  onChoose: (id: string) => void;
  onTaken: (snapshot: Snapshot) => void;
  onReload: () => void;
  onCampaign: (snapshot: Snapshot) => void;
}) {
  const { segment, zone, snapshots, shown, onChoose, onTaken, onReload, onCampaign } = props;
  const t = useT();
  const { client, project, locale } = useConsole();
  const [asOf, setAsOf] = useState(() => todayIn(zone));
  const [taking, setTaking] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const take = async () => {
    setTaking(true);
    setFailure(null);
    try {
      onTaken(await client.createSnapshot(project, segment.id, asOf));
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setTaking(false);
    }
  };
  return (
    <Card
      className="page-card snapshots"
      title={t('snapshots.title')}
      extra={
        <Space>
          <span className="muted">{t('segments.asOf')}</span>
          <Input type="date" className="snapshot-as-of" aria-label={t('segments.asOf')} style={{ width: 150 }} value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
          <Button type="primary" className="snapshot-take" icon={<CameraOutlined />} loading={taking} onClick={take}>
            {t('snapshots.take')}
          </Button>
        </Space>
      }
    >
      {failure && <AnalysisAlert error={failure} />}
      {snapshots.state === 'loading' && <Loading />}
      {snapshots.state === 'failed' && <ErrorState error={snapshots.error} onRetry={onReload} />}
      {snapshots.state === 'loaded' && snapshots.data.length === 0 && <EmptyState description={t('snapshots.empty')} />}
      {snapshots.state === 'loaded' && snapshots.data.length > 0 && (
        <Table<Snapshot>
          className="snapshots-table"
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={snapshots.data}
          rowClassName={(s) => (s.id === shown?.id ? 'snapshot-shown' : '')}
          columns={[
            { title: t('snapshots.col.taken'), render: (_, s) => formatInstant(s.created_at, locale, zone) },
            { title: t('snapshots.col.asOf'), dataIndex: 'as_of' },
            { title: t('snapshots.col.users'), align: 'right', render: (_, s) => <span className="snapshot-users">{formatNumber(s.users, locale)}</span> },
            {
              title: '',
              align: 'right',
              render: (_, s) => (
                <Space>
                  {s.id === shown?.id ? <Tag color="blue">{t('snapshots.shown')}</Tag> : null}
                  <Button size="small" className="snapshot-members" onClick={() => onChoose(s.id)}>
                    {t('snapshots.members')}
                  </Button>
                  <Button size="small" className="snapshot-campaign" icon={<NotificationOutlined />} disabled={s.users === 0} onClick={() => onCampaign(s)}>
                    {t('campaigns.create')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function MembersCard({ segment, snapshot }: { segment: SegmentView; snapshot: Snapshot }) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const [pages, setPages] = useState<Pages>(FIRST_PAGE);
  const cursor = currentCursor(pages);
  const [page, reload] = useRemote(
    () => client.members(project, segment.id, snapshot.id, { limit: MEMBERS_PAGE_SIZE, after: cursor }),
    [project, snapshot.id, cursor],
  );
  const [downloading, setDownloading] = useState(false);
  const [csvFailure, setCsvFailure] = useState<ApiError | null>(null);
  const [toast, toastHolder] = message.useMessage();
  const first = firstRank(pages, MEMBERS_PAGE_SIZE);

  const download = async () => {
    setDownloading(true);
    setCsvFailure(null);
    try {
      const name = membersCsvName(segment.name, snapshot.as_of);
      saveFile(await client.membersCsv(project, segment.id, snapshot.id), name);
      void toast.success(t('drill.csv.done', { file: name }));
    } catch (error) {
      setCsvFailure(asApiError(error));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      className="page-card members"
      title={t('members.title', { asOf: snapshot.as_of })}
      extra={
        <Button icon={<DownloadOutlined />} className="members-csv" loading={downloading} disabled={snapshot.users === 0} onClick={download}>
          {t('drill.csv')}
        </Button>
      }
    >
      {toastHolder}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Statistic className="members-total" title={t('snapshots.col.users')} value={formatNumber(snapshot.users, locale)} prefix={<UserOutlined />} />
        {csvFailure && <AnalysisAlert error={csvFailure} />}
        {page.state === 'loading' && <Loading />}
        {page.state === 'failed' && <ErrorState error={page.error} onRetry={reload} />}
        {page.state === 'loaded' && page.data.members.length === 0 && <EmptyState description={t('drill.empty')} />}
        {page.state === 'loaded' && page.data.members.length > 0 && (
          <>
            <Typography.Text type="secondary" className="members-summary">
              {t('drill.total', { total: formatNumber(snapshot.users, locale) })} · {t('drill.range', { first, last: first + page.data.members.length - 1 })}
            </Typography.Text>
            <UserPageTable
              ids={page.data.members}
              firstRank={first}
              pages={pages}
              nextAfter={page.data.next_after}
              onPages={setPages}
              classes={{ table: 'members-table', user: 'member-user', previous: 'members-previous', next: 'members-next' }}
            />
          </>
        )}
        <Typography.Text type="secondary">{t('drill.audited')}</Typography.Text>
      </Space>
    </Card>
  );
}

function NewCampaignDialog({
  segment,
  snapshots,
  initial,
  onClose,
}: {
  segment: SegmentView;
  snapshots: readonly Snapshot[];
  initial: Snapshot | null;
  onClose: () => void;
}) {
  return initial === null ? null : <CampaignForm segment={segment} snapshots={snapshots} initial={initial} onClose={onClose} />;
}

function CampaignForm({ segment, snapshots, initial, onClose }: { segment: SegmentView; snapshots: readonly Snapshot[]; initial: Snapshot; onClose: () => void }) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const [name, setName] = useState(() => `${segment.name} · ${initial.as_of}`);
  const [snapshotId, setSnapshotId] = useState(initial.id);
  const [holdout, setHoldout] = useState<number | null>(DEFAULT_HOLDOUT_PERCENT);
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const valid = name.trim() !== '' && name.length <= 200 && holdout !== null && Number.isInteger(holdout) && holdout >= 0 && holdout <= 90;
  const snapshot = snapshots.find((s) => s.id === snapshotId) ?? initial;
  const heldOut = holdout === null ? null : Math.round((snapshot.users * holdout) / 100);

  const create = async () => {
    if (!valid || holdout === null) return;
    setCreating(true);
    setFailure(null);
    try {
      const campaign = await client.createCampaign(project, { name: name.trim(), segment_id: segment.id, snapshot_id: snapshotId, holdout_percent: holdout });
      window.location.hash = routeHash('segments', { campaign: campaign.id });
    } catch (error) {
      setFailure(asApiError(error));
      setCreating(false);
    }
  };

  return (
    <Modal
      open
      className="campaign-dialog"
      title={t('campaigns.create')}
      okText={t('campaigns.create.ok')}
      cancelText={t('segments.cancel')}
      okButtonProps={{ disabled: !valid, loading: creating, className: 'campaign-create' }}
      onOk={create}
      onCancel={onClose}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <label className="dialog-field">
          <div className="muted">{t('campaigns.col.name')}</div>
          <Input className="campaign-name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="dialog-field">
          <div className="muted">{t('campaigns.snapshot')}</div>
          <Select
            className="campaign-snapshot"
            style={{ width: '100%' }}
            value={snapshotId}
            options={snapshots.map((s) => ({ value: s.id, label: t('campaigns.snapshotOption', { asOf: s.as_of, users: formatNumber(s.users, locale) }) }))}
            onChange={(id: string) => setSnapshotId(id)}
          />
        </label>
        <label className="dialog-field">
          <div className="muted">{t('campaigns.col.holdout')}</div>
          <InputNumber className="campaign-holdout" min={0} max={90} precision={0} addonAfter="%" value={holdout} onChange={(value) => setHoldout(value ?? null)} />
        </label>
        <Typography.Paragraph type="secondary" className="campaign-holdout-hint">
          {t('campaigns.holdoutHint', { heldOut: heldOut === null ? '—' : formatNumber(heldOut, locale), users: formatNumber(snapshot.users, locale) })}
        </Typography.Paragraph>
        {failure && <AnalysisAlert error={failure} />}
      </Space>
    </Modal>
  );
}
