/**
 * `ferry`: the command line over the same services as the app (DESIGN: Command line). Every command
 * takes `--data-dir DIR` and `--json`; `--help` works on every level.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../data-dir.ts';
import { createServices, type Services } from '../services.ts';
import { busyTimeoutMs, storeError } from '../store/store-errors.ts';
import type { Command, CommandContext } from './command.ts';
import { reportError, usageError, EXIT, type CliIo } from './output.ts';

/** A group's commands, loaded only when the group is used: a command pays for its own libraries only. */
type Load = () => Promise<Record<string, Command>>;

const GROUPS: Record<string, { summary: string; load: Load }> = {
  station: { summary: 'this station’s identity and the stations it trusts', load: async () => (await import('./commands-station.ts')).STATION_COMMANDS },
  audit: { summary: 'the hash-chained audit log', load: async () => (await import('./commands-audit.ts')).AUDIT_COMMANDS },
  appliance: { summary: 'the appliances this station looks after, and their download keys', load: async () => (await import('./commands-appliance.ts')).APPLIANCE_COMMANDS },
  request: { summary: 'requests for packages, written to a medium for the connected side', load: async () => (await import('./commands-request.ts')).REQUEST_COMMANDS },
  bundle: { summary: 'bundles of packages: write, verify, import into the vault', load: async () => (await import('./commands-bundle.ts')).BUNDLE_COMMANDS },
  vault: { summary: 'the verified packages this station holds', load: async () => (await import('./commands-vault.ts')).VAULT_COMMANDS },
  runbook: { summary: 'the procedures of the upgrade guide, step by step', load: async () => (await import('./commands-runbook.ts')).RUNBOOK_COMMANDS },
  cert: { summary: 'certificate chains: inspect before they travel, export for the new appliance', load: async () => (await import('./commands-cert.ts')).CERT_COMMANDS },
  jumpclients: { summary: 'the Jump Clients that have not upgraded, from the list the console exports', load: async () => (await import('./commands-jumpclients.ts')).JUMPCLIENT_COMMANDS },
};

/**
 * The one CLI command that may create a data directory and its database. Every other command refuses
 * a missing directory or a missing, empty or foreign `ferry.db` with DATA_DIR_UNUSABLE and creates
 * nothing: a read must never make a fresh, empty station look like the real one.
 */
const MAY_CREATE_DATA_DIR = new Set(['station init']);

/** Commands without a group (`ferry plan …`). */
const SINGLES: Record<string, { summary: string; load: () => Promise<Command> }> = {
  plan: { summary: 'install order from a package catalog: fewest installs, waits, blockers', load: async () => (await import('./commands-plan.ts')).PLAN_COMMAND },
};

const COMMON = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function topHelp(): string {
  const groups = Object.entries(GROUPS).map(([name, g]) => `  ${name.padEnd(10)} ${g.summary}`).join('\n');
  const singles = Object.entries(SINGLES).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`).join('\n');
  return `Ferry — carries appliance software updates across an air gap.

Usage: ferry <group> <command> [options]
       ferry <command> [options]

Groups:
${groups}

Commands:
${singles}

Options on every command:
  --data-dir DIR   data directory (default: FERRY_DATA_DIR, else the app's user data folder)
  --json           machine-readable result on stdout
  -h, --help       help for any group or command

Exit codes: 0 success, 1 a check failed, 2 usage error, 3 environment problem.
`;
}

function groupHelp(name: string, commands: Record<string, Command>): string {
  const group = GROUPS[name]!;
  const lines = Object.entries(commands).map(([cmd, c]) => `  ${cmd.padEnd(8)} ${c.summary}`).join('\n');
  return `Usage: ferry ${name} <command> [options]\n\n${group.summary}\n\nCommands:\n${lines}\n\nRun "ferry ${name} <command> --help" for details.\n`;
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const [groupName, commandName, ...rest] = argv;
  if (groupName === undefined || groupName === '--help' || groupName === '-h' || groupName === 'help') {
    io.out(topHelp());
    return groupName === undefined ? EXIT.usage : EXIT.ok;
  }
  // Own properties only: "toString" or "__proto__" names no command.
  const single = Object.hasOwn(SINGLES, groupName) ? SINGLES[groupName] : undefined;
  const group = Object.hasOwn(GROUPS, groupName) ? GROUPS[groupName] : undefined;
  if (!single && !group) return reportError(io, json, usageError(`Unknown command "${groupName}". Run "ferry --help".`));
  const commands = group ? await group.load() : null;
  if (commands && (commandName === undefined || commandName === '--help' || commandName === '-h')) {
    io.out(groupHelp(groupName, commands));
    return commandName === undefined ? EXIT.usage : EXIT.ok;
  }
  // Own properties only: "toString" names no command.
  const command = single ? await single.load() : commands && Object.hasOwn(commands, commandName!) ? commands[commandName!] : undefined;
  if (!command) return reportError(io, json, usageError(`Unknown command "ferry ${groupName} ${commandName}". Run "ferry ${groupName} --help".`));
  const args = single ? argv.slice(1) : rest;

  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: { ...COMMON, ...command.options }, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    return reportError(io, json, usageError(`${(error as Error).message}\nUsage: ${command.usage}`));
  }
  if (parsed.values.help) {
    io.out(`Usage: ${command.usage}\n\n${command.summary}\n${command.help ?? ''}`);
    return EXIT.ok;
  }
  if (parsed.positionals.some((p) => p === '')) {
    return reportError(io, json, usageError(`An argument is empty.\nUsage: ${command.usage}`));
  }
  if (command.positionals === 'one-or-more' ? parsed.positionals.length === 0 : parsed.positionals.length !== command.positionals) {
    const expected = command.positionals === 'one-or-more' ? 'at least 1' : String(command.positionals);
    return reportError(io, json, usageError(`Expected ${expected} argument(s), got ${parsed.positionals.length}.\nUsage: ${command.usage}`));
  }

  let services: Services | null = null;
  // Ctrl-C stops long work cleanly: temp files are removed, a half-written bundle gets no manifest.
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const ctx: CommandContext = {
    positionals: parsed.positionals,
    values: parsed.values,
    json,
    io,
    signal: abort.signal,
    services: () => (services ??= createServices({
      dataDir: resolveDataDir(parsed.values['data-dir'] as string | undefined, io.env),
      create: MAY_CREATE_DATA_DIR.has(single ? groupName : `${groupName} ${commandName}`),
      busyTimeoutMs: busyTimeoutMs(io.env),
      tasks: 'in-process',
    })),
  };
  try {
    return await command.run(ctx);
  } catch (error) {
    return reportError(io, json, storeError(error));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await (services as Services | null)?.close();
  }
}
