// The replay actions of the data-quality page: the selection, "预览重放" (dry run) and "重放", the
// admins' "as back end" option with its warning, and the report of what happened to each record.
import { EyeOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../api/problem';
import type { QuarantinedRecord, ReplayReport, ReplayResult } from '../api/types';
import { useConsole, useT } from '../shell/context';
import { ErrorState } from '../shell/states';
import { asApiError } from '../shell/useRemote';
import { payloadEvent } from './grouping';
import { replayRequest, reportCounts, STATUS_COLORS, statusLabel, storedAny } from './replay';

export function ReplayBar(props: {
  available: boolean;
  allowed: boolean;
  asBackEndAllowed: boolean;
  selection: ReadonlySet<string>;
  records: readonly QuarantinedRecord[];
  onClear: () => void;
  onStored: () => void;
}) {
  const { available, allowed, asBackEndAllowed, selection, records, onClear, onStored } = props;
  const t = useT();
  const { client, project } = useConsole();
  const [asBackEnd, setAsBackEnd] = useState(false);
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [report, setReport] = useState<ReplayReport | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  if (!available) return <Alert className="replay-unavailable" type="info" showIcon message={t('replay.unavailable')} />;
  if (!allowed) return null;

  const count = selection.size;
  const run = async (dryRun: boolean) => {
    setBusy(dryRun ? 'dry' : 'run');
    setFailure(null);
    try {
      const answer = await client.replayQuarantine(project, replayRequest(selection, records, { dryRun, asBackEnd: asBackEnd && asBackEndAllowed }));
      setReport(answer);
      if (storedAny(answer)) onStored();
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card className="page-card replay-bar" size="small">
      <div className="replay-bar-line">
        <Space wrap>
          <Typography.Text strong className="replay-selected">
            {t('replay.selected', { count })}
          </Typography.Text>
          {count > 0 && (
            <Button type="link" size="small" onClick={onClear}>
              {t('replay.clear')}
            </Button>
          )}
          {asBackEndAllowed && (
            <Checkbox className="replay-as-back-end" checked={asBackEnd} onChange={(e) => setAsBackEnd(e.target.checked)}>
              {t('replay.asBackEnd')}
            </Checkbox>
          )}
        </Space>
        <Space>
          <Button icon={<EyeOutlined />} className="replay-dry-run" disabled={count === 0} loading={busy === 'dry'} onClick={() => run(true)}>
            {t('replay.dryRun')}
          </Button>
          <Popconfirm
            title={t('replay.confirm.title', { count })}
            description={t('replay.confirm.detail')}
            okText={t('replay.run')}
            okButtonProps={{ className: 'replay-confirm' }}
            cancelText={t('keys.cancel')}
            onConfirm={() => run(false)}
            disabled={count === 0}
          >
            <Button type="primary" icon={<RedoOutlined />} className="replay-run" disabled={count === 0} loading={busy === 'run'}>
              {t('replay.run')}
            </Button>
          </Popconfirm>
        </Space>
      </div>
      <Typography.Paragraph type="secondary" className="replay-hint">
        {t('replay.hint')}
      </Typography.Paragraph>
      {asBackEnd && asBackEndAllowed && <Alert className="replay-back-end-warning" type="warning" showIcon message={t('replay.asBackEnd.warning')} />}
      {failure && <ErrorState error={failure} />}
      <ReplayReportDialog report={report} records={records} onClose={() => setReport(null)} />
    </Card>
  );
}

function ReplayReportDialog({ report, records, onClose }: { report: ReplayReport | null; records: readonly QuarantinedRecord[]; onClose: () => void }) {
  const t = useT();
  const eventOf = (id: string) => {
    const record = records.find((r) => r.quarantine_id === id);
    return record ? (payloadEvent(record) ?? '') : '';
  };
  return (
    <Modal
      className="replay-report"
      width={760}
      open={report !== null}
      title={report?.dry_run ? t('replay.report.dry') : t('replay.report.run')}
      onCancel={onClose}
      footer={
        <Button type="primary" className="replay-report-close" onClick={onClose}>
          {t('replay.close')}
        </Button>
      }
    >
      {report && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap className="replay-counts">
            {reportCounts(report).map(({ status, count }) => (
              <Tag key={status} color={STATUS_COLORS[status]} className={`replay-count replay-count-${status}`}>
                {t(statusLabel(status))} {count}
              </Tag>
            ))}
          </Space>
          <Table<ReplayResult>
            className="replay-results"
            size="small"
            rowKey="quarantine_id"
            pagination={report.results.length > 10 ? { pageSize: 10, size: 'small' } : false}
            dataSource={[...report.results]}
            columns={[
              {
                title: t('replay.col.record'),
                render: (_, result) => (
                  <Space direction="vertical" size={0}>
                    <span>{eventOf(result.quarantine_id) || t('quality.unknownEvent')}</span>
                    <Typography.Text type="secondary" code>
                      {result.quarantine_id}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('replay.col.status'),
                width: 120,
                render: (_, result) => <Tag color={STATUS_COLORS[result.status]}>{t(statusLabel(result.status))}</Tag>,
              },
              {
                title: t('replay.col.detail'),
                render: (_, result) =>
                  result.status === 'still_invalid' ? (
                    <ul className="reasons">
                      {(result.reasons ?? []).map((reason, i) => (
                        <li key={`${reason.code}-${i}`}>
                          <Tag color="volcano">{reason.code}</Tag> {reason.message}
                        </li>
                      ))}
                    </ul>
                  ) : result.insert_id ? (
                    <Typography.Text className="replay-insert-id">{t('replay.insertId', { id: result.insert_id })}</Typography.Text>
                  ) : (
                    <span className="muted">—</span>
                  ),
              },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
