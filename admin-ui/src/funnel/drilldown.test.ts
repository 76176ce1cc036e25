import { describe, expect, it } from 'vitest';
import type { FunnelRequest } from '../api/analysis';
import { csvFileName, currentCursor, drillCount, FIRST_PAGE, firstRank, funnelUsersRequest, nextPage, outcomesOf, previousPage } from './drilldown';

const FUNNEL: FunnelRequest = {
  steps: [{ events: ['$pageview'] }, { events: ['SignUp'] }, { events: ['P2P_Invest'] }],
  window_seconds: 86400,
  from: '2026-11-01',
  to: '2026-11-07',
  group_by: null,
};

describe('funnel drill-down', () => {
  it('offers dropped users from the second step on', () => {
    expect(outcomesOf(1)).toEqual(['reached']);
    expect(outcomesOf(3)).toEqual(['reached', 'dropped']);
  });

  it('counts reached and dropped users from the funnel', () => {
    const users = [100, 40, 10];
    expect(drillCount(users, { step: 1, outcome: 'reached' })).toBe(100);
    expect(drillCount(users, { step: 2, outcome: 'dropped' })).toBe(60);
    expect(drillCount(users, { step: 3, outcome: 'reached' })).toBe(10);
    expect(drillCount(users, { step: 3, outcome: 'dropped' })).toBe(30);
  });

  it('is the funnel request plus step, outcome, limit and cursor', () => {
    expect(funnelUsersRequest(FUNNEL, { step: 2, outcome: 'dropped' }, { limit: 50, after: 'u42' })).toEqual({
      ...FUNNEL,
      step: 2,
      outcome: 'dropped',
      limit: 50,
      after: 'u42',
    });
    expect(funnelUsersRequest(FUNNEL, { step: 1, outcome: 'reached' }, { after: null })).toEqual({ ...FUNNEL, step: 1, outcome: 'reached' });
  });

  it('names the group only for a grouped funnel', () => {
    const group = { values: [null] };
    expect(funnelUsersRequest(FUNNEL, { step: 2, outcome: 'reached', group })).not.toHaveProperty('group');
    expect(funnelUsersRequest({ ...FUNNEL, group_by: 'theme' }, { step: 2, outcome: 'reached', group })).toMatchObject({ group });
  });

  it('names the CSV after the drill and the dates', () => {
    expect(csvFileName(FUNNEL, { step: 2, outcome: 'dropped' })).toBe('funnel-step2-dropped-2026-11-01_2026-11-07.csv');
  });

  it('pages forward with the cursors and back without a new one', () => {
    const second = nextPage(FIRST_PAGE, 'u50');
    const third = nextPage(second, 'u100');
    expect(currentCursor(FIRST_PAGE)).toBeNull();
    expect(currentCursor(third)).toBe('u100');
    expect(firstRank(third, 50)).toBe(101);
    const back = previousPage(third);
    expect(currentCursor(back)).toBe('u50');
    expect(nextPage(back, 'u100')).toEqual(third);
    expect(previousPage(FIRST_PAGE)).toEqual(FIRST_PAGE);
  });
});
