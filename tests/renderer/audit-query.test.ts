import { describe, expect, it } from 'vitest';
import { auditQuery, isInverted, lastPageOffset, NO_FILTER } from '../../src/renderer/src/stores/audit-query.ts';

describe('the audit filter as a query', () => {
  it('sends no restriction for an empty filter', () => {
    expect(auditQuery(NO_FILTER, 200, 100)).toEqual({ offset: 200, limit: 100 });
  });

  it('includes the whole "to" day: the query ends at the next local midnight', () => {
    const q = auditQuery({ action: 'station.trusted', fromDay: '2026-03-01', toDay: '2026-03-31' }, 0, 50);
    expect(q.action).toBe('station.trusted');
    expect(q.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(q.to).toBe(new Date(2026, 3, 1).toISOString());
  });

  it('ignores a day it cannot read instead of sending a wrong time', () => {
    expect(auditQuery({ action: '', fromDay: '2026-3-1', toDay: 'tomorrow' }, 0, 50)).toEqual({ offset: 0, limit: 50 });
  });

  it('knows an inverted span of days ("to" before "from") from an empty one', () => {
    expect(isInverted({ action: '', fromDay: '2026-11-27', toDay: '2026-11-26' })).toBe(true);
    expect(isInverted({ action: '', fromDay: '2026-11-27', toDay: '2026-11-27' })).toBe(false);
    expect(isInverted({ action: '', fromDay: '2026-09-30', toDay: '2026-10-01' })).toBe(false);
    expect(isInverted({ action: '', fromDay: '2026-11-27', toDay: '' })).toBe(false);
    expect(isInverted({ action: '', fromDay: '', toDay: '2026-11-26' })).toBe(false);
  });

  it('finds the last page', () => {
    expect(lastPageOffset(0, 100)).toBe(0);
    expect(lastPageOffset(100, 100)).toBe(0);
    expect(lastPageOffset(101, 100)).toBe(100);
    expect(lastPageOffset(1002, 100)).toBe(1000);
  });
});
