// The users behind a funnel step (到达用户 / 流失用户): a page at a time with the total, the next
// page by cursor, a CSV of all of them, and each user linked to the customer-service page.
import { DownloadOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Space, Statistic, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { FunnelRequest } from '../api/analysis';
import type { ApiError } from '../api/problem';
import { AnalysisAlert } from '../analysis/controls';
import { formatNumber } from '../analysis/series';
import { useConsole, useT } from '../shell/context';
import { saveFile } from '../shell/download';
import { EmptyState, Loading } from '../shell/states';
import { asApiError, useRemote } from '../shell/useRemote';
import { UserPageTable } from './UserPageTable';
import { csvFileName, currentCursor, FIRST_PAGE, firstRank, funnelUsersRequest, PAGE_SIZE, type Drill, type Pages } from './drilldown';

export interface DrillTarget extends Drill {
  readonly groupLabel: string | null;
}

export default function FunnelUsersDrawer(props: {
  drill: DrillTarget | null;
  request: FunnelRequest;
  stepNames: readonly string[];
  onClose: () => void;
}) {
  const { drill, request, stepNames, onClose } = props;
  const t = useT();
  return (
    <Drawer
      className="drill-drawer"
      width={520}
      open={drill !== null}
      onClose={onClose}
      destroyOnHidden
      title={drill ? t(`drill.title.${drill.outcome}`, { step: drill.step }) : ''}
    >
      {drill && <DrillUsers key={`${drill.step}-${drill.outcome}-${drill.groupLabel ?? ''}`} drill={drill} request={request} stepNames={stepNames} />}
    </Drawer>
  );
}

function DrillUsers({ drill, request, stepNames }: { drill: DrillTarget; request: FunnelRequest; stepNames: readonly string[] }) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const [pages, setPages] = useState<Pages>(FIRST_PAGE);
  const cursor = currentCursor(pages);
  const [page, reload] = useRemote(
    () => client.funnelUsers(project, funnelUsersRequest(request, drill, { limit: PAGE_SIZE, after: cursor })),
    [project, cursor],
  );
  const [downloading, setDownloading] = useState(false);
  const [csvFailure, setCsvFailure] = useState<ApiError | null>(null);
  const [toast, toastHolder] = message.useMessage();
  const event = stepNames[drill.step - 1] ?? '';

  const download = async () => {
    setDownloading(true);
    setCsvFailure(null);
    try {
      const file = await client.funnelUsersCsv(project, funnelUsersRequest(request, drill));
      const name = csvFileName(request, drill);
      saveFile(file, name);
      void toast.success(t('drill.csv.done', { file: name }));
    } catch (error) {
      setCsvFailure(asApiError(error));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {toastHolder}
      <Typography.Paragraph className="drill-detail">
        {drill.outcome === 'reached'
          ? t('drill.detail.reached', { step: drill.step, event })
          : t('drill.detail.dropped', { step: drill.step, previous: drill.step - 1, event })}
        {drill.groupLabel !== null && (
          <Tag className="drill-group" style={{ marginLeft: 8 }}>
            {t('drill.group', { group: drill.groupLabel })}
          </Tag>
        )}
      </Typography.Paragraph>
      <div className="drill-head">
        <Statistic
          className="drill-total"
          title={t('funnels.users')}
          value={page.state === 'loaded' ? formatNumber(page.data.total, locale) : '—'}
          prefix={<UserOutlined />}
        />
        <Button icon={<DownloadOutlined />} className="drill-csv" loading={downloading} onClick={download}>
          {t('drill.csv')}
        </Button>
      </div>
      {csvFailure && <AnalysisAlert error={csvFailure} />}
      {page.state === 'loading' && <Loading />}
      {page.state === 'failed' && <AnalysisAlert error={page.error} onRetry={reload} />}
      {page.state === 'loaded' && page.data.users.length === 0 && <EmptyState description={t('drill.empty')} />}
      {page.state === 'loaded' && page.data.users.length > 0 && (
        <>
          <Typography.Text type="secondary" className="drill-summary">
            {t('drill.total', { total: formatNumber(page.data.total, locale) })} ·{' '}
            {t('drill.range', {
              first: firstRank(pages, PAGE_SIZE),
              last: firstRank(pages, PAGE_SIZE) + page.data.users.length - 1,
            })}
          </Typography.Text>
          <UserPageTable
            ids={page.data.users}
            firstRank={firstRank(pages, PAGE_SIZE)}
            pages={pages}
            nextAfter={page.data.next_after}
            onPages={setPages}
            classes={{ table: 'drill-users', user: 'drill-user', previous: 'drill-previous', next: 'drill-next' }}
          />
        </>
      )}
      <Typography.Text type="secondary" className="drill-audited">
        {t('drill.audited')}
      </Typography.Text>
    </Space>
  );
}
