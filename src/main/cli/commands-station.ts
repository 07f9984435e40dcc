/** `ferry station …`: init, show, export, trust. */
import type { Station } from '../../shared/contract.ts';
import { formatFingerprint } from '../../shared/fingerprint.ts';
import { escapeForTerminal, normalizeName } from '../../shared/names.ts';
import { readTextInput } from '../files/text-input.ts';
import { fileKeyPath, keyFileText } from '../stations/secret-protector.ts';
import { OUTPUT_OPTIONS, requireOption, writeOutputOption, type Command, type CommandContext } from './command.ts';
import { EXIT, usageError } from './output.ts';

/** The file key as it really is: its mode, and the fix when Ferry would refuse it. */
function fileKeyText(dataDir: string): string {
  return keyFileText(fileKeyPath(dataDir));
}

function printStation(ctx: CommandContext, station: Station): number {
  if (ctx.json) ctx.io.out(JSON.stringify(station) + '\n');
  else {
    ctx.io.out(`Station      ${escapeForTerminal(station.name)}\nFingerprint  ${formatFingerprint(station.fingerprint)}\nCreated      ${station.createdAt}\n` +
      `Key storage  ${station.protection === 'file-key' ? fileKeyText(ctx.services().dataDir) : 'operating system keychain (safeStorage)'}\n`);
  }
  return EXIT.ok;
}

/** The station commands. */
export const STATION_COMMANDS: Record<string, Command> = {
  init: {
    summary: 'create this station’s key pair (once per data directory)',
    usage: 'ferry station init --name NAME [--data-dir DIR] [--json]',
    options: { name: { type: 'string' } },
    positionals: 0,
    run: (ctx) => {
      // Checked before the data directory is touched: a refused name must not leave a database behind.
      const name = normalizeName(requireOption(ctx, 'name', STATION_COMMANDS.init!.usage), 'station name');
      return printStation(ctx, ctx.services().stations.init(name));
    },
  },
  show: {
    summary: 'show the station name and fingerprint',
    usage: 'ferry station show [--data-dir DIR] [--json]',
    options: {},
    positionals: 0,
    run: (ctx) => printStation(ctx, ctx.services().stations.show()),
  },
  export: {
    summary: 'write the public key as PEM (SubjectPublicKeyInfo) for another station to trust',
    usage: 'ferry station export --out FILE [--force] [--data-dir DIR] [--json]',
    options: { ...OUTPUT_OPTIONS },
    positionals: 0,
    run: (ctx) => {
      const requested = requireOption(ctx, 'out', STATION_COMMANDS.export!.usage);
      const station = ctx.services().stations.show();
      const out = writeOutputOption(ctx, requested, station.publicKeyPem);
      if (ctx.json) ctx.io.out(JSON.stringify({ file: out, fingerprint: station.fingerprint }) + '\n');
      else ctx.io.out(`Wrote ${out}\nFingerprint  ${formatFingerprint(station.fingerprint)}\nRead this fingerprint to the person who trusts this station.\n`);
      return EXIT.ok;
    },
  },
  trust: {
    summary: 'trust another station from its PEM key or a request, if the fingerprint matches',
    usage: 'ferry station trust FILE --fingerprint FP [--name N] [--data-dir DIR] [--json]',
    options: { fingerprint: { type: 'string' }, name: { type: 'string' } },
    positionals: 1,
    run: (ctx) => {
      const fingerprint = requireOption(ctx, 'fingerprint', STATION_COMMANDS.trust!.usage);
      const name = ctx.values.name;
      if (name === '') throw usageError(`--name is empty.\nUsage: ${STATION_COMMANDS.trust!.usage}`);
      const text = readTextInput(ctx.positionals[0]!, 'request');
      const trusted = ctx.services().stations.trust(text, fingerprint, typeof name === 'string' ? name : undefined);
      if (ctx.json) ctx.io.out(JSON.stringify(trusted) + '\n');
      else ctx.io.out(`Trusted "${escapeForTerminal(trusted.name)}"\nFingerprint  ${formatFingerprint(trusted.fingerprint)}\n`);
      return EXIT.ok;
    },
  },
};
