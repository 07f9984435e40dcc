/** Host names and IP addresses as a browser takes them for an appliance (no scheme, no path, no port). */

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]{2,45}\]?$/;

/** Whether `text` is a DNS name or an IPv4/IPv6 address. */
export function isHostname(text: string): boolean {
  return HOSTNAME.test(text);
}
