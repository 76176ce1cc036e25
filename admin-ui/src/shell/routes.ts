// Hash routes (`#/customer?user=u1001`): the server serves index.html at / only, so the console
// keeps its page in the fragment.
import type { MessageKey } from '../i18n';

export const PAGES = ['overview', 'events', 'sessions', 'funnels', 'retention', 'distributions', 'segments', 'customer', 'plan', 'quality', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export const PAGE_TITLES: Readonly<Record<Page, MessageKey>> = {
  overview: 'nav.overview',
  events: 'nav.events',
  sessions: 'nav.sessions',
  funnels: 'nav.funnels',
  retention: 'nav.retention',
  distributions: 'nav.distributions',
  segments: 'nav.segments',
  customer: 'nav.customer',
  plan: 'nav.plan',
  quality: 'nav.quality',
  settings: 'nav.settings',
};

export interface Route {
  readonly page: Page;
  readonly params: URLSearchParams;
}

/** Reads `#/page?query`; an unknown or missing page is the overview. */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = text.split('?', 2);
  const page = (PAGES as readonly string[]).includes(path) ? (path as Page) : 'overview';
  return { page, params: new URLSearchParams(query) };
}

export function routeHash(page: Page, params: Readonly<Record<string, string>> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${page}${query === '' ? '' : `?${query}`}`;
}

/** Pages whose route query only presets a form: a new query (a shared link) starts the page afresh. */
const PRESET_PAGES: ReadonlySet<Page> = new Set(['events', 'sessions', 'funnels', 'retention', 'distributions']);

/**
 * The React key of the page shown: a page remounts when the project changes, and an analysis page
 * also when its query changes, since its form state was initialised from the query.
 */
export function pageKey(route: Route, project: string): string {
  return PRESET_PAGES.has(route.page) ? `${route.page}-${project}?${route.params.toString()}` : `${route.page}-${project}`;
}
