/** `ferry plan`: the install order from a package catalog (DESIGN: Command line), through the app's PlanService. */
import { PlanRequestSchema } from '../../shared/contract/plan.ts';
import { escapeForTerminal } from '../../shared/names.ts';
import { parseLocalOrInstant } from '../../shared/instant.ts';
import { parseWindow, schedule, type MaintenanceWindow, type PlanResult, type ScheduledItem } from '../../shared/planner/index.ts';
import { writeOutputFile } from '../files/output-path.ts';
import { planCalendar } from '../plans/ics.ts';
import { PlanService } from '../plans/plan-service.ts';
import { numberOption, optionalOption, requireOption, type Command, type CommandContext } from './command.ts';
import { EXIT, usageError } from './output.ts';

const USAGE = 'ferry plan --catalog FILE --base V --site V [--target V|latest] [--target-base V] ' +
  '[--wait-hours N | --redeploy-clients] [--stored-data-gib N] [--start ISO] [--window SPEC]… [--ics FILE [--force]] [--appliance NAME] [--json]';

const HELP_EXAMPLE = `
SPEC: days and a local time span, e.g. "mon-fri 18:00-22:00", "sat,sun 08:00-12:00", or a date,
"2026-12-05 08:00-12:00" (repeat --window for several). --start: ISO-8601; without an offset it is
this computer's local time. Installs start only inside a window; waits run through nights.
--ics FILE writes the install slots as a calendar (one event per install, named after --appliance).

Catalog (JSON): { "packages": [
  { "name": "Base Software 4.0.0", "kind": "base", "version": "4.0.0" },
  { "name": "BeyondTrust 13.1.0", "kind": "site", "version": "13.1.0",
    "requires": [ { "component": "base", "range": ">=4.0.0" } ], "upgradesFrom": ">=12.2.0" } ] }`;

/** The plan request without its catalog: checked before the catalog is read, so usage errors come first. */
const ArgsSchema = PlanRequestSchema.omit({ catalogId: true });
const FLAGS: Record<string, string> = { waitHours: 'wait-hours', targetBase: 'target-base', storedDataGiB: 'stored-data-gib' };

/** A date-time in this computer's local time, as `2026-12-01 18:00`. */
const localTime = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
const hours = (h: number) => (Number.isInteger(h) ? `${h}` : h.toFixed(1));
/** Names and components come from the catalog, a file from outside: never print them raw. */
const safe = escapeForTerminal;

/** The readable, numbered plan. */
export function formatPlan(result: PlanResult, scheduled: ScheduledItem[] | null = null): string {
  const head = `From site ${result.from.site} / base ${result.from.base} to site ${result.target.site}${result.target.base ? ` / base ${result.target.base}` : ''}`;
  if (!result.reachable) {
    const blockers = result.blockers.map((b) => `  - ${safe(b.reason)}`);
    const trip = result.nextTrip.map((t) => `  - ${safe(t.component)} ${t.range}`);
    return [`${head}: NOT REACHABLE`, '', 'Blockers:', ...blockers, ...(trip.length ? ['', 'Ask for on the next trip:', ...trip] : []), ''].join('\n');
  }
  if (result.steps.length === 0) return `${head}: already there, nothing to install.\n`;
  const lines = [head, ''];
  if (result.clientStrategy === 'redeploy') lines.push('  0. Uninstall all client software (consoles, Jump Clients, Jumpoints, buttons, agents)');
  result.steps.forEach((s, i) => {
    const slot = scheduled?.find((x) => x.item.type === 'install' && x.item.step === i);
    const at = slot ? `   ${localTime(slot.start)} – ${localTime(slot.end)}` : '';
    lines.push(`  ${String(i + 1).padStart(2)}. ${safe(s.name).padEnd(28)} ${safe(s.component)} ${s.from ?? '—'} → ${s.version}   ${s.minutes.min}–${s.minutes.max} min${at}`);
    if (s.waitAfterHours > 0) lines.push(`      wait ${hours(s.waitAfterHours)} h so Jump Clients can upgrade`);
  });
  if (result.clientStrategy === 'redeploy') lines.push('      Reinstall all client software');
  const e = result.estimate;
  lines.push('', `${result.steps.length} install(s); about ${hours(e.totalHours.min)}–${hours(e.totalHours.max)} h including ${hours(e.waitHours)} h of waiting.`);
  if (scheduled && scheduled.length > 0) lines.push(`On the calendar (upper estimates, local time): ${localTime(scheduled[0]!.start)} to ${localTime(scheduled.at(-1)!.end)}.`);
  lines.push('');
  return lines.join('\n');
}

/** The `--json` shape of DESIGN, plus the estimate and the next-trip list; with a schedule, each step's `start` and `end`. */
export function planJson(result: PlanResult, scheduled: ScheduledItem[] | null = null): Record<string, unknown> {
  if (!result.reachable) return { reachable: false, blockers: result.blockers, nextTrip: result.nextTrip };
  const when = (i: number) => scheduled?.find((s) => s.item.type === 'install' && s.item.step === i);
  return {
    reachable: true,
    steps: result.steps.map((s, i) => {
      const slot = when(i);
      return { name: s.name, kind: s.kind, version: s.version, waitAfterHours: s.waitAfterHours, ...(slot ? { start: slot.start.toISOString(), end: slot.end.toISOString() } : {}) };
    }),
    estimate: result.estimate,
  };
}

/** `--start` and `--window`: when the plan is put on the calendar, if at all. */
function scheduleArgs(ctx: CommandContext): { start: Date | null; windows: MaintenanceWindow[] } {
  const startText = optionalOption(ctx, 'start', USAGE);
  const start = startText === undefined ? null : parseLocalOrInstant(startText);
  if (start === null && startText !== undefined) throw usageError(`--start is a time like 2026-12-01T18:00 (local) or 2026-12-01T17:00Z, not "${safe(startText)}".\nUsage: ${USAGE}`);
  const specs = (ctx.values.window as unknown as string[] | undefined) ?? [];
  const windows = specs.map((spec) => parseWindow(spec));
  if (windows.length > 0 && start === null) throw usageError(`--window needs --start (when the plan begins).\nUsage: ${USAGE}`);
  return { start, windows };
}

/** The command line as a plan request (defaults from the contract); USAGE for anything malformed. */
function planArgs(ctx: CommandContext) {
  const waitHours = numberOption(ctx, 'wait-hours', USAGE);
  const redeploy = ctx.values['redeploy-clients'] === true;
  if (redeploy && waitHours !== undefined) throw usageError(`--wait-hours and --redeploy-clients exclude each other.\nUsage: ${USAGE}`);
  const parsed = ArgsSchema.safeParse({
    base: requireOption(ctx, 'base', USAGE),
    site: requireOption(ctx, 'site', USAGE),
    target: optionalOption(ctx, 'target', USAGE) ?? 'latest',
    targetBase: optionalOption(ctx, 'target-base', USAGE),
    waitHours,
    clientStrategy: redeploy ? 'redeploy' : 'wait',
    storedDataGiB: numberOption(ctx, 'stored-data-gib', USAGE),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]);
    throw usageError(`--${FLAGS[key] ?? key} ${issue.message}\nUsage: ${USAGE}`);
  }
  return parsed.data;
}

/** The plan command. */
export const PLAN_COMMAND: Command = {
  summary: 'install order from a package catalog: fewest installs, waits, blockers',
  usage: USAGE,
  help: HELP_EXAMPLE + '\n',
  options: {
    catalog: { type: 'string' }, base: { type: 'string' }, site: { type: 'string' }, target: { type: 'string' },
    'target-base': { type: 'string' }, 'wait-hours': { type: 'string' }, 'redeploy-clients': { type: 'boolean' },
    'stored-data-gib': { type: 'string' }, start: { type: 'string' }, window: { type: 'string', multiple: true },
    ics: { type: 'string' }, force: { type: 'boolean' }, appliance: { type: 'string' },
  },
  positionals: 0,
  run: async (ctx) => {
    const catalogPath = requireOption(ctx, 'catalog', USAGE);
    const args = planArgs(ctx);
    const when = scheduleArgs(ctx);
    const ics = optionalOption(ctx, 'ics', USAGE);
    if (ics !== undefined && when.start === null) throw usageError(`--ics needs --start (the calendar needs dates).\nUsage: ${USAGE}`);
    const appliance = optionalOption(ctx, 'appliance', USAGE) ?? 'Appliance';
    // Planning needs no data directory: the service is made here, not taken from ctx.services().
    const plans = new PlanService();
    const { catalogId } = plans.openCatalog(catalogPath);
    const result = await plans.compute({ ...args, catalogId });
    const scheduled = result.reachable && when.start ? schedule(result, when.start, when.windows) : null;
    // The calendar is written only for a plan that can be carried out.
    if (ics !== undefined && result.reachable && scheduled) writeOutputFile(ics, planCalendar(result, scheduled, appliance), { dataDir: null, force: ctx.values.force === true });
    ctx.io.out(ctx.json ? JSON.stringify(planJson(result, scheduled)) + '\n' : formatPlan(result, scheduled));
    return result.reachable ? EXIT.ok : EXIT.check;
  },
};
