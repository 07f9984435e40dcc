/** `ferry bundle …`: write a bundle (connected side), verify and import one (restricted side). */
import { formatFingerprint } from '../../shared/fingerprint.ts';
import { parseInstant } from '../../shared/instant.ts';
import { escapeForTerminal } from '../../shared/names.ts';
import { readCatalogFile } from '../plans/catalog-file.ts';
import { readTextInput } from '../files/text-input.ts';
import type { BundleReport } from '../transfer/bundle-receive.ts';
import type { CreatedBundle } from '../transfer/bundle-create.ts';
import { numberOption, optionalOption, requireOption, type Command } from './command.ts';
import { EXIT, usageError } from './output.ts';

const CREATE_USAGE = 'ferry bundle create --request FILE --packages DIR --catalog FILE --out DIR [--max-file-size BYTES] [--expires-in-days N] [--data-dir DIR] [--json]';
const VERIFY_USAGE = 'ferry bundle verify DIR [--at ISO-8601] [--data-dir DIR] [--json]';

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function createdText(b: CreatedBundle): string {
  const packages = b.packages.map((p) => `  ${escapeForTerminal(p.name)}  ${mib(p.size)}${p.parts > 0 ? `  in ${p.parts} parts` : ''}\n`).join('');
  const there = b.alreadyThere.length > 0 ? `Left out (the vault there has them): ${b.alreadyThere.map(escapeForTerminal).join(', ')}\n` : '';
  const coverage = b.coverage.map((c) => c.reachable
    ? `  ${escapeForTerminal(c.appliance)}: reaches the target in ${c.steps.length} install(s)\n`
    : `  ${escapeForTerminal(c.appliance)}: does NOT reach the target${c.error ? ` (${c.error.code}: ${escapeForTerminal(c.error.message)})` : ''}\n${c.nextTrip.map((n) => `    download additionally: ${escapeForTerminal(n.component)} ${escapeForTerminal(n.range)}\n`).join('')}`).join('');
  const superseded = b.superseded.length > 0 ? `Not needed for this trip: ${b.superseded.map(escapeForTerminal).join(', ')}\n` : '';
  return `Wrote bundle ${b.id} (sequence ${b.sequence}, valid until ${b.expiresAt})\n  ${b.dir}\n${packages}${there}Per appliance:\n${coverage}${superseded}` +
    (b.complete ? 'Every byte was read back from the medium. Safe to remove.\n' : 'Every byte was read back from the medium. Safe to remove — but download what is missing first.\n');
}

function reportText(r: BundleReport, verb: string): string {
  const packages = r.packages.map((p) => `  ${escapeForTerminal(p.name)}  ${p.kind} ${escapeForTerminal(p.version)}  ${mib(p.size)}${p.parts > 0 ? ` (${p.parts} parts)` : ''}\n`).join('');
  const extra = r.extraFiles.length > 0 ? `Ignored (not in the manifest, never imported): ${r.extraFiles.map(escapeForTerminal).join(', ')}\n` : '';
  const clock = r.clockAheadSeconds !== null ? `Warning: the bundle was written ${r.clockAheadSeconds} s after this computer's time: check the clocks.\n` : '';
  return `${verb} bundle ${r.id} (sequence ${r.sequence}) from "${escapeForTerminal(r.signer.name)}"  ${formatFingerprint(r.signer.fingerprint)}\n` +
    `  answers request ${r.inReplyTo}, valid until ${r.expiresAt}\n${packages}${extra}${clock}`;
}

/** The bundle commands. */
export const BUNDLE_COMMANDS: Record<string, Command> = {
  create: {
    summary: 'write a bundle answering a request onto a medium (split for FAT32, read back, manifest last)',
    usage: CREATE_USAGE,
    options: { request: { type: 'string' }, packages: { type: 'string' }, catalog: { type: 'string' }, out: { type: 'string' }, 'max-file-size': { type: 'string' }, 'expires-in-days': { type: 'string' } },
    positionals: 0,
    run: async (ctx) => {
      const requestFile = requireOption(ctx, 'request', CREATE_USAGE);
      const packagesDir = requireOption(ctx, 'packages', CREATE_USAGE);
      const catalogFile = requireOption(ctx, 'catalog', CREATE_USAGE);
      const out = requireOption(ctx, 'out', CREATE_USAGE);
      const maxFileSize = numberOption(ctx, 'max-file-size', CREATE_USAGE, { min: 1, integer: true });
      const expiresInDays = numberOption(ctx, 'expires-in-days', CREATE_USAGE, { min: 1, max: 3650, integer: true });
      const catalog = readCatalogFile(catalogFile);
      const requestText = readTextInput(requestFile, 'request');
      const created = await ctx.services().bundles.create({
        requestText, packagesDir, catalog: catalog.packages, out,
        ...(maxFileSize !== undefined ? { maxFileSize } : {}), ...(expiresInDays !== undefined ? { expiresInDays } : {}),
      }, ctx.signal);
      ctx.io.out(ctx.json ? JSON.stringify(created) + '\n' : createdText(created));
      return EXIT.ok;
    },
  },
  verify: {
    summary: 'check signature, trust, expiry, sequence, request, paths, sizes and hashes; writes nothing',
    usage: VERIFY_USAGE,
    options: { at: { type: 'string' } },
    positionals: 1,
    run: async (ctx) => {
      const atText = optionalOption(ctx, 'at', VERIFY_USAGE);
      const at = atText === undefined ? undefined : parseInstant(atText);
      if (at === null) throw usageError(`--at is an ISO-8601 time with a zone (e.g. 2026-11-27T12:00:00Z), not "${escapeForTerminal(atText!)}".\nUsage: ${VERIFY_USAGE}`);
      const report = await ctx.services().bundles.verify(ctx.positionals[0]!, at, ctx.signal);
      ctx.io.out(ctx.json ? JSON.stringify({ ok: true, ...report }) + '\n' : `${reportText(report, 'Verified')}Every check passed.\n`);
      return EXIT.ok;
    },
  },
  import: {
    summary: 'verify while copying into the vault; all packages or none',
    usage: 'ferry bundle import DIR [--data-dir DIR] [--json]',
    options: {},
    positionals: 1,
    run: async (ctx) => {
      const report = await ctx.services().bundles.import(ctx.positionals[0]!, ctx.signal);
      ctx.io.out(ctx.json ? JSON.stringify({ ok: true, ...report }) + '\n'
        : `${reportText(report, 'Imported')}${report.imported} package(s) added to the vault, ${report.alreadyInVault} there already.\n`);
      return EXIT.ok;
    },
  },
};
