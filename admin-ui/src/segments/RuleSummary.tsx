// A saved rule in words, with the plan's display names: "首次做过 注册 (结果 = success) · 2017-01-01 至
// 2017-01-31", nested groups indented.
import { Tag } from 'antd';
import type { WireCriteria, WireFilter } from '../api/analysis';
import type { Threshold, WireRule, WireWindow } from '../api/segments';
import type { TrackingPlan } from '../api/types';
import { useDisplayName, useT, type Translate } from '../shell/context';

export default function RuleSummary({ plan, rule }: { plan: TrackingPlan; rule: WireRule }) {
  const t = useT();
  const displayName = useDisplayName();
  const eventName = (name: string) => {
    const event = plan.events.find((e) => e.name === name);
    return event ? displayName(event.display_name, event.display_name_en, name) : name;
  };
  const propertyName = (name: string) => {
    const property = plan.properties.find((p) => p.name === name);
    return property ? displayName(property.display_name, property.display_name_en, name) : name;
  };
  return (
    <div className="rule-summary">
      <RuleLines rule={rule} t={t} eventName={eventName} propertyName={propertyName} />
    </div>
  );
}

interface Names {
  readonly t: Translate;
  readonly eventName: (name: string) => string;
  readonly propertyName: (name: string) => string;
}

function RuleLines({ rule, ...names }: Names & { rule: WireRule }) {
  const { t } = names;
  if ('all' in rule || 'any' in rule) {
    const all = 'all' in rule;
    const members = 'all' in rule ? rule.all : rule.any;
    return (
      <div className="rule-summary-group">
        <Tag color={all ? 'blue' : 'orange'}>{t(all ? 'rule.all' : 'rule.any')}</Tag>
        <ul>
          {members.map((member, i) => (
            <li key={i}>
              <RuleLines rule={member} {...names} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <span className="rule-summary-condition">{conditionText(rule, names)}</span>;
}

function conditionText(rule: Exclude<WireRule, { all: unknown } | { any: unknown }>, { t, eventName, propertyName }: Names): string {
  const [verb, criteria]: [string, WireCriteria] =
    'first_did' in rule ? ['first_did', rule.first_did] : 'did' in rule ? ['did', rule.did] : ['did_not', rule.did_not];
  const events = criteria.events.length === 0 ? t('analysis.anyEvent') : criteria.events.map(eventName).join(' / ');
  const parts = [`${t(`rule.verb.${verb}` as 'rule.verb.did')} ${events}`];
  if (criteria.filter) parts[0] += ` (${filterText(criteria.filter, t, propertyName)})`;
  parts.push(windowText(rule.within, t));
  if ('times' in rule && rule.times) {
    const [threshold, count] = thresholdPair(rule.times);
    parts.push(`${t(`rule.threshold.${threshold}`)} ${count} ${t('rule.times')}`);
  }
  if ('sum' in rule && rule.sum) {
    const [threshold, value] = thresholdPair(rule.sum);
    parts.push(`${t('rule.frequency.sum')} ${propertyName(rule.sum.property)} ${t(`rule.threshold.${threshold}`)} ${value}`);
  }
  return parts.join(' · ');
}

function thresholdPair(value: Partial<Record<Threshold, number>> & { property?: string }): [Threshold, number] {
  const entry = Object.entries(value).find(([key]) => key !== 'property') as [Threshold, number] | undefined;
  return entry ?? ['at_least', 1];
}

function windowText(window: WireWindow | undefined, t: Translate): string {
  if (window === undefined) return t('rule.window.ever');
  if ('last_days' in window) return t('rule.lastDays', { days: window.last_days });
  return t('rule.between', { from: window.from, to: window.to });
}

function filterText(filter: WireFilter, t: Translate, propertyName: (name: string) => string): string {
  if ('property' in filter) return `${propertyName(filter.property)} ${t(`op.${filter.op}`)} ${filter.values.join(', ')}`.trim();
  const parts = 'all' in filter ? filter.all : filter.any;
  return parts.map((part) => filterText(part, t, propertyName)).join('all' in filter ? ` ${t('rule.and')} ` : ` ${t('rule.or')} `);
}
