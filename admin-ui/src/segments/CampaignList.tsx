// The campaigns table (on the segments page and a segment's page), and what a page of a segment
// or campaign says when it does not exist.
import { Alert, Button, Card, Table } from 'antd';
import type { ApiError } from '../api/problem';
import type { Campaign, SegmentView } from '../api/segments';
import { formatNumber } from '../analysis/series';
import { useConsole, useT } from '../shell/context';
import { formatInstant } from '../shell/format';
import { routeHash } from '../shell/routes';
import { EmptyState, ErrorState, Loading } from '../shell/states';
import type { Remote } from '../shell/useRemote';

export function CampaignList({
  campaigns,
  segments,
  zone,
  onReload,
  title,
}: {
  campaigns: Remote<Campaign[]>;
  segments: readonly SegmentView[];
  zone: string;
  onReload: () => void;
  title?: string;
}) {
  const t = useT();
  const { locale } = useConsole();
  const names = new Map(segments.map((s) => [s.id, s.name]));
  return (
    <Card className="page-card campaign-list" title={title ?? t('campaigns.title')}>
      {campaigns.state === 'loading' && <Loading />}
      {campaigns.state === 'failed' && <ErrorState error={campaigns.error} onRetry={onReload} />}
      {campaigns.state === 'loaded' && campaigns.data.length === 0 && <EmptyState description={t('campaigns.empty')} />}
      {campaigns.state === 'loaded' && campaigns.data.length > 0 && (
        <Table<Campaign>
          className="campaigns-table"
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={campaigns.data}
          columns={[
            {
              title: t('campaigns.col.name'),
              render: (_, c) => (
                <a className="campaign-open" href={routeHash('segments', { campaign: c.id })}>
                  {c.name}
                </a>
              ),
            },
            {
              title: t('campaigns.col.segment'),
              render: (_, c) => <a href={routeHash('segments', { id: c.segment_id })}>{names.get(c.segment_id) ?? t('campaigns.segmentGone')}</a>,
            },
            { title: t('campaigns.col.holdout'), align: 'right', render: (_, c) => `${c.holdout_percent}%` },
            { title: t('campaigns.col.targeted'), align: 'right', render: (_, c) => formatNumber(c.targeted, locale) },
            { title: t('campaigns.col.heldOut'), align: 'right', render: (_, c) => formatNumber(c.held_out, locale) },
            { title: t('campaigns.col.created'), render: (_, c) => formatInstant(c.created_at, locale, zone) },
            {
              title: '',
              align: 'right',
              render: (_, c) => (
                <Button size="small" type="link" className="campaign-effect-link" href={routeHash('segments', { campaign: c.id })}>
                  {t('campaigns.effect')} →
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

export function SegmentGone({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useT();
  if (error.problem.status === 404) {
    return (
      <Alert
        type="warning"
        showIcon
        className="segment-gone"
        message={t('segments.gone')}
        action={
          <Button size="small" href={routeHash('segments')}>
            {t('segments.back')}
          </Button>
        }
      />
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}
