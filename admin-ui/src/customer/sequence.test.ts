import { describe, expect, it } from 'vitest';
import type { UserEvent } from '../api/types';
import { appendPage, DEFAULT_PAGE_SIZE, filterFromParams, filterParams, isFiltered, rangeProblem, sequenceQuery } from './sequence';

const event = (insert_id: string): UserEvent => ({
  event: 'Login',
  display_name: '登录',
  distinct_id: 'u1',
  time: '2026-11-01T00:00:00Z',
  insert_id,
  properties: {},
});

describe('user sequence filter', () => {
  it('reads the route, ignoring what it cannot use', () => {
    expect(filterFromParams(new URLSearchParams('events=Login,,BindCard&from=2026-11-01&to=nope&limit=20'))).toEqual({
      events: ['Login', 'BindCard'],
      from: '2026-11-01',
      to: null,
      limit: 20,
    });
    expect(filterFromParams(new URLSearchParams('limit=7')).limit).toBe(DEFAULT_PAGE_SIZE);
  });

  it('round-trips through the route', () => {
    const filter = { events: ['Login'], from: '2026-11-01', to: '2026-11-07', limit: 10 };
    expect(filterFromParams(new URLSearchParams(filterParams(filter)))).toEqual(filter);
    expect(filterParams({ events: [], from: null, to: null, limit: DEFAULT_PAGE_SIZE })).toEqual({});
  });

  it('asks only for what is set, and continues from the cursor', () => {
    expect(sequenceQuery({ events: [], from: null, to: null, limit: 50 })).toEqual({ limit: 50 });
    expect(sequenceQuery({ events: ['Login', 'BindCard'], from: '2026-11-01', to: '2026-11-01', limit: 10 }, 'c1')).toEqual({
      events: ['Login', 'BindCard'],
      from: '2026-11-01',
      to: '2026-11-01',
      limit: 10,
      before: 'c1',
    });
  });

  it('refuses a range that ends before it starts', () => {
    expect(rangeProblem({ from: '2026-11-02', to: '2026-11-01' })).toBe('reversed');
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
    expect(rangeProblem({ from: null, to: '2026-11-01' })).toBeNull();
  });

  it('knows when the sequence is filtered', () => {
    expect(isFiltered({ events: [], from: null, to: null, limit: 10 })).toBe(false);
    expect(isFiltered({ events: [], from: '2026-11-01', to: null, limit: 10 })).toBe(true);
  });
});

describe('loading older events', () => {
  it('appends a page, never showing an event twice', () => {
    expect(appendPage([event('a'), event('b')], [event('b'), event('c')]).map((e) => e.insert_id)).toEqual(['a', 'b', 'c']);
  });
});
