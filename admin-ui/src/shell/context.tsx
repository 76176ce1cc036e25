// What every page needs: the locale with its message lookup, the project, the API client and who
// is signed in.
import { createContext, useContext } from 'react';
import { SextantClient } from '../api/client';
import type { SignedIn } from '../api/types';
import { DEFAULT_LOCALE, translate, type Locale, type MessageKey, type Params } from '../i18n';

export interface Console {
  readonly locale: Locale;
  readonly project: string;
  readonly client: SextantClient;
  /** Null on the sign-in page (and in tests of pages that do not depend on the role). */
  readonly user: SignedIn | null;
}

export const ConsoleContext = createContext<Console>({
  locale: DEFAULT_LOCALE,
  project: 'demo',
  client: new SextantClient(),
  user: null,
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
