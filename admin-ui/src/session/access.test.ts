import { describe, expect, it } from 'vitest';
import { PAGES } from '../shell/routes';
import { asRole, mayChangePlan, mayOpen, mayReadQuarantine, ROLES, visiblePages } from './access';

describe('menu per role', () => {
  it.each([
    ['ADMIN', [...PAGES]],
    ['ANALYST', ['overview', 'events', 'funnels', 'retention', 'distributions', 'segments']],
    ['CUSTOMER_SERVICE', ['overview', 'customer', 'plan']],
    ['PLAN_DEVELOPER', ['overview', 'plan', 'quality']],
  ] as const)('%s sees %j', (role, pages) => {
    expect(visiblePages(role)).toEqual(pages);
  });

  it('hides user lookup from all but admins and customer service (audited, one user at a time)', () => {
    expect(ROLES.filter((role) => mayOpen(role, 'customer'))).toEqual(['ADMIN', 'CUSTOMER_SERVICE']);
  });

  it('hides data quality from those who cannot read the quarantine', () => {
    for (const role of ROLES) expect(mayOpen(role, 'quality')).toBe(mayReadQuarantine(role));
  });

  it('gives every role the overview', () => {
    for (const role of ROLES) expect(mayOpen(role, 'overview')).toBe(true);
  });
});

describe('actions per role', () => {
  it('lets only admins and plan developers change the plan', () => {
    expect(ROLES.filter(mayChangePlan)).toEqual(['ADMIN', 'PLAN_DEVELOPER']);
  });

  it('reads roles from the wire, refusing unknown ones', () => {
    expect(asRole('ANALYST')).toBe('ANALYST');
    expect(asRole('SUPERUSER')).toBeNull();
    expect(asRole('admin')).toBeNull();
  });
});
