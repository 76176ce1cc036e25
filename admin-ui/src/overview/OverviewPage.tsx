import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Card, Col, Row, Space, Statistic, Tag } from 'antd';
import { healthTone, isKnownStatus, type HealthResult } from '../health';
import { mayReadQuarantine } from '../session/access';
import { useConsole, useDisplayName, useT } from '../shell/context';
import { ErrorState, Loading } from '../shell/states';
import { useRemote } from '../shell/useRemote';
import BarChart from './BarChart';

/** What exists today: server health, the plan's size, the quarantine; analysis metrics come later. */
export default function OverviewPage() {
  const t = useT();
  const name = useDisplayName();
  const { client, project, user } = useConsole();
  // Every role reads the plan; only some the quarantine (the server would answer 403).
  const readsQuarantine = user === null || mayReadQuarantine(user.role);
  const [health] = useRemote(() => client.health(), []);
  const [plan, reloadPlan] = useRemote(() => client.plan(project), [project]);
  const [quarantine] = useRemote(readsQuarantine ? () => client.quarantine(project, 1000) : null, [project, readsQuarantine]);
  const span = readsQuarantine ? 6 : 8;

  return (
    <Space direction="vertical" size="large" className="page">
      <Card className="page-card" title={t('status.heading')}>
        {health.state === 'loaded' ? <HealthLine result={health.data} /> : <Tag>{t('status.checking')}</Tag>}
      </Card>
      <Row gutter={16}>
        <Col span={span}>
          <Card className="page-card">
            <Statistic title={t('overview.planVersion')} value={plan.state === 'loaded' ? plan.data.version : '—'} prefix="v" />
          </Card>
        </Col>
        <Col span={span}>
          <Card className="page-card">
            <Statistic title={t('overview.events')} value={plan.state === 'loaded' ? plan.data.events.length : '—'} />
          </Card>
        </Col>
        <Col span={span}>
          <Card className="page-card">
            <Statistic title={t('overview.properties')} value={plan.state === 'loaded' ? plan.data.properties.length : '—'} />
          </Card>
        </Col>
        {readsQuarantine && (
          <Col span={span}>
            <Card className="page-card">
              <Statistic
                title={t('overview.quarantined')}
                value={quarantine.state === 'loaded' ? quarantine.data.records.length : '—'}
                valueStyle={{ color: '#cf1322' }}
              />
            </Card>
          </Col>
        )}
      </Row>
      <Card className="page-card" title={t('overview.eventsByLine')}>
        {plan.state === 'loading' && <Loading />}
        {plan.state === 'failed' && <ErrorState error={plan.error} onRetry={reloadPlan} />}
        {plan.state === 'loaded' && (
          <BarChart
            bars={plan.data.business_lines.map((line) => ({
              label: name(line.display_name, line.display_name_en, line.name),
              value: plan.data.events.filter((e) => e.business_line === line.name).length,
            }))}
          />
        )}
      </Card>
      <Alert type="info" showIcon message={t('overview.comingMetrics')} />
    </Space>
  );
}

function HealthLine({ result }: { result: HealthResult }) {
  const t = useT();
  const tone = healthTone(result);
  if (result.kind === 'unreachable') {
    return (
      <Space>
        <CloseCircleFilled style={{ color: '#cf1322' }} />
        {t('status.unreachable')} {t('status.unreachable.detail', { reason: result.reason })}
      </Space>
    );
  }
  const label = isKnownStatus(result.status) ? t(`status.${result.status}`) : t('status.other', { status: result.status });
  return (
    <Space>
      {tone === 'ok' ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#d48806' }} />}
      {label}
    </Space>
  );
}
