// What every page needs: the locale with its message lookup, the project, and the API client.
import { createContext, useContext } from 'react';
import { SextantClient } from '../api/client';
import { DEFAULT_LOCALE, translate, type Locale, type MessageKey, type Params } from '../i18n';

export interface Console {
  readonly locale: Locale;
  readonly project: string;
  readonly client: SextantClient;
}

export const ConsoleContext = createContext<Console>({
  locale: DEFAULT_LOCALE,
  project: 'demo',
  client: new SextantClient(),
});

export function useConsole(): Console {
  return useContext(ConsoleContext);
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function useT(): Translate {
  const { locale } = useConsole();
  return (key, params) => translate(locale, key, params);
}

/** A display name in the console's language: the English one when there is one, else the Chinese. */
export function useDisplayName(): (zh: string | null, en: string | null, fallback: string) => string {
  const { locale } = useConsole();
  return (zh, en, fallback) => (locale === 'en' ? (en ?? zh ?? fallback) : (zh ?? en ?? fallback));
}
