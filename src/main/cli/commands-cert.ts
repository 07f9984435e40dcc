/**
 * `ferry cert …`: certificate material checked before it travels, and packaged for the new appliance.
 * Neither needs a data directory. Passphrases come from files (never from the command line, where
 * other users and the shell history would see them); a trailing line break in such a file is not part
 * of the passphrase.
 */
import { escapeForTerminal } from '../../shared/names.ts';
import { exportFiles, inspectFiles, writeExport, writeExportToMedium } from '../certs/cert-service.ts';
import { createVolumeProvider } from '../media/volume.ts';
import { readTextInput } from '../files/text-input.ts';
import { resolveOutputPath } from '../files/output-path.ts';
import { resolveDataDir } from '../data-dir.ts';
import { optionalOption, requireOption, type Command, type CommandContext } from './command.ts';
import { EXIT, usageError } from './output.ts';

const INSPECT_USAGE = 'ferry cert inspect FILE… [--passphrase-file F] [--host H]… [--inventory] [--data-dir DIR] [--json]';
const EXPORT_USAGE = 'ferry cert export FILE… [--passphrase-file F] (--out FILE.p12|FILE.pem [--force] | --medium DIR [--pem]) --out-passphrase-file G [--compat] [--json]';

/** A passphrase from a file; null when the option is absent. */
function passphraseFrom(ctx: CommandContext, option: string, usage: string): string | null {
  const file = optionalOption(ctx, option, usage);
  if (file === undefined) return null;
  const text = readTextInput(file, 'key').replace(/\r?\n$/, '');
  if (text === '') throw usageError(`--${option}: ${file} is empty.\nUsage: ${usage}`);
  return text;
}

function hostsOf(ctx: CommandContext): string[] {
  const value = ctx.values.host as unknown;
  const hosts = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
  for (const h of hosts) if (h.trim() === '') throw usageError(`--host is empty.\nUsage: ${INSPECT_USAGE}`);
  return hosts.map((h) => h.trim());
}

/** The certificate commands. */
export const CERT_COMMANDS: Record<string, Command> = {
  inspect: {
    summary: 'the chain, the key match and the findings of certificate files (exit 1 on an error finding)',
    usage: INSPECT_USAGE,
    help: `
FILE: PEM (certificates, bundles in any order, PKCS#7, keys), DER, PKCS#7 or PKCS#12 (OpenSSL 3 default
or legacy). Give several files at once, e.g. a chain file and a key file. --passphrase-file opens
encrypted keys and PKCS#12. --host (repeatable) must each be in the leaf's subject alternative names;
--inventory adds the host name of every appliance in the inventory (an Atlas cluster: every node's).
`,
    options: { 'passphrase-file': { type: 'string' }, host: { type: 'string', multiple: true }, inventory: { type: 'boolean' } },
    positionals: 'one-or-more',
    run: async (ctx) => {
      const passphrase = passphraseFrom(ctx, 'passphrase-file', INSPECT_USAGE);
      const inventory = ctx.values.inventory === true ? ctx.services().appliances.list().map((a) => a.hostname) : [];
      const result = await inspectFiles(ctx.positionals, passphrase, [...new Set([...hostsOf(ctx), ...inventory])]);
      const errors = result.findings.some((f) => f.severity === 'error');
      if (ctx.json) {
        ctx.io.out(JSON.stringify({
          chain: result.chain.map((c) => ({ subject: c.subject, issuer: c.issuer, notAfter: c.notAfter, keyType: c.keyType, sha256: c.sha256, notBefore: c.notBefore, ca: c.ca, subjectAltName: c.subjectAltName, signatureAlgorithm: c.signatureAlgorithm })),
          findings: result.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, ...(f.cert ? { cert: f.cert } : {}), ...(f.host ? { host: f.host } : {}) })),
          key: result.key !== null,
          unrelated: result.unrelated.map((c) => ({ subject: c.subject, sha256: c.sha256 })),
        }) + '\n');
      } else {
        const lines = result.chain.map((c, i) => `${i === 0 ? 'leaf' : `#${i}`.padEnd(4)}  ${escapeForTerminal(c.subject)}\n      issuer ${escapeForTerminal(c.issuer)}\n      ${c.keyType}, ${c.signatureAlgorithm}, until ${c.notAfter}\n      sha256 ${c.sha256}\n`);
        lines.push(`key: ${result.key ? 'matches the leaf' : 'none that matches'}\n`);
        lines.push(result.findings.length === 0 ? 'findings: none\n' : `findings:\n${result.findings.map((f) => `  ${f.severity.padEnd(7)} ${f.code}: ${escapeForTerminal(f.message)}\n`).join('')}`);
        ctx.io.out(lines.join(''));
      }
      return errors ? EXIT.check : EXIT.ok;
    },
  },
  export: {
    summary: 'certificate, key and chain, ordered, as one PKCS#12 (or PEM with an encrypted key) for the import on the new appliance',
    usage: EXPORT_USAGE,
    help: `
The output is a PKCS#12 (AES-256; --compat: 3DES for older appliances, RSA keys only) or, for an --out
ending in .pem (or --pem with --medium), the chain followed by the key as encrypted PKCS#8. --medium DIR
writes it to DIR/FERRY/certificates/ under a new name, with a README (German and English) beside it. The private key is never written
unencrypted: --out-passphrase-file (at least 8 characters) protects it. Refused when the material has
no key that belongs to the leaf, or when an error finding remains (run "ferry cert inspect" first).
`,
    options: {
      'passphrase-file': { type: 'string' }, out: { type: 'string' }, medium: { type: 'string' }, pem: { type: 'boolean' },
      'out-passphrase-file': { type: 'string' }, compat: { type: 'boolean' }, force: { type: 'boolean' },
    },
    positionals: 'one-or-more',
    run: async (ctx) => {
      const mediumDir = optionalOption(ctx, 'medium', EXPORT_USAGE);
      if ((mediumDir === undefined) === (ctx.values.out === undefined)) throw usageError(`Give either --out FILE or --medium DIR.\nUsage: ${EXPORT_USAGE}`);
      const outPassphrase = passphraseFrom(ctx, 'out-passphrase-file', EXPORT_USAGE);
      if (outPassphrase === null) throw usageError(`--out-passphrase-file is required: the private key is never written unencrypted.\nUsage: ${EXPORT_USAGE}`);
      if (mediumDir !== undefined) {
        const format = ctx.values.pem === true ? 'pem' : 'pkcs12';
        if (format === 'pem' && ctx.values.compat === true) throw usageError(`--compat is for PKCS#12 output.\nUsage: ${EXPORT_USAGE}`);
        const dataDir = resolveDataDir(ctx.values['data-dir'] as string | undefined, ctx.io.env);
        const exported = await exportFiles(ctx.positionals, passphraseFrom(ctx, 'passphrase-file', EXPORT_USAGE), { passphrase: outPassphrase, format, compat: ctx.values.compat === true });
        const written = await writeExportToMedium(mediumDir, exported, format, exported.name, { volumes: createVolumeProvider(process.platform, { dataDir }), dataDir, now: new Date(), requireMedium: false }, null);
        if (ctx.json) ctx.io.out(JSON.stringify({ file: written.file, readme: written.readme, format, certificates: exported.certificates, leaf: exported.leaf }) + '\n');
        else ctx.io.out(`Wrote ${written.file} and ${written.readme}.\n`);
        return EXIT.ok;
      }
      const out = requireOption(ctx, 'out', EXPORT_USAGE);
      if (ctx.values.pem === true) throw usageError(`--pem is for --medium; with --out the file name decides (.pem).\nUsage: ${EXPORT_USAGE}`);
      const pem = /\.pem$/i.test(out);
      if (pem && ctx.values.compat === true) throw usageError(`--compat is for PKCS#12 output.\nUsage: ${EXPORT_USAGE}`);
      // Checked before any work: never into Ferry's data directory, never over a file without --force.
      const dataDir = resolveDataDir(ctx.values['data-dir'] as string | undefined, ctx.io.env);
      const target = resolveOutputPath(out, { dataDir, force: ctx.values.force === true });
      const exported = await exportFiles(ctx.positionals, passphraseFrom(ctx, 'passphrase-file', EXPORT_USAGE), { passphrase: outPassphrase, format: pem ? 'pem' : 'pkcs12', compat: ctx.values.compat === true });
      writeExport(target, exported, null, pem ? 'pem' : 'pkcs12');
      if (ctx.json) ctx.io.out(JSON.stringify({ file: target, format: pem ? 'pem' : 'pkcs12', certificates: exported.certificates, leaf: exported.leaf }) + '\n');
      else ctx.io.out(`Wrote ${target}: ${exported.certificates} certificate(s) and the encrypted key (${pem ? 'PEM' : ctx.values.compat === true ? 'PKCS#12, 3DES' : 'PKCS#12, AES-256'}).\n`);
      return EXIT.ok;
    },
  },
};
