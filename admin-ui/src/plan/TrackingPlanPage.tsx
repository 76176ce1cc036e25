import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Input, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BusinessLine, EventDefinition, PlanVersion, PropertyDefinition, TrackingPlan } from '../api/types';
import { MESSAGES, type MessageKey } from '../i18n';
import { mayChangePlan } from '../session/access';
import { useConsole, useDisplayName, useT } from '../shell/context';
import { formatInstant } from '../shell/format';
import { ErrorState, EmptyState, Loading } from '../shell/states';
import { asApiError, useRemote } from '../shell/useRemote';
import { ChangeList } from './ChangeList';
import { newEvent, newLine, newProperty, type PlanEdit } from './edit';
import ImportPlanDialog from './ImportPlanDialog';
import PlanEditDrawer from './PlanEditDrawer';

/** Opens the editor on an item; absent where the user's role may not change the plan. */
type OnEdit = ((edit: PlanEdit) => void) | undefined;

export default function TrackingPlanPage() {
  const t = useT();
  const { client, project, user } = useConsole();
  const { message } = App.useApp();
  // Everyone reads the plan; only admins and plan developers may import or edit one.
  const changesPlan = user === null || mayChangePlan(user.role);
  const [plan, reload] = useRemote(() => client.plan(project), [project]);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<PlanEdit | null>(null);
  const onEdit: OnEdit = changesPlan ? setEditing : undefined;
  // Kept here, not in the tabs: a save reloads the plan, and the user stays on the tab they edited in.
  const [tab, setTab] = useState('events');

  const download = async () => {
    try {
      const yaml = await client.exportPlan(project);
      const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${project}-tracking-plan.yaml`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      void message.error(asApiError(error).message);
    }
  };

  if (plan.state === 'loading' || plan.state === 'idle') return <Loading />;
  if (plan.state === 'failed') {
    return plan.error.code === 'tracking-plan-not-found' ? (
      <EmptyState description={t('plan.empty')} />
    ) : (
      <ErrorState error={plan.error} onRetry={reload} />
    );
  }
  const data = plan.data;
  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card">
        <div className="plan-header">
          <Space size={48}>
            <Statistic title={t('overview.planVersion')} value={data.version} prefix="v" />
            <Statistic title={t('plan.tab.lines')} value={data.business_lines.length} />
            <Statistic title={t('plan.tab.events')} value={data.events.length} />
            <Statistic title={t('plan.tab.properties')} value={data.properties.length} />
          </Space>
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void download()}>
              {t('plan.export')}
            </Button>
            {changesPlan && (
              <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('plan.import')}
              </Button>
            )}
          </Space>
        </div>
      </Card>
      <Card className="page-card">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'events', label: t('plan.tab.events'), children: <EventsTable plan={data} onEdit={onEdit} /> },
            { key: 'properties', label: t('plan.tab.properties'), children: <PropertiesTable plan={data} onEdit={onEdit} /> },
            { key: 'lines', label: t('plan.tab.lines'), children: <BusinessLinesTable lines={data.business_lines} onEdit={onEdit} /> },
            { key: 'versions', label: t('plan.tab.versions'), children: <VersionsTable timeZone={data.settings.time_zone} /> },
          ]}
        />
      </Card>
      <ImportPlanDialog
        open={importing}
        onClose={() => setImporting(false)}
        onSaved={() => {
          setImporting(false);
          reload();
        }}
      />
      <PlanEditDrawer
        plan={data}
        edit={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
    </Space>
  );
}

/** A plan code (`ACTIVE`, `BACK_END`) in words, or the code itself when it is a new one. */
function useCodeLabel(): (prefix: 'plan.status' | 'plan.collectedBy', code: string | null) => string {
  const t = useT();
  return (prefix, code) => {
    if (code === null) return '—';
    const key = `${prefix}.${code}` as MessageKey;
    return Object.hasOwn(MESSAGES['zh-CN'], key) ? t(key) : code;
  };
}

function StatusTag({ status }: { status: string | null }) {
  const label = useCodeLabel();
  const color = status === 'ACTIVE' ? 'success' : status === 'DEPRECATED' ? 'warning' : 'default';
  return <Tag color={color}>{label('plan.status', status)}</Tag>;
}

/** The "new …" button above a table, for users who may change the plan. */
function NewButton({ onEdit, edit, label, className }: { onEdit: OnEdit; edit: () => PlanEdit; label: string; className: string }) {
  if (!onEdit) return null;
  return (
    <Button icon={<PlusOutlined />} className={className} onClick={() => onEdit(edit())}>
      {label}
    </Button>
  );
}

/** A table's last column: the row's edit button, for users who may change the plan. */
function editColumn<T>(onEdit: OnEdit, label: string, edit: (row: T) => PlanEdit) {
  if (!onEdit) return [];
  return [
    {
      key: 'edit',
      width: 72,
      render: (_: unknown, row: T) => (
        <Button type="link" size="small" icon={<EditOutlined />} className="plan-edit-row" onClick={() => onEdit(edit(row))}>
          {label}
        </Button>
      ),
    },
  ];
}

function BusinessLinesTable({ lines, onEdit }: { lines: readonly BusinessLine[]; onEdit: OnEdit }) {
  const t = useT();
  const name = useDisplayName();
  return (
    <>
      {onEdit && (
        <Space className="table-filters">
          <NewButton onEdit={onEdit} className="new-line" label={t('plan.edit.newLine')} edit={() => ({ kind: 'line', item: newLine(), isNew: true })} />
        </Space>
      )}
      <Table<BusinessLine>
        rowKey="name"
        size="middle"
        pagination={false}
        dataSource={[...lines]}
        columns={[
          { title: t('plan.col.name'), dataIndex: 'name', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('plan.col.displayName'), render: (_, l) => name(l.display_name, l.display_name_en, l.name) },
          { title: t('plan.col.prefix'), dataIndex: 'event_prefix', render: (v: string | null) => v ?? '—' },
          { title: t('plan.col.owner'), dataIndex: 'owner', render: (v: string | null) => v ?? '—' },
          ...editColumn<BusinessLine>(onEdit, t('plan.edit.edit'), (item) => ({ kind: 'line', item, isNew: false })),
        ]}
      />
    </>
  );
}

function EventsTable({ plan, onEdit }: { plan: TrackingPlan; onEdit: OnEdit }) {
  const t = useT();
  const name = useDisplayName();
  const label = useCodeLabel();
  const [line, setLine] = useState<string>('');
  const [search, setSearch] = useState('');
  const lines = new Map(plan.business_lines.map((l) => [l.name, l]));
  const events = plan.events.filter(
    (e) =>
      (line === '' || e.business_line === line) &&
      matches(search, e.name, e.display_name, e.display_name_en),
  );
  return (
    <>
      <Space className="table-filters">
        <Select
          style={{ width: 200 }}
          value={line}
          onChange={setLine}
          options={[
            { value: '', label: t('plan.allLines') },
            ...plan.business_lines.map((l) => ({ value: l.name, label: name(l.display_name, l.display_name_en, l.name) })),
          ]}
        />
        <Input.Search allowClear placeholder={t('plan.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 260 }} />
        <NewButton
          onEdit={onEdit}
          className="new-event"
          label={t('plan.edit.newEvent')}
          edit={() => ({ kind: 'event', item: newEvent(line === '' ? null : line), isNew: true })}
        />
      </Space>
      <Table<EventDefinition>
        rowKey="name"
        size="middle"
        dataSource={events}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{
          expandedRowRender: (e) => (
            <Space wrap>
              {e.properties.map((p) => (
                <Tag key={p.name} color={p.required ? 'blue' : 'default'}>
                  {p.name}
                  {p.required ? ` · ${t('plan.required')}` : ''}
                </Tag>
              ))}
            </Space>
          ),
        }}
        columns={[
          { title: t('plan.col.name'), dataIndex: 'name', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('plan.col.displayName'), render: (_, e) => name(e.display_name, e.display_name_en, e.name) },
          {
            title: t('plan.col.businessLine'),
            dataIndex: 'business_line',
            render: (v: string | null) => {
              const l = v === null ? undefined : lines.get(v);
              return l ? name(l.display_name, l.display_name_en, l.name) : (v ?? '—');
            },
          },
          { title: t('plan.col.status'), dataIndex: 'status', render: (v: string | null) => <StatusTag status={v} /> },
          { title: t('plan.col.collectedBy'), dataIndex: 'collected_by', render: (v: string | null) => <Tag>{label('plan.collectedBy', v)}</Tag> },
          { title: t('plan.col.trigger'), dataIndex: 'trigger', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('plan.col.properties'), render: (_, e) => e.properties.length, width: 80 },
          ...editColumn<EventDefinition>(onEdit, t('plan.edit.edit'), (item) => ({ kind: 'event', item, isNew: false })),
        ]}
      />
    </>
  );
}

function PropertiesTable({ plan, onEdit }: { plan: TrackingPlan; onEdit: OnEdit }) {
  const t = useT();
  const name = useDisplayName();
  const [search, setSearch] = useState('');
  const properties = plan.properties.filter((p) => matches(search, p.name, p.display_name, p.display_name_en));
  return (
    <>
      <Space className="table-filters">
        <Input.Search allowClear placeholder={t('plan.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 260 }} />
        <NewButton onEdit={onEdit} className="new-property" label={t('plan.edit.newProperty')} edit={() => ({ kind: 'property', item: newProperty(), isNew: true })} />
      </Space>
      <Table<PropertyDefinition>
        rowKey="name"
        size="middle"
        dataSource={properties}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('plan.col.name'), dataIndex: 'name', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('plan.col.displayName'), render: (_, p) => name(p.display_name, p.display_name_en, p.name) },
          { title: t('plan.col.type'), dataIndex: 'type', render: (v: string) => <Tag color="geekblue">{v}</Tag> },
          {
            title: t('plan.col.values'),
            render: (_, p) =>
              p.values.length === 0 ? (
                '—'
              ) : (
                <Space size={[4, 4]} wrap>
                  {p.values.map((v) => (
                    <Tag key={v.value} className={v.deprecated ? 'deprecated' : ''}>
                      {v.value}
                      {v.label || v.label_en ? ` = ${name(v.label, v.label_en, v.value)}` : ''}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          { title: t('plan.col.unit'), dataIndex: 'unit', render: (v: string | null) => v ?? '—' },
          {
            title: t('plan.col.pii'),
            dataIndex: 'pii',
            render: (v: string | null) => (
              <Tag color={v === 'FORBIDDEN' ? 'red' : v === 'HASH' ? 'orange' : 'default'}>{v ?? '—'}</Tag>
            ),
          },
          { title: t('plan.col.status'), dataIndex: 'status', render: (v: string | null) => <StatusTag status={v} /> },
          ...editColumn<PropertyDefinition>(onEdit, t('plan.edit.edit'), (item) => ({ kind: 'property', item, isNew: false })),
        ]}
      />
    </>
  );
}

function VersionsTable({ timeZone }: { timeZone: string }) {
  const t = useT();
  const { client, project, locale } = useConsole();
  const [versions, reload] = useRemote(() => client.planVersions(project), [project]);
  if (versions.state === 'loading' || versions.state === 'idle') return <Loading />;
  if (versions.state === 'failed') return <ErrorState error={versions.error} onRetry={reload} />;
  return (
    <Table<PlanVersion>
      rowKey="version"
      size="middle"
      dataSource={[...versions.data.versions]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      expandable={{ expandedRowRender: (v) => <ChangeList changes={v.changes} /> }}
      columns={[
        { title: t('plan.col.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
        { title: t('plan.col.author'), dataIndex: 'author', render: (v: string | null) => v ?? '—' },
        { title: t('plan.col.savedAt'), dataIndex: 'saved_at', render: (v: string) => formatInstant(v, locale, timeZone) },
        { title: t('plan.col.changes'), render: (_, v) => <Badge count={v.changes.length} showZero color="#1f5fd6" overflowCount={9999} /> },
      ]}
    />
  );
}

function matches(search: string, ...texts: ReadonlyArray<string | null>): boolean {
  const needle = search.trim().toLowerCase();
  return needle === '' || texts.some((text) => text?.toLowerCase().includes(needle));
}
