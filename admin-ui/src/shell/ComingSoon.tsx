import { Button, Card, Result } from 'antd';
import { useT } from './context';
import type { MessageKey } from '../i18n';

/** A page of the console that is not built yet. */
export default function ComingSoon({ title }: { title: MessageKey }) {
  const t = useT();
  return (
    <Card className="page-card">
      <Result
        status="info"
        title={t('common.soon')}
        subTitle={t('common.soon.detail', { page: t(title) })}
        extra={
          <Button type="primary" href="#/customer">
            {t('nav.customer')}
          </Button>
        }
      />
    </Card>
  );
}
