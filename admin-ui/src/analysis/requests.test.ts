import { describe, expect, it } from 'vitest';
import {
  PV,
  UV,
  eventAnalysisRequest,
  eventsPerUserRequest,
  filterValues,
  funnelRequest,
  parseBounds,
  retentionRequest,
  toFilter,
  totalsRequest,
  windowSeconds,
} from './requests';

const TYPES = { $os: 'STRING', amount: 'NUMBER', coupon_used: 'BOOL', theme: 'STRING' };
const WEEK = { from: '2026-11-01', to: '2026-11-07' };

describe('filter values', () => {
  it('split lists on ASCII and full-width commas', () => {
    expect(filterValues('in', 'STRING', 'iOS, Android，Web')).toEqual(['iOS', 'Android', 'Web']);
  });

  it('type numbers and booleans by the property type', () => {
    expect(filterValues('ge', 'NUMBER', '1000')).toEqual([1000]);
    expect(filterValues('between', 'NUMBER', '1.5, 2e3')).toEqual([1.5, 2000]);
    expect(filterValues('eq', 'BOOL', 'true')).toEqual([true]);
    expect(filterValues('eq', 'STRING', '42')).toEqual(['42']);
  });

  it('leave text that is not a number as text, for the server to refuse with the field', () => {
    expect(filterValues('gt', 'NUMBER', 'lots')).toEqual(['lots']);
  });

  it('take no values for is_set and not_set, and keep commas inside a single value', () => {
    expect(filterValues('is_set', 'STRING', 'ignored')).toEqual([]);
    expect(filterValues('contains', 'STRING', 'a,b')).toEqual(['a,b']);
  });
});

describe('filters', () => {
  it('are left out without rows, a comparison for one, an AND group for more', () => {
    expect(toFilter([], TYPES)).toBeUndefined();
    expect(toFilter([{ property: null, op: 'eq', text: 'x' }], TYPES)).toBeUndefined();
    expect(toFilter([{ property: '$os', op: 'eq', text: 'iOS' }], TYPES)).toEqual({ property: '$os', op: 'eq', values: ['iOS'] });
    expect(
      toFilter(
        [
          { property: '$os', op: 'in', text: 'iOS,Android' },
          { property: 'amount', op: 'ge', text: '100' },
        ],
        TYPES,
      ),
    ).toEqual({
      all: [
        { property: '$os', op: 'in', values: ['iOS', 'Android'] },
        { property: 'amount', op: 'ge', values: [100] },
      ],
    });
  });
});

describe('event analysis requests', () => {
  it('are the documented JSON', () => {
    const request = eventAnalysisRequest(
      {
        metrics: [PV, { events: ['P2P_Invest'], measure: 'sum', property: 'amount' }],
        filters: [{ property: '$os', op: 'in', text: 'iOS, Android' }],
        groupBy: ['$os'],
        range: WEEK,
        granularity: 'day',
        compare: true,
      },
      TYPES,
    );
    expect(JSON.parse(JSON.stringify(request))).toEqual({
      metrics: [
        { events: ['$pageview', '$AppViewScreen'], measure: 'events' },
        { events: ['P2P_Invest'], measure: { sum: 'amount' } },
      ],
      filter: { property: '$os', op: 'in', values: ['iOS', 'Android'] },
      group_by: ['$os'],
      from: '2026-11-01',
      to: '2026-11-07',
      granularity: 'day',
      compare_with_previous: true,
    });
  });

  it('leave the filter out when there is none, and count users for UV', () => {
    const request = eventAnalysisRequest(
      { metrics: [UV], filters: [], groupBy: [], range: WEEK, granularity: 'week', compare: false },
      TYPES,
    );
    expect('filter' in request).toBe(false);
    expect(request.metrics).toEqual([{ events: ['$pageview', '$AppViewScreen'], measure: 'users' }]);
  });

  it('ask for totals in one bucket', () => {
    const request = eventAnalysisRequest(
      { metrics: [UV], filters: [], groupBy: ['$os'], range: WEEK, granularity: 'hour', compare: true },
      TYPES,
    );
    expect(totalsRequest(request)).toEqual({ ...request, granularity: 'total' });
  });
});

describe('funnel requests', () => {
  it('convert the window to seconds', () => {
    expect(windowSeconds(30, 'minutes')).toBe(1800);
    expect(windowSeconds(2, 'hours')).toBe(7200);
    expect(windowSeconds(1, 'days')).toBe(86_400);
  });

  it('are the documented JSON, with a filter per step', () => {
    expect(
      funnelRequest(
        {
          steps: [
            { events: ['P2P_ViewProduct'], filters: [] },
            { events: ['P2P_Register'], filters: [] },
            { events: ['P2P_Invest'], filters: [{ property: 'amount', op: 'ge', text: '1000' }] },
          ],
          window: 1,
          windowUnit: 'days',
          range: WEEK,
          groupBy: 'theme',
        },
        TYPES,
      ),
    ).toEqual({
      steps: [
        { events: ['P2P_ViewProduct'] },
        { events: ['P2P_Register'] },
        { events: ['P2P_Invest'], filter: { property: 'amount', op: 'ge', values: [1000] } },
      ],
      window_seconds: 86400,
      from: '2026-11-01',
      to: '2026-11-07',
      group_by: 'theme',
    });
  });
});

describe('retention requests', () => {
  it('are the documented JSON', () => {
    expect(
      retentionRequest(
        {
          initial: { events: ['P2P_Register'], filters: [] },
          returning: { events: ['P2P_Invest'], filters: [] },
          unit: 'day',
          periods: 7,
          cohorts: 'first_time',
          range: { from: '2026-11-01', to: '2026-11-14' },
          groupBy: null,
        },
        TYPES,
      ),
    ).toEqual({
      initial: { events: ['P2P_Register'] },
      returning: { events: ['P2P_Invest'] },
      unit: 'day',
      periods: 7,
      cohorts: 'first_time',
      from: '2026-11-01',
      to: '2026-11-14',
      group_by: null,
    });
  });
});

describe('distribution requests', () => {
  it('read bounds as sorted distinct integers above 1', () => {
    expect(parseBounds('10, 2 5，5 1 x 2.5')).toEqual([2, 5, 10]);
  });

  it('are the documented JSON', () => {
    expect(eventsPerUserRequest(['forex_SendMessage'], [2, 5, 10, 20], { from: '2026-11-01', to: '2026-11-30' })).toEqual({
      kind: 'events_per_user',
      events: { events: ['forex_SendMessage'] },
      bounds: [2, 5, 10, 20],
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });
});
