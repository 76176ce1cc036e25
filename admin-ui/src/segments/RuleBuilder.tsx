// The segment builder's rule editor: nested 满足全部 / 满足任一 groups of conditions, each "did / did
// not / first did" events (from the plan) with property filters, a window and how often. It only
// edits a RuleForm; rule.ts turns it into the API's JSON.
import { ApartmentOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { TrackingPlan } from '../api/types';
import { EventSelect, FilterEditor, PropertySelect } from '../analysis/controls';
import type { MessageKey } from '../i18n';
import { useT } from '../shell/context';
import { eventProperties, summableProperties } from './options';
import {
  MAX_DEPTH,
  newCondition,
  newGroup,
  THRESHOLDS,
  VERBS,
  type Combinator,
  type ConditionForm,
  type FrequencyForm,
  type GroupForm,
  type RuleForm,
  type RuleIssue,
  type WindowForm,
} from './rule';

type WindowKind = WindowForm['kind'];
type FrequencyKind = FrequencyForm['kind'];

export interface RuleBuilderProps {
  readonly plan: TrackingPlan;
  readonly rule: GroupForm;
  readonly onChange: (rule: GroupForm) => void;
  readonly issues: readonly RuleIssue[];
  /** Today in the project's zone: where new date windows start. */
  readonly today: string;
}

export default function RuleBuilder({ plan, rule, onChange, issues, today }: RuleBuilderProps) {
  return (
    <div className="rule-builder">
      <GroupEditor
        plan={plan}
        group={rule}
        path={[]}
        issues={issues}
        today={today}
        onChange={(next) => onChange(next.kind === 'group' ? next : newGroup('all', [next]))}
        onRemove={null}
      />
    </div>
  );
}

interface EditorProps<T extends RuleForm> {
  readonly plan: TrackingPlan;
  readonly path: readonly number[];
  readonly issues: readonly RuleIssue[];
  readonly today: string;
  readonly onChange: (next: T) => void;
  /** Null for the top group, which stays. */
  readonly onRemove: (() => void) | null;
}

function GroupEditor({ plan, group, path, issues, today, onChange, onRemove }: EditorProps<GroupForm> & { group: GroupForm }) {
  const t = useT();
  const depth = path.length;
  const own = issuesAt(issues, path);
  const update = (index: number, next: RuleForm) => onChange({ ...group, rules: group.rules.map((r, i) => (i === index ? next : r)) });
  const remove = (index: number) => onChange({ ...group, rules: group.rules.filter((_, i) => i !== index) });
  return (
    <div className={`rule-group rule-depth-${depth}`} data-depth={depth}>
      <div className="rule-group-head">
        <Select<Combinator>
          className="rule-combinator"
          size="small"
          style={{ width: 132 }}
          value={group.combinator}
          options={[
            { value: 'all', label: t('rule.all') },
            { value: 'any', label: t('rule.any') },
          ]}
          onChange={(combinator) => onChange({ ...group, combinator })}
        />
        <Typography.Text type="secondary">{t('rule.groupHint', { count: group.rules.length })}</Typography.Text>
        {onRemove ? <Button type="text" size="small" className="rule-remove" icon={<DeleteOutlined />} aria-label={t('analysis.remove')} onClick={onRemove} /> : null}
      </div>
      {own.map((issue) => (
        <div key={issue.problem} className="rule-issue">
          {t(`rule.issue.${issue.problem}` as MessageKey)}
        </div>
      ))}
      <div className="rule-group-body">
        {group.rules.map((rule, index) => (
          <div key={index} className="rule-member">
            {index > 0 ? (
              <Tag className="rule-joiner" color={group.combinator === 'all' ? 'blue' : 'orange'}>
                {t(group.combinator === 'all' ? 'rule.and' : 'rule.or')}
              </Tag>
            ) : null}
            {rule.kind === 'group' ? (
              <GroupEditor
                plan={plan}
                group={rule}
                path={[...path, index]}
                issues={issues}
                today={today}
                onChange={(next) => update(index, next)}
                onRemove={() => remove(index)}
              />
            ) : (
              <ConditionEditor
                plan={plan}
                condition={rule}
                path={[...path, index]}
                issues={issues}
                today={today}
                onChange={(next) => update(index, next)}
                onRemove={() => remove(index)}
              />
            )}
          </div>
        ))}
        <Space className="rule-group-actions">
          <Button size="small" type="dashed" className="rule-add-condition" icon={<PlusOutlined />} onClick={() => onChange({ ...group, rules: [...group.rules, newCondition()] })}>
            {t('rule.addCondition')}
          </Button>
          {depth + 1 < MAX_DEPTH ? (
            <Button
              size="small"
              type="dashed"
              className="rule-add-group"
              icon={<ApartmentOutlined />}
              onClick={() => onChange({ ...group, rules: [...group.rules, newGroup(group.combinator === 'all' ? 'any' : 'all', [newCondition()])] })}
            >
              {t('rule.addGroup')}
            </Button>
          ) : null}
        </Space>
      </div>
    </div>
  );
}

function ConditionEditor({ plan, condition, path, issues, today, onChange, onRemove }: EditorProps<ConditionForm> & { condition: ConditionForm }) {
  const t = useT();
  const own = issuesAt(issues, path);
  const set = (change: Partial<ConditionForm>) => onChange({ ...condition, ...change });
  return (
    <div className="rule-condition" data-path={path.join('.')}>
      <Space wrap className="rule-condition-head">
        <Select
          className="rule-verb"
          style={{ width: 120 }}
          value={condition.verb}
          options={VERBS.map((verb) => ({ value: verb, label: t(`rule.verb.${verb}`) }))}
          onChange={(verb: ConditionForm['verb']) => set({ verb })}
        />
        <EventSelect plan={plan} className="rule-events" value={condition.events} onChange={(events) => set({ events })} />
        {onRemove ? <Button type="text" className="rule-remove" icon={<DeleteOutlined />} aria-label={t('analysis.remove')} onClick={onRemove} /> : null}
      </Space>
      <div className="rule-condition-filter">
        <FilterEditor plan={plan} only={eventProperties(plan, condition.events)} rows={condition.filters} onChange={(filters) => set({ filters })} />
      </div>
      <Space wrap className="rule-condition-when">
        <WindowEditor window={condition.window} today={today} onChange={(window) => set({ window })} />
        {condition.verb === 'first_did' ? (
          <Typography.Text type="secondary" className="rule-first-hint">
            {t('rule.firstHint')}
          </Typography.Text>
        ) : (
          <FrequencyEditor plan={plan} events={condition.events} frequency={condition.frequency} onChange={(frequency) => set({ frequency })} />
        )}
      </Space>
      {own.map((issue) => (
        <div key={issue.problem} className="rule-issue">
          {t(`rule.issue.${issue.problem}` as MessageKey)}
        </div>
      ))}
    </div>
  );
}

function WindowEditor({ window, today, onChange }: { window: WindowForm; today: string; onChange: (window: WindowForm) => void }) {
  const t = useT();
  const kinds: readonly WindowKind[] = ['ever', 'last_days', 'between'];
  const switchTo = (kind: WindowKind) =>
    onChange(kind === 'ever' ? { kind } : kind === 'last_days' ? { kind, days: 30 } : { kind, from: today, to: today });
  return (
    <Space className="rule-window-editor">
      <Select
        className="rule-window"
        style={{ width: 128 }}
        value={window.kind}
        options={kinds.map((kind) => ({ value: kind, label: t(`rule.window.${kind}`) }))}
        onChange={switchTo}
      />
      {window.kind === 'last_days' ? (
        <InputNumber
          className="rule-window-days"
          min={1}
          precision={0}
          addonAfter={t('rule.days')}
          value={window.days}
          onChange={(days) => onChange({ kind: 'last_days', days: days ?? null })}
        />
      ) : null}
      {window.kind === 'between' ? (
        <>
          <Input
            type="date"
            className="rule-window-from"
            aria-label={t('rule.from')}
            style={{ width: 150 }}
            value={window.from}
            onChange={(e) => onChange({ ...window, from: e.target.value })}
          />
          <span>–</span>
          <Input
            type="date"
            className="rule-window-to"
            aria-label={t('rule.to')}
            style={{ width: 150 }}
            value={window.to}
            onChange={(e) => onChange({ ...window, to: e.target.value })}
          />
        </>
      ) : null}
    </Space>
  );
}

function FrequencyEditor({
  plan,
  events,
  frequency,
  onChange,
}: {
  plan: TrackingPlan;
  events: readonly string[];
  frequency: FrequencyForm;
  onChange: (frequency: FrequencyForm) => void;
}) {
  const t = useT();
  const kinds: readonly FrequencyKind[] = ['once', 'times', 'sum'];
  const threshold = frequency.kind === 'once' ? 'at_least' : frequency.threshold;
  const switchTo = (kind: FrequencyKind) =>
    onChange(kind === 'once' ? { kind } : kind === 'times' ? { kind, threshold, count: 1 } : { kind, threshold, property: null, value: 0 });
  return (
    <Space className="rule-frequency-editor">
      <Select
        className="rule-frequency"
        style={{ width: 128 }}
        value={frequency.kind}
        options={kinds.map((kind) => ({ value: kind, label: t(`rule.frequency.${kind}`) }))}
        onChange={switchTo}
      />
      {frequency.kind === 'sum' ? (
        <PropertySelect
          plan={plan}
          only={summableProperties(plan, events)}
          value={frequency.property}
          width={180}
          placeholder={t('rule.sumProperty')}
          onChange={(property) => onChange({ ...frequency, property })}
        />
      ) : null}
      {frequency.kind !== 'once' ? (
        <>
          <Select
            className="rule-threshold"
            style={{ width: 84 }}
            value={frequency.threshold}
            options={THRESHOLDS.map((value) => ({ value, label: t(`rule.threshold.${value}`) }))}
            onChange={(value: typeof threshold) => onChange({ ...frequency, threshold: value })}
          />
          {frequency.kind === 'times' ? (
            <InputNumber
              className="rule-count"
              min={0}
              precision={0}
              addonAfter={t('rule.times')}
              value={frequency.count}
              onChange={(count) => onChange({ ...frequency, count: count ?? null })}
            />
          ) : (
            <InputNumber className="rule-sum-value" value={frequency.value} onChange={(value) => onChange({ ...frequency, value: value ?? null })} />
          )}
        </>
      ) : null}
    </Space>
  );
}

function issuesAt(issues: readonly RuleIssue[], path: readonly number[]): RuleIssue[] {
  return issues.filter((issue) => issue.path.length === path.length && issue.path.every((p, i) => p === path[i]));
}
