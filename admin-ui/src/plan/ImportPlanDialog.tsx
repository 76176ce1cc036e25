import { App, Alert, Button, Input, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../api/problem';
import type { PlanChangeOutcome } from '../api/types';
import { useConsole, useT } from '../shell/context';
import { ErrorState } from '../shell/states';
import { asApiError } from '../shell/useRemote';
import { ChangeList } from './ChangeList';

/** Import a YAML plan: a dry run shows the diff first; saving needs a preview of the same text. */
export default function ImportPlanDialog(props: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { client, project } = useConsole();
  const { message } = App.useApp();
  const [yaml, setYaml] = useState('');
  const [preview, setPreview] = useState<PlanChangeOutcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await client.importPlan(project, yaml, dryRun);
      if (dryRun) {
        setPreview(outcome);
      } else {
        void message.success(t('plan.saved', { version: outcome.version }));
        setPreview(null);
        props.onSaved();
      }
    } catch (e) {
      setError(asApiError(e));
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  const edit = (text: string) => {
    setYaml(text);
    setPreview(null);
  };

  return (
    <Modal
      open={props.open}
      width={880}
      title={t('plan.import')}
      onCancel={props.onClose}
      footer={
        <Space>
          <Button onClick={() => void run(true)} loading={busy && preview === null} disabled={yaml.trim() === ''}>
            {t('plan.preview')}
          </Button>
          <Button
            type="primary"
            onClick={() => void run(false)}
            loading={busy && preview !== null}
            disabled={preview === null || preview.changes.length === 0}
          >
            {t('plan.apply')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('plan.importHint')}</Typography.Text>
        <Upload
          accept=".yaml,.yml,application/yaml,text/yaml"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(edit);
            return false;
          }}
        >
          <Button>{t('plan.chooseFile')}</Button>
        </Upload>
        <Input.TextArea
          className="yaml-input"
          value={yaml}
          onChange={(e) => edit(e.target.value)}
          autoSize={{ minRows: 8, maxRows: 16 }}
          spellCheck={false}
        />
        {error && <ErrorState error={error} />}
        {preview &&
          (preview.changes.length === 0 ? (
            <Alert type="info" showIcon message={t('plan.noChanges')} />
          ) : (
            <>
              <Alert
                type="warning"
                showIcon
                message={t('plan.changes', {
                  count: preview.changes.length,
                  base: preview.base_version,
                  version: preview.version,
                })}
              />
              <ChangeList changes={preview.changes} />
            </>
          ))}
      </Space>
    </Modal>
  );
}
