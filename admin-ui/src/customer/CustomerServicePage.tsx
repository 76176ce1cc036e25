import { CloseCircleFilled, DownOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TrackingPlan, UserEvent, UserEvents } from '../api/types';
import type { ApiError } from '../api/problem';
import { planLabels, type PlanLabels } from '../plan/labels';
import { useConsole, useDisplayName, useT } from '../shell/context';
import { formatInstant, formatValue } from '../shell/format';
import { routeHash } from '../shell/routes';
import { EmptyState, ErrorState, Loading } from '../shell/states';
import { asApiError, useRemote } from '../shell/useRemote';
import { failureProperties } from './failures';
import {
  appendPage,
  filterFromParams,
  filterParams,
  isFiltered,
  PAGE_SIZES,
  rangeProblem,
  sequenceQuery,
  type SequenceFilter,
} from './sequence';
import { groupIntoSessions, type Session } from './sessions';

export default function CustomerServicePage({ params }: { params: URLSearchParams }) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const user = params.get('user')?.trim() ?? '';
  const filter = filterFromParams(params);
  const [draft, setDraft] = useState(user);
  useEffect(() => setDraft(user), [user]);
  // The plan only adds display names and the event choices: a missing plan leaves the raw names.
  const [plan] = useRemote(() => client.plan(project).catch(() => null), [project]);
  const reversed = rangeProblem(filter) !== null;
  const [first, reload] = useRemote(
    user === '' || reversed ? null : () => client.userEvents(project, user, sequenceQuery(filter)),
    [project, user, params.toString()],
  );
  const loadedPlan = plan.state === 'loaded' ? plan.data : null;
  const labels = planLabels(loadedPlan, locale);
  const timeZone = loadedPlan?.settings.time_zone ?? 'Asia/Shanghai';
  // Filters live in the route, so a lookup can be shared and the back button restores it.
  const go = (nextUser: string, nextFilter: SequenceFilter) => {
    window.location.hash = routeHash('customer', nextUser === '' ? {} : { user: nextUser, ...filterParams(nextFilter) });
  };
  const change = (part: Partial<SequenceFilter>) => go(user, { ...filter, ...part });

  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card customer-form">
        <Typography.Paragraph type="secondary">{t('customer.hint')}</Typography.Paragraph>
        <Input.Search
          id="customer-user"
          allowClear
          size="large"
          style={{ maxWidth: 640 }}
          value={draft}
          placeholder={t('customer.placeholder')}
          enterButton={t('customer.search')}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(value) => go(value.trim(), filter)}
        />
        <div className="customer-filters">
          <Space wrap size="middle">
            <Space size={6}>
              <span className="muted">{t('customer.events')}</span>
              <EventFilter plan={loadedPlan} value={filter.events} onChange={(events) => change({ events })} />
            </Space>
            <Space size={6}>
              <span className="muted">{t('customer.range')}</span>
              <Input
                type="date"
                aria-label="from"
                className="customer-from"
                style={{ width: 150 }}
                value={filter.from ?? ''}
                onChange={(e) => change({ from: e.target.value === '' ? null : e.target.value })}
              />
              <span>–</span>
              <Input
                type="date"
                aria-label="to"
                className="customer-to"
                style={{ width: 150 }}
                value={filter.to ?? ''}
                onChange={(e) => change({ to: e.target.value === '' ? null : e.target.value })}
              />
            </Space>
            <Select
              className="customer-page-size"
              value={filter.limit}
              style={{ width: 130 }}
              onChange={(limit: number) => change({ limit })}
              options={PAGE_SIZES.map((n) => ({ value: n, label: t('customer.pageSize', { limit: n }) }))}
            />
            {isFiltered(filter) && (
              <Button type="link" className="customer-clear" onClick={() => go(user, { events: [], from: null, to: null, limit: filter.limit })}>
                {t('customer.clearFilters')}
              </Button>
            )}
          </Space>
        </div>
        {reversed && <Alert className="customer-range-error" type="error" showIcon message={t('customer.range.reversed')} />}
      </Card>
      {first.state === 'idle' && !reversed && <EmptyState description={t('customer.idle')} />}
      {first.state === 'loading' && <Loading />}
      {first.state === 'failed' && <ErrorState error={first.error} onRetry={reload} />}
      {first.state === 'loaded' && first.data.events.length === 0 && <EmptyState description={t(isFiltered(filter) ? 'customer.emptyFiltered' : 'customer.empty', { user })} />}
      {first.state === 'loaded' && first.data.events.length > 0 && (
        <Pages key={params.toString()} first={first.data} filter={filter} user={user} labels={labels} timeZone={timeZone} />
      )}
    </Space>
  );
}

function EventFilter({ plan, value, onChange }: { plan: TrackingPlan | null; value: readonly string[]; onChange: (events: string[]) => void }) {
  const t = useT();
  const name = useDisplayName();
  const options = (plan?.events ?? []).map((e) => ({ value: e.name, label: `${name(e.display_name, e.display_name_en, e.name)} · ${e.name}` }));
  // Names from a shared link that the plan no longer has still show, as themselves.
  for (const event of value) if (!options.some((o) => o.value === event)) options.push({ value: event, label: event });
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch
      optionFilterProp="label"
      className="customer-events"
      placeholder={t('analysis.anyEvent')}
      style={{ minWidth: 320 }}
      maxTagCount="responsive"
      value={[...value]}
      options={options}
      onChange={onChange}
    />
  );
}

/** The first page and the older ones loaded with "加载更早" (each continues from `next_before`). */
function Pages(props: { first: UserEvents; filter: SequenceFilter; user: string; labels: PlanLabels; timeZone: string }) {
  const { first, filter, user, labels, timeZone } = props;
  const t = useT();
  const { client, project } = useConsole();
  const [events, setEvents] = useState<readonly UserEvent[]>(first.events);
  const [next, setNext] = useState<string | null>(first.next_before);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const loadOlder = async () => {
    if (next === null) return;
    setLoading(true);
    setFailure(null);
    try {
      const page = await client.userEvents(project, user, sequenceQuery(filter, next));
      setEvents((loaded) => appendPage(loaded, page.events));
      setNext(page.next_before);
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Sessions events={events} labels={labels} timeZone={timeZone} />
      {failure && <ErrorState error={failure} onRetry={loadOlder} />}
      <div className="load-older">
        {next !== null ? (
          <Button icon={<DownOutlined />} className="load-older-button" loading={loading} onClick={loadOlder}>
            {t('customer.loadOlder')}
          </Button>
        ) : (
          <Typography.Text type="secondary" className="all-loaded">
            {t('customer.allLoaded')}
          </Typography.Text>
        )}
      </div>
    </>
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
