// Loads something from the API with loading / error / data states; `reload` asks again.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, networkProblem } from '../api/problem';

export type Remote<T> =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: ApiError }
  | { readonly state: 'loaded'; readonly data: T };

export function useRemote<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): [Remote<T>, () => void] {
  const [remote, setRemote] = useState<Remote<T>>(load ? { state: 'loading' } : { state: 'idle' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!load) {
      setRemote({ state: 'idle' });
      return undefined;
    }
    let current = true;
    setRemote({ state: 'loading' });
    load().then(
      (data) => current && setRemote({ state: 'loaded', data }),
      (error: unknown) => current && setRemote({ state: 'failed', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; the caller names what it depends on in `deps`.
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [remote, reload];
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(networkProblem(error instanceof Error ? error.message : String(error)));
}
