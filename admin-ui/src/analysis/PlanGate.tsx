// Loads the project's tracking plan, which feeds the analysis forms, before showing a page.
import type { ReactNode } from 'react';
import type { TrackingPlan } from '../api/types';
import { useConsole } from '../shell/context';
import { ErrorState, Loading } from '../shell/states';
import { useRemote } from '../shell/useRemote';

export default function PlanGate({ children }: { children: (plan: TrackingPlan) => ReactNode }) {
  const { client, project } = useConsole();
  const [plan, reload] = useRemote(() => client.plan(project), [project]);
  if (plan.state === 'failed') return <ErrorState error={plan.error} onRetry={reload} />;
  if (plan.state !== 'loaded') return <Loading />;
  return <>{children(plan.data)}</>;
}
