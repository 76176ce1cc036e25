// The loading, empty and error states every page shows the same way.
import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/problem';
import { problemErrors } from '../api/problem';
import { useT } from './context';

export function Loading() {
  const t = useT();
  return (
    <div className="state state-loading" role="status">
      <Spin size="large" />
      <div className="state-text">{t('common.loading')}</div>
    </div>
  );
}

export function EmptyState({ description, children }: { description: ReactNode; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <Empty description={description}>{children}</Empty>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  const details = problemErrors(error.problem);
  const message = error.isNetworkFailure
    ? t('common.unreachable', { reason: error.message })
    : `${t('common.error')}（${error.problem.status} ${error.problem.title}）`;
  return (
    <Alert
      className="state-error"
      type="error"
      showIcon
      message={message}
      description={
        <>
          {!error.isNetworkFailure && error.problem.detail ? <div>{error.problem.detail}</div> : null}
          {details.length > 0 ? (
            <ul>
              {details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
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
