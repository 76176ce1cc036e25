import { CheckCircleFilled } from '@ant-design/icons';
import { Card, Checkbox, Col, Empty, List, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { QuarantinedRecord, QuarantinedRecords } from '../api/types';
import { planLabels } from '../plan/labels';
import { mayReplayAsBackEnd, mayReplayQuarantine } from '../session/access';
import { useConsole, useT } from '../shell/context';
import { formatInstant } from '../shell/format';
import { EmptyState, ErrorState, Loading } from '../shell/states';
import { useRemote } from '../shell/useRemote';
import { formatPayload, groupByEvent, groupByReason, payloadEvent, type RecordGroup } from './grouping';
import { groupSelection, isReplayed, replayableIds, toggled, withGroup } from './replay';
import { ReplayBar } from './ReplayBar';

const LIMIT = 1000;

export default function DataQualityPage() {
  const t = useT();
  const { client, project, locale, user } = useConsole();
  const [plan] = useRemote(() => client.plan(project).catch(() => null), [project]);
  const [records, reload] = useRemote(() => client.quarantine(project, LIMIT), [project]);
  const [by, setBy] = useState<'reason' | 'event'>('reason');
  const [selected, setSelected] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const labels = planLabels(plan.state === 'loaded' ? plan.data : null, locale);
  const timeZone = plan.state === 'loaded' && plan.data ? plan.data.settings.time_zone : 'Asia/Shanghai';

  // Reading the listing again after a replay keeps the page (and the replay's report) on screen.
  const shown = useRef<QuarantinedRecords | null>(null);
  if (records.state === 'loaded') shown.current = records.data;
  if (records.state === 'failed') return <ErrorState error={records.error} onRetry={reload} />;
  const listing = shown.current;
  if (listing === null) return <Loading />;
  const all = listing.records;
  if (all.length === 0) return <EmptyState description={t('quality.empty')} />;

  const byReason = groupByReason(all);
  const byEvent = groupByEvent(all);
  const groups = by === 'reason' ? byReason : byEvent;
  const current = groups.find((g) => g.key === selected) ?? groups[0];
  const eventLabel = (key: string) => (key === '' ? t('quality.unknownEvent') : `${labels.eventName(key)}`);
  // No user in the context is a page test without sign-in: the server still decides.
  const replayable = listing.replay_available && (user === null || mayReplayQuarantine(user.role));
  const groupState = current ? groupSelection(chosen, current.records) : 'none';
  const replayed = all.filter(isReplayed).length;

  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card">
        <Typography.Paragraph type="secondary">{t('quality.hint')}</Typography.Paragraph>
        <Row gutter={24}>
          <Col span={6}>
            <Statistic title={t('quality.total')} value={all.length} valueStyle={{ color: '#cf1322' }} />
          </Col>
          <Col span={6}>
            <Statistic title={t('quality.reasons')} value={byReason.length} />
          </Col>
          <Col span={6}>
            <Statistic title={t('quality.events')} value={byEvent.length} />
          </Col>
          <Col span={6}>
            <Statistic title={t('replay.status.replayed')} value={replayed} valueStyle={{ color: replayed > 0 ? '#389e0d' : undefined }} />
          </Col>
        </Row>
      </Card>
      <ReplayBar
        available={listing.replay_available}
        allowed={replayable}
        asBackEndAllowed={user !== null && mayReplayAsBackEnd(user.role)}
        selection={chosen}
        records={all}
        onClear={() => setChosen(new Set())}
        onStored={() => {
          setChosen(new Set());
          reload();
        }}
      />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card
            className="page-card"
            title={
              <Segmented
                value={by}
                onChange={(value) => {
                  setBy(value as 'reason' | 'event');
                  setSelected(null);
                }}
                options={[
                  { value: 'reason', label: t('quality.byReason') },
                  { value: 'event', label: t('quality.byEvent') },
                ]}
              />
            }
          >
            <Table<RecordGroup>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={groups}
              rowClassName={(g) => (g.key === current?.key ? 'row-selected' : 'row-clickable')}
              onRow={(g) => ({ onClick: () => setSelected(g.key) })}
              columns={[
                {
                  title: by === 'reason' ? t('quality.col.reason') : t('quality.col.event'),
                  render: (_, g) =>
                    by === 'reason' ? (
                      <Tag color="volcano">{g.key}</Tag>
                    ) : (
                      <Space direction="vertical" size={0}>
                        <span>{eventLabel(g.key)}</span>
                        {g.key !== '' && <Typography.Text type="secondary" code>{g.key}</Typography.Text>}
                      </Space>
                    ),
                },
                { title: t('quality.col.count'), render: (_, g) => g.records.length, width: 80 },
                { title: t('quality.col.latest'), render: (_, g) => formatInstant(g.latest, locale, timeZone), width: 180 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            className="page-card samples-card"
            title={`${t('quality.sample')} · ${current?.key === '' ? t('quality.unknownEvent') : (current?.key ?? '')}`}
            extra={
              replayable && current && replayableIds(current.records).length > 0 ? (
                <Checkbox
                  className="select-group"
                  checked={groupState === 'all'}
                  indeterminate={groupState === 'some'}
                  onChange={(e) => setChosen(withGroup(chosen, current.records, e.target.checked))}
                >
                  {t('replay.selectGroup', { by: t(by === 'reason' ? 'replay.by.reason' : 'replay.by.event') })}
                </Checkbox>
              ) : null
            }
          >
            {current ? (
              <List
                className="samples"
                pagination={current.records.length > 5 ? { pageSize: 5, size: 'small' } : false}
                dataSource={[...current.records]}
                renderItem={(record) => (
                  <Sample
                    record={record}
                    eventLabel={eventLabel}
                    timeZone={timeZone}
                    selectable={replayable}
                    selected={chosen.has(record.quarantine_id)}
                    onSelect={(on) => setChosen(toggled(chosen, record.quarantine_id, on))}
                  />
                )}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function Sample(props: {
  record: QuarantinedRecord;
  eventLabel: (key: string) => string;
  timeZone: string;
  selectable: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const { record, eventLabel, timeZone, selectable, selected, onSelect } = props;
  const t = useT();
  const { locale } = useConsole();
  const event = payloadEvent(record) ?? '';
  const replay = record.replay;
  return (
    <List.Item className={replay ? 'sample sample-replayed' : 'sample'} key={record.quarantine_id} data-id={record.quarantine_id}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {selectable && (
            <Checkbox
              className="sample-select"
              aria-label={t('replay.select')}
              disabled={replay !== null}
              checked={selected && replay === null}
              onChange={(e) => onSelect(e.target.checked)}
            />
          )}
          <Typography.Text strong>{eventLabel(event)}</Typography.Text>
          {replay && (
            <Tag color="success" icon={<CheckCircleFilled />} className="replayed-tag">
              {t('replay.replayedTag')}
            </Tag>
          )}
          <Typography.Text type="secondary">
            {t('quality.receivedAt')} {formatInstant(record.received_at, locale, timeZone)}
          </Typography.Text>
          <Typography.Text type="secondary" code>
            {record.quarantine_id}
          </Typography.Text>
        </Space>
        {replay && (
          <Typography.Text type="success" className="replayed-detail">
            {t('replay.replayedAt', { time: formatInstant(replay.replayed_at, locale, timeZone), user: replay.replayed_by, id: replay.insert_id })}
          </Typography.Text>
        )}
        <ul className="reasons">
          {record.reasons.map((reason, i) => (
            <li key={`${reason.code}-${i}`}>
              <Tag color="volcano">{reason.code}</Tag>
              {reason.path && <Typography.Text code>{reason.path}</Typography.Text>} {reason.message}
            </li>
          ))}
        </ul>
        <Typography.Text type="secondary">{t('quality.payload')}</Typography.Text>
        <pre className="payload">{formatPayload(record.payload)}</pre>
      </Space>
    </List.Item>
  );
}
