/** `ferry audit …`: verify the chain, export it signed. */
import { resolve } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { buildAuditExport } from '../audit/audit-export.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { requireOption, type Command } from './command.ts';
import { EXIT, reportError } from './output.ts';

/** The audit commands. */
export const AUDIT_COMMANDS: Record<string, Command> = {
  verify: {
    summary: 'recompute the hash chain; exit 1 with AUDIT_CHAIN_BROKEN if any entry was altered',
    usage: 'ferry audit verify [--data-dir DIR] [--json]',
    options: {},
    positionals: 0,
    run: (ctx) => {
      const result = ctx.services().audit.verify();
      if (!result.ok) {
        return reportError(ctx.io, ctx.json, new FerryError('AUDIT_CHAIN_BROKEN',
          `The audit log is broken at entry ${result.brokenAt}: ${result.reason}`, { ...result }));
      }
      if (ctx.json) ctx.io.out(JSON.stringify(result) + '\n');
      else ctx.io.out(`Audit log intact: ${result.count} entries, head ${result.headHash}\n`);
      return EXIT.ok;
    },
  },
  export: {
    summary: 'write the log as JSON Lines, signed by this station',
    usage: 'ferry audit export --out FILE [--data-dir DIR] [--json]',
    options: { out: { type: 'string' } },
    positionals: 0,
    run: (ctx) => {
      const out = resolve(requireOption(ctx, 'out', AUDIT_COMMANDS.export!.usage));
      const s = ctx.services();
      const result = buildAuditExport(s.audit, s.stations);
      writeFileAtomic(out, result.text);
      const summary = { file: out, count: result.count, headHash: result.headHash, verified: result.verified };
      if (ctx.json) ctx.io.out(JSON.stringify(summary) + '\n');
      else ctx.io.out(`Wrote ${result.count} entries to ${out}${result.verified ? '' : ' (WARNING: the chain did not verify)'}\n`);
      return EXIT.ok;
    },
  },
};
