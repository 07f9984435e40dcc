/** `ferry plan`: the install order from a package catalog (DESIGN: Command line), through the app's PlanService. */
import { PlanRequestSchema } from '../../shared/contract/plan.ts';
import { escapeForTerminal } from '../../shared/names.ts';
import type { PlanResult } from '../../shared/planner/index.ts';
import { PlanService } from '../plans/plan-service.ts';
import { numberOption, optionalOption, requireOption, type Command, type CommandContext } from './command.ts';
import { EXIT, usageError } from './output.ts';

const USAGE = 'ferry plan --catalog FILE --base V --site V [--target V|latest] [--target-base V] ' +
  '[--wait-hours N | --redeploy-clients] [--stored-data-gib N] [--json]';

/** The plan request without its catalog: checked before the catalog is read, so usage errors come first. */
const ArgsSchema = PlanRequestSchema.omit({ catalogId: true });
const FLAGS: Record<string, string> = { waitHours: 'wait-hours', targetBase: 'target-base', storedDataGiB: 'stored-data-gib' };

const hours = (h: number) => (Number.isInteger(h) ? `${h}` : h.toFixed(1));
/** Names and components come from the catalog, a file from outside: never print them raw. */
const safe = escapeForTerminal;

/** The readable, numbered plan. */
export function formatPlan(result: PlanResult): string {
  const head = `From site ${result.from.site} / base ${result.from.base} to site ${result.target.site}${result.target.base ? ` / base ${result.target.base}` : ''}`;
  if (!result.reachable) {
    const blockers = result.blockers.map((b) =>
      `  - ${safe(b.package)} needs ${safe(b.requires.component)} ${b.requires.range} (available: ${b.available.length ? b.available.join(', ') : 'none'})`);
    const trip = result.nextTrip.map((t) => `  - ${safe(t.component)} ${t.range}`);
    return [`${head}: NOT REACHABLE`, '', 'Blockers:', ...blockers, ...(trip.length ? ['', 'Ask for on the next trip:', ...trip] : []), ''].join('\n');
  }
  if (result.steps.length === 0) return `${head}: already there, nothing to install.\n`;
  const lines = [head, ''];
  if (result.clientStrategy === 'redeploy') lines.push('  0. Uninstall all client software (consoles, Jump Clients, Jumpoints, buttons, agents)');
  result.steps.forEach((s, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}. ${safe(s.name).padEnd(28)} ${safe(s.component)} ${s.from ?? '—'} → ${s.version}   ${s.minutes.min}–${s.minutes.max} min`);
    if (s.waitAfterHours > 0) lines.push(`      wait ${hours(s.waitAfterHours)} h so Jump Clients can upgrade`);
  });
  if (result.clientStrategy === 'redeploy') lines.push('      Reinstall all client software');
  const e = result.estimate;
  lines.push('', `${result.steps.length} install(s); about ${hours(e.totalHours.min)}–${hours(e.totalHours.max)} h including ${hours(e.waitHours)} h of waiting.`, '');
  return lines.join('\n');
}

/** The `--json` shape of DESIGN, plus the estimate and the next-trip list. */
export function planJson(result: PlanResult): Record<string, unknown> {
  if (!result.reachable) return { reachable: false, blockers: result.blockers, nextTrip: result.nextTrip };
  return {
    reachable: true,
    steps: result.steps.map((s) => ({ name: s.name, kind: s.kind, version: s.version, waitAfterHours: s.waitAfterHours })),
    estimate: result.estimate,
  };
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
  options: {
    catalog: { type: 'string' }, base: { type: 'string' }, site: { type: 'string' }, target: { type: 'string' },
    'target-base': { type: 'string' }, 'wait-hours': { type: 'string' }, 'redeploy-clients': { type: 'boolean' },
    'stored-data-gib': { type: 'string' },
  },
  positionals: 0,
  run: async (ctx) => {
    const catalogPath = requireOption(ctx, 'catalog', USAGE);
    const args = planArgs(ctx);
    // Planning needs no data directory: the service is made here, not taken from ctx.services().
    const plans = new PlanService();
    const { catalogId } = plans.openCatalog(catalogPath);
    const result = await plans.compute({ ...args, catalogId });
    ctx.io.out(ctx.json ? JSON.stringify(planJson(result)) + '\n' : formatPlan(result));
    return result.reachable ? EXIT.ok : EXIT.check;
  },
};
