/**
 * The pages and where they belong: which side of the air gap uses a page, and which page each step
 * of a side's journey happens on. Pages of the other side stay reachable (a person may need them),
 * only marked.
 */
import type { Side } from '../../shared/contract.ts';

/** The pages reachable from the sidebar. */
export const PAGES = ['home', 'appliances', 'transfer', 'vault', 'plan', 'runbook', 'certificates', 'clients', 'audit', 'settings'] as const;
export type Page = (typeof PAGES)[number];

/**
 * The side a page is used on, or null when both sides use it. The connected side reads requests,
 * fetches, identifies and bundles (transfer, vault, plan for missing hops); appliances, runbooks and
 * the Jump Client check happen where the appliance is reachable.
 */
export const PAGE_SIDE: Record<Page, Side | null> = {
  home: null,
  appliances: 'restricted',
  transfer: null,
  vault: null,
  plan: null,
  runbook: 'restricted',
  certificates: null,
  clients: 'restricted',
  audit: null,
  settings: null,
};

/** Whether a page belongs to the other side of the air gap than this station's. */
export function isOtherSide(page: Page, side: Side | null): boolean {
  const belongs = PAGE_SIDE[page];
  return side !== null && belongs !== null && belongs !== side;
}

/** The journey of each side: each step and the page it happens on. */
export const JOURNEY: Record<Side, readonly { step: string; page: Page }[]> = {
  restricted: [
    { step: 'record', page: 'appliances' },
    { step: 'keys', page: 'appliances' },
    { step: 'target', page: 'plan' },
    { step: 'request', page: 'transfer' },
    { step: 'import', page: 'transfer' },
    { step: 'plan', page: 'plan' },
    { step: 'runbook', page: 'runbook' },
  ],
  connected: [
    { step: 'read', page: 'transfer' },
    { step: 'download', page: 'transfer' },
    { step: 'identify', page: 'transfer' },
    { step: 'bundle', page: 'transfer' },
  ],
};
