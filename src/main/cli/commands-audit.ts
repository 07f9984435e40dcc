/** `ferry audit …`: verify the chain (against a witness too), export it signed, check an export, write witnesses. */
import { FerryError } from '../../shared/errors.ts';
import { formatFingerprint } from '../../shared/fingerprint.ts';
import { escapeForTerminal } from '../../shared/names.ts';
import { buildAuditExport } from '../audit/audit-export.ts';
import type { ChainVerification } from '../audit/audit-verify.ts';
import { verifyAuditExport } from '../audit/export-verify.ts';
import { buildWitnessFile, type WitnessReport } from '../audit/witness-file.ts';
import { verifyWithWitness } from '../audit/witness-verify.ts';
import { readTextInput } from '../files/text-input.ts';
import { OUTPUT_OPTIONS, optionalOption, requireOption, writeOutputOption, type Command, type CommandContext } from './command.ts';
import { EXIT, reportError } from './output.ts';

function witnessLine(w: WitnessReport): string {
  const who = `${escapeForTerminal(w.station.name)} (${formatFingerprint(w.station.fingerprint)})`;
  return w.heads === 0
    ? `Witness      ${who} recorded no heads of this station: nothing to compare\n`
    : `Witness      ${who}: ${w.heads} recorded head(s) match, up to entry ${w.latestSeq}\n`;
}

function keyLine(result: ChainVerification): string {
  if (result.keyConfirmed) return 'Station key  confirmed: the sealed private key belongs to the public key that signed the head\n';
  return `Station key  NOT confirmed: ${escapeForTerminal(result.keyNote ?? 'no station key was checked')}\n`;
}

function printVerification(ctx: CommandContext, result: ChainVerification, witness: WitnessReport | null): number {
  const extra = witness ? { witness } : {};
  if (!result.ok) {
    return reportError(ctx.io, ctx.json, new FerryError('AUDIT_CHAIN_BROKEN',
      `The audit log is broken at entry ${result.brokenAt}: ${result.reason}`, { ...result, ...extra }));
  }
  if (ctx.json) ctx.io.out(JSON.stringify({ ...result, ...extra }) + '\n');
  else {
    ctx.io.out(`Audit log intact: ${result.count} ${result.count === 1 ? 'entry' : 'entries'}, head ${result.headHash}${result.anchored ? ', signed by this station' : ''}\n`);
    ctx.io.out(keyLine(result));
    if (witness) ctx.io.out(witnessLine(witness));
  }
  return EXIT.ok;
}

/** The audit commands. */
export const AUDIT_COMMANDS: Record<string, Command> = {
  verify: {
    summary: 'recompute the hash chain and check its signed head (and the heads a trusted station witnessed); exit 1 with AUDIT_CHAIN_BROKEN if it was altered',
    usage: 'ferry audit verify [--witness FILE] [--data-dir DIR] [--json]',
    options: { witness: { type: 'string' } },
    positionals: 0,
    run: (ctx) => {
      const witnessFile = optionalOption(ctx, 'witness', AUDIT_COMMANDS.verify!.usage);
      const witnessText = witnessFile === undefined ? undefined : readTextInput(witnessFile, 'export');
      const s = ctx.services();
      if (witnessText === undefined) return printVerification(ctx, s.audit.verify(), null);
      const { verification, witness } = verifyWithWitness(s, witnessText);
      return printVerification(ctx, verification, witness);
    },
  },
  export: {
    summary: 'write the log as JSON Lines, signed by this station',
    usage: 'ferry audit export --out FILE [--force] [--data-dir DIR] [--json]',
    options: { ...OUTPUT_OPTIONS },
    positionals: 0,
    run: (ctx) => {
      const requested = requireOption(ctx, 'out', AUDIT_COMMANDS.export!.usage);
      const s = ctx.services();
      const result = buildAuditExport(s.audit, s.stations);
      const out = writeOutputOption(ctx, requested, result.text);
      const summary = { file: out, count: result.count, headHash: result.headHash, verified: result.verified };
      if (ctx.json) ctx.io.out(JSON.stringify(summary) + '\n');
      else ctx.io.out(`Wrote ${result.count} entries to ${out}${result.verified ? '' : ' (WARNING: the chain did not verify)'}\n`);
      return EXIT.ok;
    },
  },
  witnesses: {
    summary: 'write the audit heads this station recorded of other stations, signed, for their "audit verify --witness"',
    usage: 'ferry audit witnesses --out FILE [--force] [--data-dir DIR] [--json]',
    options: { ...OUTPUT_OPTIONS },
    positionals: 0,
    run: (ctx) => {
      const requested = requireOption(ctx, 'out', AUDIT_COMMANDS.witnesses!.usage);
      const s = ctx.services();
      const station = s.stations.show();
      const result = buildWitnessFile(s.witnesses, { name: station.name, fingerprint: station.fingerprint }, s.stations.privateKey());
      const out = writeOutputOption(ctx, requested, result.text);
      if (ctx.json) ctx.io.out(JSON.stringify({ file: out, count: result.count, fingerprint: station.fingerprint }) + '\n');
      else ctx.io.out(`Wrote ${result.count} witnessed head(s) to ${out}\n`);
      return EXIT.ok;
    },
  },
  'verify-export': {
    summary: 'check an audit export against the exporting station’s public key (PEM), without a data directory',
    usage: 'ferry audit verify-export FILE --key PEM [--json]',
    options: { key: { type: 'string' } },
    positionals: 1,
    run: (ctx) => {
      const keyFile = requireOption(ctx, 'key', AUDIT_COMMANDS['verify-export']!.usage);
      const result = verifyAuditExport(readTextInput(ctx.positionals[0]!, 'export'), readTextInput(keyFile, 'key'));
      if (ctx.json) ctx.io.out(JSON.stringify(result) + '\n');
      else {
        ctx.io.out(`Export intact: ${result.count} ${result.count === 1 ? 'entry' : 'entries'}, head ${result.headHash}\n` +
          `Signed by    ${escapeForTerminal(result.station.name)} (${formatFingerprint(result.station.fingerprint)}) at ${escapeForTerminal(result.exportedAt)}\n`);
      }
      return EXIT.ok;
    },
  },
};
