// 项目设置: the project's API keys (admins only; docs/security.md, "Project API keys"): list, create,
// rotate with a grace period, revoke; a new key's text is shown once, in a dialog.
import { CopyOutlined, KeyOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Radio, Result, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { ApiKey, ApiKeyKind } from '../api/types';
import { mayManageApiKeys } from '../session/access';
import { useConsole, useT } from '../shell/context';
import { formatInstant } from '../shell/format';
import { EmptyState, ErrorState, Loading } from '../shell/states';
import { asApiError, useRemote } from '../shell/useRemote';
import { ApiError } from '../api/problem';
import {
  DEFAULT_GRACE_SECONDS,
  endOf,
  GRACE_CHOICES,
  KEY_KINDS,
  mayRevoke,
  mayRotate,
  nameProblem,
  sortKeys,
  STATUS_COLORS,
  statusLabel,
} from './keys';

export default function ProjectSettingsPage() {
  const t = useT();
  const { user } = useConsole();
  if (user !== null && !mayManageApiKeys(user.role)) return <Result status="403" title={t('keys.forbidden')} />;
  return (
    <Card className="page-card settings-card">
      <Tabs items={[{ key: 'keys', label: <span><KeyOutlined /> {t('settings.keys')}</span>, children: <KeysPanel /> }]} />
    </Card>
  );
}

/** A key just issued, whose text is shown this once; `rotated` is the key it replaces. */
interface Revealed {
  readonly key: ApiKey;
  readonly rotated: ApiKey | null;
}

function KeysPanel() {
  const t = useT();
  const { client, project, locale } = useConsole();
  const [keys, reload] = useRemote(() => client.apiKeys(project), [project]);
  // Times in the project's zone, as everywhere in the console; the plan only supplies it.
  const [plan] = useRemote(() => client.plan(project).catch(() => null), [project]);
  const zone = plan.state === 'loaded' && plan.data ? plan.data.settings.time_zone : 'Asia/Shanghai';
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<ApiKey | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [toast, toastHolder] = message.useMessage();

  const revoke = async (key: ApiKey) => {
    setFailure(null);
    try {
      await client.revokeApiKey(project, key.id);
      void toast.success(t('keys.revoked', { name: key.name }));
    } catch (error) {
      setFailure(asApiError(error));
    }
    reload();
  };

  return (
    <Space direction="vertical" size="middle" className="page keys-panel">
      {toastHolder}
      <div className="keys-intro">
        <div>
          <Typography.Paragraph type="secondary" className="keys-hint">
            {t('keys.hint')}
          </Typography.Paragraph>
          <Alert className="keys-back-end" type="info" showIcon icon={<SafetyCertificateOutlined />} message={t('keys.backEndHint')} />
        </div>
        <Button type="primary" icon={<PlusOutlined />} className="create-key" onClick={() => setCreating(true)}>
          {t('keys.create')}
        </Button>
      </div>
      {failure && <ErrorState error={failure} />}
      {keys.state === 'loading' || keys.state === 'idle' ? <Loading /> : null}
      {keys.state === 'failed' && <ErrorState error={keys.error} onRetry={reload} />}
      {keys.state === 'loaded' && keys.data.length === 0 && (
        <EmptyState description={t('keys.empty')}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('keys.create')}
          </Button>
        </EmptyState>
      )}
      {keys.state === 'loaded' && keys.data.length > 0 && (
        <Table<ApiKey>
          className="keys-table"
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={sortKeys(keys.data)}
          columns={[
            {
              title: t('keys.col.name'),
              render: (_, key) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{key.name}</Typography.Text>
                  {key.created_by ? <Typography.Text type="secondary">{t('keys.createdBy', { user: key.created_by })}</Typography.Text> : null}
                </Space>
              ),
            },
            {
              title: t('keys.col.kind'),
              width: 110,
              render: (_, key) => <Tag color={key.kind === 'secret' ? 'purple' : 'blue'}>{t(`keys.kind.${key.kind}`)}</Tag>,
            },
            { title: t('keys.col.hint'), width: 170, render: (_, key) => <Typography.Text code>{key.hint}…</Typography.Text> },
            {
              title: t('keys.col.status'),
              width: 110,
              render: (_, key) => (
                <Tag className="key-status" color={STATUS_COLORS[key.status]}>
                  {t(statusLabel(key.status))}
                </Tag>
              ),
            },
            { title: t('keys.col.created'), width: 190, render: (_, key) => formatInstant(key.created_at, locale, zone) },
            {
              title: t('keys.col.end'),
              width: 190,
              render: (_, key) => {
                const end = endOf(key);
                return end === null ? <span className="muted">—</span> : formatInstant(end, locale, zone);
              },
            },
            {
              title: t('keys.col.actions'),
              width: 160,
              render: (_, key) => (
                <Space size={4}>
                  {mayRotate(key) && (
                    <Button size="small" type="link" className="rotate-key" onClick={() => setRotating(key)}>
                      {t('keys.rotate')}
                    </Button>
                  )}
                  {mayRevoke(key) && (
                    <Popconfirm
                      title={t('keys.revoke.title', { name: key.name })}
                      description={<div className="revoke-detail">{t('keys.revoke.detail')}</div>}
                      okText={t('keys.revoke.confirm')}
                      okButtonProps={{ danger: true, className: 'confirm-revoke' }}
                      cancelText={t('keys.cancel')}
                      onConfirm={() => revoke(key)}
                    >
                      <Button size="small" type="link" danger className="revoke-key">
                        {t('keys.revoke')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <CreateKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setRevealed({ key, rotated: null });
          reload();
        }}
      />
      <RotateKeyDialog
        apiKey={rotating}
        onClose={() => setRotating(null)}
        onRotated={(key, old) => {
          setRotating(null);
          setRevealed({ key, rotated: old });
          reload();
        }}
      />
      <KeyRevealDialog revealed={revealed} zone={zone} onClose={() => setRevealed(null)} />
    </Space>
  );
}

function CreateKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (key: ApiKey) => void }) {
  const t = useT();
  const { client, project } = useConsole();
  const [kind, setKind] = useState<ApiKeyKind>('public');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const problem = nameProblem(name);

  const submit = async () => {
    setTouched(true);
    if (problem !== null) return;
    setBusy(true);
    setFailure(null);
    try {
      const key = await client.createApiKey(project, { kind, name: name.trim() });
      setName('');
      setTouched(false);
      onCreated(key);
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      className="create-key-dialog"
      title={t('keys.create')}
      open={open}
      onCancel={onClose}
      okText={t('keys.createSubmit')}
      cancelText={t('keys.cancel')}
      okButtonProps={{ className: 'create-key-submit', loading: busy }}
      onOk={submit}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('keys.kind')}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ApiKeyKind)} className="key-kinds">
            <Space direction="vertical">
              {KEY_KINDS.map((k) => (
                <Radio key={k} value={k} className={`key-kind-${k}`}>
                  <Typography.Text strong>{t(`keys.kind.${k}`)}</Typography.Text>
                  <div className="muted key-kind-detail">{t(`keys.kind.${k}.detail`)}</div>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('keys.name')}
          {...(touched && problem !== null ? { validateStatus: 'error' as const, help: t(problem) } : {})}
        >
          <Input id="key-name" value={name} placeholder={t('keys.name.placeholder')} onChange={(e) => setName(e.target.value)} onPressEnter={submit} />
        </Form.Item>
      </Form>
      {failure && <ErrorState error={failure} />}
    </Modal>
  );
}

function RotateKeyDialog({ apiKey, onClose, onRotated }: { apiKey: ApiKey | null; onClose: () => void; onRotated: (key: ApiKey, old: ApiKey) => void }) {
  const t = useT();
  const { client, project } = useConsole();
  const [grace, setGrace] = useState(DEFAULT_GRACE_SECONDS);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const submit = async () => {
    if (apiKey === null) return;
    setBusy(true);
    setFailure(null);
    try {
      const successor = await client.rotateApiKey(project, apiKey.id, { grace_seconds: grace });
      const old = (await client.apiKeys(project)).find((k) => k.id === apiKey.id) ?? apiKey;
      onRotated(successor, old);
      setGrace(DEFAULT_GRACE_SECONDS);
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      className="rotate-key-dialog"
      title={apiKey ? t('keys.rotate.title', { name: apiKey.name }) : ''}
      open={apiKey !== null}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      okText={t('keys.rotate.submit')}
      cancelText={t('keys.cancel')}
      okButtonProps={{ className: 'rotate-key-submit', loading: busy }}
      onOk={submit}
    >
      <Typography.Paragraph type="secondary">{t('keys.rotate.detail')}</Typography.Paragraph>
      <Typography.Text strong>{t('keys.rotate.grace')}</Typography.Text>
      <div className="grace-choices">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={grace}
          onChange={(e) => setGrace(e.target.value as number)}
          options={GRACE_CHOICES.map((choice) => ({ value: choice.seconds, label: t(choice.label) }))}
        />
      </div>
      {failure && <ErrorState error={failure} />}
    </Modal>
  );
}

function KeyRevealDialog({ revealed, zone, onClose }: { revealed: Revealed | null; zone: string; onClose: () => void }) {
  const t = useT();
  const { locale } = useConsole();
  const [toast, toastHolder] = message.useMessage();
  const text = revealed?.key.key ?? '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      void toast.success(t('keys.reveal.copied'));
    } catch {
      void toast.warning(t('keys.reveal.copyFailed'));
    }
  };
  const oldEnd = revealed?.rotated ? endOf(revealed.rotated) : null;
  return (
    <Modal
      className="key-reveal"
      title={
        <Space>
          <KeyOutlined />
          {revealed?.rotated ? t('keys.reveal.rotated') : t('keys.reveal.created')}
        </Space>
      }
      open={revealed !== null}
      closable={false}
      maskClosable={false}
      keyboard={false}
      onCancel={onClose}
      footer={
        <Button type="primary" className="key-reveal-done" onClick={onClose}>
          {t('keys.reveal.done')}
        </Button>
      }
      destroyOnHidden
    >
      {toastHolder}
      {revealed && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert className="key-reveal-warning" type="warning" showIcon message={t('keys.reveal.warning')} />
          <Space>
            <Tag color={revealed.key.kind === 'secret' ? 'purple' : 'blue'}>{t(`keys.kind.${revealed.key.kind}`)}</Tag>
            <Typography.Text strong>{revealed.key.name}</Typography.Text>
          </Space>
          <Space.Compact style={{ width: '100%' }}>
            <Input readOnly value={text} className="key-text" onFocus={(e) => e.target.select()} />
            <Button icon={<CopyOutlined />} className="key-copy" onClick={copy}>
              {t('keys.reveal.copy')}
            </Button>
          </Space.Compact>
          {revealed.rotated && (
            <Typography.Text type="secondary" className="key-reveal-old">
              {oldEnd === null || Date.parse(oldEnd) <= Date.now()
                ? t('keys.reveal.oldKeyNow')
                : t('keys.reveal.oldKey', { time: formatInstant(oldEnd, locale, zone) })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Modal>
  );
}
