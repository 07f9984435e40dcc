/**
 * How long the Jump Clients take to fetch their upgrade at the limits the appliance allows (the
 * vendor documents "Maximum number of concurrent Jump Client upgrades", up to 500, and "Maximum
 * bandwidth of concurrent Jump Client upgrades", up to 100 MiB/s). The size of one client's upgrade is
 * not published: the person gives it. The bandwidth limit is shared by all clients at once, so the
 * transfer takes at least N × size ÷ bandwidth; clients start in waves of at most the concurrency.
 * Passive clients fetch only when they check in (at least every 24 hours), which this does not count.
 */

export const MAX_CONCURRENT_UPGRADES = 500;
export const MAX_UPGRADE_BANDWIDTH_MIBPS = 100;

/** The estimate: seconds of transfer, and the number of waves. Null when an input is out of range. */
export function upgradeEstimate(clients: number, clientMiB: number, bandwidthMiBps: number, concurrent: number): { seconds: number; waves: number } | null {
  if (!Number.isInteger(clients) || clients < 0) return null;
  if (!(clientMiB > 0) || !(bandwidthMiBps > 0) || bandwidthMiBps > MAX_UPGRADE_BANDWIDTH_MIBPS) return null;
  if (!Number.isInteger(concurrent) || concurrent < 1 || concurrent > MAX_CONCURRENT_UPGRADES) return null;
  return { seconds: (clients * clientMiB) / bandwidthMiBps, waves: Math.ceil(clients / concurrent) };
}
