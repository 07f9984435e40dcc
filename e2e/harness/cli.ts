/**
 * `npm run harness`: starts the harness on 127.0.0.1 and prints the URL to open in a browser.
 * Options: --data-dir DIR (default: a new temp folder), --port N, --locale L, --json, and
 * --medium DIR (repeatable): a folder that `media:list` reports as a removable FAT32 stick.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server.ts';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, locale: { type: 'string' }, json: { type: 'boolean' }, medium: { type: 'string', multiple: true } },
  strict: true,
});
const dataDir = values['data-dir'] ?? process.env.FERRY_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ferry-harness-'));
const harness = await startHarness({
  dataDir,
  ...(values.port ? { port: Number(values.port) } : {}),
  ...(values.locale ? { systemLocale: values.locale } : {}),
  ...(values.medium ? { media: values.medium } : {}),
});
if (values.json) {
  process.stdout.write(JSON.stringify({ url: harness.url, origin: harness.origin, token: harness.token, dataDir }) + '\n');
} else {
  process.stdout.write(`Ferry harness (the app's UI in your browser)\n  open:     ${harness.url}\n  data dir: ${dataDir}\nPress Ctrl+C to stop.\n`);
}
const stop = (): void => { void harness.close().then(() => process.exit(0)); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
