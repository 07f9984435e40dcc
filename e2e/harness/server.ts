/**
 * The e2e harness: serves the built renderer to a browser and answers `window.ferry` over a
 * WebSocket with the same handler table the Electron main process registers. Binds 127.0.0.1 only;
 * the page and the socket require a random per-run token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { WebSocketServer, type WebSocket } from 'ws';
import { createDispatcher } from '../../src/main/ipc/dispatcher.ts';
import { createHandlerTable } from '../../src/main/ipc/register-handlers.ts';
import { contentSecurityPolicy } from '../../src/main/security.ts';
import { FolderVolumeProvider } from '../../src/main/media/folder-volumes.ts';
import { createServices, type Services } from '../../src/main/services.ts';
import { contentTypeFor, MIME_TYPES, resolveStaticFile } from '../../src/main/static-files.ts';
import { DialogAnswerSchema, queuedDialogs } from './dialog-answers.ts';
import { MAX_SOCKET_PAYLOAD, parseCallFrame, parseRequestUrl, type HarnessCounters } from './wire.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface HarnessOptions {
  dataDir: string;
  port?: number;
  rendererDir?: string;
  /** The locale the app reports as the system's (decides the default language). */
  systemLocale?: string;
  /** Folders `media:list` reports as removable FAT32 sticks (the harness has no real media). */
  media?: string[];
}

export interface Harness {
  url: string;
  origin: string;
  token: string;
  /** Where the server really listens (tests check it is 127.0.0.1, not every interface). */
  address: AddressInfo;
  /** Refused requests and ignored frames so far. */
  counters: Readonly<HarnessCounters>;
  services: Services;
  close(): Promise<void>;
}

async function buildShim(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: join(here, 'shim.ts'), formats: ['iife'], name: 'FerryHarnessShim', fileName: 'shim' } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: { type: string; code?: string }[] };
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('harness shim did not build');
  return chunk.code;
}

function tokenMatches(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Starts the harness; resolves when it listens. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? join(here, '../../out/renderer'));
  const token = randomBytes(24).toString('hex');
  const shim = await buildShim();
  const sockets = new Set<WebSocket>();
  // Only sockets opened by the harness's own page (Origin header) hear job events.
  const eventSockets = new Set<WebSocket>();
  const counters: HarnessCounters = { badRequests: 0, refusedUpgrades: 0, ignoredFrames: 0, socketErrors: 0, failedReplies: 0 };
  const dialogs = queuedDialogs();

  const services = createServices({
    dataDir: options.dataDir,
    transport: 'harness',
    systemLocale: options.systemLocale ?? 'de-DE',
    version: (JSON.parse(await readFile(join(here, '../../package.json'), 'utf8')) as { version: string }).version,
    emit: (event, payload) => {
      const text = JSON.stringify({ event, payload });
      for (const s of eventSockets) s.send(text);
    },
    dialog: dialogs.provider,
    // No real sticks here: the folders given stand for removable FAT32 media (8 GiB, 7 GiB free).
    volumes: new FolderVolumeProvider(Object.fromEntries((options.media ?? []).map((dir, i) => [dir, {
      fileSystem: 'fat32' as const, totalBytes: 8 * 1024 ** 3, freeBytes: 7 * 1024 ** 3, removable: true, label: `FERRY-STICK${i === 0 ? '' : `-${i + 1}`}`,
    }]))),
  });
  services.stations.ensure(hostname() || 'Ferry');

  let origin = '';
  const dispatch = createDispatcher(createHandlerTable(services), {
    isTrustedSender: (sender) => sender.url === origin,
    onInternalError: (channel, error) => console.error(`[harness] ${channel}:`, error),
  });

  const page = async (res: ServerResponse): Promise<void> => {
    const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    const injected = html
      .replace(contentSecurityPolicy(), contentSecurityPolicy([origin.replace('http', 'ws')]))
      .replace('<head>', `<head>\n    <script src="/__ferry/config.js?token=${token}"></script>\n    <script src="/__ferry/shim.js"></script>`);
    res.writeHead(200, { 'content-type': contentTypeFor('index.html'), 'cache-control': 'no-store' }).end(injected);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = parseRequestUrl(req.url, origin);
    if (!url) {
      counters.badRequests++;
      return void res.writeHead(400).end('bad request');
    }
    const authorised = tokenMatches(url.searchParams.get('token'), token);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!authorised) return void res.writeHead(403).end('token required');
      return page(res);
    }
    if (url.pathname === '/__ferry/config.js') {
      if (!authorised) return void res.writeHead(403).end();
      const config = { ws: `${origin.replace('http', 'ws')}/__ferry/ws?token=${token}` };
      return void res.writeHead(200, { 'content-type': MIME_TYPES['.js'] }).end(`var __FERRY_HARNESS__ = ${JSON.stringify(config)};`);
    }
    if (url.pathname === '/__ferry/shim.js') return void res.writeHead(200, { 'content-type': MIME_TYPES['.js'] }).end(shim);
    if (url.pathname === '/__ferry/dialog' && req.method === 'POST') {
      // Test control: what the next dialog of a kind answers (a path, paths, or null for "cancelled").
      if (!authorised) return void res.writeHead(403).end();
      let body = '';
      for await (const chunk of req) body += String(chunk);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const answer = DialogAnswerSchema.safeParse(json);
      if (!answer.success) return void res.writeHead(400).end('bad dialog answer');
      dialogs.answer(answer.data);
      return void res.writeHead(204).end();
    }
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (!file) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': contentTypeFor(file) }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[harness]', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_PAYLOAD });
  let connections = 0;
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => { counters.socketErrors++; });
    const refuse = (status: string): void => {
      counters.refusedUpgrades++;
      socket.end(`HTTP/1.1 ${status}\r\n\r\n`);
    };
    const url = parseRequestUrl(req.url, origin);
    if (!url) return refuse('400 Bad Request');
    if (url.pathname !== '/__ferry/ws' || !tokenMatches(url.searchParams.get('token'), token)) return refuse('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const sender = { id: `ws-${++connections}`, url: req.headers.origin ?? '' };
      sockets.add(ws);
      if (sender.url === origin) eventSockets.add(ws);
      ws.on('close', () => { sockets.delete(ws); eventSockets.delete(ws); });
      ws.on('error', () => { counters.socketErrors++; });
      ws.on('message', (data, isBinary) => {
        const call = parseCallFrame(data, isBinary);
        if (!call) {
          counters.ignoredFrames++;
          return;
        }
        dispatch(sender, call.channel, call.args)
          .then((result) => ws.send(JSON.stringify({ id: call.id, result })))
          .catch((error: unknown) => {
            counters.failedReplies++;
            console.error('[harness] reply failed:', error);
          });
      });
    });
  });

  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, '127.0.0.1', resolveListen));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('harness did not bind');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    address,
    counters,
    services,
    async close() {
      for (const s of sockets) s.close();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
      await services.close();
    },
  };
}
