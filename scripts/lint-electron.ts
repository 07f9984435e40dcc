/**
 * `npm run lint:electron`: runs Doyensec's electronegativity over the TypeScript sources and fails on
 * every HIGH or MEDIUM finding that scripts/electronegativity-accepted.json does not document as a
 * false positive — and on an acceptance no finding matches any more, or a file the tool could not parse.
 * Offline by construction: its network calls get an immediate "offline", and the check that needs
 * Electron's online release list is off (the current-Electron rule is a unit test instead).
 * Options: --input DIR (default src), --accepted FILE.
 */
import { createRequire, registerHooks } from 'node:module';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

interface Finding { id: string; file: string; line: number; severity: string; confidence: string; description: string }
interface Acceptance { id: string; file: string; reason: string }

const here = import.meta.dirname;
const tool = resolve(here, '../node_modules/@doyensec/electronegativity');
const require = createRequire(import.meta.url);

// The tool's parser needs the TypeScript 4 it ships with, not the project's TypeScript 7 (no JS API);
// and it must never reach the network.
const ownTypescript = pathToFileURL(createRequire(resolve(tool, 'package.json')).resolve('typescript')).href;
const offlineGot = pathToFileURL(resolve(here, 'offline-got.cjs')).href;
registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'typescript' && context.parentURL?.includes('/@typescript-eslint/')) return { url: ownTypescript, shortCircuit: true };
    if (specifier === 'got' && context.parentURL?.includes('/@doyensec/electronegativity/')) return { url: offlineGot, shortCircuit: true };
    return next(specifier, context);
  },
});

const { values } = parseArgs({ options: { input: { type: 'string', default: 'src' }, accepted: { type: 'string', default: resolve(here, 'electronegativity-accepted.json') } } });
const input = resolve(values.input);
const accepted = (JSON.parse(readFileSync(values.accepted, 'utf8')) as { accepted: Acceptance[] }).accepted;
const electronVersion = (JSON.parse(readFileSync(resolve(here, '../node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

type Run = (options: object, forCli: boolean) => Promise<{ issues: { id: string; file: string; location: { line: number }; severity: { name: string }; confidence: { name: string }; description: string }[]; errors: { file: string; message: string; tolerable: boolean }[] }>;
// Babel's CommonJS output: the module is the function, or carries it as `default`.
const runner = require(resolve(tool, 'dist/runner.js')) as Run & { default?: Run };
const run = runner.default ?? runner;

// The tool chats on stdout (translations, progress); only Ferry's summary is printed.
const log = console.log;
console.log = () => undefined;
const result = await run({ input, isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] }, false)
  .finally(() => { console.log = log; });

const findings: Finding[] = result.issues
  .filter((i) => i.severity.name === 'HIGH' || i.severity.name === 'MEDIUM')
  .map((i) => ({ id: i.id, file: relative(input, resolve(input, i.file)), line: i.location.line, severity: i.severity.name, confidence: i.confidence.name, description: i.description }));
const isAccepted = (f: Finding) => accepted.some((a) => a.id === f.id && a.file === f.file);
const open = findings.filter((f) => !isAccepted(f));
const stale = accepted.filter((a) => !findings.some((f) => f.id === a.id && f.file === a.file));
const unparsed = result.errors.filter((e) => !e.tolerable);

for (const f of open) process.stdout.write(`${f.severity} ${f.confidence} ${f.id} ${f.file}:${f.line}\n  ${f.description}\n`);
for (const a of stale) process.stdout.write(`STALE acceptance ${a.id} ${a.file}: no such finding any more; remove it from the accepted list\n`);
for (const e of unparsed) process.stdout.write(`UNPARSED ${relative(input, resolve(input, e.file))}: ${e.message}\n`);
const failed = open.length + stale.length + unparsed.length > 0;
process.stdout.write(`electronegativity ${electronVersion}: ${findings.length} HIGH/MEDIUM findings, ${findings.length - open.length} accepted as documented false positives, ${open.length} open${failed ? '' : ' — ok'}\n`);
process.exitCode = failed ? 1 : 0;
