// Form controls shared by the analysis pages, fed by the project's tracking plan.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import type { FilterOp } from '../api/analysis';
import type { ApiError } from '../api/problem';
import type { TrackingPlan } from '../api/types';
import { useDisplayName, useT } from '../shell/context';
import { lastDays, type DateRange } from './dates';
import { describeFailure } from './failure';
import { takesNoValue, type FilterRow } from './requests';

const OPS: readonly FilterOp[] = ['eq', 'ne', 'in', 'not_in', 'gt', 'ge', 'lt', 'le', 'between', 'contains', 'is_set', 'not_set'];

function useOptions(plan: TrackingPlan) {
  const name = useDisplayName();
  const events = plan.events.map((e) => {
    const display = name(e.display_name, e.display_name_en, e.name);
    return { value: e.name, label: display === e.name ? e.name : `${display} (${e.name})` };
  });
  const properties = new Map(
    plan.properties.map((p) => {
      const display = name(p.display_name, p.display_name_en, p.name);
      return [p.name, display === p.name ? p.name : `${display} (${p.name})`] as const;
    }),
  );
  return { events, properties };
}

export function EventSelect({
  plan,
  value,
  onChange,
  multiple = true,
  className,
}: {
  plan: TrackingPlan;
  value: readonly string[];
  onChange: (events: string[]) => void;
  multiple?: boolean;
  className?: string;
}) {
  const t = useT();
  const { events } = useOptions(plan);
  return (
    <Select
      className={className ?? 'event-select'}
      {...(multiple ? { mode: 'multiple' as const } : {})}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t('analysis.anyEvent')}
      title={t('analysis.chooseEvents')}
      style={{ minWidth: 280 }}
      value={multiple ? [...value] : (value[0] ?? null)}
      options={events}
      onChange={(next: string[] | string | null | undefined) =>
        onChange(next === null || next === undefined ? [] : Array.isArray(next) ? next : [next])
      }
    />
  );
}

export function PropertySelect({
  plan,
  only,
  value,
  onChange,
  placeholder,
  width = 220,
  className,
}: {
  plan: TrackingPlan;
  only?: readonly string[] | undefined;
  value: string | null;
  onChange: (property: string | null) => void;
  placeholder?: string;
  width?: number;
  className?: string;
}) {
  const t = useT();
  const { properties } = useOptions(plan);
  const names = only ?? [...properties.keys()];
  return (
    <Select
      {...(className === undefined ? {} : { className })}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder ?? t('analysis.chooseProperty')}
      style={{ width }}
      value={value}
      options={names.map((n) => ({ value: n, label: properties.get(n) ?? n }))}
      onChange={(next: string | undefined) => onChange(next ?? null)}
    />
  );
}

export function GroupBySelect({
  plan,
  only,
  value,
  onChange,
}: {
  plan: TrackingPlan;
  only: readonly string[];
  value: readonly string[];
  onChange: (properties: string[]) => void;
}) {
  const t = useT();
  const { properties } = useOptions(plan);
  return (
    <Select
      className="group-by-select"
      mode="multiple"
      maxCount={3}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t('analysis.groupByHint')}
      style={{ minWidth: 280 }}
      value={[...value]}
      options={only.map((n) => ({ value: n, label: properties.get(n) ?? n }))}
      onChange={(next: string[]) => onChange(next)}
    />
  );
}

/**
 * A filter row's values as text (comma-separated for lists): typed freely, or picked from the
 * plan's enumerated values (with their display names) when the property has them.
 */
export function ValueInput({ plan, row, onChange }: { plan: TrackingPlan; row: FilterRow; onChange: (text: string) => void }) {
  const t = useT();
  const label = useEnumLabel();
  const values = plan.properties.find((p) => p.name === row.property)?.values.filter((v) => !v.deprecated) ?? [];
  if (values.length === 0) {
    return <Input className="filter-value" style={{ width: 240 }} placeholder={t('analysis.filterValue')} value={row.text} onChange={(e) => onChange(e.target.value)} />;
  }
  const options = values.map((v) => ({ value: v.value, label: label(v.label, v.label_en, v.value) }));
  const chosen = row.text
    .split(/[,，]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  return (
    <Select
      className="filter-value filter-value-enum"
      style={{ width: 240 }}
      placeholder={t('analysis.filterValue')}
      showSearch
      optionFilterProp="label"
      {...(LIST_VALUE_OPS.includes(row.op) ? { mode: 'tags' as const } : {})}
      value={LIST_VALUE_OPS.includes(row.op) ? chosen : (chosen[0] ?? null)}
      options={options}
      onChange={(next: string[] | string | null) => onChange(next === null ? '' : Array.isArray(next) ? next.join(', ') : next)}
    />
  );
}

const LIST_VALUE_OPS: readonly FilterOp[] = ['in', 'not_in'];

/** An enumerated value as the console's language names it: "失败 (fail)". */
function useEnumLabel(): (zh: string | null, en: string | null, value: string) => string {
  const name = useDisplayName();
  return (zh, en, value) => {
    const display = name(zh, en, value);
    return display === value ? value : `${display} (${value})`;
  };
}

/** AND-ed filter rows: property (of `only`, when given), operator, values as typed or picked. */
export function FilterEditor({
  plan,
  rows,
  onChange,
  only,
}: {
  plan: TrackingPlan;
  rows: readonly FilterRow[];
  onChange: (rows: FilterRow[]) => void;
  only?: readonly string[];
}) {
  const t = useT();
  const update = (index: number, change: Partial<FilterRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Space direction="vertical" size={6} className="filter-editor">
      {rows.map((row, index) => (
        <Space key={index} wrap className="filter-row">
          <PropertySelect plan={plan} only={only} className="filter-property" value={row.property} onChange={(property) => update(index, { property })} />
          <Select
            className="filter-op"
            style={{ width: 120 }}
            value={row.op}
            options={OPS.map((op) => ({ value: op, label: t(`op.${op}`) }))}
            onChange={(op: FilterOp) => update(index, { op })}
          />
          {takesNoValue(row.op) ? null : <ValueInput plan={plan} row={row} onChange={(text) => update(index, { text })} />}
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('analysis.remove')}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          />
        </Space>
      ))}
      <Button
        size="small"
        type="dashed"
        className="filter-add"
        icon={<PlusOutlined />}
        onClick={() => onChange([...rows, { property: null, op: 'eq', text: '' }])}
      >
        {t('analysis.addFilter')}
      </Button>
    </Space>
  );
}

/** Two local dates (yyyy-MM-dd, both inclusive) with quick presets in the project's zone. */
export function RangeInput({ value, onChange, timeZone }: { value: DateRange; onChange: (range: DateRange) => void; timeZone: string }) {
  const t = useT();
  return (
    <Space wrap className="range-input">
      <Input
        type="date"
        aria-label="from"
        style={{ width: 150 }}
        value={value.from}
        onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
      />
      <span>–</span>
      <Input
        type="date"
        aria-label="to"
        style={{ width: 150 }}
        value={value.to}
        onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
      />
      <Button size="small" onClick={() => onChange(lastDays(7, timeZone))}>
        {t('analysis.last7')}
      </Button>
      <Button size="small" onClick={() => onChange(lastDays(30, timeZone))}>
        {t('analysis.last30')}
      </Button>
    </Space>
  );
}

/** A labelled line of a form. */
export function FormLine({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="form-line">
      <div className="form-label">{label}</div>
      <div className="form-control">{children}</div>
    </div>
  );
}

/** Why an analysis has no result: the server's words, with the field it names. */
export function AnalysisAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  const failure = describeFailure(error.problem);
  const message =
    failure.kind === 'invalid'
      ? t('analysis.invalid')
      : failure.kind === 'timeout'
        ? t('analysis.timeout')
        : failure.kind === 'unreachable'
          ? t('common.unreachable', { reason: failure.detail ?? '' })
          : t('analysis.failed', { status: failure.status, title: failure.title });
  return (
    <Alert
      className="analysis-error"
      type={failure.kind === 'timeout' ? 'warning' : 'error'}
      showIcon
      message={message}
      description={
        <>
          {failure.kind !== 'unreachable' && failure.detail ? <div className="analysis-error-detail">{failure.detail}</div> : null}
          {failure.field ? <div className="analysis-error-field">{t('analysis.field', { field: failure.field })}</div> : null}
          {failure.kind === 'timeout' ? <div>{t('analysis.timeoutHint')}</div> : null}
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
