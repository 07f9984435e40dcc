import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../e2e/harness/server.ts';
import { contentSecurityPolicy } from '../../src/main/security.ts';
import { tempDir } from '../helpers/temp.ts';

let harness: Harness | null = null;
afterEach(async () => { await harness?.close(); harness = null; });

async function start(): Promise<Harness> {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), `<html><head><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}"></head><body></body></html>`);
  harness = await startHarness({ dataDir: tempDir(), rendererDir });
  return harness;
}

function call(ws: WebSocket, channel: string, args: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (raw) => resolve((JSON.parse(String(raw)) as { result: unknown }).result));
    ws.send(JSON.stringify({ id: 1, channel, args }));
  });
}

const connect = (url: string, origin: string) => new Promise<WebSocket>((resolve, reject) => {
  const ws = new WebSocket(url, { origin });
  ws.once('open', () => resolve(ws));
  ws.once('error', reject);
});

describe('e2e harness', () => {
  it('binds 127.0.0.1 only', async () => {
    const h = await start();
    expect(new URL(h.url).hostname).toBe('127.0.0.1');
  });

  it('serves the page only with the per-run token, and widens the CSP only to its own socket', async () => {
    const h = await start();
    expect((await fetch(`${h.origin}/`)).status).toBe(403);
    expect((await fetch(`${h.origin}/?token=${'0'.repeat(48)}`)).status).toBe(403);
    const html = await (await fetch(h.url)).text();
    expect(html).toContain(`connect-src ${h.origin.replace('http', 'ws')}`);
    expect(html).toContain('/__ferry/shim.js');
  });

  it('refuses a socket without the token', async () => {
    const h = await start();
    await expect(connect(`${h.origin.replace('http', 'ws')}/__ferry/ws`, h.origin)).rejects.toThrow(/401/);
  });

  it('answers with the same handler table, and refuses a sender from another origin', async () => {
    const h = await start();
    const wsUrl = `${h.origin.replace('http', 'ws')}/__ferry/ws?token=${h.token}`;
    const good = await connect(wsUrl, h.origin);
    expect(await call(good, 'station:show', {})).toMatchObject({ ok: true, value: { fingerprint: h.services.stations.show().fingerprint } });
    expect(await call(good, 'settings:set', { side: 'sideways' })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    good.close();
    const foreign = await connect(wsUrl, 'http://evil.example');
    expect(await call(foreign, 'station:show', {})).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_UNKNOWN' } });
    foreign.close();
  });
});
