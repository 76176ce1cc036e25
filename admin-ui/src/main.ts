// Entry point: picks the language (?lang= → remembered choice → zh-CN), mounts the page and
// checks the server's health.
import './style.css';
import { fetchHealth } from './api';
import { mountApp } from './app';
import { resolveLocale } from './i18n';

const LOCALE_KEY = 'sextant.locale';

function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_KEY);
  } catch {
    return null; // storage disabled (privacy mode, sandboxed frame)
  }
}

function storeLocale(locale: string): void {
  try {
    window.localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // not remembered, that's all
  }
}

const root = document.getElementById('app');
if (root) {
  const query = new URLSearchParams(window.location.search).get('lang');
  const app = mountApp(root, {
    locale: resolveLocale(query, readStoredLocale()),
    fetchHealth: () => fetchHealth(),
    onLocaleChange: storeLocale,
  });
  void app.refreshHealth();
}
