/** The audit page's filter as a person sets it (local calendar days), turned into the `audit:list` query. */
import type { AuditQuery } from '../../../shared/contract.ts';

/** What the person chose; empty strings mean "no restriction". Days are local `YYYY-MM-DD`. */
export interface AuditFilter {
  action: string;
  fromDay: string;
  toDay: string;
}

/** No filter at all. */
export const NO_FILTER: AuditFilter = { action: '', fromDay: '', toDay: '' };

/** Page sizes offered; `audit:list` takes at most 500. */
export const PAGE_SIZES = [50, 100, 200, 500] as const;

/** Local midnight at the start of a `YYYY-MM-DD` day, `days` later; null for anything else. */
function localMidnight(day: string, days = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The query for one page. The "to" day is inclusive for the person, so the query ends at the next
 * local midnight (`to` is exclusive in `audit:list`).
 */
export function auditQuery(filter: AuditFilter, offset: number, limit: number): AuditQuery {
  const from = localMidnight(filter.fromDay);
  const to = localMidnight(filter.toDay, 1);
  return {
    offset,
    limit,
    ...(filter.action ? { action: filter.action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/**
 * Whether the span of days is inverted ("to" before "from"): no entry can match, and the page says
 * why instead of "no entry matches". Days compare as text (`YYYY-MM-DD`).
 */
export function isInverted(filter: AuditFilter): boolean {
  return localMidnight(filter.fromDay) !== null && localMidnight(filter.toDay) !== null && filter.toDay < filter.fromDay;
}

/** The offset of the last page for `count` matching entries. */
export function lastPageOffset(count: number, limit: number): number {
  return count === 0 ? 0 : Math.floor((count - 1) / limit) * limit;
}
