import { readFileSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../e2e/harness/server.ts';
import { MAX_FRAME_BYTES, MAX_SOCKET_PAYLOAD } from '../../e2e/harness/wire.ts';
import { contentSecurityPolicy } from '../../src/main/security.ts';
import { contentTypeFor } from '../../src/main/static-files.ts';
import { tempDir } from '../helpers/temp.ts';

let harness: Harness | null = null;
let rendererDir = '';
afterEach(async () => { await harness?.close(); harness = null; });

async function start(): Promise<Harness> {
  rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), `<html><head><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}"></head><body></body></html>`);
  harness = await startHarness({ dataDir: tempDir(), rendererDir });
  return harness;
}

let nextId = 1;
function call(ws: WebSocket, channel: string, args: unknown): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (raw: WebSocket.RawData): void => {
      const message = JSON.parse(String(raw)) as { id?: number; result: unknown };
      if (message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message.result);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, args }));
  });
}

const connect = (url: string, origin: string) => new Promise<WebSocket>((resolve, reject) => {
  const ws = new WebSocket(url, { origin });
  ws.once('open', () => resolve(ws));
  ws.once('error', reject);
});
const socketUrl = (h: Harness) => `${h.origin.replace('http', 'ws')}/__ferry/ws?token=${h.token}`;

/** Sends `request` over a raw TCP connection and returns the first line of the answer. */
function raw(h: Harness, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(h.address.port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => { answer += String(chunk); });
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}
const upgrade = (target: string) =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;

describe('e2e harness', () => {
  it('binds 127.0.0.1 only', async () => {
    const h = await start();
    expect(h.address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
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

  it('serves build files with the MIME table the shell uses', async () => {
    const h = await start();
    for (const [name, body] of [['app.js', 'export {}'], ['style.css', 'a{}'], ['logo.svg', '<svg/>']] as const) {
      writeFileSync(join(rendererDir, name), body);
      expect((await fetch(`${h.origin}/${name}`)).headers.get('content-type')).toBe(contentTypeFor(name));
    }
    expect((await fetch(`${h.origin}/%2F..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('refuses a socket without the token', async () => {
    const h = await start();
    await expect(connect(`${h.origin.replace('http', 'ws')}/__ferry/ws`, h.origin)).rejects.toThrow(/401/);
  });

  it('answers with the same handler table, and refuses a sender from another origin', async () => {
    const h = await start();
    const good = await connect(socketUrl(h), h.origin);
    expect(await call(good, 'station:show', {})).toMatchObject({ ok: true, value: { fingerprint: h.services.stations.show().fingerprint } });
    expect(await call(good, 'settings:set', { side: 'sideways' })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    good.close();
    const foreign = await connect(socketUrl(h), 'http://evil.example');
    expect(await call(foreign, 'station:show', {})).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_UNKNOWN' } });
    foreign.close();
  });
});

describe('e2e harness error reports', () => {
  it('writes the renderer’s error report into its data directory (app:reportError)', async () => {
    const h = await start();
    const ws = await connect(socketUrl(h), h.origin);
    const result = await call(ws, 'app:reportError', { message: 'render failed', stack: 'Error: render failed\n    at Page' }) as { ok: boolean; value: { file: string } };
    expect(result.ok).toBe(true);
    expect(result.value.file.startsWith(join(h.services.dataDir, 'crash-reports'))).toBe(true);
    expect(readFileSync(result.value.file, 'utf8')).toContain('at Page');
    ws.close();
  });
});

describe('e2e harness is total', () => {
  it('answers an upgrade request for //[ with 400 instead of dying on "Invalid URL"', async () => {
    const h = await start();
    expect(await raw(h, upgrade('//['))).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(h, upgrade('http://[/x'))).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(h, 'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect(h.counters).toMatchObject({ refusedUpgrades: 2, badRequests: 1 });
    expect((await fetch(h.url)).status).toBe(200);
  });

  it('ignores and counts frames that are not calls, and the socket keeps working', async () => {
    const h = await start();
    const ws = await connect(socketUrl(h), h.origin);
    const junk = ['null', '{', '42', '"text"', '[1,2]', '{"id":"1","channel":"station:show"}', '{"id":1,"channel":5}',
      '{"id":1.5,"channel":"station:show"}', '{"channel":"station:show"}', `{"id":1,"channel":"${'x'.repeat(200)}"}`];
    for (const frame of junk) ws.send(frame);
    ws.send(Buffer.from('{"id":1,"channel":"station:show","args":{}}'), { binary: true });
    ws.send(JSON.stringify({ id: 99, channel: 'station:show', args: { pad: 'x'.repeat(MAX_FRAME_BYTES) } }));
    expect(await call(ws, 'station:show', {})).toMatchObject({ ok: true });
    expect(h.counters.ignoredFrames).toBe(junk.length + 2);
    ws.close();
  });

  it('closes a socket that sends more than the hard limit in one message, and lives on', async () => {
    const h = await start();
    const ws = await connect(socketUrl(h), h.origin);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(MAX_SOCKET_PAYLOAD + 1));
    expect(await closed).toBe(1009);
    expect(h.counters.socketErrors).toBeGreaterThanOrEqual(1);
    const again = await connect(socketUrl(h), h.origin);
    expect(await call(again, 'station:show', {})).toMatchObject({ ok: true });
    again.close();
  });

  it('sends job events only to sockets opened by its own page (Origin)', async () => {
    const h = await start();
    const own = await connect(socketUrl(h), h.origin);
    const foreign = await connect(socketUrl(h), 'http://evil.example');
    const heardByForeign: string[] = [];
    foreign.on('message', (data) => heardByForeign.push(String(data)));
    const finished = new Promise<unknown>((resolve) => own.on('message', (data) => {
      const message = JSON.parse(String(data)) as { event?: string; payload?: unknown };
      if (message.event === 'job:finished') resolve(message.payload);
    }));
    const jobId = h.services.jobs.start({ kind: 'hash-file', key: 'k', label: 'test', run: async () => ({ sha256: '0'.repeat(64), size: 0 }) });
    expect(await finished).toMatchObject({ jobId, status: 'ok' });
    // The foreign socket shares the connection's lifetime: one round trip later it still heard nothing.
    expect(await call(foreign, 'station:show', {})).toMatchObject({ ok: false });
    expect(heardByForeign.filter((m) => m.includes('"event"'))).toEqual([]);
    own.close();
    foreign.close();
  });
});
