import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../api/problem';
import { problemErrors } from '../api/problem';
import type { SignedIn } from '../api/types';
import { useConsole, useT } from '../shell/context';
import { asApiError } from '../shell/useRemote';
import { SessionScreen } from './SessionScreen';
import { MIN_PASSWORD_LENGTH, newPasswordProblem, type Message } from './signIn';

interface PasswordForm {
  readonly current: string;
  readonly next: string;
  readonly confirmation: string;
}

/** A temporary password must be replaced before anything else (the server answers 403 until then). */
export default function PasswordChangePage(props: {
  readonly user: SignedIn;
  readonly onChanged: (user: SignedIn) => void;
  readonly onSignOut: () => void;
  readonly onSwitchLocale: () => void;
}) {
  const t = useT();
  const { client } = useConsole();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<Message | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);

  const submit = async ({ current, next, confirmation }: PasswordForm) => {
    setRefused(null);
    const problem = newPasswordProblem(props.user.username, next, confirmation);
    setInvalid(problem);
    if (problem) return;
    setBusy(true);
    try {
      const changed = await client.changePassword(current, next);
      void message.success(t('password.changed'));
      props.onChanged(changed);
    } catch (e) {
      setRefused(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <SessionScreen onSwitchLocale={props.onSwitchLocale}>
      <Typography.Title level={3} className="signin-title">
        {t('password.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('password.intro', { username: props.user.username })}</Typography.Paragraph>
      {invalid ? <Alert className="password-invalid" type="error" showIcon role="alert" message={t(invalid.key, invalid.params)} /> : null}
      {refused ? (
        <Alert
          className="password-refused"
          type="error"
          showIcon
          role="alert"
          message={refused.isNetworkFailure ? t('common.unreachable', { reason: refused.message }) : t('password.refused')}
          description={
            refused.isNetworkFailure ? null : (
              <>
                {refused.problem.detail ?? refused.problem.title}
                {problemErrors(refused.problem)
                  .filter((line) => !line.endsWith(refused.problem.detail ?? ''))
                  .map((line) => (
                    <div key={line}>{line}</div>
                  ))}
              </>
            )
          }
        />
      ) : null}
      <Form<PasswordForm>
        layout="vertical"
        size="large"
        requiredMark={false}
        className="signin-form"
        disabled={busy}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="current" label={t('password.current')} rules={[{ required: true, message: t('signIn.password.required') }]}>
          <Input.Password id="password-current" prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item name="next" label={t('password.new')} extra={t('password.hint', { min: MIN_PASSWORD_LENGTH })}>
          <Input.Password id="password-new" prefix={<LockOutlined />} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirmation" label={t('password.confirm')}>
          <Input.Password id="password-confirm" prefix={<LockOutlined />} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} className="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
      <Button type="link" className="signin-footer" onClick={props.onSignOut}>
        {t('session.signOut')}
      </Button>
    </SessionScreen>
  );
}
