/**
 * A run's record for the change ticket: one self-contained HTML document (no scripts, no external
 * resources) that prints cleanly on A4 — who did what and when, with which evidence (every file by its
 * full SHA-256), the versions before and after, every deviation from the guide and the plan, and the
 * state of the audit chain when the report was made. React builds the markup, so every text a person
 * typed (notes, reasons, pasted values) is escaped by it, never by hand. A plain `.ts` file without JSX:
 * the CLI runs TypeScript with Node's type stripping, which knows no JSX.
 */
import { formatBytes } from '../bytes.ts';
import { formatHours as hours } from '../hours.ts';
import { Fragment, createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { assertNever } from '../assert-never.ts';
import type { Evidence, Run, RunStep } from '../contract/runbook.ts';
import { formatFingerprint } from '../fingerprint.ts';
import { offlineFirst } from './atlas.ts';
import { RUNBOOKS } from './index.ts';
import { RUN_WINDOWS, windowOfSection } from './run-windows.ts';
import type { RunbookStep, Text } from './types.ts';

/** What the report is made from: the run, the station that made it, the audit chain and the evidence files. */
export interface RunReport {
  run: Run;
  /** `fingerprint`: 64 lowercase hex digits. */
  station: { name: string; fingerprint: string };
  /** ISO-8601. */
  generatedAt: string;
  /** The chain's state when the report was made; `runEntries`: the entries about this run. */
  audit: { intact: boolean; entries: number; head: string | null; runEntries: number };
  /** The vault files given as evidence, by SHA-256 (a file removed from the vault since is missing). */
  evidenceFiles: Record<string, { fileName: string; size: number }>;
}

type Language = 'de' | 'en';
type StepState = 'done' | 'skipped' | 'open' | 'waiting' | 'blocked';
type Outcome = NonNullable<Evidence['check']>['outcome'] | 'anywhere';
const f = (...parts: ReactNode[]): ReactNode => h(Fragment, null, ...parts);

const EN = {
  docTitle: 'Runbook record',
  run: 'Run', status: 'Status', runStatus: { open: 'open', done: 'finished' },
  whoWhere: 'Who and where', account: 'Account', station: 'Station', fingerprint: 'Station fingerprint',
  chapter: 'Chapter of the guide', started: 'Started', finished: 'Finished', notFinished: 'not finished', generated: 'Report generated',
  appliances: 'Appliances', role: 'Role', name: 'Name', variant: 'Way to make appliance B primary',
  roles: { A: 'Appliance A', B: 'Appliance B', single: 'Appliance', oldA: 'Old appliance (A)', newB: 'New appliance (B)', master: 'Atlas master', masterBackup: 'Atlas master backup', traffic: 'Traffic node' },
  region: (r: string) => `region ${r}`, offlineFirst: 'taken offline first', noAppliances: 'No appliances.',
  variants: { 'shared-ip': 'shared IP', 'dns-swing': 'DNS swing', 'nat-swing': 'NAT swing' },
  versions: 'Versions before and after', appliance: 'Appliance', siteBefore: 'Site software before', siteAfter: 'Site software after', baseBefore: 'Base software before', baseAfter: 'Base software after',
  notReadBack: 'not read back', notInInventory: 'not in the inventory', inStep: (n: number) => `step ${n}`,
  plan: 'Plan', noPlan: 'No packages planned.', pkg: 'Package', version: 'Version', kind: 'Kind',
  kinds: { base: 'Base Software', site: 'Site Software', license: 'Licence', other: 'Other' },
  windows: 'Maintenance windows', noWindows: 'No maintenance windows set.', window: 'Window', start: 'Start', end: 'End', gap: 'Gap to previous',
  windowN: (n: number) => `Window ${n}`,
  steps: 'Steps', no: 'No.', step: 'Step', when: 'Status, when, by', evidence: 'Evidence and note', quote: (s: string) => `“${s}”`,
  states: { done: 'done', skipped: 'skipped', open: 'open', waiting: 'waiting', blocked: 'blocked' } satisfies Record<StepState, string>,
  guide: 'Guide', package: 'Package', wait: 'Wait', guideWait: (x: string) => `guide: ${x}`, waitsUntil: 'waits until',
  file: 'File', size: 'Size', unknownFile: 'unknown (no longer in the vault)', bytes: 'bytes',
  basics: 'Status › Basics', read: 'read', expected: 'expected', nothing: 'nothing',
  outcomes: { match: 'matches', anywhere: 'matched anywhere in the text', 'nothing-expected': 'nothing expected', mismatch: 'differs', unreadable: 'unreadable' } satisfies Record<Outcome, string>,
  typed: 'Entered', confirmed: 'confirmed', timestamp: 'Time given', note: 'Note', reason: 'Reason',
  linkReading: (name: string) => `Read from ${name} through the appliance link`, failoverRole: 'failover role', lastSync: 'last data sync', readAt: 'read', healthy: 'healthy', unhealthy: 'not healthy',
  deviations: 'Deviations', deviation: 'Deviation', none: 'None.',
  skippedBecause: (why: string) => `skipped; reason: ${why}`,
  waitChanged: (shorter: boolean, run: string, guide: string) => `wait ${shorter ? 'shortened' : 'lengthened'} to ${run} (guide: ${guide})`,
  anywhereDev: 'version found in the pasted Status › Basics text without a label (weaker evidence)',
  outside: (steps: string, first: ReactNode, n: number) => f(`steps ${steps} (installs and role switches) done outside window ${n}, the first at `, first),
  windowNo: (n: number) => `Window ${n}`,
  openRun: (n: number) => `The run is not finished: ${n} ${n === 1 ? 'step' : 'steps'} open.`,
  hashes: 'Evidence files (SHA-256)', noHashes: 'No files given as evidence.', inSteps: 'Steps',
  audit: 'Audit log', chain: 'Chain', intact: 'intact', broken: 'BROKEN: entries were changed or removed',
  entries: 'Entries', head: 'Head hash', noHead: 'none (empty log)', runEntries: 'Entries about this run',
};

const DE: typeof EN = {
  docTitle: 'Protokoll des Ablaufplans',
  run: 'Durchlauf', status: 'Status', runStatus: { open: 'offen', done: 'abgeschlossen' },
  whoWhere: 'Wer und wo', account: 'Benutzerkonto', station: 'Station', fingerprint: 'Fingerabdruck der Station',
  chapter: 'Kapitel der Anleitung', started: 'Begonnen', finished: 'Abgeschlossen', notFinished: 'nicht abgeschlossen', generated: 'Bericht erstellt',
  appliances: 'Geräte', role: 'Rolle', name: 'Name', variant: 'Weg, Gerät B primär zu machen',
  roles: { A: 'Gerät A', B: 'Gerät B', single: 'Gerät', oldA: 'Altes Gerät (A)', newB: 'Neues Gerät (B)', master: 'Atlas-Master', masterBackup: 'Backup des Atlas-Masters', traffic: 'Traffic-Knoten' },
  region: (r) => `Region ${r}`, offlineFirst: 'geht zuerst offline', noAppliances: 'Keine Geräte.',
  variants: { 'shared-ip': 'Freigegebene IP', 'dns-swing': 'DNS-Swing', 'nat-swing': 'NAT-Swing' },
  versions: 'Versionen vorher und nachher', appliance: 'Gerät', siteBefore: 'Site-Software vorher', siteAfter: 'Site-Software nachher', baseBefore: 'Base-Software vorher', baseAfter: 'Base-Software nachher',
  notReadBack: 'nicht zurückgelesen', notInInventory: 'nicht im Bestand', inStep: (n) => `Schritt ${n}`,
  plan: 'Plan', noPlan: 'Keine Pakete geplant.', pkg: 'Paket', version: 'Version', kind: 'Art',
  kinds: { base: 'Base-Software', site: 'Site-Software', license: 'Lizenz', other: 'Sonstiges' },
  windows: 'Wartungsfenster', noWindows: 'Keine Wartungsfenster festgelegt.', window: 'Fenster', start: 'Beginn', end: 'Ende', gap: 'Abstand zum vorigen',
  windowN: (n) => `Fenster ${n}`,
  steps: 'Schritte', no: 'Nr.', step: 'Schritt', when: 'Status, wann, wer', evidence: 'Nachweis und Notiz', quote: (s) => `„${s}“`,
  states: { done: 'erledigt', skipped: 'übersprungen', open: 'offen', waiting: 'wartet', blocked: 'gesperrt' },
  guide: 'Anleitung', package: 'Paket', wait: 'Wartezeit', guideWait: (x) => `Anleitung: ${x}`, waitsUntil: 'wartet bis',
  file: 'Datei', size: 'Größe', unknownFile: 'unbekannt (nicht mehr im Tresor)', bytes: 'Bytes',
  basics: 'Status › Basics', read: 'gelesen', expected: 'erwartet', nothing: 'nichts',
  outcomes: { match: 'stimmt überein', anywhere: 'irgendwo im Text gefunden', 'nothing-expected': 'nichts erwartet', mismatch: 'weicht ab', unreadable: 'unlesbar' },
  typed: 'Eingabe', confirmed: 'bestätigt', timestamp: 'Angegebener Zeitpunkt', note: 'Notiz', reason: 'Grund',
  linkReading: (name) => `Über die Geräteverknüpfung von ${name} gelesen`, failoverRole: 'Failover-Rolle', lastSync: 'letzte Datensynchronisierung', readAt: 'gelesen', healthy: 'fehlerfrei', unhealthy: 'nicht fehlerfrei',
  deviations: 'Abweichungen', deviation: 'Abweichung', none: 'Keine.',
  skippedBecause: (why) => `übersprungen; Grund: ${why}`,
  waitChanged: (shorter, run, guide) => `Wartezeit ${shorter ? 'verkürzt' : 'verlängert'} auf ${run} (Anleitung: ${guide})`,
  anywhereDev: 'Version ohne Beschriftung im eingefügten Text von Status › Basics gefunden (schwächerer Nachweis)',
  outside: (steps, first, n) => f(`Schritte ${steps} (Installationen und Rollenwechsel) außerhalb von Fenster ${n} erledigt, der erste am `, first),
  windowNo: (n) => `Fenster ${n}`,
  openRun: (n) => `Der Durchlauf ist nicht abgeschlossen: ${n} ${n === 1 ? 'Schritt' : 'Schritte'} offen.`,
  hashes: 'Nachweisdateien (SHA-256)', noHashes: 'Keine Dateien als Nachweis.', inSteps: 'Schritte',
  audit: 'Prüfprotokoll', chain: 'Kette', intact: 'intakt', broken: 'GEBROCHEN: Einträge wurden verändert oder entfernt',
  entries: 'Einträge', head: 'Kopf-Hash', noHead: 'keiner (leeres Protokoll)', runEntries: 'Einträge zu diesem Durchlauf',
};

const TEXTS: Record<Language, typeof EN> = { de: DE, en: EN };

// Glyphs of different shapes, so the status reads in black and white too; the colour only helps.
const MARK: Record<StepState, string> = { done: '✓', skipped: '⊘', open: '○', waiting: '◔', blocked: '□' };

const CSS = `
@page { size: A4; margin: 16mm }
* { box-sizing: border-box }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; color: #111; background: #fff }
body { margin: 0 }
@media screen { body { max-width: 190mm; margin: 12mm auto; padding: 0 6mm } }
h1 { font-size: 16pt; margin: 0 0 1mm; font-weight: 600 }
h2 { font-size: 11.5pt; font-weight: 600; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.75pt solid #333; break-after: avoid; page-break-after: avoid }
p { margin: 0 0 2mm }
.sub { color: #444; margin-bottom: 4mm }
table { width: 100%; border-collapse: collapse; margin: 0 0 2mm }
thead { display: table-header-group }
tr { break-inside: avoid; page-break-inside: avoid }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.6mm; border-bottom: 0.5pt solid #aaa }
thead th { font-size: 8.5pt; font-weight: 600; border-bottom: 0.75pt solid #333 }
.fixed { table-layout: fixed }
.kv th { width: 34%; font-weight: 600 }
section.keep { break-inside: avoid; page-break-inside: avoid }
.steps { font-size: 8.5pt }
tr.sec th { font-weight: 600; background: #f0f0f0; border-bottom: 0.5pt solid #888; padding-top: 1.6mm; break-after: avoid; page-break-after: avoid; -webkit-print-color-adjust: exact; print-color-adjust: exact }
.num { text-align: right; white-space: nowrap }
.hash, .mono { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8pt }
.hash { overflow-wrap: anywhere; word-break: break-all }
.small, .zone { font-size: 8pt; color: #444 }
.muted { color: #555; font-style: italic }
.note { white-space: pre-wrap; overflow-wrap: anywhere }
.ev + .ev { margin-top: 1.2mm }
tbody.file { break-inside: avoid; page-break-inside: avoid }
tbody.file tr:first-child td { border-bottom: none; padding-bottom: 0 }
.status { white-space: nowrap; font-weight: 600 }
.mark { display: inline-block; width: 1.1em; margin-right: 0.2em; text-align: center }
.s-done .mark { color: #1a7f37 }
.s-skipped .mark { color: #9a6700 }
.s-open .mark { color: #555 }
.s-waiting .mark { color: #0969da }
.s-blocked .mark { color: #777 }
.bad { color: #b42318; font-weight: 600 }
`;

/** A date in the report's language and, for a reader in another zone, its UTC offset; the instant in `datetime`. */
function when(iso: string | null, language: Language): ReactNode {
  if (iso === null) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  const zone = new Intl.DateTimeFormat(language, { timeZoneName: 'shortOffset' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
  return h('time', { dateTime: d.toISOString() }, text, zone ? f(' ', h('span', { className: 'zone' }, zone)) : null);
}

/** `1,2 MiB (1.234.567 Bytes)`: the exact size for comparing, the short one for reading. */
function size(bytes: number, language: Language, t: typeof EN): string {
  const exact = `${new Intl.NumberFormat(language).format(bytes)} ${t.bytes}`;
  return bytes < 1024 ? exact : `${formatBytes(bytes, language)} (${exact})`;
}

function stateOf(step: RunStep): StepState {
  return step.status === 'ready' ? 'open' : step.status;
}

const cols = (widths: string[]): ReactNode => h('colgroup', null, ...widths.map((width) => h('col', { style: { width } })));
const thead = (head: string[]): ReactNode => h('thead', null, h('tr', null, ...head.map((c) => h('th', { scope: 'col' }, c))));
/** A table with fixed column widths (`widths`) or sized by its content (null); `bodies` are its `tbody` elements. */
const tableOf = (head: string[], widths: string[] | null, ...bodies: ReactNode[]): ReactNode =>
  h('table', widths ? { className: 'fixed' } : null, widths ? cols(widths) : null, thead(head), ...bodies);
const table = (head: string[], widths: string[] | null, rows: ReactNode[]): ReactNode => tableOf(head, widths, h('tbody', null, ...rows));
const row = (...cells: ReactNode[]): ReactNode => h('tr', null, ...cells.map((c) => h('td', null, c)));
const kv = (label: string, value: ReactNode): ReactNode => h('tr', null, h('th', { scope: 'row' }, label), h('td', null, value));
const hash = (sha: string): ReactNode => h('span', { className: 'hash' }, sha);
const muted = (text: string): ReactNode => h('span', { className: 'muted' }, text);
/** A section of the report; a short one (`keep`) is not split across pages. */
const part = (title: string, keep: boolean, ...children: ReactNode[]): ReactNode => h('section', keep ? { className: 'keep' } : null, h('h2', null, title), ...children);

/** Everything the sections share. */
interface Ctx {
  input: RunReport;
  run: Run;
  language: Language;
  t: typeof EN;
  /** The guide's steps by id (for the guide's wait). */
  guideSteps: Map<string, RunbookStep>;
  sectionTitle: Map<string, Text>;
}

/** The appliances of the run with their role label, in role order. */
function appliancesOf(ctx: Ctx): { name: string; role: string }[] {
  const { run, t } = ctx;
  const a = run.appliances;
  const topology = RUNBOOKS[run.procedure].topology;
  const offline = a.offline ?? offlineFirst(a.traffic ?? []);
  const out: { name: string; role: string }[] = [];
  if (a.A) out.push({ name: a.A, role: topology === 'single' ? t.roles.single : topology === 'migration' ? t.roles.oldA : t.roles.A });
  if (a.B) out.push({ name: a.B, role: topology === 'migration' ? t.roles.newB : t.roles.B });
  if (a.master) out.push({ name: a.master, role: t.roles.master });
  if (a.masterBackup) out.push({ name: a.masterBackup, role: t.roles.masterBackup });
  for (const n of a.traffic ?? []) {
    out.push({ name: n.name, role: `${t.roles.traffic} (${t.region(n.region)}${offline.includes(n.name) ? `; ${t.offlineFirst}` : ''})` });
  }
  return out;
}

type ReadBack = Partial<Record<'site' | 'base', { version: string; step: number; at: number }>>;

/** Per appliance and component: the version read back last (by `at`, then run order) and the number of the step that read it. */
function readBack(run: Run): Map<string, ReadBack> {
  const out = new Map<string, ReadBack>();
  run.steps.forEach((step, i) => {
    if (step.status !== 'done') return;
    const at = Date.parse(step.at ?? '') || 0;
    for (const e of step.given) {
      if (e.kind !== 'pasted-basics' || !e.check) continue;
      for (const name of step.appliances) {
        const mine = out.get(name) ?? {};
        for (const k of ['site', 'base'] as const) {
          const version = e.check.read[k];
          if (version !== undefined && (mine[k] === undefined || at >= mine[k].at)) mine[k] = { version, step: i + 1, at };
        }
        out.set(name, mine);
      }
    }
  });
  return out;
}

function header(ctx: Ctx): ReactNode {
  const { run, t, language } = ctx;
  return f(
    h('h1', null, RUNBOOKS[run.procedure].title[language]),
    h('p', { className: 'sub' }, `${t.docTitle} · ${t.run} `, h('span', { className: 'mono' }, run.id), ` · ${t.status}: `, h('strong', null, t.runStatus[run.status])),
  );
}

function whoWhere(ctx: Ctx): ReactNode {
  const { run, t, language, input } = ctx;
  const latest = run.steps.map((s) => s.at).filter((at): at is string => at !== null).sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1) ?? null;
  return part(t.whoWhere, true,
    h('table', { className: 'kv' }, h('tbody', null,
      kv(t.account, run.by || '—'),
      kv(t.station, input.station.name),
      // Two lines of eight groups, for reading aloud and comparing with the station's settings.
      kv(t.fingerprint, h('span', { className: 'mono' }, formatFingerprint(input.station.fingerprint.slice(0, 32)), h('br'), formatFingerprint(input.station.fingerprint.slice(32)))),
      kv(t.chapter, t.quote(RUNBOOKS[run.procedure].guideRef)),
      kv(t.started, when(run.createdAt, language)),
      kv(t.finished, run.status === 'done' ? when(latest, language) : muted(t.notFinished)),
      kv(t.generated, when(input.generatedAt, language)),
    )),
  );
}

function appliances(ctx: Ctx): ReactNode {
  const { run, t } = ctx;
  const list = appliancesOf(ctx);
  return part(t.appliances, true,
    list.length === 0 ? h('p', null, t.noAppliances) : table([t.role, t.name], ['50%', '50%'], list.map((a) => row(a.role, a.name))),
    run.variant ? h('p', null, `${t.variant}: `, h('strong', null, t.variants[run.variant])) : null,
  );
}

function versions(ctx: Ctx): ReactNode {
  const { run, t } = ctx;
  const names = [...new Set([...appliancesOf(ctx).map((a) => a.name), ...Object.keys(run.before)])];
  if (names.length === 0) return null;
  const back = readBack(run);
  const after = (name: string, k: 'site' | 'base'): ReactNode => {
    const r = back.get(name)?.[k];
    return r ? f(r.version, ' ', h('span', { className: 'small' }, `(${t.inStep(r.step)})`)) : muted(t.notReadBack);
  };
  const before = (name: string, k: 'site' | 'base'): ReactNode => run.before[name]?.[k] || muted(t.notInInventory);
  return part(t.versions, true,
    table([t.appliance, t.siteBefore, t.siteAfter, t.baseBefore, t.baseAfter], null,
      names.map((n) => row(n, before(n, 'site'), after(n, 'site'), before(n, 'base'), after(n, 'base')))),
  );
}

function plan(ctx: Ctx): ReactNode {
  const { run, t } = ctx;
  return part(t.plan, true,
    run.packages.length === 0 ? h('p', null, t.noPlan) : table(['#', t.pkg, t.version, t.kind], null,
      run.packages.map((p, i) => row(String(i + 1), p.name, p.version, p.kind ? t.kinds[p.kind] : '—'))),
  );
}

function windows(ctx: Ctx): ReactNode {
  const { run, t, language } = ctx;
  const defs = RUN_WINDOWS[run.procedure];
  return part(t.windows, true,
    run.windows.length === 0 ? h('p', null, t.noWindows) : table([t.window, t.start, t.end, t.gap], ['40%', '22%', '22%', '16%'], run.windows.map((w, i) => {
      const previous = run.windows[i - 1];
      const gap = previous ? hours((Date.parse(w.start) - Date.parse(previous.end)) / 3_600_000, language) : '—';
      return row(defs[i]?.title[language] ?? t.windowN(i + 1), when(w.start, language), when(w.end, language), gap);
    })),
  );
}

function versionsText(v: { site?: string; base?: string }, t: typeof EN): string {
  const parts = [v.site !== undefined ? `${t.kinds.site} ${v.site}` : null, v.base !== undefined ? `${t.kinds.base} ${v.base}` : null].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(', ') : t.nothing;
}

function evidence(e: Evidence, ctx: Ctx): ReactNode {
  const { t, language, input } = ctx;
  switch (e.kind) {
    case 'vault-file': {
      const file = input.evidenceFiles[e.value];
      return f(
        `${t.file}: `, file?.fileName ?? e.fileName ?? muted(t.unknownFile), h('br'), hash(e.value), h('br'),
        `${t.size}: `, file ? size(file.size, language, t) : muted(t.unknownFile),
      );
    }
    case 'pasted-basics': {
      if (!e.check) return t.basics;
      const outcome: Outcome = e.check.outcome === 'match' && e.check.how === 'anywhere' ? 'anywhere' : e.check.outcome;
      return f(`${t.basics}: ${t.read} ${versionsText(e.check.read, t)}; ${t.expected} ${versionsText(e.check.expected, t)}; `, h('strong', null, t.outcomes[outcome]));
    }
    case 'link-reading': {
      const r = e.reading;
      if (!r) return t.linkReading('?');
      return f(
        `${t.linkReading(r.name)}: ${t.version} ${r.version ?? '—'}${r.expectedSite ? ` (${t.expected} ${r.expectedSite})` : ''}; ${t.failoverRole} ${r.failoverRole}; ${r.success ? t.healthy : t.unhealthy}`,
        r.lastDataSync ? f(`; ${t.lastSync} `, when(r.lastDataSync.at, language), ` (${r.lastDataSync.status})`) : null,
        `; ${t.readAt} `, when(r.readAt, language),
      );
    }
    case 'typed': return f(`${t.typed}: `, h('span', { className: 'note' }, e.value));
    case 'confirm': return t.confirmed;
    // An instant with its zone is shown like every other time; anything else as it was given.
    case 'timestamp': return f(`${t.timestamp}: `, /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(e.value) ? when(e.value, language) : e.value || '—');
    default: return assertNever(e.kind);
  }
}

function stepRow(step: RunStep, n: number, ctx: Ctx): ReactNode {
  const { t, language } = ctx;
  const state = stateOf(step);
  const guideWait = ctx.guideSteps.get(step.stepId)?.waitHours;
  const stepCell = f(
    step.title[language],
    step.package ? h('div', { className: 'small' }, `${t.package}: ${step.package.name}`) : null,
    step.kind === 'wait' && step.waitHours !== undefined
      ? h('div', { className: 'small' }, `${t.wait}: ${hours(step.waitHours, language)}${guideWait !== undefined && guideWait !== step.waitHours ? ` (${t.guideWait(hours(guideWait, language))})` : ''}`)
      : null,
    h('div', { className: 'small' }, `${t.guide}: ${t.quote(step.guideRef)}`),
  );
  const whenCell = step.at !== null
    ? f(h('br'), when(step.at, language), step.by ? f(h('br'), step.by) : null)
    : state === 'waiting' && step.waitUntil ? f(h('br'), `${t.waitsUntil} `, when(step.waitUntil, language)) : null;
  const items = [
    ...step.given.map((e) => h('div', { className: 'ev' }, evidence(e, ctx))),
    step.note ? h('div', { className: 'ev' }, `${state === 'skipped' ? t.reason : t.note}: `, h('span', { className: 'note' }, step.note)) : null,
  ].filter((x) => x !== null);
  return h('tr', { className: `s-${state}` },
    h('td', { className: 'num' }, String(n)),
    h('td', null, stepCell),
    h('td', null, step.appliances.length > 0 ? step.appliances.join(', ') : '—'),
    h('td', null, h('span', { className: `status s-${state}` }, h('span', { className: 'mark', 'aria-hidden': true }, MARK[state]), t.states[state]), whenCell),
    h('td', null, ...(items.length > 0 ? items : ['—'])),
  );
}

function steps(ctx: Ctx): ReactNode {
  const { run, t, language } = ctx;
  // Consecutive steps of a section form one group under the section's title.
  const groups: { section: string; rows: ReactNode[] }[] = [];
  run.steps.forEach((step, i) => {
    if (groups.at(-1)?.section !== step.section) groups.push({ section: step.section, rows: [] });
    groups.at(-1)!.rows.push(stepRow(step, i + 1, ctx));
  });
  return part(t.steps, false,
    h('table', { className: 'fixed steps' },
      cols(['5%', '27%', '11%', '22%', '35%']),
      thead([t.no, t.step, t.appliances, t.when, t.evidence]),
      ...groups.map((g) => h('tbody', null,
        h('tr', { className: 'sec' }, h('th', { colSpan: 5, scope: 'rowgroup' }, ctx.sectionTitle.get(g.section)?.[language] ?? g.section)),
        ...g.rows)),
    ),
  );
}

/** Every departure from the guide and the plan, in run order; the open run last. */
function deviationsOf(ctx: Ctx): { step: number | null; title: string; what: ReactNode }[] {
  const { run, t, language } = ctx;
  const out: { step: number | null; title: string; what: ReactNode }[] = [];
  const windowHolds = (at: number) => run.windows.some((w) => at >= Date.parse(w.start) && at <= Date.parse(w.end));
  const outside = new Map<number, { step: number; at: string }[]>();
  run.steps.forEach((step, i) => {
    const add = (what: ReactNode) => out.push({ step: i + 1, title: step.title[language], what });
    if (step.status === 'skipped') add(t.skippedBecause(step.note));
    const guideWait = ctx.guideSteps.get(step.stepId)?.waitHours;
    if (step.kind === 'wait' && step.waitHours !== undefined && guideWait !== undefined && step.waitHours !== guideWait) {
      add(t.waitChanged(step.waitHours < guideWait, hours(step.waitHours, language), hours(guideWait, language)));
    }
    if (step.status !== 'done') return;
    if (step.given.some((e) => e.kind === 'pasted-basics' && e.check?.how === 'anywhere')) add(t.anywhereDev);
    // What takes the site down (installs, role switches) belongs in its window; one row per window.
    const own = windowOfSection(run.procedure, step.section);
    const at = Date.parse(step.at ?? '');
    if ((step.kind === 'install' || step.kind === 'switch') && own !== null && run.windows.length > 0 && !Number.isNaN(at) && !windowHolds(at)) {
      outside.set(own, [...(outside.get(own) ?? []), { step: i + 1, at: step.at! }]);
    }
  });
  for (const [own, steps] of [...outside.entries()].sort((a, b) => a[0] - b[0])) {
    out.push({ step: null, title: t.windowNo(own + 1), what: t.outside(steps.map((x) => x.step).join(', '), when(steps[0]!.at, language), own + 1) });
  }
  const open = run.steps.filter((s) => s.status !== 'done' && s.status !== 'skipped').length;
  if (run.status === 'open' || open > 0) out.push({ step: null, title: '—', what: t.openRun(open) });
  return out;
}

function deviations(ctx: Ctx): ReactNode {
  const { t } = ctx;
  const list = deviationsOf(ctx);
  return part(t.deviations, list.length < 3,
    list.length === 0 ? h('p', null, t.none) : table([t.no, t.step, t.deviation], ['5%', '33%', '62%'], list.map((d) => h('tr', null,
      h('td', { className: 'num' }, d.step === null ? '—' : String(d.step)), h('td', null, d.title), h('td', { className: 'note' }, d.what)))),
  );
}

function hashes(ctx: Ctx): ReactNode {
  const { run, t, language, input } = ctx;
  const bySha = new Map<string, { fileName: string | null; steps: number[] }>();
  run.steps.forEach((step, i) => {
    for (const e of step.given) {
      if (e.kind !== 'vault-file') continue;
      const entry = bySha.get(e.value) ?? { fileName: input.evidenceFiles[e.value]?.fileName ?? e.fileName ?? null, steps: [] };
      if (!entry.steps.includes(i + 1)) entry.steps.push(i + 1);
      bySha.set(e.value, entry);
    }
  });
  // Each hash on a line of its own across the page: never wrapped, so it is copied from the PDF in one piece.
  return part(t.hashes, bySha.size < 3,
    bySha.size === 0 ? h('p', null, t.noHashes) : tableOf([t.file, t.size, t.inSteps], ['50%', '35%', '15%'],
      ...[...bySha].map(([sha, e]) => {
        const file = input.evidenceFiles[sha];
        return h('tbody', { className: 'file' },
          h('tr', null, h('td', null, e.fileName ?? muted(t.unknownFile)), h('td', null, file ? size(file.size, language, t) : '—'), h('td', null, e.steps.join(', '))),
          h('tr', null, h('td', { colSpan: 3 }, h('span', { className: 'small' }, 'SHA-256 '), hash(sha))));
      })),
  );
}

function audit(ctx: Ctx): ReactNode {
  const { t, input, language } = ctx;
  const a = input.audit;
  const count = (n: number) => new Intl.NumberFormat(language).format(n);
  return part(t.audit, true,
    h('table', { className: 'kv' }, h('tbody', null,
      kv(t.chain, a.intact ? t.intact : h('span', { className: 'bad' }, t.broken)),
      kv(t.entries, count(a.entries)),
      kv(t.head, a.head ? hash(a.head) : muted(t.noHead)),
      kv(t.runEntries, count(a.runEntries)),
    )),
  );
}

/** The run's record as a complete HTML document in `language`, ready to save or print to PDF. */
export function runReportHtml(input: RunReport, language: 'de' | 'en'): string {
  const { run } = input;
  const definition = RUNBOOKS[run.procedure];
  const ctx: Ctx = {
    input, run, language, t: TEXTS[language],
    guideSteps: new Map(definition.sections.flatMap((s) => s.steps).map((s) => [s.id, s])),
    sectionTitle: new Map(definition.sections.map((s) => [s.id, s.title])),
  };
  const title = `${ctx.t.docTitle}: ${definition.title[language]} (${run.id})`;
  const doc = h('html', { lang: language },
    h('head', null,
      h('meta', { charSet: 'utf-8' }),
      // Nothing in the record runs or loads: only its own inline styles apply, whatever text it quotes.
      h('meta', { httpEquiv: 'Content-Security-Policy', content: "default-src 'none'; style-src 'unsafe-inline'" }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', null, title),
      h('style', null, CSS),
    ),
    h('body', null, header(ctx), whoWhere(ctx), appliances(ctx), versions(ctx), plan(ctx), windows(ctx), steps(ctx), deviations(ctx), hashes(ctx), audit(ctx)),
  );
  return `<!DOCTYPE html>\n${renderToStaticMarkup(doc)}\n`;
}
