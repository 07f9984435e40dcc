/** `ferry appliance …`: add and list the inventory (restricted side). */
import type { Appliance } from '../appliances/appliance-service.ts';
import { ApplianceRoleSchema } from '../../shared/contract/appliance.ts';
import { escapeForTerminal } from '../../shared/names.ts';
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
  },
};
