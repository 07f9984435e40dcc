/** `ferry appliance …`: the inventory (restricted side), and the optional read-only link to each appliance's API. */
import type { Appliance } from '../appliances/appliance-service.ts';
import { ApplianceRoleSchema } from '../../shared/contract/appliance.ts';
import { escapeForTerminal } from '../../shared/names.ts';
import type { StatusReading } from '../appliance-link/link-service.ts';
import { readTextInput } from '../files/text-input.ts';
import { numberOption, optionalOption, requireOption, type Command, type CommandContext } from './command.ts';
import { EXIT, usageError } from './output.ts';

const ADD_USAGE = 'ferry appliance add --name N --role R --hostname H --base V --site V [--download-key K | --download-key-file F] [--appliance-time ISO] [--region R] [--serial S] [--stored-data-gib N] [--data-dir DIR] [--json]';

function describe(a: Appliance): string {
  const key = a.downloadKey
    ? `${a.downloadKey.masked} (captured ${a.downloadKey.capturedAt}${a.downloadKey.stale ? `, ${a.downloadKey.ageDays} days old — capture a fresh one` : ''}${a.downloadKey.driftWarning ? `, appliance clock off by ${a.downloadKey.driftSeconds} s` : ''})`
    : 'none';
  return `${escapeForTerminal(a.name)}  ${a.role}${a.region ? ` (${escapeForTerminal(a.region)})` : ''}  ${a.hostname}\n` +
    `  topology ${a.topology}  base ${a.base}  site ${a.siteVersion}\n  download key ${key}\n`;
}

const LINK_USAGE = 'ferry appliance link NAME --url URL --client-id ID --client-secret-file F [--pin SHA256] [--data-dir DIR] [--json]';

const VERSIONS_USAGE = 'ferry appliance versions NAME --base V --site V [--data-dir DIR] [--json]';
const KEY_USAGE = 'ferry appliance key NAME (--download-key K | --download-key-file F) [--appliance-time ISO] [--data-dir DIR] [--json]';

function readKey(ctx: CommandContext, usage = ADD_USAGE): string | undefined {
  const inline = optionalOption(ctx, 'download-key', usage);
  const file = optionalOption(ctx, 'download-key-file', usage);
  if (inline !== undefined && file !== undefined) throw usageError(`Give --download-key or --download-key-file, not both.\nUsage: ${usage}`);
  // A file keeps the key out of the shell history and the process list.
  return file !== undefined ? readTextInput(file, 'key') : inline;
}

/** The appliance commands. */
export const APPLIANCE_COMMANDS: Record<string, Command> = {
  add: {
    summary: 'add an appliance with its versions (and download key)',
    usage: ADD_USAGE,
    options: {
      name: { type: 'string' }, role: { type: 'string' }, hostname: { type: 'string' }, base: { type: 'string' }, site: { type: 'string' },
      'download-key': { type: 'string' }, 'download-key-file': { type: 'string' }, 'appliance-time': { type: 'string' },
      region: { type: 'string' }, serial: { type: 'string' }, 'stored-data-gib': { type: 'string' },
    },
    positionals: 0,
    run: (ctx) => {
      const role = ApplianceRoleSchema.safeParse(requireOption(ctx, 'role', ADD_USAGE));
      if (!role.success) throw usageError(`--role is one of ${ApplianceRoleSchema.options.join(', ')}.\nUsage: ${ADD_USAGE}`);
      const region = optionalOption(ctx, 'region', ADD_USAGE);
      const serial = optionalOption(ctx, 'serial', ADD_USAGE);
      const storedDataGib = numberOption(ctx, 'stored-data-gib', ADD_USAGE, { min: 0 });
      const downloadKey = readKey(ctx);
      const applianceTime = optionalOption(ctx, 'appliance-time', ADD_USAGE);
      const appliance = ctx.services().appliances.add({
        name: requireOption(ctx, 'name', ADD_USAGE), role: role.data, hostname: requireOption(ctx, 'hostname', ADD_USAGE),
        base: requireOption(ctx, 'base', ADD_USAGE), siteVersion: requireOption(ctx, 'site', ADD_USAGE),
        ...(region !== undefined ? { region } : {}), ...(serial !== undefined ? { serial } : {}),
        ...(storedDataGib !== undefined ? { storedDataGib } : {}), ...(downloadKey !== undefined ? { downloadKey } : {}),
        ...(applianceTime !== undefined ? { applianceTime } : {}),
      });
      ctx.io.out(ctx.json ? JSON.stringify(appliance) + '\n' : `Added\n${describe(appliance)}`);
      return EXIT.ok;
    },
  },
  key: {
    summary: 'capture a new download key for an appliance (the old one is replaced)',
    usage: KEY_USAGE,
    options: { 'download-key': { type: 'string' }, 'download-key-file': { type: 'string' }, 'appliance-time': { type: 'string' } },
    positionals: 1,
    run: (ctx) => {
      const key = readKey(ctx, KEY_USAGE);
      if (key === undefined) throw usageError(`--download-key or --download-key-file is required.\nUsage: ${KEY_USAGE}`);
      const applianceTime = optionalOption(ctx, 'appliance-time', KEY_USAGE);
      const appliance = ctx.services().appliances.setDownloadKey(ctx.positionals[0]!, key, applianceTime);
      ctx.io.out(ctx.json ? JSON.stringify(appliance) + '\n' : `Key captured\n${describe(appliance)}`);
      return EXIT.ok;
    },
  },
  versions: {
    summary: 'correct the versions the inventory holds for an appliance (after an upgrade); audited',
    usage: VERSIONS_USAGE,
    options: { base: { type: 'string' }, site: { type: 'string' } },
    positionals: 1,
    run: (ctx) => {
      const base = requireOption(ctx, 'base', VERSIONS_USAGE);
      const site = requireOption(ctx, 'site', VERSIONS_USAGE);
      const appliance = ctx.services().appliances.setVersions(ctx.positionals[0]!, base, site);
      ctx.io.out(ctx.json ? JSON.stringify(appliance) + '\n' : `Versions set\n${describe(appliance)}`);
      return EXIT.ok;
    },
  },
  list: {
    summary: 'list the appliances (download keys masked)',
    usage: 'ferry appliance list [--data-dir DIR] [--json]',
    options: {},
    positionals: 0,
    run: (ctx) => {
      const appliances = ctx.services().appliances.list();
      if (ctx.json) ctx.io.out(JSON.stringify({ appliances }) + '\n');
      else ctx.io.out(appliances.length === 0 ? 'No appliances yet (ferry appliance add).\n' : appliances.map(describe).join('\n'));
      return EXIT.ok;
    },
  },  link: {
    summary: 'link an appliance to its documented read-only APIs (certificate pinned; without --pin: print its fingerprint, exit 1)',
    usage: LINK_USAGE,
    help: `
URL: the appliance's site, https://host or https://host/login. The API account comes from /login ›
Management › API Configuration ("Enable XML API"): its OAuth client id, and its secret in a file (it is
shown once when the account is saved; Ferry seals it like the download key and never prints it).
Without --pin Ferry prints the certificate's SHA-256 fingerprint and refuses: compare it with the
appliance's certificate, then run again with --pin. A changed certificate is refused later
(LINK_PIN_MISMATCH). Ferry never changes the appliance through the API.
`,
    options: { url: { type: 'string' }, 'client-id': { type: 'string' }, 'client-secret-file': { type: 'string' }, pin: { type: 'string' } },
    positionals: 1,
    run: async (ctx) => {
      const url = requireOption(ctx, 'url', LINK_USAGE);
      const clientId = requireOption(ctx, 'client-id', LINK_USAGE);
      const secret = readTextInput(requireOption(ctx, 'client-secret-file', LINK_USAGE), 'key').trim();
      const pin = optionalOption(ctx, 'pin', LINK_USAGE);
      const link = await ctx.services().links.link(ctx.positionals[0]!, { url, clientId, secret, pin }, ctx.signal);
      if (ctx.json) ctx.io.out(JSON.stringify(link) + '\n');
      else {
        const perms = Object.entries(link.permissions).map(([k, v]) => `${k}=${escapeForTerminal(v)}`).join(' ') || 'not stated';
        ctx.io.out(`Linked ${escapeForTerminal(link.name)} to ${link.origin}\n  certificate SHA-256 ${link.pin}\n  API ${escapeForTerminal(link.apiVersion ?? '?')}, permissions ${perms}\n`);
      }
      return EXIT.ok;
    },
  },
  unlink: {
    summary: 'remove an appliance\'s link (its readings stay as evidence)',
    usage: 'ferry appliance unlink NAME [--data-dir DIR] [--json]',
    options: {},
    positionals: 1,
    run: (ctx) => {
      ctx.services().links.unlink(ctx.positionals[0]!);
      ctx.io.out(ctx.json ? JSON.stringify({ unlinked: true }) + '\n' : 'Unlinked\n');
      return EXIT.ok;
    },
  },
  status: {
    summary: 'read version, failover role, health and last data sync through the link (kept as evidence)',
    usage: 'ferry appliance status NAME [--data-dir DIR] [--json]',
    options: {},
    positionals: 1,
    run: async (ctx) => {
      const r = await ctx.services().links.status(ctx.positionals[0]!, ctx.signal);
      ctx.io.out(ctx.json ? JSON.stringify(statusJson(r)) + '\n' : describeStatus(r));
      return EXIT.ok;
    },
  },
  backup: {
    summary: 'take the settings backup through the link into the vault (hashed, audited)',
    usage: 'ferry appliance backup NAME [--password-file F] [--data-dir DIR] [--json]',
    help: `
The backup holds the appliance's settings (not its recordings). --password-file: the password to
protect it with, sent to the appliance, never stored. The file goes into the vault like evidence of a
runbook step; --json prints { sha256, size }.
`,
    options: { 'password-file': { type: 'string' } },
    positionals: 1,
    run: async (ctx) => {
      const file = optionalOption(ctx, 'password-file', 'ferry appliance backup NAME [--password-file F] [--data-dir DIR] [--json]');
      const password = file === undefined ? null : readTextInput(file, 'key').replace(/\r?\n$/, '');
      if (password === '') throw usageError('--password-file is empty.');
      const evidence = await ctx.services().links.backup(ctx.positionals[0]!, password, ctx.signal);
      ctx.io.out(ctx.json ? JSON.stringify({ sha256: evidence.sha256, size: evidence.size, fileName: evidence.fileName }) + '\n'
        : `Backup in the vault: ${escapeForTerminal(evidence.fileName)}, ${evidence.size} bytes\n  sha256 ${evidence.sha256}\n`);
      return EXIT.ok;
    },
  },
};

/** The documented JSON of `appliance status`, then what else was read. */
function statusJson(r: StatusReading) {
  return {
    name: r.name, version: r.version, failoverRole: r.failoverRole, success: r.success, lastDataSync: r.lastDataSync, apiVersion: r.apiVersion,
    readAt: r.readAt, versionText: r.versionText, hostname: r.hostname, applianceId: r.applianceId, errorMessage: r.errorMessage,
    sharedIps: r.sharedIps, syncAgeSeconds: r.syncAgeSeconds, inventorySiteVersion: r.inventorySiteVersion,
    applianceTime: r.applianceTime, clockSkewSeconds: r.clockSkewSeconds, permissions: r.permissions,
  };
}

function describeStatus(r: StatusReading): string {
  const lines = [
    `${escapeForTerminal(r.name)}  ${r.success ? 'healthy' : 'NOT healthy'}  read ${r.readAt}`,
    `  version ${escapeForTerminal(r.versionText ?? '?')}${r.version !== null && r.version !== r.inventorySiteVersion ? ` (the inventory says ${r.inventorySiteVersion})` : ''}`,
    `  failover role ${r.failoverRole}${r.sharedIps.length ? `, shared IPs ${r.sharedIps.map(escapeForTerminal).join(', ')}` : ''}`,
  ];
  if (r.lastDataSync) lines.push(`  last data sync ${r.lastDataSync.at} (${Math.round((r.syncAgeSeconds ?? 0) / 60)} min ago): ${escapeForTerminal(r.lastDataSync.status)}`);
  if (r.errorMessage) lines.push(`  error: ${escapeForTerminal(r.errorMessage)}`);
  return lines.join('\n') + '\n';
}
