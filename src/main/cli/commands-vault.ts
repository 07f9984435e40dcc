/** `ferry vault …`: the verified packages this station holds. */
import { escapeForTerminal } from '../../shared/names.ts';
import type { Command } from './command.ts';
import { EXIT } from './output.ts';

/** The vault commands. */
export const VAULT_COMMANDS: Record<string, Command> = {
  list: {
    summary: 'list the packages in the vault, with where they came from',
    usage: 'ferry vault list [--data-dir DIR] [--json]',
    options: {},
    positionals: 0,
    run: (ctx) => {
      const s = ctx.services();
      const packages = s.vault.list();
      if (ctx.json) ctx.io.out(JSON.stringify({ packages, ...s.vault.space() }) + '\n');
      else {
        ctx.io.out(packages.length === 0 ? 'The vault is empty.\n' : packages.map((p) =>
          `${escapeForTerminal(p.name)}  ${p.kind} ${p.version}  ${p.size} bytes\n  sha256 ${p.sha256}\n  from bundle ${p.bundleId}, verified ${p.verifiedAt}\n`).join(''));
      }
      return EXIT.ok;
    },
  },
};
