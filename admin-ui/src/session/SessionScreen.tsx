import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../shell/context';

/** The frame of the screens before the console: the product on the left, a form on the right. */
export function SessionScreen(props: { readonly onSwitchLocale: () => void; readonly children: ReactNode }) {
  const t = useT();
  return (
    <div className="session-screen">
      <section className="session-brand" aria-hidden="true">
        <div className="session-brand-name">
          <span className="brand-mark">◢</span>
          {t('app.title')}
        </div>
        <div className="session-brand-body">
          <div className="session-tagline">{t('app.tagline')}</div>
          <div className="session-features">{t('app.features')}</div>
        </div>
        <div className="session-brand-foot">© Sextant</div>
      </section>
      <main className="session-panel">
        <div className="session-lang">
          <Button type="text" aria-label={t('lang.switch.aria')} onClick={props.onSwitchLocale} className="lang-switch">
            {t('lang.switch')}
          </Button>
        </div>
        <div className="session-screen-card">{props.children}</div>
      </main>
    </div>
  );
}
