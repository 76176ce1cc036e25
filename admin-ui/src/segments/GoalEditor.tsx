// The conversion goal of an effect report or a segment comparison: a funnel of 2–5 steps (events
// from the plan), its window in days and its dates.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Space, Typography } from 'antd';
import type { TrackingPlan } from '../api/types';
import { EventSelect, FormLine, RangeInput } from '../analysis/controls';
import type { StepForm } from '../analysis/requests';
import { useT } from '../shell/context';
import type { Goal } from './report';

const MIN_STEPS = 2;
const MAX_STEPS = 5;

/** The case study's invest funnel where the plan has its events: back in the app, then invested. */
export function defaultGoalSteps(plan: TrackingPlan): StepForm[] {
  const names = new Set(plan.events.map((e) => e.name));
  const present = (events: readonly string[]) => events.filter((e) => names.has(e));
  return [
    { events: present(['$AppStart', '$pageview']), filters: [] },
    { events: present(['P2P_InvestSuccess']), filters: [] },
  ];
}

export default function GoalEditor({ plan, goal, onChange }: { plan: TrackingPlan; goal: Goal; onChange: (goal: Goal) => void }) {
  const t = useT();
  const { steps } = goal;
  const setSteps = (next: StepForm[]) => onChange({ ...goal, steps: next });
  return (
    <>
      <FormLine label={t('funnels.steps')}>
        <Space direction="vertical" size={8}>
          {steps.map((step, index) => (
            <Space key={index} wrap className="effect-step">
              <Typography.Text strong>{t('funnels.step', { index: index + 1 })}</Typography.Text>
              <EventSelect plan={plan} value={step.events} onChange={(events) => setSteps(steps.map((s, i) => (i === index ? { ...s, events } : s)))} />
              {steps.length > MIN_STEPS ? (
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('analysis.remove')} onClick={() => setSteps(steps.filter((_, i) => i !== index))} />
              ) : null}
            </Space>
          ))}
          {steps.length < MAX_STEPS ? (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setSteps([...steps, { events: [], filters: [] }])}>
              {t('funnels.addStep')}
            </Button>
          ) : null}
          <Typography.Text type="secondary">{t('effect.goalHint')}</Typography.Text>
        </Space>
      </FormLine>
      <FormLine label={t('funnels.window')}>
        <InputNumber
          className="effect-window"
          min={1}
          precision={0}
          addonAfter={t('rule.days')}
          value={goal.days}
          onChange={(value) => onChange({ ...goal, days: value ?? 1 })}
        />
      </FormLine>
      <FormLine label={t('analysis.range')}>
        <RangeInput value={goal.range} onChange={(range) => onChange({ ...goal, range })} timeZone={plan.settings.time_zone} />
      </FormLine>
    </>
  );
}
