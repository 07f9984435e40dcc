/** `ferry plan`: the install order from a package catalog (DESIGN: Command line). */
import { z } from 'zod';
import { isVersion } from '../../shared/versions.ts';
import { planUpgrade, type PlanResult } from '../../shared/planner/index.ts';
import { readCatalogFile } from '../plans/catalog-file.ts';
import { requireOption, type Command } from './command.ts';
import { EXIT, usageError } from './output.ts';

const USAGE = 'ferry plan --catalog FILE --base V --site V [--target V|latest] [--wait-hours N] [--json]';

const version = z.string().refine(isVersion, 'must be a version like 12.2.0');
const ArgsSchema = z.object({
  base: version,
  site: version,
  target: z.union([z.literal('latest'), version]),
  waitHours: z.coerce.number({ error: 'must be a number of hours' }).finite().min(0, 'must be 0 or more').max(24 * 365, 'must be at most a year'),
});

const hours = (h: number) => (Number.isInteger(h) ? `${h}` : h.toFixed(1));

/** The readable, numbered plan. */
export function formatPlan(result: PlanResult): string {
  const head = `From site ${result.from.site} / base ${result.from.base} to site ${result.target.site}${result.target.base ? ` / base ${result.target.base}` : ''}`;
  if (!result.reachable) {
    const blockers = result.blockers.map((b) =>
      `  - ${b.package} needs ${b.requires.component} ${b.requires.range} (available: ${b.available.length ? b.available.join(', ') : 'none'})`);
    const trip = result.nextTrip.map((t) => `  - ${t.component} ${t.range}`);
    return [`${head}: NOT REACHABLE`, '', 'Blockers:', ...blockers, ...(trip.length ? ['', 'Ask for on the next trip:', ...trip] : []), ''].join('\n');
  }
  if (result.steps.length === 0) return `${head}: already there, nothing to install.\n`;
  const lines = [head, ''];
  if (result.clientStrategy === 'redeploy') lines.push('  0. Uninstall all client software (consoles, Jump Clients, Jumpoints, buttons, agents)');
  result.steps.forEach((s, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}. ${s.name.padEnd(28)} ${s.component} ${s.from ?? '—'} → ${s.version}   ${s.minutes.min}–${s.minutes.max} min`);
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

/** The plan command. */
export const PLAN_COMMAND: Command = {
  summary: 'install order from a package catalog: fewest installs, waits, blockers',
  usage: USAGE,
  options: { catalog: { type: 'string' }, base: { type: 'string' }, site: { type: 'string' }, target: { type: 'string' }, 'wait-hours': { type: 'string' } },
  positionals: 0,
  run: (ctx) => {
    const catalogPath = requireOption(ctx, 'catalog', USAGE);
    const parsed = ArgsSchema.safeParse({
      base: requireOption(ctx, 'base', USAGE),
      site: requireOption(ctx, 'site', USAGE),
      target: ctx.values.target ?? 'latest',
      waitHours: ctx.values['wait-hours'] ?? 24,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw usageError(`--${String(issue.path[0]).replace('waitHours', 'wait-hours')} ${issue.message}\nUsage: ${USAGE}`);
    }
    const catalog = readCatalogFile(catalogPath);
    const { base, site, target, waitHours } = parsed.data;
    const result = planUpgrade(catalog.packages, { base, site }, { site: target }, { waitHours });
    ctx.io.out(ctx.json ? JSON.stringify(planJson(result)) + '\n' : formatPlan(result));
    return result.reachable ? EXIT.ok : EXIT.check;
  },
};
