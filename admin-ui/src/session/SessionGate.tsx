import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SextantClient } from '../api/client';
import type { SignedIn } from '../api/types';
import { otherLocale, translate, type Locale } from '../i18n';
import App from '../shell/App';
import { ConsoleContext } from '../shell/context';
import { ErrorState, Loading } from '../shell/states';
import { asApiError } from '../shell/useRemote';
import PasswordChangePage from './PasswordChangePage';
import SignInPage from './SignInPage';
import { sessionEndedNotice } from './signIn';
import { sessionState, type SessionState } from './state';

export interface SessionGateProps {
  readonly initialLocale: Locale;
  readonly initialProject: string;
  readonly onLocaleChange: (locale: Locale) => void;
  readonly onProjectChange: (project: string) => void;
  /** The API client; tests pass one over a fake server. */
  readonly client?: SextantClient;
}

/**
 * The console's root: reads the session, then shows the sign-in page, the forced password change
 * or the console. Any API call answered 401 (the session ended) brings the sign-in page back.
 */
export default function SessionGate({ initialLocale, initialProject, onLocaleChange, onProjectChange, client: given }: SessionGateProps) {
  const client = useMemo(() => given ?? new SextantClient(), [given]);
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [state, setState] = useState<SessionState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    client.session().then(
      (session) => current && setState(sessionState(session)),
      (error: unknown) => current && setState({ kind: 'unreachable', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, attempt]);

  // Set from the moment the user signs out: requests still in flight are refused then too (401),
  // which is no news; only a session that ends on its own says so.
  const signingOut = useRef(false);
  useEffect(
    () =>
      client.onUnauthenticated((error) => {
        if (!signingOut.current) setState({ kind: 'signedOut', notice: sessionEndedNotice(error) });
      }),
    [client],
  );

  useEffect(() => {
    document.documentElement.lang = locale;
    if (state.kind !== 'signedIn') document.title = `${translate(locale, 'signIn.title')} · Sextant 六分仪`;
  });

  const switchLocale = useCallback(() => {
    const next = otherLocale(locale);
    setLocale(next);
    onLocaleChange(next);
  }, [locale, onLocaleChange]);

  const signedIn = (user: SignedIn) => {
    signingOut.current = false;
    setState(sessionState(user));
  };
  const signOut = async () => {
    signingOut.current = true;
    try {
      await client.signOut();
    } finally {
      setState({ kind: 'signedOut', notice: { key: 'signIn.signedOut' } });
    }
  };

  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f5fd6', borderRadius: 6 } }}>
      <AntApp>
        <ConsoleContext.Provider value={{ locale, project: initialProject, client, user: null }}>
          {state.kind === 'checking' && (
            <div className="session-checking">
              <Loading />
            </div>
          )}
          {state.kind === 'unreachable' && (
            <div className="session-checking">
              <ErrorState error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
            </div>
          )}
          {state.kind === 'signedOut' && <SignInPage notice={state.notice} onSignedIn={signedIn} onSwitchLocale={switchLocale} />}
          {state.kind === 'mustChangePassword' && (
            <PasswordChangePage
              user={state.user}
              onChanged={signedIn}
              onSignOut={() => void signOut()}
              onSwitchLocale={switchLocale}
            />
          )}
          {state.kind === 'signedIn' && (
            <App
              client={client}
              user={state.user}
              locale={locale}
              onSwitchLocale={switchLocale}
              onSignOut={() => void signOut()}
              initialProject={initialProject}
              onProjectChange={onProjectChange}
            />
          )}
        </ConsoleContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
