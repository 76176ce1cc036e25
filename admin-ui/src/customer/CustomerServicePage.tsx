import { CloseCircleFilled, FieldTimeOutlined } from '@ant-design/icons';
import { Card, Descriptions, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { UserEvent } from '../api/types';
import { planLabels, type PlanLabels } from '../plan/labels';
import { useConsole, useT } from '../shell/context';
import { formatInstant, formatValue } from '../shell/format';
import { routeHash } from '../shell/routes';
import { EmptyState, ErrorState, Loading } from '../shell/states';
import { useRemote } from '../shell/useRemote';
import { failureProperties } from './failures';
import { groupIntoSessions, type Session } from './sessions';

const LIMITS = [50, 100, 200, 500, 1000];

export default function CustomerServicePage({ params }: { params: URLSearchParams }) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const user = params.get('user')?.trim() ?? '';
  const [limit, setLimit] = useState(200);
  const [draft, setDraft] = useState(user);
  // The plan only adds display names: a missing plan leaves the raw names.
  const [plan] = useRemote(() => client.plan(project).catch(() => null), [project]);
  const [events, reload] = useRemote(user === '' ? null : () => client.userEvents(project, user, limit), [
    project,
    user,
    limit,
  ]);
  const loadedPlan = plan.state === 'loaded' ? plan.data : null;
  const labels = planLabels(loadedPlan, locale);
  const timeZone = loadedPlan?.settings.time_zone ?? 'Asia/Shanghai';

  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card">
        <Typography.Paragraph type="secondary">{t('customer.hint')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
          <Input.Search
            id="customer-user"
            allowClear
            size="large"
            value={draft}
            placeholder={t('customer.placeholder')}
            enterButton={t('customer.search')}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(value) => {
              window.location.hash = routeHash('customer', value.trim() === '' ? {} : { user: value.trim() });
            }}
          />
          <Select
            size="large"
            value={limit}
            style={{ width: 130 }}
            onChange={setLimit}
            options={LIMITS.map((n) => ({ value: n, label: t('customer.limit', { limit: n }) }))}
          />
        </Space.Compact>
      </Card>
      {events.state === 'idle' && <EmptyState description={t('customer.idle')} />}
      {events.state === 'loading' && <Loading />}
      {events.state === 'failed' && <ErrorState error={events.error} onRetry={reload} />}
      {events.state === 'loaded' && events.data.events.length === 0 && (
        <EmptyState description={t('customer.empty', { user })} />
      )}
      {events.state === 'loaded' && events.data.events.length > 0 && (
        <Sessions events={events.data.events} labels={labels} timeZone={timeZone} />
      )}
    </Space>
  );
}

function Sessions({ events, labels, timeZone }: { events: readonly UserEvent[]; labels: PlanLabels; timeZone: string }) {
  const t = useT();
  const sessions = groupIntoSessions(events);
  return (
    <>
      <Typography.Text className="customer-summary" strong>
        {t('customer.summary', { events: events.length, sessions: sessions.length })}
      </Typography.Text>
      {sessions.map((session, index) => (
        <SessionCard
          key={`${session.endMs}-${index}`}
          index={sessions.length - index}
          session={session}
          labels={labels}
          timeZone={timeZone}
        />
      ))}
    </>
  );
}

function SessionCard(props: { index: number; session: Session; labels: PlanLabels; timeZone: string }) {
  const { index, session, labels, timeZone } = props;
  const t = useT();
  const { locale } = useConsole();
  const failures = session.events.filter((e) => failureProperties(e.properties).length > 0).length;
  return (
    <Card
      className="session-card"
      size="small"
      title={
        <Space>
          <FieldTimeOutlined />
          <span>{t('customer.session', { index })}</span>
          <Typography.Text type="secondary">
            {t('customer.sessionSpan', {
              start: formatInstant(session.startMs, locale, timeZone),
              end: formatInstant(session.endMs, locale, timeZone),
              count: session.events.length,
            })}
          </Typography.Text>
          {failures > 0 && <Tag color="error">{t('customer.failures', { count: failures })}</Tag>}
        </Space>
      }
    >
      <Timeline
        items={session.events.map((event) => {
          const failed = failureProperties(event.properties);
          return {
            key: event.insert_id,
            color: failed.length > 0 ? 'red' : 'blue',
            dot: failed.length > 0 ? <CloseCircleFilled style={{ color: '#cf1322' }} /> : undefined,
            children: <EventItem event={event} failed={failed} labels={labels} timeZone={timeZone} />,
          };
        })}
      />
    </Card>
  );
}

function EventItem(props: { event: UserEvent; failed: readonly string[]; labels: PlanLabels; timeZone: string }) {
  const { event, failed, labels, timeZone } = props;
  const t = useT();
  const { locale } = useConsole();
  const entries = Object.entries(event.properties).sort(([a], [b]) => sortKey(a).localeCompare(sortKey(b)));
  return (
    <div className={failed.length > 0 ? 'event-item event-failed' : 'event-item'} data-event={event.event}>
      <Space wrap>
        <Typography.Text strong>{labels.eventName(event.event, event.display_name)}</Typography.Text>
        <Typography.Text type="secondary" code>
          {event.event}
        </Typography.Text>
        <Typography.Text type="secondary">{formatInstant(event.time, locale, timeZone)}</Typography.Text>
        {failed.length > 0 && <Tag color="error">{t('customer.failed')}</Tag>}
      </Space>
      {entries.length > 0 && (
        <Descriptions
          className="event-properties"
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={entries.map(([name, value]) => ({
            key: name,
            label: <span title={name}>{labels.propertyName(name)}</span>,
            children: (
              <span className={failed.includes(name) ? 'property-failed' : undefined}>
                {typeof value === 'string' ? labels.propertyValue(name, value) : formatValue(value)}
              </span>
            ),
          }))}
        />
      )}
    </div>
  );
}

// Business properties first, the SDK's preset `$` properties after them.
function sortKey(name: string): string {
  return name.startsWith('$') ? `~${name}` : name;
}
