import { describe, expect, it } from 'vitest';
import { networkProblem, toProblem } from '../api/problem';
import { describeFailure } from './failure';

describe('analysis failures', () => {
  it('name the field of a refused request', () => {
    const problem = toProblem(400, 'Bad Request', {
      type: 'https://sextant.dev/problems/invalid-query',
      title: 'Invalid query',
      status: 400,
      detail: 'metrics[1].measure: sum, avg, min, max or distinct',
      field: 'metrics[1].measure',
    });
    expect(describeFailure(problem)).toEqual({
      kind: 'invalid',
      status: 400,
      title: 'Invalid query',
      detail: 'metrics[1].measure: sum, avg, min, max or distinct',
      field: 'metrics[1].measure',
    });
  });

  it('pass on an analysis the server cannot run yet', () => {
    const problem = toProblem(400, 'Bad Request', {
      type: 'https://sextant.dev/problems/invalid-query',
      title: 'Invalid query',
      status: 400,
      detail: 'analysis: FunnelAnalysis is not compiled yet',
      field: 'analysis',
    });
    const failure = describeFailure(problem);
    expect(failure.kind).toBe('invalid');
    expect(failure.detail).toContain('FunnelAnalysis is not compiled yet');
  });

  it('tell a timeout from other failures', () => {
    const timeout = toProblem(504, 'Gateway Timeout', {
      type: 'https://sextant.dev/problems/query-timeout',
      title: 'Analysis timed out',
      status: 504,
      detail: 'stopped after 60 s',
    });
    expect(describeFailure(timeout)).toMatchObject({ kind: 'timeout', field: null, detail: 'stopped after 60 s' });
    expect(describeFailure(toProblem(502, 'Bad Gateway', '<html>')).kind).toBe('other');
    expect(describeFailure(networkProblem('connection refused')).kind).toBe('unreachable');
  });
});
