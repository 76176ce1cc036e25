// Runs an analysis when asked (and once at first, with the form's defaults): the request is built
// from the form state of the render that asked.
import { useCallback, useState } from 'react';
import { useRemote, type Remote } from '../shell/useRemote';

export function useAnalysis<T>(run: () => Promise<T>, runAtOnce = true): [Remote<T>, () => void] {
  const [runs, setRuns] = useState(runAtOnce ? 1 : 0);
  const [remote] = useRemote(runs > 0 ? run : null, [runs]);
  const again = useCallback(() => setRuns((n) => n + 1), []);
  return [remote, again];
}
