import { describe, expect, it } from 'vitest';
import { formatInstant, formatValue } from './format';

describe('format', () => {
  it('shows instants in the project time zone', () => {
    expect(formatInstant('2025-11-24T16:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2025/11/25 00:00:00');
    expect(formatInstant('2025-11-24T16:00:00Z', 'en', 'UTC')).toBe('24/11/2025, 16:00:00');
    expect(formatInstant('soon', 'en', 'UTC')).toBe('soon');
  });

  it('shows values as text', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue(12.5)).toBe('12.5');
    expect(formatValue(['a'])).toBe('["a"]');
  });
});
