import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCALE,
  MESSAGES,
  matchLocale,
  otherLocale,
  resolveLocale,
  translate,
  type MessageKey,
} from './i18n';

describe('translate', () => {
  it('is Chinese first', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(translate('zh-CN', 'app.features')).toBe('事件分析 · 漏斗 · 留存 · 用户分群 · 用户行为序列');
    expect(translate('zh-CN', 'app.title')).toBe('Sextant 六分仪');
  });

  it('uses the requested locale when it has the message', () => {
    expect(translate('en', 'status.heading')).toBe('Server status');
  });

  it('falls back to zh-CN for a message English leaves out', () => {
    expect(MESSAGES.en['app.title']).toBeUndefined();
    expect(translate('en', 'app.title')).toBe('Sextant 六分仪');
  });

  it('falls back to the key when no locale has the message', () => {
    const messages = { 'zh-CN': {}, en: {} };
    expect(translate('en', 'status.UP', {}, messages)).toBe('status.UP');
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(translate('en', 'status.other', { status: 'DEGRADED' })).toBe('Status: DEGRADED');
    expect(translate('zh-CN', 'status.unreachable.detail', { reason: 'timeout' })).toBe('原因：timeout');
    expect(translate('en', 'status.other')).toBe('Status: {status}');
  });

  it('has no English message that zh-CN lacks, and no empty messages', () => {
    const zhKeys = new Set(Object.keys(MESSAGES['zh-CN']));
    for (const [key, value] of Object.entries(MESSAGES.en)) {
      expect(zhKeys, `en has unknown key ${key}`).toContain(key);
      expect(value?.trim()).not.toBe('');
    }
    for (const key of zhKeys) {
      expect(translate('zh-CN', key as MessageKey).trim()).not.toBe('');
    }
  });
});

describe('locale resolution', () => {
  it.each([
    ['en', 'en'],
    ['EN-us', 'en'],
    ['en_GB', 'en'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    [' zh-TW ', 'zh-CN'],
  ] as const)('matches %j to %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });

  it.each(['', '  ', 'fr', 'english', 'zhx', null, undefined])('does not match %j', (tag) => {
    expect(matchLocale(tag)).toBeNull();
  });

  it('takes the first supported candidate, else zh-CN', () => {
    expect(resolveLocale('fr', 'en', 'zh')).toBe('en');
    expect(resolveLocale(null, undefined)).toBe('zh-CN');
    expect(resolveLocale()).toBe('zh-CN');
  });

  it('switches between the two locales', () => {
    expect(otherLocale('zh-CN')).toBe('en');
    expect(otherLocale('en')).toBe('zh-CN');
  });
});

describe('console catalogue', () => {
  it('has an English message for every Chinese one but the product name', () => {
    const missing = Object.keys(MESSAGES['zh-CN']).filter(
      (key) => key !== 'app.title' && MESSAGES.en[key as MessageKey] === undefined,
    );
    expect(missing).toEqual([]);
  });

  it('names the console pages in Chinese first', () => {
    expect(translate('zh-CN', 'nav.customer')).toBe('用户查询');
    expect(translate('zh-CN', 'nav.plan')).toBe('埋点方案');
    expect(translate('zh-CN', 'nav.quality')).toBe('数据质量');
    expect(translate('en', 'nav.quality')).toBe('Data quality');
  });

  it('names the analysis controls in Chinese first', () => {
    expect(translate('zh-CN', 'analysis.run')).toBe('查询');
    expect(translate('zh-CN', 'funnels.overall')).toBe('总体转化率');
    expect(translate('zh-CN', 'retention.col.offset.day', { n: 1 })).toBe('第 1 天');
    expect(translate('en', 'analysis.field', { field: 'metrics[1].measure' })).toBe('Field: metrics[1].measure');
  });
});
