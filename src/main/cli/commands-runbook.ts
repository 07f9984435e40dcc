/** `ferry runbook …`: the procedures of the upgrade guide, and their steps made concrete for a topology. */
import { PROCEDURE_IDS, type ProcedureId } from '../../shared/runbooks/types.ts';
import { RUNBOOKS } from '../../shared/runbooks/index.ts';
import { offlineFirst, parseTrafficNodes } from '../../shared/runbooks/atlas.ts';
import { instantiate } from '../../shared/runbooks/instantiate.ts';
import { optionalOption, requireOption, type Command } from './command.ts';
import { EXIT, usageError } from './output.ts';

const PREVIEW_USAGE = 'ferry runbook preview --procedure ID [--traffic-nodes name:region,…] [--variant shared-ip|dns-swing|nat-swing] [--lang de|en] [--json]';
const VARIANTS = ['shared-ip', 'dns-swing', 'nat-swing'] as const;

/** The runbook commands. */
export const RUNBOOK_COMMANDS: Record<string, Command> = {
  status: {
    summary: 'the runs of this station: procedure, progress, the next steps',
    usage: 'ferry runbook status [--lang de|en] [--data-dir DIR] [--json]',
    options: { lang: { type: 'string' } },
    positionals: 0,
    run: (ctx) => {
      const runs = ctx.services().runbooks.list();
      const lang = ctx.values.lang === 'de' ? 'de' : 'en';
      const summary = runs.map((r) => ({
        id: r.id, procedure: r.procedure, createdAt: r.createdAt, status: r.status,
        done: r.steps.filter((s) => s.status === 'done').length, skipped: r.steps.filter((s) => s.status === 'skipped').length, total: r.steps.length,
        next: r.steps.filter((s) => s.status === 'ready' || s.status === 'waiting').map((s) => ({ id: s.id, status: s.status, title: s.title, waitUntil: s.waitUntil })),
      }));
      if (ctx.json) ctx.io.out(JSON.stringify({ runs: summary }) + '\n');
      else ctx.io.out(summary.length === 0 ? 'No runbook runs yet.\n' : summary.map((r) => `${r.id}  ${r.procedure}  ${r.status}  ${r.done + r.skipped}/${r.total}\n${r.next.map((n) => `  next: ${n.title[lang]}${n.waitUntil ? ` (wait until ${n.waitUntil})` : ''}\n`).join('')}`).join(''));
      return EXIT.ok;
    },
  },
  list: {
    summary: 'the procedures of the upgrade guide, with their steps and the guide section of each',
    usage: 'ferry runbook list [--lang de|en] [--json]',
    options: { lang: { type: 'string' } },
    positionals: 0,
    run: (ctx) => {
      const lang = ctx.values.lang === 'de' ? 'de' : 'en';
      const all = PROCEDURE_IDS.map((id) => RUNBOOKS[id]);
      if (ctx.json) {
        ctx.io.out(JSON.stringify({ procedures: all.map((d) => ({
          id: d.id, title: d.title, summary: d.summary, topology: d.topology, guideRef: d.guideRef,
          steps: d.sections.flatMap((s) => s.steps.map((st) => ({ id: st.id, section: s.id, kind: st.kind, title: st.title, guideRef: st.guideRef, appliesTo: st.appliesTo, requires: st.requires, evidence: st.evidence, ...(st.variant ? { variant: st.variant } : {}) }))),
        })) }) + '\n');
      } else {
        ctx.io.out(all.map((d) => `${d.id.padEnd(20)} ${d.title[lang]} (${d.sections.reduce((n, s) => n + s.steps.length, 0)} steps)\n`).join(''));
      }
      return EXIT.ok;
    },
  },
  preview: {
    summary: 'the steps of a procedure for a topology (Atlas: which traffic nodes go offline first)',
    usage: PREVIEW_USAGE,
    options: { procedure: { type: 'string' }, 'traffic-nodes': { type: 'string' }, variant: { type: 'string' }, lang: { type: 'string' } },
    positionals: 0,
    run: (ctx) => {
      const id = requireOption(ctx, 'procedure', PREVIEW_USAGE);
      if (!(PROCEDURE_IDS as readonly string[]).includes(id)) throw usageError(`--procedure is one of ${PROCEDURE_IDS.join(', ')}.\nUsage: ${PREVIEW_USAGE}`);
      const nodesText = optionalOption(ctx, 'traffic-nodes', PREVIEW_USAGE);
      const traffic = nodesText === undefined ? [] : parseTrafficNodes(nodesText);
      if (traffic === null) throw usageError(`--traffic-nodes is a list like "fra-1:EU,fra-2:EU,nyc-1:US" (each name once).\nUsage: ${PREVIEW_USAGE}`);
      const variantText = optionalOption(ctx, 'variant', PREVIEW_USAGE);
      if (variantText !== undefined && !(VARIANTS as readonly string[]).includes(variantText)) throw usageError(`--variant is one of ${VARIANTS.join(', ')}.\nUsage: ${PREVIEW_USAGE}`);
      const definition = RUNBOOKS[id as ProcedureId];
      const atlas = definition.topology === 'atlas';
      const offline = offlineFirst(traffic);
      const steps = instantiate(definition, {
        appliances: atlas ? { master: 'master', masterBackup: 'master-backup', traffic } : { A: 'A', B: 'B' },
        ...(variantText !== undefined ? { variant: variantText as (typeof VARIANTS)[number] } : {}),
      });
      if (ctx.json) {
        ctx.io.out(JSON.stringify({ procedure: id, ...(atlas ? { offlineFirst: offline } : {}), steps }) + '\n');
        return EXIT.ok;
      }
      const lang = ctx.values.lang === 'de' ? 'de' : 'en';
      const lines = steps.map((s, i) => `${String(i + 1).padStart(3)}. ${s.title[lang]}${s.appliances.length ? ` — ${s.appliances.join(', ')}` : ''}\n     ${s.guideRef}`);
      ctx.io.out(`${definition.title[lang]}\n${atlas ? `Offline first: ${offline.length ? offline.join(', ') : '(none: give --traffic-nodes)'}\n` : ''}\n${lines.join('\n')}\n`);
      return EXIT.ok;
    },
  },
};
