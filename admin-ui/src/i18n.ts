// Message catalogue and lookup. Chinese (zh-CN) first: it is the default locale and the fallback
// for any message missing from another locale.

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const zhCN = {
  'app.title': 'Sextant 六分仪',
  'app.tagline': '自托管的金融 App 事件分析平台',
  'app.features': '事件分析 · 漏斗 · 留存 · 用户分群 · 用户行为序列',
  'lang.switch': 'English',
  'lang.switch.aria': '切换到英文',
  'status.heading': '服务状态',
  'status.checking': '正在检查…',
  'status.UP': '运行正常',
  'status.DOWN': '服务异常',
  'status.OUT_OF_SERVICE': '暂停服务',
  'status.UNKNOWN': '状态未知',
  'status.other': '状态：{status}',
  'status.unreachable': '无法连接到 Sextant 服务器，请确认服务已启动（默认端口 8080）。',
  'status.unreachable.detail': '原因：{reason}',
  'status.retry': '重新检查',
  'api.heading': 'API 接口',
  'api.track': '上报事件（项目 demo）',
  'api.userEvents': '查询某个用户的行为序列',
  'footer.note': '管理控制台正在建设中。',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Catalogue = Readonly<Record<MessageKey, string>>;
type PartialCatalogue = Readonly<Partial<Record<MessageKey, string>>>;

// English may leave messages out: they fall back to zh-CN (the product name stays 'Sextant 六分仪').
const en: PartialCatalogue = {
  'app.tagline': 'Self-hosted event analytics for financial apps',
  'app.features': 'Events · Funnels · Retention · Segments · User event sequences',
  'lang.switch': '中文',
  'lang.switch.aria': 'Switch to Chinese',
  'status.heading': 'Server status',
  'status.checking': 'Checking…',
  'status.UP': 'Up and running',
  'status.DOWN': 'Down',
  'status.OUT_OF_SERVICE': 'Out of service',
  'status.UNKNOWN': 'Unknown',
  'status.other': 'Status: {status}',
  'status.unreachable':
    'Cannot reach the Sextant server. Please check that it is running (default port 8080).',
  'status.unreachable.detail': 'Reason: {reason}',
  'status.retry': 'Check again',
  'api.heading': 'API endpoints',
  'api.track': 'Track events (project demo)',
  'api.userEvents': "A user's event sequence",
  'footer.note': 'The admin console is under construction.',
};

export const MESSAGES: Readonly<Record<Locale, PartialCatalogue>> = { 'zh-CN': zhCN, en };

export type Params = Readonly<Record<string, string | number>>;

/**
 * Looks a message up in the given locale, falling back to zh-CN, then to the key itself, and fills
 * in `{name}` placeholders from `params` (unknown placeholders are left as they are).
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Params = {},
  messages: Readonly<Record<Locale, PartialCatalogue>> = MESSAGES,
): string {
  const template = messages[locale]?.[key] ?? messages[DEFAULT_LOCALE]?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Maps a language tag (from `?lang=`, local storage, …) to a supported locale: `en`, `en-US` → `en`;
 * `zh`, `zh-Hans`, `zh-CN` … → `zh-CN`; anything else, or nothing, → null.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const lower = tag?.trim().toLowerCase();
  if (!lower) return null;
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
  return null;
}

/** The first candidate that names a supported locale, else zh-CN (Chinese first). */
export function resolveLocale(...candidates: ReadonlyArray<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    const locale = matchLocale(candidate);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The other locale, for the one-button language switch. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'zh-CN' ? 'en' : 'zh-CN';
}
