/**
 * The appliance link in e2e: a fake appliance's failover states, an appliance added to the inventory
 * through the CLI, and linking it through the Appliances page as a technician would (the certificate
 * shown, then confirmed). The fake runs in the Playwright process, so nothing here may block it
 * (no `spawnSync` while the app talks to it).
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { defaultFakeState, type FakeApplianceState } from './fake-appliance/fake-appliance.ts';
import type { FerryApp } from './fixtures.ts';

/** A fake primary of a failover pair: shared IPs, a data sync `syncMinutesAgo` minutes before now. */
export function primaryState(version: string, syncMinutesAgo: number): FakeApplianceState {
  const base = defaultFakeState();
  return {
    ...base,
    health: {
      ...base.health, hostname: 'support-a.example.com', version, failoverRole: 'primary', sharedIps: ['192.0.2.10', '192.0.2.11'],
      lastDataSync: { at: new Date(Date.now() - syncMinutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'), status: 'Success' },
    },
  };
}

/** Adds an appliance through the CLI (nothing on the network: spawnSync is fine here). */
export function addAppliance(ferry: FerryApp, name: string, hostname: string, site: string, role = 'standalone'): void {
  const r = ferry.cli('appliance', 'add', '--name', name, '--role', role, '--hostname', hostname, '--base', '4.0.0', '--site', site);
  expect(r.status, r.stdout).toBe(0);
}

/** The link part of an appliance's row. */
export function linkRow(page: Page, name: string): Locator {
  return page.locator(`[data-testid="link-row"][data-name="${name}"]`);
}

/** The fingerprint as shown, without its grouping (spaces or colons), in lower case. */
export async function shownFingerprint(row: Locator): Promise<string> {
  return (await row.getByTestId('link-fingerprint').innerText()).replace(/[\s:]/g, '').toLowerCase();
}

/** Opens the panel, types the account, shows the certificate, checks it is the fake's, and links. */
export async function linkInUi(page: Page, name: string, fake: { url: string; fingerprint: string; state: FakeApplianceState }): Promise<Locator> {
  const row = linkRow(page, name);
  await row.getByTestId('link-open').click();
  await row.getByTestId('link-url').fill(`${fake.url}/login`);
  await row.getByTestId('link-client-id').fill(fake.state.clientId);
  await row.getByTestId('link-secret').fill(fake.state.clientSecret);
  await row.getByTestId('link-show-cert').click();
  await expect(row.getByTestId('link-certificate')).toBeFocused();
  expect(await shownFingerprint(row)).toBe(fake.fingerprint);
  await row.getByTestId('link-confirm').click();
  await expect(row.getByTestId('link-done')).toBeFocused();
  return row;
}
