import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './routes';

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
});
