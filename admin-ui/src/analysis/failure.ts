// What an analysis page says when the server refuses or gives up: a refused request (400
// invalid-query) names the field, a timeout (504) says to narrow the query, anything else shows
// the problem as it came.
import { problemCode, problemField, type ProblemDetail } from '../api/problem';

export type FailureKind = 'invalid' | 'timeout' | 'unreachable' | 'other';

export interface AnalysisFailure {
  readonly kind: FailureKind;
  readonly status: number;
  readonly title: string;
  /** The server's explanation, e.g. `metrics[1].measure: sum, avg, min, max or distinct`. */
  readonly detail: string | null;
  /** The request field at fault, e.g. `metrics[1].measure`; null when the server names none. */
  readonly field: string | null;
}

export function describeFailure(problem: ProblemDetail): AnalysisFailure {
  const code = problemCode(problem.type);
  const kind: FailureKind =
    problem.status === 0
      ? 'unreachable'
      : code === 'query-timeout' || problem.status === 504
        ? 'timeout'
        : code === 'invalid-query' || problem.status === 400
          ? 'invalid'
          : 'other';
  return { kind, status: problem.status, title: problem.title, detail: problem.detail, field: problemField(problem) };
}
