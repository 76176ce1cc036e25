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
  'nav.overview': '概览',
  'nav.analysis': '分析',
  'nav.events': '事件分析',
  'nav.funnels': '漏斗分析',
  'nav.retention': '留存分析',
  'nav.segments': '用户分群',
  'nav.customer': '用户查询',
  'nav.service': '客户服务',
  'nav.plan': '埋点方案',
  'nav.quality': '数据质量',
  'nav.data': '数据管理',
  'project.label': '项目',
  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.empty': '暂无数据',
  'common.error': '请求失败',
  'common.unreachable': '无法连接到 Sextant 服务器：{reason}',
  'common.soon': '即将推出',
  'common.soon.detail': '“{page}”正在建设中，敬请期待。',
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
  'overview.planVersion': '埋点方案版本',
  'overview.events': '已定义事件',
  'overview.properties': '已定义属性',
  'overview.quarantined': '最近隔离记录',
  'overview.eventsByLine': '各业务线事件数',
  'overview.comingMetrics': '日活、新增用户、入库速率等指标将在分析接口上线后展示。',
  'customer.title': '用户查询',
  'customer.hint': '输入用户 ID（登录 ID 或匿名 ID），查看其最近的行为序列。',
  'customer.placeholder': '用户 ID，例如 u1001',
  'customer.search': '查询',
  'customer.limit': '最近 {limit} 条',
  'customer.empty': '没有找到用户 {user} 的事件。',
  'customer.idle': '请输入用户 ID 开始查询。',
  'customer.session': '会话 {index}',
  'customer.sessionSpan': '{start} – {end} · {count} 个事件',
  'customer.failed': '失败',
  'customer.failures': '{count} 次失败',
  'customer.summary': '共 {events} 个事件，{sessions} 个会话',
  'plan.title': '埋点方案',
  'plan.version': '版本 {version}',
  'plan.export': '导出 YAML',
  'plan.import': '导入 YAML',
  'plan.tab.lines': '业务线',
  'plan.tab.events': '事件',
  'plan.tab.properties': '属性',
  'plan.tab.versions': '版本历史',
  'plan.col.name': '名称',
  'plan.col.displayName': '显示名',
  'plan.col.prefix': '事件前缀',
  'plan.col.owner': '负责人',
  'plan.col.businessLine': '业务线',
  'plan.col.status': '状态',
  'plan.col.collectedBy': '采集方式',
  'plan.col.trigger': '触发时机',
  'plan.col.properties': '属性',
  'plan.col.type': '类型',
  'plan.col.values': '枚举值',
  'plan.col.unit': '单位',
  'plan.col.pii': '敏感级别',
  'plan.col.version': '版本',
  'plan.col.author': '修改人',
  'plan.col.savedAt': '保存时间',
  'plan.col.changes': '变更',
  'plan.required': '必填',
  'plan.status.ACTIVE': '已启用',
  'plan.status.DEPRECATED': '已弃用',
  'plan.status.DRAFT': '草稿',
  'plan.collectedBy.FRONT_END': '前端',
  'plan.collectedBy.BACK_END': '后端',
  'plan.collectedBy.BOTH': '前后端',
  'plan.search': '搜索名称或显示名',
  'plan.allLines': '全部业务线',
  'plan.importHint': '粘贴或选择 YAML 文件，先预览差异，确认后再保存。',
  'plan.chooseFile': '选择文件',
  'plan.preview': '预览差异',
  'plan.apply': '确认导入',
  'plan.noChanges': '与当前方案相同，没有变更。',
  'plan.changes': '将产生 {count} 处变更（基于版本 {base} → 版本 {version}）',
  'plan.saved': '已保存为版本 {version}',
  'plan.empty': '该项目还没有埋点方案。',
  'plan.changeCount': '{count} 处变更',
  'quality.title': '数据质量',
  'quality.hint': '未通过埋点方案校验的数据被隔离，不进入分析。按原因和事件查看，修正方案后可重放（即将推出）。',
  'quality.total': '隔离记录',
  'quality.reasons': '原因种类',
  'quality.events': '涉及事件',
  'quality.byReason': '按原因',
  'quality.byEvent': '按事件',
  'quality.empty': '没有隔离记录，数据全部符合埋点方案。',
  'quality.sample': '样例',
  'quality.payload': '原始数据',
  'quality.receivedAt': '接收时间',
  'quality.count': '{count} 条',
  'quality.unknownEvent': '（无法识别）',
  'quality.col.reason': '原因',
  'quality.col.event': '事件',
  'quality.col.count': '数量',
  'quality.col.latest': '最近一次',
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
  'nav.overview': 'Overview',
  'nav.analysis': 'Analysis',
  'nav.events': 'Event analysis',
  'nav.funnels': 'Funnels',
  'nav.retention': 'Retention',
  'nav.segments': 'Segments',
  'nav.customer': 'Customer service',
  'nav.service': 'Service',
  'nav.plan': 'Tracking plan',
  'nav.quality': 'Data quality',
  'nav.data': 'Data',
  'project.label': 'Project',
  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.empty': 'No data',
  'common.error': 'Request failed',
  'common.unreachable': 'Cannot reach the Sextant server: {reason}',
  'common.soon': 'Coming soon',
  'common.soon.detail': '“{page}” is under construction.',
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
  'overview.planVersion': 'Tracking plan version',
  'overview.events': 'Events defined',
  'overview.properties': 'Properties defined',
  'overview.quarantined': 'Recently quarantined',
  'overview.eventsByLine': 'Events per business line',
  'overview.comingMetrics':
    'DAU, new users and ingestion rate will appear here once the analysis API is available.',
  'customer.title': 'Customer service',
  'customer.hint': "Enter a user id (login id or anonymous id) to see the user's recent actions.",
  'customer.placeholder': 'User id, e.g. u1001',
  'customer.search': 'Search',
  'customer.limit': 'Latest {limit}',
  'customer.empty': 'No events found for user {user}.',
  'customer.idle': 'Enter a user id to start.',
  'customer.session': 'Session {index}',
  'customer.sessionSpan': '{start} – {end} · {count} events',
  'customer.failed': 'Failed',
  'customer.failures': '{count} failed',
  'customer.summary': '{events} events in {sessions} sessions',
  'plan.title': 'Tracking plan',
  'plan.version': 'Version {version}',
  'plan.export': 'Export YAML',
  'plan.import': 'Import YAML',
  'plan.tab.lines': 'Business lines',
  'plan.tab.events': 'Events',
  'plan.tab.properties': 'Properties',
  'plan.tab.versions': 'History',
  'plan.col.name': 'Name',
  'plan.col.displayName': 'Display name',
  'plan.col.prefix': 'Event prefix',
  'plan.col.owner': 'Owner',
  'plan.col.businessLine': 'Business line',
  'plan.col.status': 'Status',
  'plan.col.collectedBy': 'Collected by',
  'plan.col.trigger': 'Trigger',
  'plan.col.properties': 'Properties',
  'plan.col.type': 'Type',
  'plan.col.values': 'Enum values',
  'plan.col.unit': 'Unit',
  'plan.col.pii': 'PII class',
  'plan.col.version': 'Version',
  'plan.col.author': 'Author',
  'plan.col.savedAt': 'Saved at',
  'plan.col.changes': 'Changes',
  'plan.required': 'required',
  'plan.status.ACTIVE': 'Active',
  'plan.status.DEPRECATED': 'Deprecated',
  'plan.status.DRAFT': 'Draft',
  'plan.collectedBy.FRONT_END': 'Front end',
  'plan.collectedBy.BACK_END': 'Back end',
  'plan.collectedBy.BOTH': 'Both',
  'plan.search': 'Search name or display name',
  'plan.allLines': 'All business lines',
  'plan.importHint': 'Paste or choose a YAML file, preview the diff, then save.',
  'plan.chooseFile': 'Choose file',
  'plan.preview': 'Preview diff',
  'plan.apply': 'Import',
  'plan.noChanges': 'Same as the current plan: no changes.',
  'plan.changes': '{count} changes (version {base} → version {version})',
  'plan.saved': 'Saved as version {version}',
  'plan.empty': 'This project has no tracking plan yet.',
  'plan.changeCount': '{count} changes',
  'quality.title': 'Data quality',
  'quality.hint':
    'Records that break the tracking plan are quarantined and kept out of analyses. Browse them by reason and event; replay after a plan fix is coming soon.',
  'quality.total': 'Quarantined records',
  'quality.reasons': 'Reasons',
  'quality.events': 'Events affected',
  'quality.byReason': 'By reason',
  'quality.byEvent': 'By event',
  'quality.empty': 'No quarantined records: all data conforms to the tracking plan.',
  'quality.sample': 'Sample',
  'quality.payload': 'Original payload',
  'quality.receivedAt': 'Received at',
  'quality.count': '{count} records',
  'quality.unknownEvent': '(unreadable)',
  'quality.col.reason': 'Reason',
  'quality.col.event': 'Event',
  'quality.col.count': 'Count',
  'quality.col.latest': 'Latest',
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
