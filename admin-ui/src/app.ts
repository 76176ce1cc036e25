// The placeholder console page: product name, feature line, server health, API endpoints.
// Plain DOM (no framework yet); everything is rebuilt on each state change, which is fine at this size.
import { API_ENDPOINTS } from './api';
import { healthTone, isKnownStatus, type HealthResult } from './health';
import { otherLocale, translate, type Locale, type MessageKey, type Params } from './i18n';

export interface AppOptions {
  readonly locale: Locale;
  readonly fetchHealth: () => Promise<HealthResult>;
  /** Called after the user switched language, e.g. to remember the choice. */
  readonly onLocaleChange?: (locale: Locale) => void;
}

export interface App {
  readonly locale: () => Locale;
  readonly setLocale: (locale: Locale) => void;
  /** Fetches the health again; resolves once the page shows the answer. */
  readonly refreshHealth: () => Promise<void>;
}

type HealthState = { readonly kind: 'checking' } | HealthResult;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
  ...children: ReadonlyArray<Node | string>
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Text shown for a health state in a locale. */
export function healthText(locale: Locale, state: HealthState): string {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  if (state.kind === 'checking') return t('status.checking');
  if (state.kind === 'unreachable') return t('status.unreachable');
  return isKnownStatus(state.status)
    ? t(`status.${state.status}`)
    : t('status.other', { status: state.status });
}

export function mountApp(root: HTMLElement, options: AppOptions): App {
  const doc = root.ownerDocument;
  let locale = options.locale;
  let health: HealthState = { kind: 'checking' };
  let generation = 0;

  const render = (): void => {
    const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
    doc.documentElement.lang = locale;
    doc.title = t('app.title');

    const langButton = el(doc, 'button', {
      type: 'button',
      class: 'lang-switch',
      'aria-label': t('lang.switch.aria'),
      lang: otherLocale(locale),
    }, t('lang.switch'));
    langButton.addEventListener('click', () => {
      setLocale(otherLocale(locale));
      options.onLocaleChange?.(locale);
      // The page was rebuilt: keep keyboard focus on the (new) switch.
      root.querySelector<HTMLButtonElement>('.lang-switch')?.focus();
    });

    const tone = health.kind === 'checking' ? 'checking' : healthTone(health);
    const statusLine = el(doc, 'p', { class: `status status--${tone}`, role: 'status' },
      el(doc, 'span', { class: 'status__dot', 'aria-hidden': 'true' }),
      el(doc, 'span', { class: 'status__text' }, healthText(locale, health)));
    const statusCard = el(doc, 'section', { class: 'card', 'aria-labelledby': 'status-heading' },
      el(doc, 'h2', { id: 'status-heading' }, t('status.heading')), statusLine);
    if (health.kind === 'unreachable') {
      const detail = t('status.unreachable.detail', { reason: health.reason });
      statusCard.append(el(doc, 'p', { class: 'muted' }, detail));
    }
    if (health.kind !== 'checking') {
      const retry = el(doc, 'button', { type: 'button', class: 'retry' }, t('status.retry'));
      retry.addEventListener('click', () => void refreshHealth());
      statusCard.append(retry);
    }

    const endpoints = el(doc, 'ul', { class: 'endpoints' },
      ...API_ENDPOINTS.map((endpoint) => {
        const path = el(doc, 'code', {}, endpoint.path);
        return el(doc, 'li', {},
          el(doc, 'span', { class: `method method--${endpoint.method.toLowerCase()}` }, endpoint.method),
          endpoint.href === null ? path : el(doc, 'a', { href: endpoint.href }, path),
          el(doc, 'span', { class: 'muted' }, t(endpoint.description)));
      }));

    root.replaceChildren(
      el(doc, 'header', { class: 'masthead' },
        el(doc, 'div', {},
          el(doc, 'h1', {}, t('app.title')),
          el(doc, 'p', { class: 'tagline' }, t('app.tagline'))),
        langButton),
      el(doc, 'p', { class: 'features' }, t('app.features')),
      statusCard,
      el(doc, 'section', { class: 'card', 'aria-labelledby': 'api-heading' },
        el(doc, 'h2', { id: 'api-heading' }, t('api.heading')), endpoints),
      el(doc, 'footer', { class: 'muted' }, t('footer.note')));
  };

  const setLocale = (next: Locale): void => {
    locale = next;
    render();
  };

  const refreshHealth = async (): Promise<void> => {
    const mine = ++generation;
    health = { kind: 'checking' };
    render();
    const result = await options.fetchHealth();
    if (mine === generation) {
      health = result;
      render();
    }
  };

  render();
  return { locale: () => locale, setLocale, refreshHealth };
}
