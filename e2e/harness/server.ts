/**
 * The e2e harness: serves the built renderer to a browser and answers `window.ferry` over a
 * WebSocket with the same handler table the Electron main process registers. Binds 127.0.0.1 only;
 * the page and the socket require a random per-run token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { WebSocketServer, type WebSocket } from 'ws';
import { createDispatcher } from '../../src/main/ipc/dispatcher.ts';
import { createHandlerTable } from '../../src/main/ipc/register-handlers.ts';
import { contentSecurityPolicy } from '../../src/main/security.ts';
import { createServices, type Services } from '../../src/main/services.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2',
};

export interface HarnessOptions {
  dataDir: string;
  port?: number;
  rendererDir?: string;
  /** The locale the app reports as the system's (decides the default language). */
  systemLocale?: string;
}

export interface Harness {
  url: string;
  origin: string;
  token: string;
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
  const root = normalize(rendererDir + sep);
  const token = randomBytes(24).toString('hex');
  const shim = await buildShim();
  const sockets = new Set<WebSocket>();
  const dialogAnswers: (string | null)[] = [];

  const services = createServices({
    dataDir: options.dataDir,
    transport: 'harness',
    systemLocale: options.systemLocale ?? 'de-DE',
    version: (JSON.parse(await readFile(join(here, '../../package.json'), 'utf8')) as { version: string }).version,
    emit: (event, payload) => {
      const text = JSON.stringify({ event, payload });
      for (const s of sockets) s.send(text);
    },
    dialog: { openFile: async () => dialogAnswers.shift() ?? null },
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
    res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store' }).end(injected);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin);
    const authorised = tokenMatches(url.searchParams.get('token'), token);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!authorised) return void res.writeHead(403).end('token required');
      return page(res);
    }
    if (url.pathname === '/__ferry/config.js') {
      if (!authorised) return void res.writeHead(403).end();
      const config = { ws: `${origin.replace('http', 'ws')}/__ferry/ws?token=${token}` };
      return void res.writeHead(200, { 'content-type': MIME['.js']! }).end(`var __FERRY_HARNESS__ = ${JSON.stringify(config)};`);
    }
    if (url.pathname === '/__ferry/shim.js') return void res.writeHead(200, { 'content-type': MIME['.js']! }).end(shim);
    if (url.pathname === '/__ferry/dialog' && req.method === 'POST') {
      // Test control: the answer the next file dialog gives (a path, or null for "cancelled").
      if (!authorised) return void res.writeHead(403).end();
      let body = '';
      for await (const chunk of req) body += String(chunk);
      dialogAnswers.push((JSON.parse(body) as { path: string | null }).path);
      return void res.writeHead(204).end();
    }
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
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
  const wss = new WebSocketServer({ noServer: true });
  let connections = 0;
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== '/__ferry/ws' || !tokenMatches(url.searchParams.get('token'), token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const sender = { id: `ws-${++connections}`, url: req.headers.origin ?? '' };
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (raw) => {
        let message: { id?: unknown; channel?: unknown; args?: unknown };
        try {
          message = JSON.parse(String(raw)) as typeof message;
        } catch {
          return;
        }
        if (typeof message.id !== 'number' || typeof message.channel !== 'string') return;
        void dispatch(sender, message.channel, message.args).then((result) => ws.send(JSON.stringify({ id: message.id, result })));
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
    services,
    async close() {
      for (const s of sockets) s.close();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
      await services.close();
    },
  };
}
