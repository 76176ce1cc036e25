// Entry point: picks the language (?lang= → remembered choice → zh-CN) and the project
// (?project= → remembered → demo), then mounts the console behind its sign-in.
import '@ant-design/v5-patch-for-react-19';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveLocale } from './i18n';
import SessionGate from './session/SessionGate';
import './style.css';

const LOCALE_KEY = 'sextant.locale';
const PROJECT_KEY = 'sextant.project';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled (privacy mode, sandboxed frame)
  }
}

function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // not remembered, that's all
  }
}

const root = document.getElementById('app');
if (root) {
  const query = new URLSearchParams(window.location.search);
  createRoot(root).render(
    <StrictMode>
      <SessionGate
        initialLocale={resolveLocale(query.get('lang'), read(LOCALE_KEY))}
        initialProject={query.get('project') ?? read(PROJECT_KEY) ?? 'demo'}
        onLocaleChange={(locale) => remember(LOCALE_KEY, locale)}
        onProjectChange={(project) => remember(PROJECT_KEY, project)}
      />
    </StrictMode>,
  );
}
