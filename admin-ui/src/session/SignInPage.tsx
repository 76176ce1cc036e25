import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../api/problem';
import type { SignedIn } from '../api/types';
import { useConsole, useT } from '../shell/context';
import { asApiError } from '../shell/useRemote';
import { SessionScreen } from './SessionScreen';
import { signInFailure, type Message } from './signIn';

interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** The console's front door: username and password, and what went wrong in plain words. */
export default function SignInPage(props: {
  readonly notice: Message | null;
  readonly onSignedIn: (user: SignedIn) => void;
  readonly onSwitchLocale: () => void;
}) {
  const t = useT();
  const { client, locale } = useConsole();
  const [form] = Form.useForm<Credentials>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Throttling is per username: typing another one clears the wait of the one refused.
  const [refusedUsername, setRefusedUsername] = useState('');
  const waitLeft = useCountdown(error?.code === 'sign-in-throttled' ? error : null);
  const throttled = waitLeft !== null && waitLeft > 0;

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await client.signIn(username.trim(), password));
    } catch (e) {
      setError(asApiError(e));
      setRefusedUsername(username.trim());
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  const failure = error ? signInFailure(error, locale, waitLeft ?? undefined) : null;
  const shown = throttled || error?.code !== 'sign-in-throttled' ? failure : null;
  return (
    <SessionScreen onSwitchLocale={props.onSwitchLocale}>
      <Typography.Title level={3} className="signin-title">
        {t('signIn.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
      {props.notice && !error ? (
        <Alert className="signin-notice" type="info" showIcon message={t(props.notice.key, props.notice.params)} />
      ) : null}
      {shown ? (
        <Alert
          className={`signin-error${error?.code === 'sign-in-throttled' ? ' signin-throttled' : ''}`}
          type={error?.code === 'sign-in-throttled' ? 'warning' : 'error'}
          showIcon
          role="alert"
          message={t(shown.key, shown.params)}
        />
      ) : null}
      <Form<Credentials>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        className="signin-form"
        disabled={busy}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<Credentials>) => {
          if (changed.username !== undefined && changed.username.trim() !== refusedUsername && error?.code === 'sign-in-throttled') {
            setError(null);
          }
        }}
      >
        <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, whitespace: true, message: t('signIn.username.required') }]}>
          <Input id="signin-username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.password.required') }]}>
          <Input.Password id="signin-password" prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} disabled={throttled} className="signin-submit">
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" className="signin-footer">
        {t('signIn.footer')}
      </Typography.Paragraph>
    </SessionScreen>
  );
}

/** Seconds left of a throttle's Retry-After, ticking down; null without a throttle. */
function useCountdown(throttle: ApiError | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  const [until, setUntil] = useState<number | null>(null);
  useEffect(() => {
    if (throttle === null) {
      setUntil(null);
      return undefined;
    }
    const start = Date.now();
    setNow(start);
    setUntil(start + (throttle.retryAfterSeconds ?? 60) * 1000);
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [throttle]);
  return until === null ? null : Math.max(0, Math.ceil((until - now) / 1000));
}
