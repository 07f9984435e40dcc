/** `ferry request …`: write a request onto a medium (restricted side), show one (either side). */
import { formatFingerprint } from '../../shared/fingerprint.ts';
import { escapeForTerminal } from '../../shared/names.ts';
import { readTextInput } from '../files/text-input.ts';
import { optionalOption, requireOption, type Command } from './command.ts';
import { EXIT } from './output.ts';

const CREATE_USAGE = 'ferry request create --out DIR [--target V|latest] [--site HOST] [--data-dir DIR] [--json]';

/** The request commands. */
export const REQUEST_COMMANDS: Record<string, Command> = {
  create: {
    summary: 'sign a request for all appliances and write it to DIR/FERRY/requests/',
    usage: CREATE_USAGE,
    options: { out: { type: 'string' }, target: { type: 'string' }, site: { type: 'string' } },
    positionals: 0,
    run: async (ctx) => {
      const out = requireOption(ctx, 'out', CREATE_USAGE);
      const target = optionalOption(ctx, 'target', CREATE_USAGE);
      const site = optionalOption(ctx, 'site', CREATE_USAGE);
      const s = ctx.services();
      const created = await s.requests.create(out, { dataDir: s.dataDir, ...(target !== undefined ? { target } : {}), ...(site !== undefined ? { site } : {}) });
      if (ctx.json) ctx.io.out(JSON.stringify(created) + '\n');
      else {
        const warnings = created.warnings.map((w) => `  warning: ${escapeForTerminal(w.appliance)}: ${w.problem === 'noKey' ? 'no download key (the connected side cannot download for it)' : `download key is ${w.ageDays} days old`}\n`).join('');
        ctx.io.out(`Wrote ${created.file}\n  ${created.appliances} appliance(s), ${created.have} package(s) already in the vault\n${warnings}`);
      }
      return EXIT.ok;
    },
  },
  show: {
    summary: 'show a request: who signed it, the appliances, their keys and the target',
    usage: 'ferry request show FILE [--data-dir DIR] [--json]',
    options: {},
    positionals: 1,
    run: (ctx) => {
      const s = ctx.services();
      const opened = s.requests.open(readTextInput(ctx.positionals[0]!, 'request'));
      const trusted = s.stations.trustedKey(opened.fingerprint);
      const signer = { name: opened.name, fingerprint: opened.fingerprint, trusted: trusted !== null && trusted.publicKey.equals(opened.raw), trustedAs: trusted?.name ?? null };
      const r = opened.payload;
      if (ctx.json) {
        ctx.io.out(JSON.stringify({ ...r, auditHead: undefined, signer }) + '\n');
        return EXIT.ok;
      }
      const e = escapeForTerminal;
      const lines = r.appliances.map((a) => `  ${e(a.name)}  ${e(a.role)}  ${e(a.hostname)}  base ${e(a.base)}  site ${e(a.siteVersion)}\n    download key ${a.downloadKey === '' ? '(none)' : e(a.downloadKey)}${a.keyCapturedAt ? `  captured ${e(a.keyCapturedAt)}` : ''}\n`).join('');
      ctx.io.out(`Request ${r.id}  written ${escapeForTerminal(r.createdAt)}\n` +
        `Signed by "${escapeForTerminal(opened.name)}"  ${formatFingerprint(opened.fingerprint)}\n` +
        `  ${signer.trusted ? `trusted here as "${escapeForTerminal(signer.trustedAs!)}"` : 'NOT trusted here: compare this fingerprint with the requesting screen, then ferry station trust'}\n` +
        `Site ${e(r.site)}  target ${e(r.target.siteVersion)}\n${lines}` +
        `The vault there holds ${r.have.length} package(s) already.\n` +
        'Enter each download key on the vendor\'s update site (update.bomgar.com) and download every package offered.\n');
      return EXIT.ok;
    },
  },
};
