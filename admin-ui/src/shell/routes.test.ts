import { describe, expect, it } from 'vitest';
import { pageKey, parseRoute, routeHash } from './routes';

describe('routes', () => {
  it('read the page and its parameters from the hash', () => {
    const route = parseRoute('#/customer?user=u1001');
    expect(route.page).toBe('customer');
    expect(route.params.get('user')).toBe('u1001');
  });

  it('fall back to the overview', () => {
    expect(parseRoute('').page).toBe('overview');
    expect(parseRoute('#/nope').page).toBe('overview');
  });

  it('round-trip', () => {
    const hash = routeHash('customer', { user: '用户 1' });
    expect(parseRoute(hash).params.get('user')).toBe('用户 1');
    expect(routeHash('plan')).toBe('#/plan');
  });

  it('restart an analysis page on a new query, but not a page that reads its query itself', () => {
    expect(pageKey(parseRoute('#/events?from=2017-02-01'), 'demo')).not.toBe(pageKey(parseRoute('#/events'), 'demo'));
    expect(pageKey(parseRoute('#/customer?user=a'), 'demo')).toBe(pageKey(parseRoute('#/customer?user=b'), 'demo'));
    expect(pageKey(parseRoute('#/events'), 'demo')).not.toBe(pageKey(parseRoute('#/events'), 'other'));
  });
});
