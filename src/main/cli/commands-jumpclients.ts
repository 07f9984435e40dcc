/**
 * `ferry jumpclients check`: the Jump Client list exported from the representative console, checked
 * against the time the upgrade finished (guide: "Client-Upgrades"). Exit 1 when a client has not
 * upgraded (the list failed the check), 0 when all have.
 */
import { parseInstant } from '../../shared/instant.ts';
import { CLIENT_FIELDS, type ClientField, type ColumnMapping } from '../../shared/jumpclients/columns.ts';
import { escapeForTerminal } from '../../shared/names.ts';
import { checkFetchedClients, checkJumpClients, type Straggler } from '../jumpclients/jumpclient-check.ts';
import { stragglersCsv } from '../jumpclients/stragglers-csv.ts';
import { resolveDataDir } from '../data-dir.ts';
import { writeOutputFile } from '../files/output-path.ts';
import { optionalOption, requireOption, type Command, type CommandContext } from './command.ts';
import { EXIT, usageError } from './output.ts';

const CHECK_USAGE = 'ferry jumpclients check CSV --since ISO-8601 [--columns name=1,lastSeen=4,…] [--stragglers FILE [--force]] [--lang de|en] [--json]';

/** `name=1,status=3` (1-based columns) → a partial mapping; USAGE for anything else. */
function parseColumns(text: string): Partial<ColumnMapping> {
  const out: Partial<ColumnMapping> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*(\d{1,4})\s*$/.exec(part);
    if (!m || !(CLIENT_FIELDS as readonly string[]).includes(m[1]!) || Number(m[2]) < 1) {
      throw usageError(`--columns takes field=column pairs (fields: ${CLIENT_FIELDS.join(', ')}; columns from 1), not "${part.slice(0, 60)}".\nUsage: ${CHECK_USAGE}`);
    }
    out[m[1] as ClientField] = Number(m[2]) - 1;
  }
  return out;
}

const REASONS = { pending: 'upgrade pending', 'not-since': 'not checked in since the upgrade', 'no-date': 'no date' } as const;

const FETCH_USAGE = 'ferry jumpclients fetch NAME --since ISO-8601 [--stragglers FILE [--force]] [--lang de|en] [--data-dir DIR] [--json]';

function sinceOption(ctx: CommandContext, usage: string): Date {
  const sinceText = requireOption(ctx, 'since', usage);
  const since = parseInstant(sinceText);
  if (since === null) throw usageError(`--since is an ISO-8601 time with a zone (e.g. 2026-11-27T18:00:00+01:00), not "${sinceText.slice(0, 60)}".\nUsage: ${usage}`);
  return since;
}

/** A straggler in the documented JSON of both commands. */
const stragglerJson = (s: Straggler) => ({ name: s.name, status: s.status, lastSeen: s.lastSeen, reason: s.reason, row: s.row });

/** The lines a person reads: how many checked in, then each straggler with why (200 at most). */
function stragglerLines(upgraded: number, total: number, since: Date, notUpgraded: readonly Straggler[]): string {
  const lines = [`${upgraded} of ${total} Jump Clients have checked in since ${since.toISOString()}.\n`];
  for (const s of notUpgraded.slice(0, 200)) lines.push(`  ${escapeForTerminal(s.name)}: ${REASONS[s.reason]}${s.lastSeen ? ` (last seen ${escapeForTerminal(s.lastSeen)})` : ''}\n`);
  if (notUpgraded.length > 200) lines.push(`  … and ${notUpgraded.length - 200} more (--json or --stragglers FILE lists all)\n`);
  return lines.join('');
}

export const JUMPCLIENT_COMMANDS: Record<string, Command> = {
  check: {
    summary: 'the Jump Clients of an exported list that have not upgraded since the upgrade finished (exit 1 if any)',
    usage: CHECK_USAGE,
    help: `
CSV: the Jump Client list exported from the representative console, in English or German (comma or
semicolon, with or without BOM). Columns are recognised by their headers and contents; --columns names
them where they are not (1-based). --since: when the upgrade finished (ISO-8601 with a zone). Dates in
the list without a zone are this computer's local time. --stragglers FILE writes the clients not
upgraded as CSV for the helpdesk (cells that would start a formula are defused).
`,
    options: { since: { type: 'string' }, columns: { type: 'string' }, stragglers: { type: 'string' }, force: { type: 'boolean' }, lang: { type: 'string' } },
    positionals: 1,
    run: async (ctx) => {
      const since = sinceOption(ctx, CHECK_USAGE);
      const columns = optionalOption(ctx, 'columns', CHECK_USAGE);
      const out = optionalOption(ctx, 'stragglers', CHECK_USAGE);
      const lang = ctx.values.lang === 'de' ? 'de' : 'en';
      const result = await checkJumpClients(ctx.positionals[0]!, since, { ...(columns ? { mapping: parseColumns(columns) } : {}), signal: ctx.signal });
      // No data directory needed; none written into either.
      if (out !== undefined) writeOutputFile(out, stragglersCsv(result.notUpgraded, lang), { dataDir: resolveDataDir(ctx.values['data-dir'] as string | undefined, ctx.io.env), force: ctx.values.force === true });
      if (ctx.json) {
        ctx.io.out(JSON.stringify({
          total: result.total, upgraded: result.upgraded,
          notUpgraded: result.notUpgraded.map(stragglerJson),
          counts: result.counts, columns: { headers: result.headers, mapping: result.mapping, how: result.how },
        }) + '\n');
      } else {
        ctx.io.out(stragglerLines(result.upgraded, result.total, since, result.notUpgraded));
      }
      return result.notUpgraded.length > 0 ? EXIT.check : EXIT.ok;
    },
  },  fetch: {
    summary: 'the same check over the list read through the appliance link (all pages; exit 1 if any has not upgraded)',
    usage: FETCH_USAGE,
    help: `
NAME: an appliance linked with "ferry appliance link" whose API account may use the configuration API.
The list is read page by page (100 a page) and checked like an exported one: "Upgrade Pending" is
pending, no last connection is no date, one before --since has not checked in since.
`,
    options: { since: { type: 'string' }, stragglers: { type: 'string' }, force: { type: 'boolean' }, lang: { type: 'string' } },
    positionals: 1,
    run: async (ctx) => {
      const since = sinceOption(ctx, FETCH_USAGE);
      const out = optionalOption(ctx, 'stragglers', FETCH_USAGE);
      const lang = ctx.values.lang === 'de' ? 'de' : 'en';
      const clients = await ctx.services().links.jumpClients(ctx.positionals[0]!, ctx.signal);
      const result = checkFetchedClients(clients, since);
      if (out !== undefined) writeOutputFile(out, stragglersCsv(result.notUpgraded, lang), { dataDir: resolveDataDir(ctx.values['data-dir'] as string | undefined, ctx.io.env), force: ctx.values.force === true });
      if (ctx.json) {
        ctx.io.out(JSON.stringify({
          total: result.total, upgraded: result.upgraded,
          notUpgraded: result.notUpgraded.map(stragglerJson),
          counts: result.counts,
        }) + '\n');
      } else {
        ctx.io.out(stragglerLines(result.upgraded, result.total, since, result.notUpgraded));
      }
      return result.notUpgraded.length > 0 ? EXIT.check : EXIT.ok;
    },
  },
};
